import XCTest
@_spi(Generated) import APIGenRuntime   // as generated code imports it
import HTTPTypes

/// Compiling this file is most of the test: with both modules imported, every type name either
/// module declares must still be usable unqualified (before the runtime's request type was
/// renamed, `HTTPRequest` was ambiguous here).
final class HTTPTypesCoexistenceTests: XCTestCase {
    func testBothModulesNamesAreUsableTogether() throws {
        let theirs = HTTPRequest(method: .get, scheme: "https", authority: "example.com", path: "/meetings")
        var ours = APIRequest(method: "GET", path: "/meetings", operation: "listMeetings", template: "/meetings")
        ours.addHeader("X-Request-ID", "r-1")
        let response = HTTPResponse(status: .ok)
        let fields: HTTPFields = [.contentType: "application/json"]
        XCTAssertEqual(theirs.path, ours.path)
        XCTAssertEqual(ours.operation, OperationInfo(id: "listMeetings", method: "GET", pathTemplate: "/meetings"))
        XCTAssertEqual(response.status.code, 200)
        XCTAssertEqual(fields[.contentType], "application/json")
        let policy: RetryPolicy = .none
        XCTAssertEqual(policy.maxRetries, 0)
    }
}
