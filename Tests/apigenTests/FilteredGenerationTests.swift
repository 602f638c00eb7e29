import XCTest
import Foundation

/// A configuration that keeps some operations generates only the types they reach: the output
/// must still compile, and `--check` must accept it. Random operation filters over the goldens.
final class FilteredGenerationTests: XCTestCase {
    func testFilteredOutputsCompileAndCheck() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        try XCTSkipUnless(TypeCheck.isAvailable, "APIGenRuntime was not built beside apigen (run the whole test suite)")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-filtered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        var generator = SystemRandomNumberGenerator()
        var n = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() {
            let input = golden.appendingPathComponent(name).appendingPathComponent("input.yaml")
            let text = try String(contentsOf: input, encoding: .utf8)
            // The operationIds, read off the text: enough for choosing some.
            let ids = text.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "operationId: ") else { return nil }
                return String(line[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
            }
            guard ids.count >= 2 else { continue }
            for _ in 0..<2 {
                n += 1
                let chosen = ids.shuffled(using: &generator).prefix(max(1, ids.count / 4))
                let config = folder.appendingPathComponent("apigen\(n).yaml")
                try "namespace: Filtered\(n)\noperations:\n  include:\n    operationIds: [\(chosen.map { "'\($0)'" }.joined(separator: ", "))]\n"
                    .write(to: config, atomically: true, encoding: .utf8)
                let arguments = ["generate", input.path, "--config", config.path, "--output", output.path, "--quiet"]
                let result = try ApigenProcess.run(arguments, in: folder, killAfter: 30)
                XCTAssertEqual(result.status, 0, "\(name) with \(chosen): \(result.err)")
                let check = try ApigenProcess.run(arguments + ["--check"], in: folder, killAfter: 30)
                XCTAssertEqual(check.status, 0, "--check after generating with a filter: \(check.err)")
            }
        }
        XCTAssertGreaterThan(n, 0)
        XCTAssertEqual(try TypeCheck.problems(in: output), [], "filtered outputs compile without a warning")
    }
}
