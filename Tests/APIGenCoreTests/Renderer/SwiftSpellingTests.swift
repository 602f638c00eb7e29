import XCTest
@testable import APIGenCore

final class SwiftSpellingTests: XCTestCase {
    func testPlainTextIsQuotedAsIs() {
        XCTAssertEqual(SwiftSpelling.string("/accounts/{account_id}/meetings"), #""/accounts/{account_id}/meetings""#)
        XCTAssertEqual(SwiftSpelling.string(""), #""""#)
        XCTAssertEqual(SwiftSpelling.string("a ~ z"), #""a ~ z""#)
    }

    func testQuotesBackslashesAndLineBreaksAreEscaped() {
        XCTAssertEqual(SwiftSpelling.string(#"say "hi""#), #""say \"hi\"""#)
        XCTAssertEqual(SwiftSpelling.string(#"C:\dir"#), #""C:\\dir""#)
        XCTAssertEqual(SwiftSpelling.string("a\nb\rc\td"), #""a\nb\rc\td""#)
    }

    func testControlCharactersBecomeUnicodeEscapes() {
        XCTAssertEqual(SwiftSpelling.string("\u{1}x\u{7F}"), #""\u{1}x\u{7f}""#)
        XCTAssertEqual(SwiftSpelling.string("next\u{85}line\u{2028}sep"), #""next\u{85}line\u{2028}sep""#)
    }

    func testOtherNonASCIITextIsKept() {
        XCTAssertEqual(SwiftSpelling.string("café ☕️ 日本"), "\"café ☕️ 日本\"")
        XCTAssertEqual(SwiftSpelling.string("é\""), "\"é\\\"\"")
    }

    func testTypesAreSpelledWithTheirPathAndNamespace() {
        XCTAssertEqual(SwiftSpelling.type(.named(["Meeting"])), "Meeting")
        XCTAssertEqual(SwiftSpelling.type(.named(["Meeting", "RecordingConfig", "Codec"])), "Meeting.RecordingConfig.Codec")
        XCTAssertEqual(SwiftSpelling.type(.named(["Meeting"]), namespace: "RTK"), "RTK.Meeting")
        XCTAssertEqual(SwiftSpelling.type(.optional(.array(.dictionary(.named(["A", "B"])))), namespace: "N"), "[[String: N.A.B]]?")
        XCTAssertEqual(SwiftSpelling.type(.optional(.builtin(.int))), "Int?")
    }

    /// Every builtin has a Swift name of its own, and no generated type may take it (a type
    /// named `URL` would hide Foundation's from every property that means the builtin).
    func testEveryBuiltinIsSpelledOnceAndReserved() {
        let names = BuiltinType.allCases.map(SwiftSpelling.swiftName)
        XCTAssertEqual(Set(names).count, BuiltinType.allCases.count)
        for name in names { XCTAssertTrue(SwiftNaming.reservedTypeNames.contains(name), name) }
        XCTAssertEqual(SwiftSpelling.type(.dictionary(.builtin(.jsonValue))), "[String: JSONValue]")
        XCTAssertEqual(SwiftSpelling.literal(.int(2), rawType: .double), "2.0")
        XCTAssertEqual(SwiftSpelling.literal(.int(2), rawType: nil), "2")
    }
}
