@_spi(Generated) import APIGenRuntime
import Foundation
import XCTest

/// Header text read as the types `ResponseHeaders` members have.
final class HeaderValueTests: XCTestCase {
    func testEachTypeReadsItsTextAndRejectsOther() {
        XCTAssertEqual(Int(headerText: " 42 "), 42)
        XCTAssertNil(Int(headerText: "4.2"))
        XCTAssertEqual(Double(headerText: "4.5"), 4.5)
        XCTAssertEqual(Bool(headerText: "TRUE"), true)
        XCTAssertNil(Bool(headerText: "yes"))
        XCTAssertEqual(URL(headerText: "/a/b")?.path, "/a/b")
        XCTAssertNil(UUID(headerText: "not-a-uuid"))
        XCTAssertEqual(Date(headerText: "2030-01-02T03:04:05Z"), Date(timeIntervalSince1970: 1_893_553_445))
        XCTAssertEqual(Date(headerText: "Wed, 02 Jan 2030 03:04:05 GMT"), Date(timeIntervalSince1970: 1_893_553_445), "an HTTP date")
        XCTAssertNil(Date(headerText: "tomorrow"))
    }
}
