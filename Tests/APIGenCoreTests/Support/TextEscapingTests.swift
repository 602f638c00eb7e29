import XCTest
@testable import APIGenCore

final class TextEscapingTests: XCTestCase {
    func testSwiftAndJSONFormsOfTheOneRule() {
        let text = "a\"b\\c\nd\t\u{1b}\u{7f}\u{85}\u{2028}é"
        XCTAssertEqual(TextEscaping.quoted(text), #""a\"b\\c\nd\t\u{1b}\u{7f}\u{85}\u{2028}é""#)
        XCTAssertEqual(TextEscaping.jsonQuoted(text), "\"a\\\"b\\\\c\\nd\\t\\u001b\u{7f}\u{85}\u{2028}é\"")
        XCTAssertEqual(TextEscaping.quoted("plain/path"), "\"plain/path\"")
        // The JSON form is JSON: it reads back as the same text.
        let decoded = try? JSONSerialization.jsonObject(with: Data(TextEscaping.jsonQuoted(text).utf8), options: .fragmentsAllowed) as? String
        XCTAssertEqual(decoded, text)
    }
}
