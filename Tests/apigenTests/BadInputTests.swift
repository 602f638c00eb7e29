import XCTest
import Foundation

/// `Tests/BadInputs/`: malformed documents, each with the exact first diagnostic
/// (`expected.txt`, one `file<TAB>diagnostic` line each; `APIGEN_RECORD=1` rewrites it).
/// Every one must exit 1, write nothing, and neither crash nor hang.
final class BadInputTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("BadInputs")
    private var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("apigen")
    }

    /// Runs apigen in the corpus folder; kills it after `limit` seconds.
    private func run(_ arguments: [String], limit: Double = 10) throws -> (status: Int32, stderr: String, seconds: Double, hung: Bool) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        let start = Date()
        try process.run()
        var hung = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > limit {
                process.terminate()
                hung = true
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), Date().timeIntervalSince(start), hung)
    }

    func testEveryBadInputFailsWithItsExactDiagnostic() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "apigen was not built beside the tests")
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
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "apigen was not built beside the tests")
        let result = try run(["generate", ".", "--output", NSTemporaryDirectory() + "apigen-dir-out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix(".:1:1: error: '.' is a directory, not a file"), result.stderr)
    }
}
