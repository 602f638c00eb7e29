@_spi(Generated) @testable import APIGenRuntime
import Foundation
import XCTest

/// Form and multipart bodies: each field as its `encoding` entry says, in the type's order.
final class FormBodyTests: XCTestCase {
    private func form(_ value: some Encodable, _ fields: [String: FieldEncoding] = [:]) throws -> String {
        var request = APIRequest(method: "POST", path: "/")
        try request.setFormBody(value, fields: fields)
        XCTAssertEqual(request.headers.last?.value, "application/x-www-form-urlencoded")
        return String(decoding: request.body!, as: UTF8.self)
    }

    struct Item: Encodable { var price: String; var quantity: Int }
    struct Charge: Encodable {
        var amount = 2000
        var description: String? = nil
        var metadata = ["order_id": "6735", "a b": "x&y"]
        var items = [Item(price: "price_1", quantity: 2), Item(price: "price_2", quantity: 1)]
        var expand = ["customer", "invoice"]
    }

    /// The payments API's way: every nested field `deepObject`, exploded.
    func testNestedFieldsInBrackets() throws {
        let deep = FieldEncoding(style: .deepObject, explode: true)
        let text = try form(Charge(), ["metadata": deep, "items": deep, "expand": deep])
        XCTAssertEqual(text, "amount=2000&metadata%5Ba%20b%5D=x%26y&metadata%5Border_id%5D=6735"
                       + "&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2"
                       + "&items%5B1%5D%5Bprice%5D=price_2&items%5B1%5D%5Bquantity%5D=1"
                       + "&expand%5B%5D=customer&expand%5B%5D=invoice")
    }

    /// With no `encoding` entry a field is `form`, exploded: an object's fields become fields of
    /// the body, an array repeats its name (the specification's defaults).
    func testDefaultsAreExplodedForm() throws {
        struct Address: Encodable { var city = "Zürich"; var zip = "8001" }
        struct Body: Encodable { var address = Address(); var tags = ["a", "b,c"]; var when = Date(timeIntervalSince1970: 0) }
        XCTAssertEqual(try form(Body()), "city=Z%C3%BCrich&zip=8001&tags=a&tags=b%2Cc&when=1970-01-01T00%3A00%3A00.000Z")
        let unexploded = FieldEncoding(style: .form, explode: false)
        XCTAssertEqual(try form(Body(), ["address": unexploded, "tags": unexploded]),
                       "address=city,Z%C3%BCrich,zip,8001&tags=a,b%2Cc&when=1970-01-01T00%3A00%3A00.000Z")
        XCTAssertEqual(try form(Body(), ["tags": FieldEncoding(style: .pipeDelimited, explode: false)]).split(separator: "&")[2], "tags=a%7Cb%2Cc")
    }

