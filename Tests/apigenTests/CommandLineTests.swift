import XCTest
import Foundation
@testable import apigen

final class CommandLineParserTests: XCTestCase {
    func testParsesGenerate() throws {
        XCTAssertEqual(try CommandLineParser.parse(["generate", "s.yaml", "--output", "out"]),
                       .generate(GenerateOptions(schema: "s.yaml", output: "out")))
        XCTAssertEqual(try CommandLineParser.parse(["generate", "-o", "out", "s.yaml", "--check", "--config=c.yaml", "-q"]),
                       .generate(GenerateOptions(schema: "s.yaml", output: "out", config: "c.yaml", check: true, quiet: true)))
        XCTAssertEqual(try CommandLineParser.parse(["--help"]), .help(nil))
    }

    func testUsageErrors() {
        let cases: [([String], String)] = [
            ([], "missing command (generate or diff)"),
            (["make"], "unknown command 'make' (the commands are generate and diff)"),
            (["help", "make"], "no help for 'make': the commands are generate and diff"),
            (["generate", "--output", "o"], "missing <schema>"),
            (["generate", "s.yaml"], "missing --output <folder>"),
            (["generate", "s.yaml", "--output"], "--output needs a value"),
            (["generate", "s.yaml", "-o", "o", "--fast"], "unknown option '--fast'"),
            (["generate", "a.yaml", "b.yaml", "-o", "o"], "unexpected argument 'b.yaml'"),
            // Names become a Swift type and a file-name prefix: never a path, never a runtime type.
            (["generate", "a.yaml", "-o", "o", "--name", "../../evil"], "--name '../../evil' is not a valid Swift identifier"),
            (["generate", "a.yaml", "-o", "o", "--name=a/b"], "--name 'a/b' is not a valid Swift identifier"),
            (["generate", "a.yaml", "-o", "o", "--name", "1x"], "--name '1x' is not a valid Swift identifier"),
            (["generate", "a.yaml", "-o", "o", "--name", "FieldReader"], "--name 'FieldReader' is a type name the generated code uses itself"),
            (["generate", "a.yaml", "--output", ""], "--output needs a folder (an empty path is not the current folder)"),
            (["generate", "a.yaml", "--output="], "--output needs a folder (an empty path is not the current folder)"),
        ]
        for (arguments, message) in cases {
            XCTAssertThrowsError(try CommandLineParser.parse(arguments)) { error in
                XCTAssertEqual((error as? UsageError)?.message, message, "\(arguments)")
            }
        }
    }
}

