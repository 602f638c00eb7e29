import XCTest
import Foundation
import APIGenCore

final class DocumentDiscoveryTests: XCTestCase {
    private func urls(_ names: String...) -> [URL] { names.map { URL(fileURLWithPath: "/pkg/Sources/T/\($0)") } }

    func testFindsDocumentsAndTheirOutputs() throws {
        let documents = try DocumentDiscovery.documents(in: urls("Client.swift", "openapi.yaml", "Billing.openapi.json", "Meetings.openapi.yml", "notes.yaml", "apigen.yaml"))
        XCTAssertEqual(documents.map(\.input.lastPathComponent), ["Billing.openapi.json", "Meetings.openapi.yml", "openapi.yaml"])
        XCTAssertEqual(documents.map(\.namespace), ["Billing", "Meetings", nil])
        XCTAssertEqual(documents.map(\.outputNames), [
            ["Billing.APIGen.swift"],
            ["Meetings.APIGen.swift"],
            ["APIGen.swift"],
        ])
        XCTAssertEqual(Set(documents.flatMap(\.outputNames)).count, 3, "no two documents write the same file")
    }

    func testOutputNamesMatchWhatTheGeneratorWrites() {
        XCTAssertEqual(DocumentDiscovery.outputModes, OutputMode.allCases.map(\.rawValue))
        XCTAssertEqual(DocumentDiscovery.productFiles.map(\.1), OutputMode.allCases.compactMap(\.fileSuffix))
        // Every combination of products, with and without the client.
        let combinations = (1..<(1 << OutputMode.allCases.count)).map { bits in
            OutputMode.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
        }
        for shards in [1, 2, 4, 8] {
            XCTAssertEqual(DocumentDiscovery.fileNames(shards: shards), SwiftRenderer.fileNames(shards: shards))
            for modes in combinations {
                var document = DocumentDiscovery.Document(input: URL(fileURLWithPath: "/x/M.openapi.yaml"), namespace: "M", shards: shards)
                document.outputs = modes.map(\.rawValue)
                XCTAssertEqual(document.outputNames, SwiftRenderer.fileNames(namespace: "M", shards: shards, outputs: Set(modes)), "\(modes)")
            }
        }
    }

