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

    /// LeakSanitizer found that every read leaked its files' contexts (each referred to the set
    /// of files, which referred back). A read must leave nothing alive, also with `$ref`s into
    /// other files and with errors.
    func testAReadLeavesNothingAlive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-leak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("components: {schemas: {X: {type: string}, Y: {type: object, properties: {x: {$ref: '#/components/schemas/X'}}}}}\n".utf8)
            .write(to: folder.appendingPathComponent("other.yaml"))
        let good = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {/a: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: 'other.yaml#/components/schemas/Y'}}}}}}}}\ncomponents: {schemas: {A: {$ref: 'other.yaml#/components/schemas/X'}}}\n"
        let broken = good.replacingOccurrences(of: "version: '1'}", with: "version: '1'}\nservers: 3")
        for text in [good, broken, "just a string\n"] {
            weak var documents: DocumentSet?
            do {
                let path = folder.appendingPathComponent("api.yaml").path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                let root = try Generator().parseFile(path: path, displayName: "api.yaml")
                let session = DocumentReader.Session(root, file: "api.yaml", path: path, diagnostics: DiagnosticSink())
                documents = session.documents
                _ = session.readComponents()
                _ = try? session.readPaths()
            }
            XCTAssertNil(documents, "the files of a read are freed with it: \(text.prefix(30))")
        }
    }
}
