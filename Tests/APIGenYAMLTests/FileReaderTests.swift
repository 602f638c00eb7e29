import XCTest
import Foundation
@testable import APIGenYAML

final class FileReaderTests: XCTestCase {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "apigen-reader-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testContentsReadsWholeFilesOrAPrefix() throws {
        let dir = try folder()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/big"))
        XCTAssertEqual(FileReader.contents(of: dir + "/big"), bytes, "more than one read's worth")
        XCTAssertEqual(FileReader.contents(of: dir + "/big", limit: 70_000), Array(bytes.prefix(70_000)))
        XCTAssertEqual(FileReader.contents(of: dir + "/big", limit: 0), [])
        _ = FileManager.default.createFile(atPath: dir + "/empty", contents: Data())
        XCTAssertEqual(FileReader.contents(of: dir + "/empty"), [])
        XCTAssertNil(FileReader.contents(of: dir + "/missing"))
    }

    func testDocumentsMustBeRegularFiles() throws {
        let dir = try folder()
        XCTAssertThrowsError(try FileReader.read(dir)) { XCTAssertEqual(($0 as? FileReader.Failure)?.message, "'\(dir)' is a directory, not a file") }
        XCTAssertThrowsError(try FileReader.read("/dev/zero")) { XCTAssertEqual(($0 as? FileReader.Failure)?.message, "'/dev/zero' is a system file (/dev/zero), not a document") }
        // Kernel files look regular; their bytes must never reach a diagnostic's excerpt.
        #if os(Linux)
        XCTAssertThrowsError(try FileReader.read("/proc/self/environ")) { XCTAssertTrue(($0 as? FileReader.Failure)?.message.hasSuffix("/environ), not a document") == true, "\($0)") }
        #endif
        // A FIFO is refused at once: opening it does not wait for a writer.
        XCTAssertEqual(mkfifo(dir + "/fifo.yaml", 0o644), 0)
        XCTAssertThrowsError(try FileReader.read(dir + "/fifo.yaml")) { XCTAssertEqual(($0 as? FileReader.Failure)?.message, "'\(dir)/fifo.yaml' is not a regular file") }
        XCTAssertNil(FileReader.contents(of: dir + "/fifo.yaml"), "nor read as a file's contents")
        XCTAssertThrowsError(try FileReader.read(dir + "/missing")) { XCTAssertEqual(($0 as? FileReader.Failure)?.message, "cannot open '\(dir)/missing': No such file or directory") }
        try Data("a: 1\n".utf8).write(to: URL(fileURLWithPath: dir + "/doc.yaml"))
        XCTAssertEqual(try FileReader.read(dir + "/doc.yaml"), Array("a: 1\n".utf8))
    }
}
