import XCTest
import Foundation

/// `Tests/BadInputs/`: malformed documents, each with the exact first diagnostic
/// (`expected.txt`, one `file<TAB>diagnostic` line each; `APIGEN_RECORD=1` rewrites it).
/// Every one must exit 1, write nothing, and neither crash nor hang.
final class BadInputTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("BadInputs")
    private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String, seconds: Double, hung: Bool) {
        let result = try ApigenProcess.run(arguments, in: folder, killAfter: 10)
        return (result.status, result.err, result.seconds, result.killed)
    }

    func testEveryBadInputFailsWithItsExactDiagnostic() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let expectedURL = folder.appendingPathComponent("expected.txt")
        var expected: [String: String] = [:]
        if let text = try? String(contentsOf: expectedURL, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "expected.txt" }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 30)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-bad-\(UUID().uuidString)").path
        var recorded: [String] = []
        var slowest = (name: "", seconds: 0.0)
        for name in files {
            let result = try run(["generate", name, "--output", output])
            XCTAssertFalse(result.hung, "\(name) hangs")
            XCTAssertEqual(result.status, 1, "\(name): exit status\n\(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "\(name): nothing may be written")
            let first = result.stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? "(no error line)"
            recorded.append("\(name)\t\(first)")
            if ProcessInfo.processInfo.environment["APIGEN_RECORD"] != "1" {
                XCTAssertEqual(first, expected[name], name)
            }
            if result.seconds > slowest.seconds { slowest = (name, result.seconds) }
        }
        if ProcessInfo.processInfo.environment["APIGEN_RECORD"] == "1" {
            try Data((recorded.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
        }
        print("bad inputs: \(files.count) documents, slowest \(slowest.name) in \(String(format: "%.3f", slowest.seconds)) s (process start included)")
    }

    func testADirectoryGivenAsTheDocument() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let result = try run(["generate", ".", "--output", NSTemporaryDirectory() + "apigen-dir-out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix(".: error: '.' is a directory, not a file"), result.stderr)
    }
}
