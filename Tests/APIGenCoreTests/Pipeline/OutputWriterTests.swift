import XCTest
import Foundation
@testable import APIGenCore

final class OutputWriterTests: XCTestCase {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "apigen-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func testWritesOnlyChangedFilesAndLeavesNoTemporaries() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [GeneratedFile(name: "A.swift", contents: "a\n"), GeneratedFile(name: "B.swift", contents: "b\n")]
        XCTAssertEqual(try OutputWriter.write(files, to: dir), ["A.swift", "B.swift"])
        let before = try FileManager.default.attributesOfItem(atPath: dir + "/A.swift")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        XCTAssertEqual(try OutputWriter.write([files[0], GeneratedFile(name: "B.swift", contents: "b2\n")], to: dir), ["B.swift"])
        let after = try FileManager.default.attributesOfItem(atPath: dir + "/A.swift")[.modificationDate] as? Date
        XCTAssertEqual(before, after, "an unchanged file is not touched")
        XCTAssertEqual(try String(contentsOfFile: dir + "/B.swift", encoding: .utf8), "b2\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["A.swift", "B.swift"], "no temporary files left")
        XCTAssertEqual(OutputWriter.staleFiles(files, in: dir), ["B.swift"])
    }

    func testSameSizeChangesAreSeenAndMultibyteTextIsWrittenExactly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "let café = \"☕️\"\n" + String(repeating: "x", count: 100_000)
        XCTAssertEqual(try OutputWriter.write([GeneratedFile(name: "A.swift", contents: text)], to: dir), ["A.swift"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/A.swift")), Data(text.utf8))
        let sameSize = "let cafe = \"☕️\"\n" + String(repeating: "x", count: 100_001)
        XCTAssertEqual(OutputWriter.staleFiles([GeneratedFile(name: "A.swift", contents: sameSize)], in: dir), ["A.swift"])
        XCTAssertEqual(OutputWriter.staleFiles([GeneratedFile(name: "A.swift", contents: text)], in: dir), [])
        let empty = GeneratedFile(name: "Empty.swift", contents: "")
        XCTAssertEqual(try OutputWriter.write([empty], to: dir), ["Empty.swift"])
        XCTAssertEqual(OutputWriter.staleFiles([empty], in: dir), [], "an empty file equals empty contents")
        XCTAssertEqual(OutputWriter.staleFiles([GeneratedFile(name: "Empty.swift", contents: "x")], in: dir), ["Empty.swift"])
        XCTAssertEqual(OutputWriter.staleFiles([GeneratedFile(name: "A.swift", contents: "")], in: dir), ["A.swift"])
    }

    func testAFileThatCannotBeReplacedIsAnErrorAndTheOthersAreWritten() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/B.swift", withIntermediateDirectories: false)
        let files = ["A", "B", "C"].map { GeneratedFile(name: "\($0).swift", contents: "// \($0)\n") }
        XCTAssertThrowsError(try OutputWriter.write(files, to: dir)) { error in
            XCTAssertTrue("\(error)".contains("cannot replace '\(dir)/B.swift'"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: dir + "/A.swift", encoding: .utf8), "// A\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/C.swift", encoding: .utf8), "// C\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["A.swift", "B.swift", "C.swift"], "no temporary files left")
    }

    func testOutputThatIsAFileIsAnError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data())
        XCTAssertThrowsError(try OutputWriter.write([GeneratedFile(name: "A.swift", contents: "")], to: dir + "/plain")) { error in
            XCTAssertTrue("\(error)".contains("is not a folder"), "\(error)")
        }
    }

    func testBrokenSchemaLeavesAnExistingOutputByteIdentical() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {type: string}}}\n"
        try OutputWriter.write(try Generator().generate(bytes: Array(good.utf8), file: "api.yaml").files, to: dir)
        let snapshot = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { ($0, FileManager.default.contents(atPath: dir + "/" + $0)) }
        let broken = good.replacingOccurrences(of: "{type: string}", with: "{$ref: '#/nope'}")
        XCTAssertThrowsError(try Generator().generate(bytes: Array(broken.utf8), file: "api.yaml"))
        let again = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { ($0, FileManager.default.contents(atPath: dir + "/" + $0)) }
        XCTAssertEqual(snapshot.map(\.0), again.map(\.0))
        XCTAssertEqual(snapshot.map(\.1), again.map(\.1))
    }
}
