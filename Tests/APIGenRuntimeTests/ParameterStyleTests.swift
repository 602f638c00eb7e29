import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) @testable import APIGenRuntime

/// The OpenAPI Specification's "Style Examples" table (3.1.1, § Parameter Object), row by row:
/// the expected strings are typed from the specification's text (without the `?` its query
/// rows show), for a parameter `color` of "blue", ["blue", "black", "brown"] and
/// {"R": 100, "G": 200, "B": 150}. "n/a" cells are left out (they are the documented choices,
/// tested below).
final class ParameterStyleTests: XCTestCase {
    private let string = StyledValue.primitive("blue")
    private let array = StyledValue.array(["blue", "black", "brown"])
    private let object = StyledValue.object([.init("R", "100"), .init("G", "200"), .init("B", "150")])

    private struct Row {
        let style: ParameterStyle, explode: Bool, string: String?, array: String, object: String
    }

    private let pathRows = [
        Row(style: .matrix, explode: false, string: ";color=blue", array: ";color=blue,black,brown", object: ";color=R,100,G,200,B,150"),
        Row(style: .matrix, explode: true, string: ";color=blue", array: ";color=blue;color=black;color=brown", object: ";R=100;G=200;B=150"),
        Row(style: .label, explode: false, string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150"),
        Row(style: .label, explode: true, string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150"),
        Row(style: .simple, explode: false, string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150"),
        Row(style: .simple, explode: true, string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150"),
    ]

    private let queryRows = [
        Row(style: .form, explode: false, string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150"),
        Row(style: .form, explode: true, string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        Row(style: .spaceDelimited, explode: false, string: nil, array: "color=blue%20black%20brown", object: "color=R%20100%20G%20200%20B%20150"),
        Row(style: .pipeDelimited, explode: false, string: nil, array: "color=blue%7Cblack%7Cbrown", object: "color=R%7C100%7CG%7C200%7CB%7C150"),
    ]

    func testPathStylesAsTheSpecificationsTable() {
        for row in pathRows {
            let label = "\(row.style) explode: \(row.explode)"
            XCTAssertEqual(row.style.path("color", string, explode: row.explode), row.string, label)
            XCTAssertEqual(row.style.path("color", array, explode: row.explode), row.array, label)
            XCTAssertEqual(row.style.path("color", object, explode: row.explode), row.object, label)
        }
        XCTAssertEqual(ParameterStyle.header(array, explode: false), "blue,black,brown")
        XCTAssertEqual(ParameterStyle.header(object, explode: true), "R=100,G=200,B=150")
    }

    func testQueryStylesAsTheSpecificationsTable() {
        for row in queryRows {
            let label = "\(row.style) explode: \(row.explode)"
            if let string = row.string { XCTAssertEqual(row.style.query("color", self.string, explode: row.explode).joined(separator: "&"), string, label) }
            XCTAssertEqual(row.style.query("color", array, explode: row.explode).joined(separator: "&"), row.array, label)
            XCTAssertEqual(row.style.query("color", object, explode: row.explode).joined(separator: "&"), row.object, label)
        }
        XCTAssertEqual(ParameterStyle.deepObject.query("color", object, explode: true).joined(separator: "&"),
                       "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")
    }

    /// Delimiters are the style's; the same characters inside a value are escaped, so values
    /// that differ are sent apart. (The table itself writes `pipeDelimited`'s and
    /// `spaceDelimited`'s delimiters percent-encoded, as a `|` or a space in a value is: there the
    /// specification's own form cannot tell `["a|b"]` from `["a", "b"]`.)
    func testValuesNeverCollideWithDelimiters() {
        let apart = [StyledValue.array(["a", "b,c"]), .array(["a", "b", "c"]), .array(["a|b", "c"]), .array(["a b", "c"])]
        let sent = apart.map { ParameterStyle.form.query("t", $0, explode: false).joined(separator: "&") }
        XCTAssertEqual(Set(sent).count, apart.count, "\(sent)")
        XCTAssertNotEqual(ParameterStyle.pipeDelimited.query("t", .array(["a,b", "c"]), explode: false),
                          ParameterStyle.pipeDelimited.query("t", .array(["a", "b", "c"]), explode: false))
        XCTAssertEqual(ParameterStyle.form.query("t", .array(["a", "b,c"]), explode: false), ["t=a,b%2Cc"])
        XCTAssertEqual(ParameterStyle.matrix.path("c", .array(["a;b", "c=d"]), explode: true), ";c=a%3Bb;c=c%3Dd")
        XCTAssertEqual(ParameterStyle.form.query("q", .primitive("a/b?c"), explode: true, allowReserved: true), ["q=a/b?c"])
        XCTAssertEqual(ParameterStyle.form.query("q", .primitive("a[b]#c&d+e%41%zz"), explode: true, allowReserved: true), ["q=a%5Bb%5D%23c%26d%2Be%41%25zz"])
    }

    /// The table's "n/a" cells, as documented on `ParameterStyle`.
    func testUndefinedCombinationsAreTheDocumentedChoices() {
        XCTAssertEqual(ParameterStyle.deepObject.query("c", array, explode: true), ["c%5B%5D=blue", "c%5B%5D=black", "c%5B%5D=brown"], "an array in deepObject: brackets")
        XCTAssertEqual(ParameterStyle.deepObject.query("c", object, explode: false), ["c%5BR%5D=100", "c%5BG%5D=200", "c%5BB%5D=150"])
        XCTAssertEqual(ParameterStyle.pipeDelimited.query("c", array, explode: true), ["c=blue", "c=black", "c=brown"])
        XCTAssertEqual(ParameterStyle.spaceDelimited.query("c", string, explode: false), ["c=blue"])
        XCTAssertEqual(ParameterStyle.cookie("c", array, explode: true), ["c=blue", "c=black", "c=brown"])
        XCTAssertEqual(ParameterStyle.matrix.path("c", .primitive(""), explode: false), ";c", "RFC 6570: an empty value is the name alone")
        XCTAssertEqual(ParameterStyle.label.path("c", .primitive(""), explode: false), ".")
    }

    /// An object's fields come in the order its type writes them (a model: the schema's), a
    /// dictionary's sorted, nested values as JSON text, nil left out.
    func testObjectsKeepTheirFieldOrder() throws {
        struct Color: Encodable {
            var r = 100, g = 200, b: Int? = nil, name = "x y", tags = ["a"]
            enum CodingKeys: String, CodingKey { case r = "R", g = "G", b = "B", name, tags }
        }
        XCTAssertEqual(try StyledValue(object: Color()), .object([.init("R", "100"), .init("G", "200"), .init("name", "x y"), .init("tags", #"["a"]"#)]))
        XCTAssertEqual(try StyledValue(object: ["z": 1, "a": 2, "m": 3]), .object([.init("a", "2"), .init("m", "3"), .init("z", "1")]))
        XCTAssertThrowsError(try StyledValue(object: [1, 2]))
    }

    /// Cookie parameters, the client's cookie credentials and a call's own `Cookie` header are
    /// one header.
    func testCookiesAreOneHeader() throws {
        let core = ClientCore(serverURL: URL(string: "https://api.example.com")!, transport: URLSessionTransport(),
                              credentials: [Credential(scheme: "s", placement: .cookie("sid"), secret: "t0k")], timeout: 5, validatesArguments: true)
        var request = APIRequest(method: "GET", path: "/x", security: ["s"])
        request.addCookie("theme", "dark mode")
        request.addCookie("ids", [1, 2], explode: false)
        let built = try core.with(CallOptions(headers: [("Cookie", "a=b")])).urlRequest(for: request, accept: nil)
        XCTAssertEqual(built.value(forHTTPHeaderField: "Cookie"), "a=b; theme=dark%20mode; ids=1,2; sid=t0k")
    }
}
