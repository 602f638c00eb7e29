import XCTest
@testable import APIGenCore

/// The OpenAPI Specification's own fixtures (`../shared/oas-tests`): every `pass/` document
/// generates (a located warning at most), and every `fail/` document gets a located diagnostic
/// naming the rule it breaks.
final class SpecificationFixtureTests: XCTestCase {
    static let folder = Pipeline.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/oas-tests")

    private func fixtures(_ version: String, _ kind: String) throws -> [URL] {
        let dir = Self.folder.appendingPathComponent(version).appendingPathComponent(kind)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("\(dir.path) is absent; the specification's fixtures are not checked")
        }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0) }
    }

    func testPassFixturesGenerate() throws {
        var count = 0
        for version in ["v3.1", "v3.2"] {
            for url in try fixtures(version, "pass") {
                do {
                    let output = try Generator().generate(path: url.path, displayName: url.lastPathComponent)
                    XCTAssertFalse(output.files.isEmpty, url.path)
                    for d in output.diagnostics { XCTAssertNotNil(d.location, "\(url.lastPathComponent): \(d)") }
                } catch {
                    XCTFail("\(version)/pass/\(url.lastPathComponent) was refused:\n\(error)")
                }
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 60)
    }

    /// For each fail fixture, words the diagnostic must hold: the rule, in the reader's words.
    static let rules: [String: String] = [
        "example-examples.yaml": "'example' and 'examples' are mutually exclusive",
        "header-object-allowReserved.yaml": "a header takes no 'allowReserved'",
        "invalid_schema_types.yaml": "a schema must be a mapping",
        "link-object-no-body.yaml": "'body' is not a field of a Link Object",
        "no_containers.yaml": "at least one of 'paths', 'components' and 'webhooks'",
        "parameter-object-cookie-form-allowReserved.yaml": "allowReserved is defined only for query parameters",
        "parameter-object-header-allowReserved.yaml": "allowReserved is defined only for",
        "parameter-object-path-allowReserved.yaml": "allowReserved is defined only for query parameters",
        "parameter-object-cookie-allowReserved.yaml": "form-style cookies",
        "server_enum_empty.yaml": "has an empty 'enum'",
        "servers.yaml": "servers must be a sequence",
        "unknown_container.yaml": "'overlays' is not a field of an OpenAPI document",
        "encoding-enc-item-exclusion.yaml": "an encoding's 'encoding' and",
        "encoding-enc-prefix-exclusion.yaml": "an encoding's 'encoding' and",
        "example-object-old-exclusions.yaml": "'value' and 'externalValue' are mutually exclusive",
        "example-object-old-vs-data.yaml": "'value' and 'dataValue' are mutually exclusive",
        "example-object-old-vs-ser.yaml": "'value' and 'serializedValue' are mutually exclusive",
        "example-object-ser-exclusions.yaml": "'serializedValue' and 'externalValue' are mutually exclusive",
        "header-object-name.yaml": "header name \"Bad=Header\" is not allowed",
        "media-type-enc-item-exclusion.yaml": "a media type's 'encoding' and 'itemEncoding'",
        "media-type-enc-prefix-exclusion.yaml": "a media type's 'encoding' and 'prefixEncoding'",
        "operation-object-query-with-querystring.yaml": "a querystring parameter excludes query parameters",
        "operation-object-two-querystrings.yaml": "at most one querystring parameter",
        "parameter-object-content-not-with-style.yaml": "given by 'content' takes no 'style'",
        "parameter-object-header-name.yaml": "header parameter name \"Bad[Header]\" is not allowed",
        "parameter-object-path-name.yaml": "must not contain '{' or '}'",
        "parameter-object-querystring-not-with-schema.yaml": "must use 'content', not 'schema'",
        "path-item-object-conflicting-additional-operation.yaml": "additionalOperations must not contain 'POST'",
        "path-item-object-query-with-querystring.yaml": "a querystring parameter excludes query parameters",
        "path-item-object-two-querystrings.yaml": "at most one querystring parameter",
        "xml-attr-exclusion.yaml": "'nodeType' and 'attribute' are mutually exclusive",
        "xml-wrapped-exclusion.yaml": "'nodeType' and 'wrapped' are mutually exclusive",
    ]

    func testFailFixturesNameTheRuleTheyBreak() throws {
        for version in ["v3.1", "v3.2"] {
            for url in try fixtures(version, "fail") {
                let name = url.lastPathComponent
                guard let words = Self.rules[name] else {
                    XCTFail("\(version)/fail/\(name) is new: add the rule it breaks to the table")
                    continue
                }
                let diagnostics: [Diagnostic]
                do {
                    diagnostics = try Generator().generate(path: url.path, displayName: name).diagnostics
                } catch {
                    diagnostics = error.diagnostics
                }
                let matching = diagnostics.filter { $0.message.contains(words) }
                XCTAssertFalse(matching.isEmpty, "\(version)/fail/\(name): no diagnostic says \(words); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
                for d in matching { XCTAssertEqual(d.location?.file, name, "\(name): \(d)") }
            }
        }
    }
}
