import XCTest
import Foundation

/// `Tests/MessyInputs/`: documents that break the specification, or use what the generated code
/// uses itself, in ways that have a sound reading. Each must exit 0 with its expected first
/// warning (`expected.txt`, `APIGEN_RECORD=1` rewrites it), and everything they generate must
/// type-check without a warning: exit 0 means the output compiles.
final class MessyInputTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("MessyInputs")

    func testEveryMessyInputGeneratesCodeThatCompiles() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let expectedURL = folder.appendingPathComponent("expected.txt")
        var expected: [String: String] = [:]
        for line in ((try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "").split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 12)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-messy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var recorded: [String] = []
        for (i, name) in files.enumerated() {
            // Each in its own namespace, so that all of them type-check in one compiler run.
            let result = try ApigenProcess.run(["generate", name, "--output", output.path, "--name", "Messy\(i + 1)"], in: folder, killAfter: 20)
            XCTAssertFalse(result.killed, "\(name) hangs")
            XCTAssertEqual(result.status, 0, "\(name): exit status\n\(result.err)")
            let first = result.err.split(separator: "\n").first { $0.contains(": warning: ") }.map(String.init) ?? "(no warning)"
            recorded.append("\(name)\t\(first)")
            if ProcessInfo.processInfo.environment["APIGEN_RECORD"] != "1" {
                XCTAssertEqual(first, expected[name], name)
            }
        }
        if ProcessInfo.processInfo.environment["APIGEN_RECORD"] == "1" {
            try (recorded.joined(separator: "\n") + "\n").write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        try typeCheck(output)
    }

    private func typeCheck(_ output: URL) throws {
        try XCTSkipUnless(TypeCheck.isAvailable, "APIGenRuntime was not built beside apigen (run the whole test suite)")
        XCTAssertEqual(try TypeCheck.problems(in: output), [], "the generated code compiles without a warning")
    }
}
