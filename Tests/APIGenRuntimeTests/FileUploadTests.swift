@_spi(Generated) @testable import APIGenRuntime
import Foundation
import XCTest

/// A file in JSON is its bytes as base64 text, as `Data` is, alone or inside other values.
final class FileUploadTests: XCTestCase {
    func testJSONIsBase64TextBothWays() throws {
        let file = FileUpload(data: Data([1, 2, 3]), fileName: "a.bin", contentType: "image/png")
        XCTAssertEqual(String(decoding: try JSONCoding.encode(file), as: UTF8.self), #""AQID""#)
        XCTAssertEqual(String(decoding: try JSONCoding.encode(["f": [file]]), as: UTF8.self), #"{"f":["AQID"]}"#)
        let read = try JSONCoding.decode([String: [FileUpload]].self, from: Data(#"{"f":["AQID"]}"#.utf8))
        XCTAssertEqual(try read["f"]?.first?.contents(), Data([1, 2, 3]))
        XCTAssertNil(read["f"]?.first?.fileName, "JSON carries the bytes only")
        XCTAssertThrowsError(try JSONCoding.decode(FileUpload.self, from: Data("[1,2,3]".utf8)), "an array of numbers is not a file")
    }
}
