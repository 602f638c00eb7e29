import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) @testable import APIGenRuntime

final class RequestEncodingTests: XCTestCase {
    func testPathSegmentsStayInsideTheirSegment() {
        XCTAssertEqual(PercentEncoding.segment("a/b?c#d"), "a%2Fb%3Fc%23d")
        XCTAssertEqual(PercentEncoding.segment("../x"), "..%2Fx")
        XCTAssertEqual(PercentEncoding.segment(".."), "%2E%2E")
        XCTAssertEqual(PercentEncoding.segment("a b%"), "a%20b%25")
        XCTAssertEqual(PercentEncoding.segment("café"), "caf%C3%A9")
        XCTAssertEqual(PercentEncoding.segment(UUID(uuidString: "182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E")!), "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")
    }

    func testParameterValues() {
        XCTAssertEqual(50.0.parameterValue, "50")
        XCTAssertEqual(0.25.parameterValue, "0.25")
        XCTAssertEqual(true.parameterValue, "true")
        XCTAssertEqual(Date(timeIntervalSince1970: 0).parameterValue, "1970-01-01T00:00:00.000Z")
    }

    func testURLRequestHasQueryHeadersAndNoSecretInDescriptions() throws {
        let core = ClientCore(serverURL: URL(string: "https://example.com/v4/")!, transport: URLSessionTransport(),
                              credentials: [Credential(scheme: "token", placement: .bearer, secret: "s3cret"),
                                            Credential(scheme: "key", placement: .query("api_key"), secret: "k3y")],
                              timeout: 5, validatesArguments: true)
        var request = APIRequest(method: "GET", path: "/a/\(PercentEncoding.segment("x y"))", security: ["token"])
        request.addQuery("q", "a&b=c")
        request.addQuery("n", Optional<Int>.none)
        request.addQuery("ids", [1, 2], explode: true)
        request.addQuery("tags", ["x", "y"], explode: false)
        request.addHeader("X-Trace", "t")
        let urlRequest = try core.urlRequest(for: request, accept: "application/json")
        XCTAssertEqual(urlRequest.url?.absoluteString, "https://example.com/v4/a/x%20y?q=a%26b%3Dc&ids=1&ids=2&tags=x,y")
        XCTAssertEqual(urlRequest.value(forHTTPHeaderField: "Authorization"), "Bearer s3cret")
        XCTAssertEqual(urlRequest.value(forHTTPHeaderField: "X-Trace"), "t")
        XCTAssertEqual(urlRequest.timeoutInterval, 5)
        XCTAssertFalse("\(core)".contains("s3cret"))
        XCTAssertFalse(String(reflecting: core).contains("s3cret"), String(reflecting: core))
        XCTAssertFalse("\(urlRequest)".contains("s3cret"))
        var dumped = ""
        dump(core, to: &dumped)
        XCTAssertFalse(dumped.contains("s3cret"), dumped)
        XCTAssertEqual("\(Credential(scheme: "token", placement: .bearer, secret: "s3cret"))", "Credential(token, redacted)")

        var keyed = APIRequest(method: "GET", path: "/k", security: ["key"])
        keyed.addQuery("a", "1")
        XCTAssertEqual(try core.urlRequest(for: keyed, accept: nil).url?.query, "a=1&api_key=k3y")
    }

    /// A fragment that tells two operations apart is not sent, and the query (a credential's
    /// too) does not vanish into it; a query fixed in the path is joined, not started again.
    func testAFragmentOrAQueryInThePathKeepsTheQuery() throws {
        let core = ClientCore(serverURL: URL(string: "https://example.com/2.0")!, transport: URLSessionTransport(),
                              credentials: [Credential(scheme: "key", placement: .query("api_key"), secret: "k3y")],
                              timeout: 5, validatesArguments: true)
        func url(_ path: String) throws -> String? {
            var request = APIRequest(method: "PUT", path: path, security: ["key"])
            request.addQuery("fields", "shared_link")
            return try core.urlRequest(for: request, accept: nil).url?.absoluteString
        }
        XCTAssertEqual(try url("/files/12#add_shared_link"), "https://example.com/2.0/files/12?fields=shared_link&api_key=k3y")
        XCTAssertEqual(try url("/search?type=user"), "https://example.com/2.0/search?type=user&fields=shared_link&api_key=k3y")
        XCTAssertEqual(try url("/search?type=user#all"), "https://example.com/2.0/search?type=user&fields=shared_link&api_key=k3y")
        let bare = try core.urlRequest(for: APIRequest(method: "GET", path: "/files/12#get_shared_link"), accept: nil)
        XCTAssertEqual(bare.url?.absoluteString, "https://example.com/2.0/files/12")
    }

    func testBasicAuthIsBase64() throws {
        let core = ClientCore(serverURL: URL(string: "https://example.com")!, transport: URLSessionTransport(),
                              credentials: [Credential(scheme: "b", placement: .basic, secret: "Aladdin:open sesame")],
                              timeout: 5, validatesArguments: true)
        let request = try core.urlRequest(for: APIRequest(method: "GET", path: "/", security: ["b"]), accept: nil)
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    }

