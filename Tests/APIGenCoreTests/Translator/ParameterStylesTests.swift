import XCTest
@testable import APIGenCore

/// Styles the specification leaves undefined for a location or a value get a located warning
/// that says what is sent instead.
final class ParameterStylesTests: XCTestCase {
    func testUndefinedCombinationsAreWarnedAbout() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /x/{id}:
            get:
              operationId: getX
              parameters:
                - {name: id, in: path, required: true, style: form, schema: {type: string}}
                - {name: a, in: query, style: deepObject, explode: false, schema: {$ref: '#/components/schemas/P'}}
                - {name: b, in: query, style: pipeDelimited, explode: true, schema: {type: array, items: {type: string}}}
                - {name: c, in: query, style: label, schema: {type: string}}
                - {name: d, in: header, allowReserved: true, schema: {type: string}}
                - {name: e, in: query, schema: {$ref: '#/components/schemas/Nested'}}
                - {name: f, in: cookie, schema: {type: array, items: {type: string}}}
                - {name: g, in: query, style: deepObject, schema: {type: array, items: {type: string}}}
                - {name: h, in: query, style: spaceDelimited, explode: false, schema: {type: integer}}
                - {name: Accept, in: header, schema: {type: string}}
                - {name: i, in: query, style: nonsense, schema: {type: string}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            P: {type: object, properties: {x: {type: integer}}}
            Nested: {type: object, properties: {inner: {type: object, properties: {y: {type: integer}}}}}
        """
        let (_, diagnostics) = try Pipeline.module(text)
        let warnings = diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0): \($0.message)" }
        XCTAssertEqual([
            "8: path parameter 'id': style 'form' is not defined for a path parameter; 'simple' is used",
            "9: query parameter 'a': deepObject with explode: false is undefined; it is sent as explode: true",
            "10: query parameter 'b': pipeDelimited with explode: true is undefined; it is sent as form, exploded",
            "11: query parameter 'c': style 'label' is not defined for a query parameter; 'form' is used",
            "12: allowReserved is defined only for query parameters; it is ignored for this header parameter",
            "13: query parameter 'e': the styles do not define nested arrays or objects inside an object; those fields are sent as JSON text",
            "14: cookie parameter 'f': form cookies with several values are undefined (the specification calls them incorrect); each value is sent as its own name=value pair",
            "15: query parameter 'g': deepObject is defined for objects only; this array is sent in brackets, g[]=a&g[]=b",
            "16: query parameter 'h': spaceDelimited is defined for arrays and objects; this integer is sent as form",
            "17: header parameter 'Accept' is ignored, as the specification says: the client sets Accept itself",
            "18: query parameter 'i': style 'nonsense' is not defined for a query parameter; 'form' is used",
        ].sorted(), warnings.sorted())
    }

    /// Header names are case-insensitive: two header parameters that differ only in case are
    /// one header, generated once (sending both joins their values into one field).
    func testHeaderParametersDifferingOnlyInCaseAreOneHeader() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /x:
            get:
              operationId: getX
              parameters:
                - {name: X-Trace, in: header, schema: {type: string}}
                - {name: x-trace, in: header, schema: {type: string}}
                - {name: x-trace, in: query, schema: {type: string}}
                - {name: Session, in: cookie, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
              responses: {'204': {description: ok}}
        """
        let (module, diagnostics) = try Pipeline.module(text)
        XCTAssertEqual(module.operations[0].parameters.map { "\($0.location.rawValue) \($0.wireName)" },
                       ["header X-Trace", "query x-trace", "cookie Session", "cookie session"], "queries and cookies are case-sensitive")
        XCTAssertEqual(diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" },
                       ["9: header parameter 'x-trace' is the header 'X-Trace' again (header names are case-insensitive); only 'X-Trace' is generated"])
    }
}
