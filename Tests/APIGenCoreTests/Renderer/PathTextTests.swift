import XCTest
@testable import APIGenCore

/// A path key's literal text is sent as a URL carries it. Written raw, Foundation's `URL(string:)`
/// either refuses it or encodes the whole string again, so `%2F` in a parameter's value arrives
/// as `%252F`, and `50%25` as `50%2525`.
final class PathTextTests: XCTestCase {
    func testLiteralTextIsPercentEncodedOnce() {
        XCTAssertEqual(PathText.encoded("/menu/café au lait/"), "/menu/caf%C3%A9%20au%20lait/")
        // An escape the document wrote is kept; a `%` that starts none is encoded.
        XCTAssertEqual(PathText.encoded("/100%/50%25/%zz"), "/100%25/50%25/%25zz")
        // What a path may hold raw stays: sub-delimiters, `:`, `@`, and a query written into it.
        XCTAssertEqual(PathText.encoded("/a:b@c!$&'()*+,;=-._~/search?type=user"), "/a:b@c!$&'()*+,;=-._~/search?type=user")
        XCTAssertEqual(PathText.encoded("/a\"b\\c<d>|^`[]"), "/a%22b%5Cc%3Cd%3E%7C%5E%60%5B%5D")
    }

    func testARouteMatchesThePathAsItArrives() {
        XCTAssertEqual(PathText.routeTemplate("/menu/café au lait/{id}/100%"), "/menu/caf%C3%A9%20au%20lait/{id}/100%25")
        XCTAssertEqual(PathText.routeTemplate("/files/{file id}#add shared link"), "/files/{file id}")
        XCTAssertEqual(PathText.routeTemplate("/search?type=user"), "/search")
        XCTAssertEqual(PathText.routeTemplate("/report-{year}.{ext}"), "/report-{year}.{ext}")
    }
}
