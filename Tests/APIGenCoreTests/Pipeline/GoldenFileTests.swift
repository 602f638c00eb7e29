import XCTest
import Foundation
@testable import APIGenCore

/// Golden files: every `Tests/Golden/<case>/input.yaml` must generate exactly `expected/`
/// (and the warnings in `diagnostics.txt`). `APIGEN_RECORD=1 swift test` rewrites them;
/// review that diff like code.
final class GoldenFileTests: XCTestCase {
    private var record: Bool { ProcessInfo.processInfo.environment["APIGEN_RECORD"] == "1" }

    func testGoldenCases() throws {
        let golden = Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden")
        let cases = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        XCTAssertFalse(cases.isEmpty)
        for name in cases {
            let folder = golden.appendingPathComponent(name)
            let input = folder.appendingPathComponent("input.yaml")
            guard FileManager.default.fileExists(atPath: input.path) else { continue }
            // A golden's own `apigen.yaml` (kitchen-sink's asks for every product).
            let config = folder.appendingPathComponent("apigen.yaml")
            let configuration = FileManager.default.fileExists(atPath: config.path) ? try Configuration.load(path: config.path) : Configuration()
            let output = try Generator(configuration: configuration).generate(path: input.path, displayName: "input.yaml")
            let expected = folder.appendingPathComponent("expected")
            for file in output.files {
                try compare(file.contents, to: expected.appendingPathComponent(file.name), label: "\(name)/\(file.name)")
            }
            // Nothing else: an old file left in `expected/` would be compiled into its golden target too.
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".swift") }.sorted()
            let generatedNames = output.files.map(\.name).sorted()
            if record {
                for extra in onDisk where !generatedNames.contains(extra) {
                    try FileManager.default.removeItem(at: expected.appendingPathComponent(extra))
                }
            } else {
                XCTAssertEqual(onDisk, generatedNames, "\(name)/expected holds exactly the generated files")
            }
            let diagnostics = output.diagnostics.map(\.description).joined(separator: "\n") + "\n"
            try compare(diagnostics, to: folder.appendingPathComponent("diagnostics.txt"), label: "\(name)/diagnostics.txt")
        }
    }

    /// `Generated/` is the golden of `schema/meetings.yaml`: any drift fails, and it must generate without warnings.
    func testGeneratedFolderMatchesTheMeetingsSchema() throws {
        let root = Pipeline.repositoryRoot
        let output = try Generator().generate(path: root.appendingPathComponent("schema/meetings.yaml").path, displayName: "schema/meetings.yaml")
        XCTAssertEqual(output.diagnostics.map(\.description), [], "the meetings schema generates without warnings")
        let generated = root.appendingPathComponent("Generated")
        for file in output.files {
            try compare(file.contents, to: generated.appendingPathComponent(file.name), label: "Generated/\(file.name)",
                        hint: "run: swift run apigen generate schema/meetings.yaml --output Generated")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: generated.path).filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertEqual(onDisk, output.files.map(\.name).sorted(), "Generated/ holds exactly the generated files")
    }

    func testGenerationIsDeterministic() throws {
        let path = Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden/kitchen-sink/input.yaml").path
        let first = try Generator().generate(path: path).files
        let second = try Generator().generate(path: path).files
        XCTAssertEqual(first, second)
    }

    private func compare(_ actual: String, to url: URL, label: String, hint: String = "run: APIGEN_RECORD=1 swift test --filter GoldenFileTests") throws {
        if record {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("\(label): missing golden file \(url.path); \(hint)")
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            XCTFail("\(label) differs from its golden file; \(hint)\n" + UnifiedDiff.make(expected: expected, actual: actual, label: label))
        }
    }
}

/// A small unified diff of two texts (enough to see what changed in a golden file).
enum UnifiedDiff {
    static func make(expected: String, actual: String, label: String, context: Int = 3) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        // Longest common subsequence table, bounded for big files.
        guard a.count * b.count <= 25_000_000 else { return "(files too large to diff: \(a.count) vs \(b.count) lines)" }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String, Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append((" ", a[i], i)); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(("-", a[i], i)); i += 1
            } else {
                ops.append(("+", b[j], i)); j += 1
            }
        }
        var out = ["--- expected/\(label)", "+++ actual/\(label)"]
        var index = 0
        while index < ops.count {
            guard ops[index].0 != " " else { index += 1; continue }
            let start = max(0, index - context)
            var end = index
            while end < ops.count, ops[end].0 != " " || ops[end..<min(ops.count, end + context * 2)].contains(where: { $0.0 != " " }) { end += 1 }
            end = min(ops.count, end + context)
            out.append("@@ line \(ops[start].2 + 1) @@")
            for op in ops[start..<end] { out.append("\(op.0)\(op.1)") }
            index = end
        }
        return out.joined(separator: "\n")
    }
}