    func testOutputsAreReadFromAFlowOrABlockList() {
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: "outputs: [server, 'client']  # both\n").outputs, ["client", "server"])
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: "outputs:\n  - mock   # with its protocol\n\n  - \"server\"\nshards: 2\n"),
                       .init(shards: 2, outputs: ["mock", "server"]))
        XCTAssertNil(DocumentDiscovery.outputKeys(ofConfiguration: "outputs: [client, graphql]\n").outputs,
                     "an unknown mode is apigen's to report at its location; the plugin plans the default")
        XCTAssertNil(DocumentDiscovery.outputKeys(ofConfiguration: "outputs: []\n").outputs)
        XCTAssertNil(DocumentDiscovery.outputKeys(ofConfiguration: "names:\n  outputs: [server]\n").outputs, "only the top-level key")
    }

    func testLargeDocumentsAreSharded() throws {
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 76_026), 1, "the meetings subset")
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 128 * 1024 - 1), 1)
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 128 * 1024), 4)
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 239_616), 4, "all of RealtimeKit")
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 512 * 1024 - 1), 4)
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 512 * 1024), 8)
        XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: 4_186_772), 8, "the full Cloudflare API")
        for kilobytes in 0...1_024 {
            for bytes in [kilobytes * 1024 - 1, kilobytes * 1024] where bytes >= 0 {
                XCTAssertEqual(DocumentDiscovery.shardCount(documentBytes: bytes), SwiftRenderer.shardCount(documentBytes: bytes), "SwiftRenderer.shardCount at \(bytes) bytes")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("Big.openapi.json")
        try Data(count: 600 * 1024).write(to: big)
        let document = try XCTUnwrap(DocumentDiscovery.documents(in: [big]).first)
        XCTAssertEqual(document.shards, 8)
        XCTAssertEqual(document.outputNames.count, 16)
        let arguments = DocumentDiscovery.arguments(for: document, configuration: nil, output: folder, nonisolated: false)
        XCTAssertEqual(arguments.firstIndex(of: "--shards").map { arguments[$0 + 1] }, "8")
    }

    func testRejectsAmbiguousOrInvalidDocuments() {
        XCTAssertThrowsError(try DocumentDiscovery.documents(in: urls("openapi.yaml", "openapi.json"))) { error in
            XCTAssertTrue("\(error)".contains("give each document a name"), "\(error)")
        }
        XCTAssertThrowsError(try DocumentDiscovery.documents(in: urls("my-api.openapi.yaml"))) { error in
            XCTAssertTrue("\(error)".contains("'my-api' is not a Swift identifier"), "\(error)")
        }
        XCTAssertThrowsError(try DocumentDiscovery.documents(in: urls("A.openapi.yaml", "A.openapi.json")))
        XCTAssertEqual(try DocumentDiscovery.documents(in: urls("Package.swift", "README.md")), [])
    }

    func testConfigurationAndArguments() throws {
        let files = urls("openapi.yaml", "apigen.yaml")
        let config = DocumentDiscovery.configuration(in: files)
        XCTAssertEqual(config?.lastPathComponent, "apigen.yaml")
        let named = DocumentDiscovery.Document(input: URL(fileURLWithPath: "/p/M.openapi.yaml"), namespace: "M")
        XCTAssertEqual(DocumentDiscovery.arguments(for: named, configuration: config, output: URL(fileURLWithPath: "/out"), nonisolated: true),
                       ["generate", "/p/M.openapi.yaml", "--output", "/out", "--config", "/pkg/Sources/T/apigen.yaml", "--name", "M",
                        "--shards", "1", "--outputs", "client", "--file-names", "M.APIGen.swift", "--nonisolated"])
        XCTAssertEqual(DocumentDiscovery.arguments(for: nil, configuration: config, output: URL(fileURLWithPath: "/out"), nonisolated: false),
                       ["generate", "--output", "/out", "--config", "/pkg/Sources/T/apigen.yaml"])
    }

    /// The keys that decide the file names, read as the plugins read them.
    func testOutputKeysOfAConfiguration() {
        let text = """
        # a comment
        access: package
        namespace: Todos   # the namespace
        'shards': "3"
        names:
          namespace: NotThis
          shards: 9
        """
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: text), .init(shards: 3))
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: "shards: 99\n"), .init(shards: nil),
                       "a value apigen refuses is left to apigen, which reports it at its location")
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: "{shards: 2}\n"), .init(),
                       "a flow mapping is not read: apigen keeps the plugin's files and warns at the key")
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfiguration: "namespace: A\r\nshards: 2\r\n"), .init(shards: 2))
    }

    /// `shards:` wins over the count from the size; the file names come from the document's own
    /// name, never from `namespace:` (SwiftPM does not ask the plugin again when it changes).
    func testTheConfigurationShapesTheDeclaredFiles() throws {
        let plain = DocumentDiscovery.Document(input: URL(fileURLWithPath: "/p/openapi.yaml"), namespace: nil, shards: 1)
        let named = DocumentDiscovery.Document(input: URL(fileURLWithPath: "/p/Rooms.openapi.yaml"), namespace: "Rooms", shards: 4)
        let keys = DocumentDiscovery.OutputKeys(shards: 2)
        XCTAssertEqual(DocumentDiscovery.shaped(plain, by: keys).outputNames, SwiftRenderer.fileNames(shards: 2))
        XCTAssertEqual(DocumentDiscovery.shaped(named, by: keys).outputNames, SwiftRenderer.fileNames(namespace: "Rooms", shards: 2))
        XCTAssertEqual(DocumentDiscovery.shaped(named, by: .init()).outputNames, SwiftRenderer.fileNames(namespace: "Rooms", shards: 4))
        let arguments = DocumentDiscovery.arguments(for: DocumentDiscovery.shaped(plain, by: keys), configuration: nil, output: URL(fileURLWithPath: "/o"), nonisolated: false)
        XCTAssertEqual(Array(arguments.suffix(6)), ["--shards", "2", "--outputs", "client", "--file-names",
                                                   "Shard01.Types.swift,Shard02.Types.swift,Shard01.Client.swift,Shard02.Client.swift"])
        // The command plugin lets apigen name the checked-in files from the configuration, as
        // the command line does; a shard count from the size only when `shards:` gives none.
        let big = DocumentDiscovery.Document(input: URL(fileURLWithPath: "/p/openapi.yaml"), namespace: nil, shards: 4)
        XCTAssertEqual(DocumentDiscovery.arguments(for: DocumentDiscovery.shaped(big, by: keys), configuration: nil, output: URL(fileURLWithPath: "/o"),
                                                   nonisolated: false, declaringFiles: false), ["generate", "/p/openapi.yaml", "--output", "/o"])
        XCTAssertEqual(DocumentDiscovery.arguments(for: DocumentDiscovery.shaped(big, by: .init()), configuration: nil, output: URL(fileURLWithPath: "/o"),
                                                   nonisolated: false, declaringFiles: false), ["generate", "/p/openapi.yaml", "--output", "/o", "--shards", "4"])
    }

    /// The command plugin leaves alone a target holding no file apigen wrote (the build plugin's).
    func testTargetsWithGeneratedFiles() throws {
        XCTAssertEqual(DocumentDiscovery.generatedHeader, SwiftRenderer.headerPrefix)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("held-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("Mine.swift"), generated = folder.appendingPathComponent("APIGen.swift")
        try Data("// Generated by hand\n".utf8).write(to: mine)
        XCTAssertFalse(DocumentDiscovery.holdsGeneratedFiles([mine, folder.appendingPathComponent("openapi.yaml")]))
        try Data((SwiftRenderer.headerPrefix + " from openapi.yaml.\n").utf8).write(to: generated)
        XCTAssertTrue(DocumentDiscovery.holdsGeneratedFiles([mine, generated]))
    }

    /// The plugin reads only a regular configuration file: a FIFO would block the planning.
    func testOnlyARegularConfigurationIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let regular = folder.appendingPathComponent("apigen.yaml")
        try Data("shards: 2\n".utf8).write(to: regular)
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfigurationAt: regular), .init(shards: 2))
        let fifo = folder.appendingPathComponent("apigen.yml")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfigurationAt: fifo), .init(), "returns at once, reading nothing")
        XCTAssertEqual(DocumentDiscovery.outputKeys(ofConfigurationAt: folder), .init(), "a folder is no configuration")
    }
}
