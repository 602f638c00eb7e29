import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// A date is ISO 8601 text wherever it stands (an aliased component, a map value, an array of
/// arrays, items that may be null), with any coder: a plain `JSONDecoder`, whose default would
/// read a number, and the client's.
final class DatesEverywhereTests: XCTestCase {
    private let json = #"""
    {"at":"2024-01-02T03:04:05.123456Z","ats":["2024-01-02T03:04:05Z"],"byName":{"b":"2024-02-01T00:00:00.5Z","a":"2024-03-01T10:00:00+02:00"},
     "grid":[["2024-01-01T00:00:00Z"],[]],"gaps":[null,"2024-01-01T00:00:00.001Z"]}
    """#

    func testDatesDecodeInEveryPositionWithAnyDecoder() throws {
        for schedule in [try JSONDecoder().decode(Schedule.self, from: Data(json.utf8)), try JSONCoding.decode(Schedule.self, from: Data(json.utf8))] {
            XCTAssertEqual(schedule.at.timeIntervalSince1970, 1_704_164_645.123456, accuracy: 0.000_001)
            XCTAssertEqual(schedule.byName?["a"], ISO8601.parse("2024-03-01T08:00:00Z"))
            XCTAssertEqual(schedule.grid?.map(\.count), [1, 0])
            XCTAssertEqual(schedule.gaps?.first ?? Date(), nil)
            XCTAssertEqual(schedule.gaps?.last??.timeIntervalSince1970 ?? 0, 1_704_067_200.001, accuracy: 0.000_001)
        }
    }

    /// Written back, each date is the text it was read from, microseconds included.
    func testDatesRoundTripAtThePrecisionSent() throws {
        let schedule = try JSONDecoder().decode(Schedule.self, from: Data(json.utf8))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: try JSONEncoder().encode(schedule)) as? [String: Any])
        XCTAssertEqual(object["at"] as? String, "2024-01-02T03:04:05.123456Z")
        XCTAssertEqual(object["byName"] as? [String: String], ["a": "2024-03-01T08:00:00.000Z", "b": "2024-02-01T00:00:00.500Z"])
        XCTAssertEqual(object["grid"] as? [[String]], [["2024-01-01T00:00:00.000Z"], []])
        XCTAssertEqual((object["gaps"] as? [Any])?.last as? String, "2024-01-01T00:00:00.001Z")
        XCTAssertTrue((object["gaps"] as? [Any])?.first is NSNull)
        XCTAssertEqual(try JSONDecoder().decode(Schedule.self, from: try JSONEncoder().encode(schedule)), schedule)
    }

    /// A date that is no model's property (a body that is a map of dates) goes through the
    /// client's coders, which write and read ISO 8601 too.
    func testTheClientsCodersUseISO8601ForAnyDate() throws {
        let dates: [String: [Date]] = ["a": [Date(timeIntervalSince1970: 0.000_250)]]
        XCTAssertEqual(String(decoding: try JSONCoding.encode(dates), as: UTF8.self), #"{"a":["1970-01-01T00:00:00.000250Z"]}"#)
        XCTAssertEqual(try JSONCoding.decode([String: [Date]].self, from: try JSONCoding.encode(dates)), dates)
    }
}