final class ShardingTests: XCTestCase {
    func testShardsSplitTypesAndOperationsWithoutLosingAny() throws {
        let path = Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden/kitchen-sink/input.yaml").path
        let single = try Generator().generate(path: path).files
        var configuration = Configuration()
        configuration.shards = 3
        let sharded = try Generator(configuration: configuration).generate(path: path).files
        XCTAssertEqual(sharded.map(\.name), ["Shard01.Types.swift", "Shard02.Types.swift", "Shard03.Types.swift",
                                             "Shard01.Client.swift", "Shard02.Client.swift", "Shard03.Client.swift"])
        func declarations(_ files: [GeneratedFile]) -> [String] {
            files.flatMap { $0.contents.split(separator: "\n") }
                .filter { $0.hasPrefix("public ") || $0.hasPrefix("    public func") }
                .map(String.init)
        }
        XCTAssertEqual(declarations(sharded), declarations(single), "the same declarations, in the same order")
        // Unsharded, one file: one header and one set of imports, the types, then the client.
        XCTAssertEqual(single.map(\.name), ["APIGen.swift"])
        let text = single[0].contents
        XCTAssertEqual(text.components(separatedBy: "// Generated by APIGen").count, 2)
        XCTAssertEqual(text.components(separatedBy: "\nimport Foundation\n").count, 2)
        let types = try XCTUnwrap(text.range(of: "\n// MARK: - Types\n")), client = try XCTUnwrap(text.range(of: "\n// MARK: - Client\n"))
        let clientStruct = try XCTUnwrap(text.range(of: "public struct Client"))
        XCTAssertTrue(types.upperBound < client.lowerBound && client.upperBound < clientStruct.lowerBound)
        XCTAssertFalse(text[..<client.lowerBound].contains("extension Client"), "no operation among the types")
        XCTAssertTrue(sharded[3].contents.contains("public struct Client"), "the Client struct opens the first client shard")
        XCTAssertTrue(sharded.allSatisfy { $0.contents.hasPrefix("// Generated by APIGen") })
    }

    func testInNameOrderEveryRunOfFilesHoldsTypesAndOperationsAlike() {
        // The compiler driver gives each core consecutive files in name order.
        let sorted = SwiftRenderer.fileNames(shards: 12).sorted()
        XCTAssertEqual(sorted.count, 24)
        for pair in stride(from: 0, to: sorted.count, by: 2) {
            XCTAssertEqual(Set([sorted[pair], sorted[pair + 1]].map { $0.hasSuffix(".Types.swift") }), [false, true], "\(sorted)")
        }
        XCTAssertEqual(sorted.suffix(2), ["Shard12.Client.swift", "Shard12.Types.swift"])
        XCTAssertEqual(SwiftRenderer.fileNames(namespace: "RK", shards: 2),
                       ["RK.Shard01.Types.swift", "RK.Shard02.Types.swift", "RK.Shard01.Client.swift", "RK.Shard02.Client.swift"])
        XCTAssertEqual(SwiftRenderer.fileNames(shards: 1), ["APIGen.swift"])
        XCTAssertEqual(SwiftRenderer.fileNames(namespace: "RK", shards: 1), ["RK.APIGen.swift"])
    }

    func testSplitIsContiguousAndBalanced() {
        let chunks = (1...10).map { SwiftRenderer.Chunk(text: String(repeating: "x", count: $0 * 10)) }
        let groups = SwiftRenderer.split(chunks, into: 3)
        XCTAssertEqual(groups.count, 3)
        XCTAssertEqual(groups.flatMap { $0 }.map(\.text), chunks.map(\.text))
        XCTAssertEqual(SwiftRenderer.split([SwiftRenderer.Chunk(text: "a")], into: 4).map(\.count), [1, 0, 0, 0])
    }
}