    func testAllowReservedAndNulls() throws {
        struct Body: Encodable {
            var redirect = "https://a.example/x?y=1"
            var gone: Int? = nil
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: AnyCodingKey.self)
                try c.encode(redirect, forKey: AnyCodingKey("redirect"))
                try c.encodeNil(forKey: AnyCodingKey("gone"))
            }
        }
        XCTAssertEqual(try form(Body(), ["redirect": FieldEncoding(allowReserved: true)]), "redirect=https://a.example/x?y=1")
        XCTAssertEqual(try form(Body()), "redirect=https%3A%2F%2Fa.example%2Fx%3Fy%3D1")
    }

    func testDeepObjectQueryArraysAndNesting() throws {
        var request = APIRequest(method: "GET", path: "/")
        request.addQuery("expand", ["a", "b"], style: .deepObject)
        struct Filter: Encodable { var created = ["gte": 5]; var status = "open" }
        try request.addQuery("filter", object: Filter(), style: .deepObject)
        XCTAssertEqual(request.query, ["expand%5B%5D=a", "expand%5B%5D=b", "filter%5Bcreated%5D%5Bgte%5D=5", "filter%5Bstatus%5D=open"])
    }

    func testNonObjectBodyIsAnError() {
        var request = APIRequest(method: "POST", path: "/")
        XCTAssertThrowsError(try request.setFormBody([1, 2]))
        XCTAssertThrowsError(try request.setMultipartBody("text"))
    }

    // MARK: multipart

    /// The parts of a body, split at its boundary: each part's head and body.
    private func multipart(_ value: some Encodable, _ fields: [String: FieldEncoding] = [:]) throws -> (boundary: String, parts: [(head: String, body: String)]) {
        var request = APIRequest(method: "POST", path: "/")
        try request.setMultipartBody(value, fields: fields)
        let type = try XCTUnwrap(request.headers.last?.value)
        XCTAssertTrue(type.hasPrefix("multipart/form-data; boundary="), type)
        let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
        let text = String(decoding: request.body!, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("--\(boundary)--\r\n"))
        let chunks = text.components(separatedBy: "--\(boundary)")
        XCTAssertEqual(chunks.first, "")
        XCTAssertEqual(chunks.last, "--\r\n")
        let parts = chunks.dropFirst().dropLast().map { chunk -> (String, String) in
            let pieces = chunk.components(separatedBy: "\r\n\r\n")
            let head = pieces[0].trimmingCharacters(in: .newlines)
            var body = pieces.dropFirst().joined(separator: "\r\n\r\n")
            XCTAssertTrue(body.hasSuffix("\r\n"))
            body.removeLast(1)
            return (head, body)
        }
        return (boundary, parts)
    }

    func testMultipartParts() throws {
        struct Attributes: Encodable { var name = "report.csv"; var parent = ["id": "0"] }
        struct Upload: Encodable {
            var attributes = Attributes()
            var file = FileUpload(data: Data("a,b\n1,2\n".utf8), fileName: "report.csv", contentType: "text/csv")
            var pages = [Data([0, 1]), Data([2])]
            var count = 3
            var note: String? = nil
            var tags = ["x", "y"]
        }
        let (_, parts) = try multipart(Upload(), ["count": FieldEncoding(contentType: "text/plain", headers: [("X-Part", "fixed")])])
        XCTAssertEqual(parts.map(\.head), [
            "Content-Disposition: form-data; name=\"attributes\"\r\nContent-Type: application/json",
            "Content-Disposition: form-data; name=\"file\"; filename=\"report.csv\"\r\nContent-Type: text/csv",
            "Content-Disposition: form-data; name=\"pages\"; filename=\"pages\"\r\nContent-Type: application/octet-stream",
            "Content-Disposition: form-data; name=\"pages\"; filename=\"pages\"\r\nContent-Type: application/octet-stream",
            "Content-Disposition: form-data; name=\"count\"\r\nContent-Type: text/plain\r\nX-Part: fixed",
            "Content-Disposition: form-data; name=\"tags\"",
            "Content-Disposition: form-data; name=\"tags\"",
        ])
        XCTAssertEqual(parts.map(\.body), [#"{"name":"report.csv","parent":{"id":"0"}}"#, "a,b\n1,2\n", "\u{0}\u{1}", "\u{2}", "3", "x", "y"])
    }

    func testMultipartFileFromURLAndListedContentTypes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-upload-\(UUID().uuidString).png")
        try Data("PNG".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        struct Upload: Encodable { var image: FileUpload }
        let (_, parts) = try multipart(Upload(image: FileUpload(contentsOf: url)), ["image": FieldEncoding(contentType: "image/png, image/jpeg")])
        XCTAssertEqual(parts.map(\.head), ["Content-Disposition: form-data; name=\"image\"; filename=\"\(url.lastPathComponent)\"\r\nContent-Type: image/png"])
        XCTAssertEqual(parts.map(\.body), ["PNG"])
        let missing = Upload(image: FileUpload(contentsOf: url.appendingPathExtension("gone")))
        var request = APIRequest(method: "POST", path: "/")
        XCTAssertThrowsError(try request.setMultipartBody(missing)) { error in
            guard case APIError.invalidArgument = error else { return XCTFail("\(error)") }
        }
    }

    /// Hostile names and values stay inside their part: a quote or a line break in a file name
    /// is escaped, a content type with one is refused, and a file that holds the boundary text
    /// gets another boundary.
    func testMultipartCannotBeBrokenOutOf() throws {
        struct Upload: Encodable { var file: FileUpload }
        let name = "a\".txt\r\nContent-Type: text/html\r\n\r\n<script>"
        let (boundary, parts) = try multipart(Upload(file: FileUpload(data: Data("x".utf8), fileName: name)))
        XCTAssertEqual(parts.count, 1)
        XCTAssertEqual(parts[0].head, "Content-Disposition: form-data; name=\"file\"; filename=\"a%22.txt%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>\"\r\nContent-Type: application/octet-stream")
        var request = APIRequest(method: "POST", path: "/")
        XCTAssertThrowsError(try request.setMultipartBody(Upload(file: FileUpload(data: Data(), contentType: "text/plain\r\nX-Evil: 1"))))
        XCTAssertThrowsError(try request.setMultipartBody(Upload(file: FileUpload(data: Data(), contentType: "image/*"))), "a range is no file's type")
        // An `encoding.contentType` that is a range or no media type (a hostile document's line
        // break): each part goes out as the type that fits its value.
        struct Mixed: Encodable { var note = "n"; var meta = ["a": "b"]; var file = FileUpload(data: Data("x".utf8)) }
        for listed in ["text/*", "*/*", "text/plain\r\nX-Evil: 1", "plain"] {
            let fields = ["note": FieldEncoding(contentType: listed), "meta": FieldEncoding(contentType: listed), "file": FieldEncoding(contentType: listed)]
            let (_, parts) = try multipart(Mixed(), fields)
            XCTAssertEqual(parts.map { $0.head.components(separatedBy: "\r\n").last }, ["Content-Type: text/plain", "Content-Type: application/json", "Content-Type: application/octet-stream"], listed.debugDescription)
        }
        XCTAssertTrue(boundary.hasPrefix("apigen-"))
        var candidates = ["B1", "B2", "B3"].makeIterator()
        let holding = Multipart.Part(name: "f", headers: [], body: Data("x--B1 and B2".utf8))
        XCTAssertEqual(Multipart.boundary(avoiding: [holding]) { candidates.next()! }, "B3")
    }
}

/// OpenAPI 3.2's `in: querystring`: one value is the whole query, written by its media type.
final class QueryStringTests: XCTestCase {
    struct Filter: Encodable { var name: String? = "a b&c"; var limit = 10; var tags = ["x", "y"] }

    private func query(_ value: some Encodable, _ mediaType: String) throws -> [String] {
        var request = APIRequest(method: "GET", path: "/find")
        request.query = []
        try request.setQueryString(value, mediaType: mediaType)
        return request.query
    }

    func testFormWritesTheFieldsAsAFormBodyWould() throws {
        XCTAssertEqual(try query(Filter(), "application/x-www-form-urlencoded"), ["name=a%20b%26c", "limit=10", "tags=x", "tags=y"])
        XCTAssertEqual(try query(Filter(name: nil), "application/x-www-form-urlencoded; charset=utf-8"), ["limit=10", "tags=x", "tags=y"])
    }

    func testJSONIsOneEscapedComponent() throws {
        let parts = try query(Filter(), "application/json")
        XCTAssertEqual(parts.count, 1)
        XCTAssertFalse(parts[0].contains { "&=#?{}\" ".contains($0) }, parts[0])
        let decoded = try JSONSerialization.jsonObject(with: Data(parts[0].removingPercentEncoding!.utf8)) as? NSDictionary
        XCTAssertEqual(decoded, ["name": "a b&c", "limit": 10, "tags": ["x", "y"]] as NSDictionary)
    }

    /// Text cannot end the query early or add a fragment: every delimiter is escaped.
    func testTextIsEscapedWhole() throws {
        let parts = try query("a=1&b=2#frag", "text/plain")
        XCTAssertEqual(parts, ["a%3D1%26b%3D2%23frag"])
        var request = APIRequest(method: "GET", path: "/find")
        let missing: String? = nil
        try request.setQueryString(missing, mediaType: "text/plain")
        XCTAssertEqual(request.query, [])
    }
}
