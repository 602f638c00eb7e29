import XCTest
import Foundation
@testable import APIGenCore

/// Inputs the fuzzer (Scripts/fuzz.sh) found problems with, kept in Tests/FuzzRegressions/.
final class FuzzRegressionTests: XCTestCase {
    private let folder = Pipeline.repositoryRoot.appendingPathComponent("Tests/FuzzRegressions")

    /// Every saved input goes through the whole pipeline without crashing (errors are fine).
    func testSavedInputsRunThroughThePipeline() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(name)))
            _ = try? Generator().generate(bytes: bytes, file: name)
        }
    }

    /// LeakSanitizer found that every read leaked its files' contexts (each refers to the set of
    /// files, which refers back). A read must leave no set alive, also with `$ref`s into other files.
    func testAReadLeavesNothingAlive() throws {
        let before = DocumentSet.alive
        _ = try? Generator().generate(bytes: Array("just a string\n".utf8), file: "leak.yaml")
        _ = try Generator().generate(path: Pipeline.repositoryRoot.appendingPathComponent("schema/meetings.yaml").path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-leak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("components: {schemas: {X: {type: string}}}\n".utf8).write(to: folder.appendingPathComponent("other.yaml"))
        try Data("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: {$ref: 'other.yaml#/components/schemas/X'}}}\n".utf8)
            .write(to: folder.appendingPathComponent("api.yaml"))
        _ = try Generator().generate(path: folder.appendingPathComponent("api.yaml").path)
        _ = try? Configuration.load(path: folder.appendingPathComponent("other.yaml").path)
        XCTAssertEqual(DocumentSet.alive, before)
    }
}