/// Runs the real `apigen` binary, as users and the build plugin do.
final class ApigenProcessTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try ApigenProcess.run(arguments)
        return (result.status, result.out, result.err)
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    override func setUpWithError() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
    }

    func testExitCodesAndCheck() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {b: {type: string}}}\n".utf8).write(to: schema)
        let output = folder.appendingPathComponent("out").path

        XCTAssertEqual(try run(["generate", schema.path]).status, 2, "usage error")
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--check"]).status, 1, "nothing generated yet")
        let first = try run(["generate", schema.path, "--output", output])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["APIGen.swift"])
        let check = try run(["generate", schema.path, "--output", output, "--check"])
        XCTAssertEqual(check.status, 0, check.err)
        XCTAssertTrue(check.out.contains("up to date"))

        try Data("// edited\n".utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent("APIGen.swift"))
        let stale = try run(["generate", schema.path, "--output", output, "--check"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.err.contains("APIGen.swift: error: out of date"), stale.err)
        XCTAssertEqual(String(decoding: FileManager.default.contents(atPath: output + "/APIGen.swift")!, as: UTF8.self), "// edited\n", "--check writes nothing")
    }

    func testFewerShardsRemoveTheFilesNoLongerGeneratedAndNothingElse() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {b: {type: string}}}\n    C: {type: object, properties: {d: {type: string}}}\n".utf8).write(to: schema)
        let output = folder.appendingPathComponent("out").path
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--shards", "3"]).status, 0)
        // Beside them: a hand-written file, and a file generated from another document.
        try Data("// mine\n".utf8).write(to: URL(fileURLWithPath: output + "/Mine.swift"))
        try Data("// Generated by APIGen from other.yaml. Do not edit: change the document and regenerate.\n".utf8).write(to: URL(fileURLWithPath: output + "/Other.swift"))

        let check = try run(["generate", schema.path, "--output", output, "--shards", "2", "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.err.contains("Shard03.Types.swift: error: no longer generated"), check.err)
        let second = try run(["generate", schema.path, "--output", output, "--shards", "2"])
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.out.contains("removed 2 it no longer generates (Shard03.Client.swift, Shard03.Types.swift)"), second.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), [
            "Mine.swift", "Other.swift", "Shard01.Client.swift", "Shard01.Types.swift", "Shard02.Client.swift", "Shard02.Types.swift",
        ])
        let unsharded = try run(["generate", schema.path, "--output", output])
        XCTAssertEqual(unsharded.status, 0, unsharded.err)
        XCTAssertTrue(unsharded.out.contains("removed 4 it no longer generates"), unsharded.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["APIGen.swift", "Mine.swift", "Other.swift"])
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--check"]).status, 0)

        // The two files of the layout before `APIGen.swift` (same header) go on the next generation.
        let header = try XCTUnwrap(String(decoding: FileManager.default.contents(atPath: output + "/APIGen.swift")!, as: UTF8.self).split(separator: "\n").first)
        for name in ["Types.swift", "Client.swift"] {
            try Data("\(header)\n// swift-format-ignore-file\n".utf8).write(to: URL(fileURLWithPath: output + "/" + name))
        }
        let upgraded = try run(["generate", schema.path, "--output", output])
        XCTAssertEqual(upgraded.status, 0, upgraded.err)
        XCTAssertTrue(upgraded.out.contains("removed 2 it no longer generates (Client.swift, Types.swift)"), upgraded.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["APIGen.swift", "Mine.swift", "Other.swift"])
    }

    func testBrokenSchemaPrintsLocatedErrorsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("bad.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/Nope'}\n".utf8).write(to: schema)
        let output = folder.appendingPathComponent("out")
        let result = try run(["generate", schema.path, "--output", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("bad.yaml:6:15: error: $ref '#/components/schemas/Nope' does not resolve"), result.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing was written")
    }

    /// A namespace named like a type of the document: inside `enum Item`, `Item` must still
    /// mean the namespace, so the type is renamed (top level or nested), with a located warning.
    func testNamespaceNamedLikeAType() throws {
        try XCTSkipUnless(TypeCheck.isAvailable, "the runtime module was not built beside apigen")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}}
        components:
          schemas:
            Item: {type: object, properties: {name: {type: string}}}
            Order:
              type: object
              properties:
                item: {type: object, properties: {count: {type: integer}}}
        """.utf8).write(to: schema)
        let config = folder.appendingPathComponent("apigen.yaml")
        try Data("namespace: Item\n".utf8).write(to: config)
        for arguments in [["--name", "Item"], ["--config", config.path]] {
            let output = folder.appendingPathComponent("out-\(arguments[0].dropFirst(2))")
            let result = try run(["generate", schema.path, "--output", output.path] + arguments)
            XCTAssertEqual(result.status, 0, result.err)
            XCTAssertTrue(result.err.contains("api.yaml:11:5: warning: component 'Item' is generated as 'Item2' because 'Item' is the namespace"), result.err)
            XCTAssertEqual(try TypeCheck.problems(in: output), [], "\(arguments)")
            let code = String(decoding: FileManager.default.contents(atPath: output.path + "/Item.APIGen.swift")!, as: UTF8.self)
            XCTAssertTrue(code.contains("public struct Item2:"), code)
            XCTAssertFalse(code.contains("struct Item:"), "no nested type takes the namespace's name either")
        }
    }

    /// Each command has its own help; a usage error is one line and a hint; a file that cannot
    /// be opened is not given an invented position; an output that cannot be written is not
    /// an error in the document.
    func testHelpUsageErrorsAndFileProblems() throws {
        for (arguments, first) in [(["diff", "--help"], "USAGE: apigen diff"), (["generate", "-h"], "USAGE: apigen generate"),
                                   (["help", "diff"], "USAGE: apigen diff"), (["--help"], "USAGE: apigen <command>")] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.out.hasPrefix(first), "\(arguments): \(result.out)")
        }
        let usage = try run(["generate", "a.yaml", "--fast"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertEqual(usage.err, "error: unknown option '--fast'\nhint: run 'apigen generate --help' for the usage\n")
        XCTAssertTrue(try run(["--version"]).out.hasPrefix("apigen "))

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let missing = try run(["generate", folder.path + "/nowhere.yaml", "--output", folder.path + "/out"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.hasPrefix("\(folder.path)/nowhere.yaml: error: cannot open"), missing.err)
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n".utf8).write(to: schema)
        let file = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let unwritable = try run(["generate", schema.path, "--output", file.path])
        XCTAssertEqual(unwritable.status, 4, "the output, not the document")
        XCTAssertEqual(unwritable.err, "error: output '\(file.path)' exists and is not a folder\n")
    }

    /// What the configuration says is never silently not used: a `schema:` beside a document
    /// given on the command line, a namespace or shard count the command line replaces, a filter
    /// entry that selects nothing (one rule with names and `schemas:`). `--check` names the
    /// whole command to run.
    func testConfigurationThatIsNotUsedIsSaid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      tags: [A]\n      responses: {'204': {description: ok}}\n".utf8).write(to: schema)
        let config = folder.appendingPathComponent("apigen.yaml")
        try Data("schema: other.yaml\nnamespace: Mine\nshards: 2\noperations:\n  include: {tags: [B], operationIds: [getA]}\n  exclude: {paths: [/nope]}\n".utf8).write(to: config)
        let output = folder.appendingPathComponent("out").path
        let result = try run(["generate", schema.path, "--output", output, "--config", config.path, "--name", "Other", "--shards", "1"])
        XCTAssertEqual(result.status, 0, result.err)
        for expected in [
            "apigen.yaml:1:9: warning: schema 'other.yaml' is not used: the document given to apigen, \(schema.path), is generated instead",
            "apigen.yaml:2:1: warning: namespace 'Mine' is not used: --name Other replaces it",
            "apigen.yaml:3:1: warning: shards 2 is not used: --shards 1 replaces it",
            "apigen.yaml:5:20: warning: operations.include.tags entry 'B' matches no operation of the document",
            "apigen.yaml:6:21: warning: operations.exclude.paths entry '/nope' matches no operation of the document",
        ] {
            XCTAssertTrue(result.err.contains(expected), "missing: \(expected)\n\(result.err)")
        }
        XCTAssertFalse(result.err.contains("'getA' matches no"), result.err)

        try Data("operations:\n  exclude: {tags: [A]}\n".utf8).write(to: config)
        let empty = try run(["generate", schema.path, "--output", output, "--config", config.path])
        XCTAssertTrue(empty.err.contains("apigen.yaml:1:1: warning: the operation filter keeps none of the document's 1 operations"), empty.err)

        try Data("// edited\n".utf8).write(to: URL(fileURLWithPath: output + "/APIGen.swift"))
        let stale = try run(["generate", schema.path, "--output", output, "--config", config.path, "--check"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.err.contains("run apigen generate \(schema.path) --output \(output) --config \(config.path)\n"), stale.err)
    }

    /// The build plugin names the files before any configuration is read: they are written
    /// under those names, whatever the namespace.
    func testFileNamesFromThePlugin() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {type: string}}}\n".utf8).write(to: schema)
        let config = folder.appendingPathComponent("apigen.yaml")
        try Data("namespace: Mine\n".utf8).write(to: config)
        let output = folder.appendingPathComponent("out").path
        let result = try run(["generate", schema.path, "--output", output, "--config", config.path, "--shards", "2",
                              "--file-names", "Shard01.Types.swift,Shard02.Types.swift,Shard01.Client.swift,Shard02.Client.swift"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(),
                       ["Shard01.Client.swift", "Shard01.Types.swift", "Shard02.Client.swift", "Shard02.Types.swift"])
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: output + "/Shard01.Types.swift")!, as: UTF8.self).contains("enum Mine"))
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--file-names", "A.swift,B.swift"]).status, 2, "a count that does not fit")
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--file-names", "../x.swift"]).status, 2, "a name, never a path")
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--shards", "2", "--file-names", "A.swift,A.swift,B.swift,C.swift"]).status, 2, "one file each")
    }

    /// `--outputs` (the build plugin's) over `outputs:`, with a warning at the key it replaces;
    /// products dropped later are removed like shards.
    func testOutputsOptionReplacesTheConfigurationsList() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'204': {description: none}}\n".utf8).write(to: schema)
        let config = folder.appendingPathComponent("apigen.yaml")
        try Data("outputs: [client, server]\n".utf8).write(to: config)
        let output = folder.appendingPathComponent("out").path
        let configured = try run(["generate", schema.path, "--output", output, "--config", config.path])
        XCTAssertEqual(configured.status, 0, configured.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["APIGen.Server.swift", "APIGen.swift"])
        let replaced = try run(["generate", schema.path, "--output", output, "--config", config.path, "--outputs", "mock"])
        XCTAssertEqual(replaced.status, 0, replaced.err)
        XCTAssertTrue(replaced.err.contains("apigen.yaml:1:1: warning: outputs [client, server] is not used: --outputs mock replaces it"), replaced.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["APIGen.Mock.swift", "APIGen.Protocol.swift", "APIGen.swift"],
                       "a mock brings its protocol; the server file is gone")
        XCTAssertFalse(String(decoding: FileManager.default.contents(atPath: output + "/APIGen.swift")!, as: UTF8.self).contains("struct Client"),
                       "without the client, the types only")
        let bad = try run(["generate", schema.path, "--output", output, "--outputs", "client,graphql"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--outputs needs a comma-separated list of client, protocol, mock, server"), bad.err)
    }

    func testConfigFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeAll(folder) }
        let schema = folder.appendingPathComponent("api.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {b: {type: string}}}\n".utf8).write(to: schema)
        let config = folder.appendingPathComponent("apigen.yaml")
        try Data("access: package\nimports: [Dispatch]\n".utf8).write(to: config)
        let output = folder.appendingPathComponent("out").path
        XCTAssertEqual(try run(["generate", schema.path, "--output", output, "--config", config.path]).status, 0)
        let types = String(decoding: FileManager.default.contents(atPath: output + "/APIGen.swift")!, as: UTF8.self)
        XCTAssertTrue(types.contains("package struct A: Codable, Hashable, Sendable"), types)
        XCTAssertTrue(types.contains("\nextension A: FieldCodable, FieldEquatable {}"), "SPI is for public declarations only: \(types)")
        XCTAssertTrue(types.contains("import Dispatch"))

        try Data("access: public\nacess: internal\n".utf8).write(to: config)
        let bad = try run(["generate", schema.path, "--output", output, "--config", config.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("apigen.yaml:2:1: error: unknown key 'acess'"), bad.err)

        // The document the configuration names: located at its `schema:` key when it is wrong.
        try Data("schema: ''\n".utf8).write(to: config)
        let empty = try run(["generate", "--output", output, "--config", config.path])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.err.contains("apigen.yaml:1:9: error: schema must name the OpenAPI document"), empty.err)
        try Data("schema: nowhere.yaml\n".utf8).write(to: config)
        let missing = try run(["generate", "--output", output, "--config", config.path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("apigen.yaml:1:9: error: schema names '\(folder.path)/nowhere.yaml', which does not exist"), missing.err)
    }
}

extension FileManager {
    func removeAll(_ url: URL) throws { try removeItem(at: url) }
}

final class DiffCommandTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let result = try ApigenProcess.run(arguments)
        return (result.status, result.out)
    }

    func testExitCodesAndJSON() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {x: {type: string}"
        let a = folder.appendingPathComponent("a.yaml"), b = folder.appendingPathComponent("b.yaml"), c = folder.appendingPathComponent("c.yaml")
        try Data((base + "}}\n").utf8).write(to: a)
        try Data((base + ", y: {type: string}}}\n").utf8).write(to: b)
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n".utf8).write(to: c)
        let same = try run(["diff", a.path, a.path])
        XCTAssertEqual(same.status, 0)
        XCTAssertEqual(same.out, "0 breaking, 0 additive\n")
        let additive = try run(["diff", a.path, b.path])
        XCTAssertEqual(additive.status, 0, "additive changes only")
        XCTAssertEqual(additive.out, "additive: property added: A.y (String?)\n0 breaking, 1 additive\n")
        let breaking = try run(["diff", b.path, c.path, "--json"])
        XCTAssertEqual(breaking.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(breaking.out.utf8)) as? [String: [[String: String]]])
        XCTAssertEqual(json["breaking"]?.first?["kind"], "type removed")
        XCTAssertEqual(try run(["diff", a.path]).status, 2, "usage error")
        // A document that cannot be read is not a breaking change: its own code, and the errors in JSON.
        XCTAssertEqual(try run(["diff", a.path, folder.appendingPathComponent("missing.yaml").path]).status, 3)
        let broken = folder.appendingPathComponent("broken.yaml")
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {$ref: '#/nope'}}}\n".utf8).write(to: broken)
        let failed = try run(["diff", a.path, broken.path, "--json"])
        XCTAssertEqual(failed.status, 3)
        let errors = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(failed.out.utf8)) as? [String: [[String: Any]]])
        XCTAssertEqual(errors["errors"]?.first?["line"] as? Int, 4)
        XCTAssertEqual(errors["errors"]?.first?["message"] as? String, "$ref '#/nope' does not resolve")
    }
}