    func testServerErrorShapes() {
        func parse(_ json: String) -> ServerError? { ServerError.parse(Data(json.utf8)) }
        XCTAssertEqual(parse(#"{"success":false,"error":{"code":404,"message":"Meeting not found"}}"#), ServerError(code: "404", message: "Meeting not found"))
        XCTAssertEqual(parse(#"{"errors":[{"code":1003,"message":"a"},{"code":"x","message":"b"}]}"#),
                       ServerError(code: "1003", message: "a", others: [ServerError(code: "x", message: "b")]))
        XCTAssertEqual(parse(#"{"code":"E1","message":"flat"}"#), ServerError(code: "E1", message: "flat"))
        XCTAssertNil(parse("<html>oops</html>"))
        XCTAssertNil(parse(#"{"data":1}"#))
    }

    func testValidation() {
        XCTAssertThrowsError(try Validation.check("x" + String(repeating: "y", count: 32), name: "accountID", maxLength: 32)) { error in
            XCTAssertEqual("\(error)", "invalid argument 'accountID': is 33 characters long, the maximum is 32")
        }
        XCTAssertNoThrow(try Validation.check(String(repeating: "y", count: 32), name: "accountID", maxLength: 32))
        XCTAssertThrowsError(try Validation.check(59.0, name: "s", minimum: 60, maximum: 600))
        XCTAssertThrowsError(try Validation.check(1.0, name: "r", minimum: 0, maximum: 1, exclusiveMaximum: true))
        XCTAssertNoThrow(try Validation.check(Optional<Double>.none, name: "s", minimum: 60))
        XCTAssertThrowsError(try Validation.check("ABC", name: "p", pattern: "^[a-z]+$"))
        XCTAssertNoThrow(try Validation.check("abc", name: "p", pattern: "^[a-z]+$"))
        XCTAssertThrowsError(try Validation.check([1, 2, 3, 4], name: "tags", maxItems: 3))
        XCTAssertThrowsError(try Validation.check(0, name: "width", minimum: 1))
    }

    func testPageSequenceStopsAtTotalOrEmptyPage() async throws {
        let counted = PageSequence<[Int], Int>(firstPage: 1, fetch: { page in page <= 3 ? [page, page] : [] },
                                               items: { $0 }, totalCount: { _ in 5 })
        var pages: [[Int]] = []
        for try await page in counted { pages.append(page) }
        XCTAssertEqual(pages, [[1, 1], [2, 2], [3, 3]], "5 items reached on page 3")

        let uncounted = PageSequence<[Int], Int>(firstPage: 2, fetch: { page in page <= 4 ? [page] : [] }, items: { $0 })
        var seen: [Int] = []
        for try await item in uncounted.items { seen.append(item) }
        XCTAssertEqual(seen, [2, 3, 4], "stops at the empty page")

        let numbered = PageSequence<[Int], Int>(firstPage: 1, fetch: { [$0] }, items: { $0 }, pageCount: { _ in 2 })
        seen = []
        for try await item in numbered.items { seen.append(item) }
        XCTAssertEqual(seen, [1, 2], "stops at the page count")
    }

    /// An offset past `Int.max` ends the walk instead of trapping.
    func testOffsetsAdvanceByTheItemsAndNeverOverflow() async throws {
        let offsets = PageSequence<[Int], Int>(firstOffset: Int.max - 1, fetch: { [$0, $0] }, items: { $0 })
        var seen: [Int] = []
        for try await item in offsets.items { seen.append(item) }
        XCTAssertEqual(seen, [Int.max - 1, Int.max - 1])
    }

    /// A link is read for its query: percent escapes and `+` decoded, the fragment dropped, the
    /// first of a repeated name kept, nothing for a value unreadable as the type.
    func testPageLinksReadTheirQuery() throws {
        let link = try XCTUnwrap(PageLink("https://elsewhere.example/a/b?token=a%2Fb+c&n=12&n=13&flag=true&bad=x1&empty=#n=99"))
        XCTAssertEqual(link.value("token"), "a/b c")
        XCTAssertEqual(link.value("n"), 12)
        XCTAssertEqual(link.value("flag"), true)
        XCTAssertEqual(link.value("bad") as Int?, nil)
        XCTAssertEqual(link.value("missing") as String?, nil)
        XCTAssertEqual(link.value("empty"), "")
        XCTAssertEqual(link.value("empty") as Int?, nil)
        XCTAssertEqual(PageLink("/relative?n=5")?.value("n"), 5)
        XCTAssertEqual(PageLink("no query at all")?.value("n") as Int?, nil)
        XCTAssertNil(PageLink(""), "an empty link is the last page")
        XCTAssertEqual(PageLink("?x=%ZZ")?.value("x") as String?, nil, "a malformed escape is no value")
    }

    func testJSONValueRoundTrip() throws {
        let json = #"{"a":[1,2.5,"x",true,null,{"b":{}}]}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        XCTAssertEqual(value["a"], .array([.int(1), .double(2.5), .string("x"), .bool(true), .null, .object(["b": .object([:])])]))
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        XCTAssertEqual(value, again)
    }

    /// A pattern is checked in time linear in the value, whatever the pattern: the classic
    /// catastrophic ones answer rightly on long values, and one that cannot be checked as
    /// ECMA-262 means (a backreference) is not checked, which is not "does not match".
    func testPatternsAreCheckedInLinearTime() throws {
        XCTAssertThrowsError(try Validation.check(String(repeating: "x", count: 80), name: "v", pattern: "(x+x+)+y")) { error in
            guard case APIError.invalidArgument("v", let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "does not match the pattern (x+x+)+y")
        }
        XCTAssertNoThrow(try Validation.check(String(repeating: "a", count: 1_000_000), name: "v", pattern: "^(a+)+$"))
        XCTAssertNoThrow(try Validation.check("ab", name: "v", pattern: "(a)\\1"), "not checked")
        XCTAssertNoThrow(try Validation.check("x", name: "v", pattern: "("), "not checked")
        XCTAssertThrowsError(try Validation.check("abc", name: "v", pattern: "^\\d+$"))
    }
}
