import XCTest
import Foundation
@_spi(Generated) import APIGenRuntime

/// The runtime side of a generated server: finding a route, and reading each part of a request
/// as the client writes it (and nothing else).
final class ServerRoutingTests: XCTestCase {
    private func route(_ method: String, _ template: String) -> ServerRoute {
        ServerRoute(method: method, template: template) { input in
            let pairs = input.pathParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return .text(200, ([template] + pairs).joined(separator: " "), contentType: "text/plain")
        }
    }

    private func answer(_ router: ServerRouter, _ method: String, _ target: String) async -> (Int, String) {
        let response = await router.respond(to: ServerRequest(method: method, target: target))
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    func testLiteralSegmentsWinAndEarlierSegmentsFirst() async {
        let router = ServerRouter(routes: [
            route("GET", "/jobs/{id}"), route("GET", "/jobs/search"), route("GET", "/{kind}/latest"),
            route("GET", "/files/{name}.{ext}"), route("POST", "/jobs/{id}"),
        ])
        var (status, text) = await answer(router, "GET", "/jobs/search")
        XCTAssertEqual(text, "/jobs/search")
        (status, text) = await answer(router, "GET", "/jobs/latest")
        XCTAssertEqual(text, "/jobs/{id} id=latest", "the first segment's literal decides")
        (status, text) = await answer(router, "GET", "/files/report.tar.gz")
        XCTAssertEqual(text, "/files/{name}.{ext} ext=tar.gz name=report")
        (status, text) = await answer(router, "get", "/jobs/a%2Fb")
        XCTAssertEqual(text, "/jobs/{id} id=a%2Fb", "parameters stay encoded until read; methods in any case")
        (status, _) = await answer(router, "DELETE", "/jobs/7")
        XCTAssertEqual(status, 405)
        (status, _) = await answer(router, "GET", "/jobs/7/extra")
        XCTAssertEqual(status, 404)
        (status, _) = await answer(router, "GET", "/files/.csv")
        XCTAssertEqual(status, 404, "an empty value matches nothing")
        (status, _) = await answer(router, "GET", "jobs/7")
        XCTAssertEqual(status, 404, "a path that does not start with /")
    }

    func testParametersReadAsTheirTypes() throws {
        let input = ServerInput(
            pathParameters: ["id": "a%20b%2Fc", "n": "12", "empty": ""],
            query: "tags=a,b&each=1&each=2&space=x%20y&pipes=p%7Cq&flag=true&bad=TRUE&x=NaN&at=2026-01-02T03:04:05Z&plus=a+b&json=%7B%22a%22%3A1%7D",
            headers: [("X-Tags", "a, b"), ("x-tags", "c"), ("Cookie", "theme=dark; session=s%3D1")], body: Data()
        )
        XCTAssertEqual(try input.path("id", as: String.self), "a b/c")
        XCTAssertEqual(try input.path("n", as: Int.self), 12)
        XCTAssertThrowsError(try input.path("empty", as: String.self), "an empty segment is missing")
        XCTAssertThrowsError(try input.path("id", as: Int.self))
        XCTAssertEqual(try input.queryArray("tags", of: String.self, explode: false), ["a", "b"])
        XCTAssertEqual(try input.queryArray("each", of: Int.self, explode: true), [1, 2])
        XCTAssertEqual(try input.queryArray("space", of: String.self, explode: false, delimiter: " "), ["x", "y"])
        XCTAssertEqual(try input.queryArray("pipes", of: String.self, explode: false, delimiter: "|"), ["p", "q"])
        XCTAssertNil(try input.queryArray("absent", of: String.self, explode: true))
        XCTAssertEqual(try input.query("flag", as: Bool.self), true)
        XCTAssertThrowsError(try input.query("bad", as: Bool.self), "booleans are true and false, as the client writes them")
        XCTAssertThrowsError(try input.query("x", as: Double.self), "NaN is no number of a schema")
        XCTAssertEqual(try input.query("at", as: Date.self), Date(timeIntervalSince1970: 1_767_323_045))
        XCTAssertEqual(try input.query("plus", as: String.self), "a b")
        XCTAssertEqual(try input.queryJSON("json", as: [String: Int].self), ["a": 1])
        XCTAssertEqual(try input.headerArray("X-Tags", of: String.self), ["a", "b", "c"], "every field of the name, in any case")
        XCTAssertEqual(try input.cookie("session", as: String.self), "s=1")
        XCTAssertNil(try input.cookie("sess", as: String.self))
        XCTAssertThrowsError(try input.required(nil as Int?, "the query item 'x'")) { error in
            XCTAssertEqual((error as? ServerRequestError)?.message, "the query item 'x' is required")
        }
    }

    /// Each style read back as `ParameterStyle` writes it, split before decoding so that an
    /// item's own delimiter (encoded) stays inside the item.
    func testStylesReadBackWhatTheClientWrites() throws {
        let items = ["a", "b,c", "d e"]
        let object = StyledValue.object([.init("x", "1"), .init("label", "p,q")])
        func input(path: [String: String] = [:], query: [String] = [], headers: [(name: String, value: String)] = []) -> ServerInput {
            ServerInput(pathParameters: path, query: query.joined(separator: "&"), headers: headers, body: Data())
        }
        for (style, explode) in [(ParameterStyle.simple, false), (.simple, true), (.label, false), (.label, true), (.matrix, false), (.matrix, true)] {
            let arrayText = style.path("ids", .array(items.filter { style != .label || !$0.contains(".") }), explode: explode)
            XCTAssertEqual(try input(path: ["ids": arrayText]).pathStyled("ids", style: style, explode: explode, shape: .array, as: [String].self), items, "\(style) \(explode): \(arrayText)")
            let objectText = style.path("p", object, explode: explode)
            let point = try input(path: ["p": objectText]).pathStyled("p", style: style, explode: explode, shape: .object, as: [String: String].self)
            XCTAssertEqual(point, ["x": "1", "label": "p,q"], "\(style) \(explode): \(objectText)")
        }
        XCTAssertEqual(try input(path: ["l": ".7"]).pathStyled("l", style: .label, explode: false, shape: .primitive, as: Int.self), 7)
        XCTAssertThrowsError(try input(path: ["l": "7"]).pathStyled("l", style: .label, explode: false, shape: .primitive, as: Int.self), "no dot")
        XCTAssertEqual(try input(query: ParameterStyle.form.query("tags", .array(items), explode: false)).queryArray("tags", of: String.self, explode: false), items)
        XCTAssertEqual(try input(query: ParameterStyle.pipeDelimited.query("p", .array(["a", "b"]), explode: false)).queryArray("p", of: String.self, explode: false, delimiter: "|"), ["a", "b"])
        for (style, explode) in [(ParameterStyle.deepObject, true), (.form, true), (.form, false), (.spaceDelimited, false), (.pipeDelimited, false)] {
            let query = style.query("f", object, explode: explode) + ["other=1"]
            let read = try input(query: query).queryObject("f", style: style, explode: explode, as: Filter.self)
            XCTAssertEqual(read, Filter(x: 1, label: "p,q"), "\(style) \(explode): \(query)")
        }
        XCTAssertNil(try input(query: ["other=1"]).queryObject("f", style: .deepObject, explode: true, as: Filter.self))
        for explode in [true, false] {
            let cookies = ParameterStyle.cookie("c", .array(items), explode: explode).joined(separator: "; ")
            XCTAssertEqual(try input(headers: [("Cookie", "other=1; " + cookies)]).cookieStyled("c", explode: explode, shape: .array, as: [String].self), items, cookies)
            let members = ParameterStyle.cookie("f", object, explode: explode).joined(separator: "; ")
            XCTAssertEqual(try input(headers: [("Cookie", members)]).cookieStyled("f", explode: explode, shape: .object, as: Filter.self), Filter(x: 1, label: "p,q"), members)
        }
        XCTAssertEqual(try input(headers: [("Cookie", "color=red")]).cookie("color", as: Color.self), .red)
        XCTAssertThrowsError(try input(headers: [("Cookie", "color=mauve")]).cookie("color", as: Color.self))
        for explode in [true, false] {
            let header = ParameterStyle.header(.object([.init("x", "1"), .init("label", "p 50%")]), explode: explode)
            XCTAssertEqual(try input(headers: [("X-F", header)]).headerObject("X-F", explode: explode, as: [String: String].self), ["x": "1", "label": "p 50%"],
                           "a header is text, not percent-encoded")
        }
    }

    /// A cookie given by `content` holds JSON text, percent-encoded; a 3.2 `querystring` is the
    /// whole query in its media type. Each is read back as `APIRequest` writes it.
    func testJSONCookiesAndWholeQueryStringsReadBackWhatTheClientWrites() throws {
        let filter = Filter(x: 3, label: "a; b, \"c\" 50%\r\nSet-Cookie: x=1")
        var request = APIRequest(method: "GET", path: "/")
        try request.addCookieJSON("f", filter)
        try request.addCookieJSON("none", nil as Filter?)
        XCTAssertEqual(request.cookies.count, 1, "nil sends no cookie")
        XCTAssertFalse(request.cookies[0].dropFirst(2).unicodeScalars.contains { ";, \"\r\n".unicodeScalars.contains($0) },
                       "no cookie delimiter or line break is left in the value: \(request.cookies[0])")
        let cookies = ServerInput(pathParameters: [:], query: nil, headers: [("Cookie", "a=1; " + request.cookies.joined(separator: "; "))], body: Data())
        XCTAssertEqual(try cookies.cookieJSON("f", as: Filter.self), filter)
        XCTAssertNil(try cookies.cookieJSON("g", as: Filter.self))
        XCTAssertThrowsError(try cookies.cookieJSON("a", as: Filter.self), "1 is no Filter")

        for mediaType in ["application/x-www-form-urlencoded", "application/json", "application/vnd.api+json; charset=utf-8"] {
            var request = APIRequest(method: "GET", path: "/")
            try request.setQueryString(filter, mediaType: mediaType)
            let input = ServerInput(pathParameters: [:], query: request.query.joined(separator: "&"), headers: [], body: Data())
            XCTAssertEqual(try input.queryString(Filter.self, mediaType: mediaType), filter, "\(mediaType): \(request.query)")
        }
        var text = APIRequest(method: "GET", path: "/")
        try text.setQueryString("$.a.b[1:1]&x=y", mediaType: "application/jsonpath")
        let input = ServerInput(pathParameters: [:], query: text.query.joined(separator: "&"), headers: [], body: Data())
        XCTAssertEqual(try input.queryString(String.self, mediaType: "application/jsonpath"), "$.a.b[1:1]&x=y", "text is the query as it is")
        let empty = ServerInput(pathParameters: [:], query: nil, headers: [], body: Data())
        XCTAssertNil(try empty.queryString(Filter.self, mediaType: "application/json"))
        let broken = ServerInput(pathParameters: [:], query: "%7B%22x%22", headers: [], body: Data())
        XCTAssertThrowsError(try broken.queryString(Filter.self, mediaType: "application/json")) { error in
            XCTAssertEqual((error as? ServerRequestError)?.message, "the query string does not decode as Filter")
        }
    }

    /// The `querystring` examples of OpenAPI 3.2.0 ("Parameter Object Examples"), read from their
    /// `serializedValue` exactly as the specification writes it.
    func testTheSpecificationsQueryStringExamplesRead() throws {
        struct Form: Decodable, Equatable { var foo: String; var bar: Bool }
        struct Numbers: Decodable, Equatable { var numbers: [Int]; var flag: Bool? }
        func input(_ query: String) -> ServerInput { ServerInput(pathParameters: [:], query: query, headers: [], body: Data()) }
        XCTAssertEqual(try input("foo=a+%2B+b&bar=true").queryString(Form.self, mediaType: "application/x-www-form-urlencoded"), Form(foo: "a + b", bar: true))
        XCTAssertEqual(try input("%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D").queryString(Numbers.self, mediaType: "application/json"),
                       Numbers(numbers: [1, 2], flag: nil))
        XCTAssertEqual(try input("%24.a.b%5B1%3A1%5D").queryString(String.self, mediaType: "application/jsonpath"), "$.a.b[1:1]")
    }

    /// A form body's arrays and objects in a joined style are split as they arrived, before
    /// decoding: an item's own comma is encoded and stays inside the item. (A pipe or a space
    /// delimiter is itself encoded, as the specification's table writes it, so an item's own
    /// pipe cannot be told from one: no reader can.)
    func testJoinedFormFieldsKeepTheirItemsDelimiters() throws {
        struct Form: Codable, Equatable {
            var tags: [String]
            var bars: [String]
            var point: Filter
            var name: String
        }
        let form = Form(tags: ["a,b", "c"], bars: ["x,y", "z z"], point: Filter(x: 1, label: "p,q"), name: "n,o")
        let fields = ["tags": FieldEncoding(explode: false), "bars": FieldEncoding(style: .pipeDelimited, explode: false),
                      "point": FieldEncoding(explode: false), "name": FieldEncoding(explode: false)]
        var request = APIRequest(method: "POST", path: "/")
        try request.setFormBody(form, fields: fields)
        let input = ServerInput(pathParameters: [:], query: nil, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: request.body ?? Data())
        XCTAssertEqual(try input.formBody(Form.self, required: true, fields: fields), form, String(decoding: request.body ?? Data(), as: UTF8.self))
    }

    func testAnEnumIsHeldToTheValuesItLists() throws {
        let input = ServerInput(pathParameters: [:], query: "color=red&other=mauve", headers: [], body: Data())
        XCTAssertEqual(try input.query("color", as: Color.self), .red)
        XCTAssertThrowsError(try input.query("other", as: Color.self), "an open enum reads unknown values, a server does not")
    }

    func testBodiesAndTheirMediaTypes() throws {
        let json = ServerInput(pathParameters: [:], query: nil, headers: [("Content-Type", "application/problem+json; charset=utf-8")], body: Data(#"{"a":1}"#.utf8))
        XCTAssertEqual(try json.jsonBody([String: Int].self, required: true), ["a": 1])
        let text = ServerInput(pathParameters: [:], query: nil, headers: [("Content-Type", "text/plain")], body: Data(#"{"a":1}"#.utf8))
        XCTAssertThrowsError(try text.jsonBody([String: Int].self, required: true)) { error in
            XCTAssertEqual((error as? ServerRequestError)?.status, 415)
        }
        let empty = ServerInput(pathParameters: [:], query: nil, headers: [], body: Data())
        XCTAssertNil(try empty.jsonBody([String: Int].self, required: false))
        XCTAssertThrowsError(try empty.jsonBody([String: Int].self, required: true))
        let binary = ServerInput(pathParameters: [:], query: nil, headers: [], body: Data([0xFF, 0xFE]))
        XCTAssertThrowsError(try binary.textBody(required: true), "not UTF-8")
        XCTAssertEqual(try binary.dataBody(required: true), Data([0xFF, 0xFE]))
    }

    func testAHandlersMistakesAreItsOwn() async throws {
        XCTAssertEqual(try ServerResponse.status(418, in: 400..<500, case: "clientError"), 418)
        XCTAssertThrowsError(try ServerResponse.status(200, in: 400..<500, case: "clientError"))
        let failing = ServerRoute(method: "GET", template: "/x") { _ in throw CancellationError() }
        let answer = await failing.respond(to: ServerInput(pathParameters: [:], query: nil, headers: [], body: Data()))
        XCTAssertEqual(answer.status, 500)
        XCTAssertTrue(answer.body.isEmpty)
        let injecting = ServerRoute(method: "GET", template: "/x") { _ in .text(200, "hi", contentType: "text/plain\r\nSet-Cookie: a=b") }
        let injected = await injecting.respond(to: ServerInput(pathParameters: [:], query: nil, headers: [], body: Data()))
        XCTAssertEqual(injected.status, 500, "a media type with a line break is never written")
        XCTAssertTrue(injected.headers.isEmpty)
        let refusing = ServerRoute(method: "GET", template: "/x") { _ in throw APIError.invalidArgument(name: "limit", reason: "above 10") }
        let refused = await refusing.respond(to: ServerInput(pathParameters: [:], query: nil, headers: [], body: Data()))
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(String(decoding: refused.body, as: UTF8.self), "limit: above 10")
    }
}

private struct Filter: Codable, Equatable {
    var x: Int
    var label: String
}

private enum Color: OpenEnum {
    case red, green
    case unknown(String)
    static let allCases: [Color] = [.red, .green]
    var rawValue: String {
        switch self {
        case .red: "red"
        case .green: "green"
        case .unknown(let raw): raw
        }
    }
}
