import XCTest
import Foundation
import Torture
@_spi(Generated) import APIGenRuntime   // validate(path:) is generated code's own

/// The identifier-torture golden compiles (it is a target) and round-trips every odd name.
final class TortureTests: XCTestCase {
    private func input() throws -> [Substring] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/torture/input.yaml")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The property names of schema `schema` (one `"name": {…}` line each) and its JSON `enum` line.
    private func keys(of schema: String) throws -> (properties: [String], cases: [String]) {
        let lines = try input()
        let start = try XCTUnwrap(lines.firstIndex { $0 == "    \(schema):" || $0 == "    \"\(schema)\":" }, "schema \(schema)")
        var properties: [String] = [], cases: [String] = []
        for line in lines[(start + 1)...] {
            if !line.hasPrefix("      ") { break }
            if line.hasPrefix("      enum: [") {
                cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.dropFirst("      enum: ".count).utf8)) as? [String])
            } else if line.hasPrefix("        \""), let close = line.dropFirst(9).firstIndex(of: "\"") {
                properties.append(String(line[line.index(line.startIndex, offsetBy: 9)..<close]))
            }
        }
        return (properties, cases)
    }

    private func inputKeys() throws -> (properties: [String], cases: [String]) {
        (try keys(of: "Keywords").properties, try keys(of: "Cases").cases)
    }

    /// Every name the generated code introduces itself, used as a property: each decodes into its
    /// own property and is written back, however the generated code's locals are named.
    func testCaptureNamesRoundTrip() throws {
        let names = try keys(of: "Captures").properties
        XCTAssertGreaterThan(names.count, 60)
        var object: [String: String] = [:]
        for name in names { object[name] = "value of \(name)" }
        let decoded = try JSONDecoder().decode(Captures.self, from: JSONSerialization.data(withJSONObject: object))
        XCTAssertEqual(decoded.w, "value of w")
        XCTAssertEqual(decoded.path, "value of path")
        XCTAssertEqual(decoded.newValue, "value of newValue")
        let back = try JSONSerialization.jsonObject(with: JSONEncoder().encode(decoded)) as? [String: String]
        XCTAssertEqual(back, object)
        XCTAssertNoThrow(try decoded.validate(path: "captures"))
        var long = decoded
        long.path = String(repeating: "x", count: 101)
        XCTAssertThrowsError(try long.validate(path: "captures"), "the property `path` is checked, not the parameter")
        let cases = try keys(of: "CaptureCases").cases
        XCTAssertEqual(Set(cases.map { CaptureCases(rawValue: $0).rawValue }), Set(cases))
        XCTAssertFalse(cases.contains { CaptureCases(rawValue: $0).isUnknown })
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
