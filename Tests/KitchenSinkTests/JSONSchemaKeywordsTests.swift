import XCTest
import Foundation
import KitchenSink
@_spi(Generated) import APIGenRuntime

/// JSON Schema 2020-12 keywords the generated types do not model as properties lose nothing:
/// decoding and encoding again gives back every member and element (`Conditional`).
final class JSONSchemaKeywordsTests: XCTestCase {
    func testMembersAndElementsBeyondThePropertiesSurviveARoundTrip() throws {
        let json = #"{"kind":"sized","point":[1.5,2],"row":["a",1,true],"labels":{"en":"yes","fr":"oui"},"size":3,"note":{"n":[null]}}"#
        let value = try JSONDecoder().decode(Conditional.self, from: Data(json.utf8))
        XCTAssertEqual(value.point, [1.5, 2], "a tuple whose positions share a type is an array of it")
        XCTAssertEqual(value.row, [.string("a"), .int(1), .bool(true)], "a tuple of different types keeps every element")
        XCTAssertEqual(value.labels, ["en": "yes", "fr": "oui"], "one patternProperties schema is the dictionary's values")
        XCTAssertEqual(value.additionalProperties["size"], .int(3), "a member only 'then' describes is kept")
        let again = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary
        let original = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        XCTAssertEqual(again, original)
    }
}

/// `enum` and `const` of any JSON type, and `format: int-or-string`, decode what the document
/// allows and encode it back as it came.
final class ValuesOfEveryJSONTypeTests: XCTestCase {
    private func decode(_ json: String) throws -> Conditional {
        try JSONDecoder().decode(Conditional.self, from: Data(json.utf8))
    }

    func testEnumsOfSeveralTypesAndStructuredConsts() throws {
        XCTAssertEqual(try decode(#"{"kind":"k","mode":1}"#).mode, .number1)
        XCTAssertEqual(try decode(#"{"kind":"k","mode":true}"#).mode, .true)
        XCTAssertEqual(try decode(#"{"kind":"k","mode":"auto"}"#).mode, .auto)
        XCTAssertEqual(try decode(#"{"kind":"k","mode":"1"}"#).mode, .unknown(.string("1")), "the string \"1\" is not the number 1")
        XCTAssertEqual(try decode(#"{"kind":"k","shape":{"b":[true],"a":1}}"#).shape, .object)
        XCTAssertEqual(try decode(#"{"kind":"k","shape":{"a":2}}"#).shape?.isUnknown, true)
        let sent = try JSONEncoder().encode(Conditional(kind: "k", mode: .number1, shape: .object))
        XCTAssertEqual(try JSONSerialization.jsonObject(with: sent) as? NSDictionary,
                       ["kind": "k", "mode": 1, "shape": ["a": 1, "b": [true]]] as NSDictionary)
        XCTAssertEqual(Conditional.Mode.true.parameterValue, "true")
    }

    func testIntOrStringKeepsWhichItWas() throws {
        let value = try decode(#"{"kind":"k","port":8080,"target":"http","share":"50%"}"#)
        XCTAssertEqual(value.port, .int(8080))
        XCTAssertEqual(value.target, "http")
        XCTAssertEqual(value.share, .string("50%"))
        let again = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary
        XCTAssertEqual(again, ["kind": "k", "port": 8080, "target": "http", "share": "50%"] as NSDictionary)
        XCTAssertThrowsError(try decode(#"{"kind":"k","port":1.5}"#))
    }
}
