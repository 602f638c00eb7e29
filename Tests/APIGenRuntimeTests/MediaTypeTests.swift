@_spi(Generated) @testable import APIGenRuntime
import Foundation
import XCTest

/// The one reading of `Content-Type` and `Content-Disposition`: what the client checks a
/// caller's type with, and what the server reads bodies and parts by.
final class MediaTypeTests: XCTestCase {
    func testParametersRespectQuotes() {
        let read = ParameterizedValue(#"form-data; filename="; name=admin"; NAME="file\"s"; x=1 ; broken"#)
        XCTAssertEqual(read.value, "form-data")
        XCTAssertEqual(read.parameter("filename"), "; name=admin", "a ; inside quotes is the value's")
        XCTAssertEqual(read.parameter("name"), #"file"s"#, "names in any case; a quoted-pair unescaped")
        XCTAssertEqual(read.parameter("x"), "1")
        XCTAssertNil(read.parameter("broken"), "no = is no parameter")
        XCTAssertNil(ParameterizedValue(#"a; b="open"#).parameter("b"), "a quote that does not end is no value")
        XCTAssertEqual(ParameterizedValue("A/B;;c=d").parameter("c"), "d")
    }

    func testMediaTypes() throws {
        let type = try XCTUnwrap(MediaType(#"Multipart/Form-Data; Boundary="a;b""#))
        XCTAssertEqual(type.essence, "multipart/form-data")
        XCTAssertEqual(type.parameter("boundary"), "a;b")
        for json in ["application/json", "text/json", "application/problem+json; charset=utf-8"] {
            XCTAssertEqual(MediaType(json)?.isJSON, true, json)
        }
        for other in ["application/jsonx", "application/x-ndjson", "text/plain"] {
            XCTAssertEqual(MediaType(other)?.isJSON, false, other)
        }
        for malformed in ["", "json", "a/b/c", "a /b", "a/b\r\nX: y", "é/b", "/b", "a/"] {
            XCTAssertNil(MediaType(malformed), malformed.debugDescription)
        }
        let png = try XCTUnwrap(MediaType("image/png"))
        XCTAssertTrue(png.isWithin(try XCTUnwrap(MediaType("image/*"))))
        XCTAssertTrue(png.isWithin(try XCTUnwrap(MediaType("*/*"))))
        XCTAssertTrue(png.isWithin(png))
        XCTAssertFalse(png.isWithin(try XCTUnwrap(MediaType("text/*"))))
        XCTAssertFalse(png.isWithin(try XCTUnwrap(MediaType("image/gif"))))
        XCTAssertTrue(try XCTUnwrap(MediaType("image/*")).isRange)
    }

    func testACallersTypeIsSentOnlyWhenItIsOneWithinTheRange() throws {
        var request = APIRequest(method: "PUT", path: "/p")
        try request.setDataBody(Data([1]), contentType: "image/svg+xml; charset=utf-8", within: "image/*")
        XCTAssertEqual(request.headers.last?.value, "image/svg+xml; charset=utf-8")
        for (type, range) in [("text/plain", "image/*"), ("image/*", "image/*"), ("*/*", "*/*"), ("a/b\nX-Evil: 1", "*/*")] {
            var refused = APIRequest(method: "PUT", path: "/p")
            XCTAssertThrowsError(try refused.setDataBody(Data([1]), contentType: type, within: range), type.debugDescription) { error in
                guard case APIError.invalidArgument(let name, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(name, "contentType")
                XCTAssertFalse(reason.contains("\n"), reason)
            }
            XCTAssertNil(refused.body)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-range-\(UUID().uuidString)")
        try Data([1]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var fromFile = APIRequest(method: "PUT", path: "/p")
        XCTAssertThrowsError(try fromFile.setFileBody(file, contentType: "video/mp4", within: "audio/*"))
        try fromFile.setFileBody(file, contentType: "audio/ogg", within: "audio/*")
        XCTAssertEqual(fromFile.headers.last?.value, "audio/ogg")
    }

    /// A file name holding `; name=…` in quotes names no part: the part keeps its own name.
    func testAQuotedFileNameCannotRenameAPart() throws {
        let body = "--b\r\nContent-Disposition: form-data; filename=\"; name=admin\"; name=\"file\"\r\n\r\nbytes\r\n--b--\r\n"
        let parts = try MultipartReading.parts(Data(body.utf8), boundary: "b")
        XCTAssertEqual(parts.map(\.name), ["file"])
        XCTAssertEqual(parts.first?.fileName, "; name=admin")
    }
}
