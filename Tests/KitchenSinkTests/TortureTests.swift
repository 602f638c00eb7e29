import XCTest
import Foundation
import Torture

/// The identifier-torture golden compiles (it is a target) and round-trips every odd name.
final class TortureTests: XCTestCase {
    private func inputKeys() throws -> (properties: [String], cases: [String]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/torture/input.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        // The property list and the enum list are written as JSON strings by the input.
        let enumLine = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("      enum: [") })
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(enumLine.dropFirst("      enum: ".count).utf8)) as? [String])
        return (cases, cases)
    }

    func testEveryPropertyNameRoundTrips() throws {
        let names = try inputKeys().properties
        XCTAssertGreaterThan(names.count, 120)
        var object: [String: String] = [:]
        for name in names { object[name] = "value of \(name)" }
        let data = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(Keywords.self, from: data)
        XCTAssertEqual(decoded.class, "value of class")
        XCTAssertEqual(decoded.default, "value of default")
        XCTAssertEqual(decoded.self_, "value of self")
        XCTAssertEqual(decoded.init_, "value of init")
        XCTAssertEqual(decoded.type, "value of Type")
        let back = try JSONSerialization.jsonObject(with: JSONEncoder().encode(decoded)) as? [String: String]
        XCTAssertEqual(back, object, "every key, however odd, survives")
    }

    func testEveryEnumValueRoundTrips() throws {
        for raw in try inputKeys().cases {
            let value = Cases(rawValue: raw)
            XCTAssertFalse(value.isUnknown, "'\(raw)' is a known case")
            XCTAssertEqual(value.rawValue, raw)
            let json = try JSONEncoder().encode([value])
            XCTAssertEqual(try JSONDecoder().decode([Cases].self, from: json), [value])
        }
        XCTAssertEqual(Cases.allCases.count, Set(Cases.allCases.map(\.rawValue)).count, "no two cases share a raw value")
        XCTAssertEqual(Cases(rawValue: "brand new"), .unknown("brand new"))
    }

    func testCollidingTypeNamesAreDistinctTypes() throws {
        let a = try JSONDecoder().decode(Thing.self, from: Data(#"{"value":"a"}"#.utf8))
        let b = try JSONDecoder().decode(Thing2.self, from: Data(#"{"value":"b"}"#.utf8))
        XCTAssertEqual(a.value, "a")
        XCTAssertEqual(b.value, "b")
        XCTAssertEqual(try JSONDecoder().decode(Class.self, from: Data(#"{"self":{"class":"c"}}"#.utf8)).self_?.class, "c")
    }
}
