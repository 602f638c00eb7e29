import XCTest
@testable import APIGenCore

/// A form or multipart body's `encoding` object: what is kept, and a located warning for what
/// the specification does not define or the document cannot give a value for.
final class BodyFieldsTests: XCTestCase {
    func testEncodingEntriesAreKeptOrWarnedAbout() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /form:
            post:
              operationId: sendForm
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        tags: {type: array, items: {type: string}}
                        filter: {type: object, properties: {range: {type: object, properties: {gte: {type: integer}}}}}
                        flat: {type: object, properties: {a: {type: string}}}
                    encoding:
                      tags: {style: pipeDelimited, explode: false, allowReserved: true}
                      flat: {style: matrix}
                      ghost: {style: form}
              responses: {'204': {description: ok}}
          /parts:
            post:
              operationId: sendParts
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      allOf:
                        - {$ref: '#/components/schemas/Base'}
                        - {type: object, properties: {file: {type: string, format: binary}}}
                    encoding:
                      file:
                        contentType: image/png
                        headers:
                          X-Fixed: {schema: {type: string, enum: [one]}}
                          X-Free: {schema: {type: integer}}
                          Content-Type: {schema: {type: string, default: text/html}}
                      name: {headers: {X-Default: {schema: {type: string, default: d}}}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            Base: {type: object, properties: {name: {type: string}}}
        """
        let (module, diagnostics) = try Pipeline.module(text)
        let warnings = diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0): \($0.message)" }
        XCTAssertEqual(warnings.sorted(), [
            "18: style 'matrix' is not defined for a form field; 'form' is used",
            "19: encoding entry 'ghost' names no property of the body; it is ignored",
            "36: part header 'X-Free' has no value the document fixes (a const, a single enum value or a default); it is not sent",
            "9: form fields 'filter' hold arrays or objects inside arrays or objects (or arrays in deepObject), which the specification does not define for form bodies; they are sent in brackets, name[key]=v, name[]=v, name[0][key]=v",
        ])
        let form = try XCTUnwrap(module.operations.first { $0.name == "sendForm" }?.body)
        XCTAssertEqual(form.fields, [.init(name: "tags", style: .pipeDelimited, explode: false, allowReserved: true, headers: [])])
        let parts = try XCTUnwrap(module.operations.first { $0.name == "sendParts" }?.body)
        XCTAssertEqual(parts.fields, [
            .init(name: "file", allowReserved: false, contentType: "image/png", headers: [.init(name: "X-Fixed", value: "one")]),
            .init(name: "name", allowReserved: false, headers: [.init(name: "X-Default", value: "d")]),
        ])
    }
}
