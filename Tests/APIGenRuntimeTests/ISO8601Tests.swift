import XCTest
import Foundation
@_spi(Generated) @testable import APIGenRuntime

final class ISO8601Tests: XCTestCase {
    func testParsesTheCommonShapes() throws {
        let table: [(String, Double)] = [
            ("2019-12-27T18:11:19Z", 1_577_470_279),
            ("2019-12-27T18:11:19.117Z", 1_577_470_279.117),
            ("2019-12-27T18:11:19.1Z", 1_577_470_279.1),
            ("2019-12-27T20:11:19+02:00", 1_577_470_279),
            ("2019-12-27T13:41:19-0430", 1_577_470_279),
            ("2019-12-27t18:11:19z", 1_577_470_279),
            ("2019-12-27 18:11:19Z", 1_577_470_279),
            ("1970-01-01T00:00:00Z", 0),
            ("1969-12-31T23:59:59Z", -1),
            ("2000-02-29T12:00:00Z", 951_825_600),
        ]
        for (text, expected) in table {
            let date = try XCTUnwrap(ISO8601.parse(text), text)
            XCTAssertEqual(date.timeIntervalSince1970, expected, accuracy: 0.000_001, text)
        }
    }

    func testRejectsWhatIsNotADateTime() {
        for text in ["", "2019-12-27", "2019-12-27T18:11:19", "2019-13-27T18:11:19Z", "2019-12-27T25:11:19Z",
                     "2019-12-27T18:11:19.Z", "2019-12-27T18:11:19Zjunk", "yesterday", "2019/12/27T18:11:19Z"] {
            XCTAssertNil(ISO8601.parse(text), text)
        }
    }

    func testFormatsUTCWithMilliseconds() {
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: 1_577_470_279.117)), "2019-12-27T18:11:19.117Z")
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59.500Z")
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: 4_102_444_800)), "2100-01-01T00:00:00.000Z")
    }

    func testRoundTripsEveryMillisecondOfASecond() throws {
        for ms in 0..<1000 {
            let text = String(format: "2024-02-29T23:59:59.%03dZ", ms)
            let date = try XCTUnwrap(ISO8601.parse(text))
            XCTAssertEqual(ISO8601.format(date), text)
        }
    }
}
