import XCTest
import Foundation
import APIGenYAML
@testable import APIGenCore

/// `$ref`s into other files: relative paths, JSON pointers, cycles, and each file's own locations.
final class ExternalReferenceTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
        try write("common.yaml", """
        components:
          parameters:
            Limit: {name: limit, in: query, schema: {$ref: '#/components/schemas/Count'}}
          responses:
            Thing: {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
          schemas:
            Count: {type: integer, minimum: 1}
            Thing:
              type: object
              properties:
                status: {type: string, enum: [open, shut]}
                next: {$ref: 'other/more.yaml#/components/schemas/More'}
        """)
        try write("other/more.yaml", """
        components:
          schemas:
            More:
              type: object
              properties:
                back: {$ref: '../common.yaml#/components/schemas/Thing'}
        """)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func main(_ components: String, paths: String = "{}") -> String {
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: \(paths)\ncomponents:\n  schemas:\n\(components)\n"
    }

    func testComponentsOfOtherFilesBecomeTypes() throws {
        try write("api.yaml", main("""
            Local:
              type: object
              properties:
                thing: {$ref: 'common.yaml#/components/schemas/Thing'}
                status: {$ref: 'common.yaml#/components/schemas/Thing/properties/status'}
            Thing: {type: string}
        """, paths: """

          /a:
            get:
              operationId: getA
              parameters: [{$ref: 'common.yaml#/components/parameters/Limit'}]
              responses:
                '200': {$ref: 'common.yaml#/components/responses/Thing'}
        """))
        let output = try Generator().generate(path: folder.appendingPathComponent("api.yaml").path, displayName: "api.yaml")
        XCTAssertEqual(output.diagnostics.map(\.description), [])
        XCTAssertEqual(output.files.map(\.name), ["APIGen.swift"])
        let types = output.files[0].contents, client = types
        XCTAssertTrue(types.contains("public struct Local: Codable"))
        XCTAssertTrue(types.contains("public typealias Thing = String"), "the local Thing keeps its name")
        XCTAssertTrue(types.contains("public struct Thing2: Codable"), "the other file's Thing is renamed, not merged")
        XCTAssertTrue(types.contains("public var thing: Thing2?"), types)
        XCTAssertTrue(types.contains("public var status: Thing2.Status?"), "a pointer into another file's component reuses its nested type")
        XCTAssertTrue(types.contains("public struct More: Codable"))
        XCTAssertTrue(types.contains("public typealias Count = Int"))
        XCTAssertTrue(client.contains("func getA(limit: Count? = nil) async throws -> Thing2"), client)
        XCTAssertTrue(client.contains("try Validation.check(limit, name: \"limit\", minimum: 1)"), client)
    }

    func testErrorsAreLocatedInTheFileThatHasThem() throws {
        try write("bad.yaml", "components:\n  schemas:\n    Broken: {type: object, properties: {x: {$ref: '#/components/schemas/Nope'}}}\n")
        try write("api.yaml", main("""
            A: {$ref: 'bad.yaml#/components/schemas/Broken'}
            B: {$ref: 'missing.yaml#/components/schemas/X'}
            C: {$ref: 'common.yaml#/components/schemas/Absent'}
        """))
        let errors = Pipeline.errorsOfFile(folder.appendingPathComponent("api.yaml").path, displayName: "api.yaml")
        XCTAssertEqual(errors.filter { $0.severity == .error }.map(\.description), [
            "bad.yaml:3:51: error: $ref '#/components/schemas/Nope' does not resolve",
            "api.yaml:7:15: error: $ref 'missing.yaml#/components/schemas/X': cannot open '\(folder.path)/missing.yaml': No such file or directory",
            "api.yaml:8:15: error: $ref 'common.yaml#/components/schemas/Absent' does not resolve",
        ])
    }

    func testSyntaxErrorInAReferencedFile() throws {
        try write("broken.yaml", "components:\n  schemas:\n    X: {type: [string\n")
        try write("api.yaml", main("    A: {$ref: 'broken.yaml#/components/schemas/X'}"))
        let errors = Pipeline.errorsOfFile(folder.appendingPathComponent("api.yaml").path, displayName: "api.yaml")
        XCTAssertEqual(errors.first?.location?.file, "broken.yaml")
        XCTAssertEqual(errors.last?.description, "api.yaml:6:15: error: $ref 'broken.yaml#/components/schemas/X' names a document with errors")
    }

    /// A referenced file is read under the main document's YAML limits, not the defaults: a
    /// limit the document sets cannot be got around by moving the content to another file.
    func testReferencedFilesAreReadWithTheDocumentsLimits() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        try write("deep.yaml", "components:\n  schemas:\n    X: {type: object, example: \(deep)}\n")
        try write("api.yaml", main("    A: {$ref: 'deep.yaml#/components/schemas/X'}"))
        let path = folder.appendingPathComponent("api.yaml").path
        XCTAssertNoThrow(try Generator().generate(path: path), "within the default limits")
        var limits = APIGenYAML.YAMLParser.Limits()
        limits.maxDepth = 20
        XCTAssertThrowsError(try Generator(yamlLimits: limits).generate(path: path, displayName: "api.yaml")) { error in
            let diagnostics = (error as? GenerationError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.first?.location?.file, "deep.yaml", "\(diagnostics)")
            XCTAssertTrue(diagnostics.first?.message.contains("20") ?? false, "\(diagnostics)")
        }
    }

    /// A document reads only documents inside its own folder tree (and the folders the
    /// configuration adds), whatever the path's form: `..`, absolute, through a link; and a
    /// file that does not parse is reported without a byte of it.
    func testReferencesStayInTheDocumentsFolderTree() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = "aws_access_key_id = AKIACANARY0000"
        try Data("[default]\n\(secret)\n".utf8).write(to: outside.appendingPathComponent("credentials.yaml"))
        try Data("components: {schemas: {X: {type: string}}}\n".utf8).write(to: outside.appendingPathComponent("shared.yaml"))
        try Data("[default]\n\(secret)\n".utf8).write(to: folder.appendingPathComponent("credentials"))
        try Data("\(secret)\n".utf8).write(to: folder.appendingPathComponent("scalar.yaml"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.yaml"), withDestinationURL: outside.appendingPathComponent("shared.yaml"))
        let relativeOutside = "../" + outside.lastPathComponent + "/credentials.yaml"
        try write("api.yaml", main("""
            A: {$ref: '\(relativeOutside)#/x'}
            B: {$ref: '\(outside.path)/shared.yaml#/components/schemas/X'}
            C: {$ref: 'link.yaml#/components/schemas/X'}
            D: {$ref: '/etc/passwd#/x'}
            E: {$ref: 'credentials#/x'}
            F: {$ref: 'scalar.yaml#/x'}
        """))
        let path = folder.appendingPathComponent("api.yaml").path
        let errors = Pipeline.errorsOfFile(path, displayName: "api.yaml")
        XCTAssertEqual(errors.map(\.message), [
            "$ref '\(relativeOutside)#/x' is outside the folder of the root document; list its folder under refRoots: in apigen.yaml to allow it",
            "$ref '\(outside.path)/shared.yaml#/components/schemas/X' is outside the folder of the root document; list its folder under refRoots: in apigen.yaml to allow it",
            "$ref 'link.yaml#/components/schemas/X' is outside the folder of the root document; list its folder under refRoots: in apigen.yaml to allow it",
            "$ref '/etc/passwd#/x' names a file that is not a .yaml, .yml or .json document; only documents are read",
            "$ref 'credentials#/x' names a file that is not a .yaml, .yml or .json document; only documents are read",
            "$ref 'scalar.yaml#/x' names a file whose top level is not a mapping; it is not an OpenAPI document or fragment",
        ])
        // Allowed explicitly, the folder is read; a file there that does not parse is reported
        // by its location only.
        var configuration = Configuration()
        configuration.refRoots = [outside.path]
        do {
            _ = try Generator(configuration: configuration).generate(path: path, displayName: "api.yaml")
            XCTFail("A still does not parse")
        } catch {
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            XCTAssertFalse(text.contains("AKIA"), text)
            XCTAssertFalse(text.contains("outside the folder"), text)
            XCTAssertTrue(text.contains("credentials.yaml:2:1: error:"), text)
        }
    }

    /// Discriminator mapping values are resolved exactly as `$ref`s are: relative files and
    /// pointers select the alternative the same text names; a mapping that names a schema the
    /// alternatives do not list adds it, with a warning.
    func testDiscriminatorMappingsWrittenWithFiles() throws {
        try write("Dessert.yaml", "type: object\nproperties: {kind: {type: string}, sweetness: {type: integer}}\n")
        try write("Beverage.yaml", "type: object\nproperties: {kind: {type: string}, volume: {type: number}}\n")
        try write("Snack.yaml", "type: object\nproperties: {kind: {type: string}, crunch: {type: boolean}}\n")
        try write("api.yaml", main("""
            Item:
              oneOf: [{$ref: './Dessert.yaml'}, {$ref: './Beverage.yaml'}]
              discriminator:
                propertyName: kind
                mapping: {dessert: ./Dessert.yaml, beverage: './Beverage.yaml', snack: ./Snack.yaml}
        """))
        let output = try Generator().generate(path: folder.appendingPathComponent("api.yaml").path, displayName: "api.yaml")
        XCTAssertEqual(output.diagnostics.map(\.message), ["discriminator mapping 'snack' names './Snack.yaml', which is not one of the alternatives; it is added as one"])
        let source = output.files[0].contents
        for (tag, type) in [("dessert", "Dessert"), ("beverage", "Beverage"), ("snack", "Snack")] {
            XCTAssertTrue(source.contains("case \"\(tag)\": self = .\(tag)(try Item.\(type)(from: decoder))"), "\(tag) selects its case: \(source)")
        }
    }

    func testRemoteReferencesAreRefused() {
        let errors = Pipeline.errors(main("    A: {$ref: 'https://example.com/x.yaml#/components/schemas/X'}"))
        XCTAssertEqual(errors.map(\.message), ["$ref 'https://example.com/x.yaml#/components/schemas/X' is a remote URL; only local files are read"])
    }
}

extension Pipeline {
    static func errorsOfFile(_ path: String, displayName: String) -> [Diagnostic] {
        do {
            _ = try Generator().generate(path: path, displayName: displayName)
            XCTFail("expected errors")
            return []
        } catch {
            return error.diagnostics
        }
    }
}
