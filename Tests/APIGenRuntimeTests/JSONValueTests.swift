import XCTest
import Foundation
import APIGenRuntime   // a user's import: everything here is public API

final class JSONValueTests: XCTestCase {
    func testLiteralsWriteEveryKindOfValue() throws {
        let value: JSONValue = ["rows": 3, "ratio": 0.5, "name": "a", "on": true, "none": nil, "tags": ["x", 1], "nested": ["k": "v"]]
        XCTAssertEqual(value, .object([
            "rows": .int(3), "ratio": .double(0.5), "name": .string("a"), "on": .bool(true), "none": .null,
            "tags": .array([.string("x"), .int(1)]), "nested": .object(["k": .string("v")]),
        ]))
        let repeated: JSONValue = ["a": 1, "a": 2]
        XCTAssertEqual(repeated["a"], 2, "the last of a repeated key wins, as in JSON")
    }

    func testAccessorsReadWithoutPatternMatching() {
        let value: JSONValue = ["rows": 3, "whole": 4.0, "ratio": 0.5, "name": "a", "on": false, "none": nil, "list": [10, 20]]
        XCTAssertEqual(value["rows"]?.intValue, 3)
        XCTAssertEqual(value["whole"]?.intValue, 4, "a whole double reads as an Int")
        XCTAssertNil(value["ratio"]?.intValue)
        XCTAssertEqual(value["rows"]?.doubleValue, 3)
        XCTAssertEqual(value["name"]?.stringValue, "a")
        XCTAssertNil(value["rows"]?.stringValue, "no conversion between kinds")
        XCTAssertEqual(value["on"]?.boolValue, false)
        XCTAssertTrue(value["none"]?.isNull == true)
        XCTAssertEqual(value["list"]?[1]?.intValue, 20)
        XCTAssertNil(value["list"]?[2], "out of range is nil, not a crash")
        XCTAssertNil(value["list"]?[-1])
        XCTAssertNil(value[0], "an object has no index")
        XCTAssertEqual(value["list"]?.arrayValue?.count, 2)
        XCTAssertEqual(value.objectValue?.count, 7)
        XCTAssertNil(JSONValue.double(1e300).intValue, "a double beyond Int is not an Int")
    }

    struct Event: Codable, Equatable {
        var id: Int
        var at: Date
    }

    func testDecodingIntoATypeUsesTheClientsCoders() throws {
        let value: JSONValue = ["id": 7, "at": "2024-05-01T10:00:00Z"]
        let event = try value.decode(as: Event.self)
        XCTAssertEqual(event, Event(id: 7, at: Date(timeIntervalSince1970: 1_714_557_600)))
        XCTAssertEqual(try JSONValue(encoding: event)["at"], "2024-05-01T10:00:00.000Z")
        XCTAssertThrowsError(try JSONValue(["id": "seven", "at": "2024-05-01T10:00:00Z"]).decode(as: Event.self)) { error in
            guard case APIError.decoding(_, let path, _, _)? = error as? APIError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "id")
        }
    }
}

private extension JSONValue {
    init(_ value: JSONValue) { self = value }
}
