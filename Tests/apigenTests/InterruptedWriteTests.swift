import XCTest
import Foundation

/// Generation replaces each file atomically (temporary file + rename): a run killed at any moment
/// leaves every file either as it was or complete, never half written.
final class InterruptedWriteTests: XCTestCase {
    /// A document large enough that writing takes a while: `count` schemas with a few properties.
    private func largeDocument(count: Int, variant: String) -> String {
        var text = "openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for i in 0..<count {
            text += "    Model\(i):\n      type: object\n      description: \(variant) model number \(i).\n      properties:\n"
            for p in 0..<6 { text += "        field_\(p): {type: string, description: \(variant) field \(p)}\n" }
        }
        return text
    }

    private func run(_ arguments: [String], killAfter delay: Double?) throws {
        try ApigenProcess.run(arguments, killAfter: delay)
    }

    func testAKilledRunNeverLeavesAHalfFile() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let oldDoc = folder.appendingPathComponent("old.yaml"), newDoc = folder.appendingPathComponent("new.yaml")
        try Data(largeDocument(count: 2000, variant: "Old").utf8).write(to: oldDoc)
        try Data(largeDocument(count: 2000, variant: "New").utf8).write(to: newDoc)
        let reference = folder.appendingPathComponent("reference")
        let output = folder.appendingPathComponent("out")

        // The complete new files, and how long one run takes.
        let start = Date()
        try run(["generate", newDoc.path, "--output", reference.path, "--shards", "4"], killAfter: nil)
        let duration = Date().timeIntervalSince(start)
        let names = try FileManager.default.contentsOfDirectory(atPath: reference.path).sorted()
        XCTAssertEqual(names.count, 8)
        let newFiles = try names.map { try Data(contentsOf: reference.appendingPathComponent($0)) }

        for step in 1...8 {
            // Start from the complete old files each time, then kill a run at a point of its life.
            try run(["generate", oldDoc.path, "--output", output.path, "--shards", "4"], killAfter: nil)
            let oldFiles = try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }
            try run(["generate", newDoc.path, "--output", output.path, "--shards", "4"], killAfter: duration * Double(step) / 8)
            for (i, name) in names.enumerated() {
                let now = try Data(contentsOf: output.appendingPathComponent(name))
                XCTAssertTrue(now == oldFiles[i] || now == newFiles[i], "\(name) is neither the old nor the new file after a kill at \(step)/8")
            }
        }
        // A later run cleans up whatever temporary file a killed run left, and completes the output.
        try run(["generate", newDoc.path, "--output", output.path, "--shards", "4"], killAfter: nil)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), names)
        XCTAssertEqual(try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }, newFiles)
    }
}
