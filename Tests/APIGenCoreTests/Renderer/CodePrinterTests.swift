import XCTest
@testable import APIGenCore

final class CodePrinterTests: XCTestCase {
    func testWidthOfASCIIIsItsLength() {
        for length in 0...40 {
            XCTAssertEqual(CodePrinter.width(String(repeating: "a", count: length)), length)
        }
    }

    func testWidthCountsCharactersWhereverTheNonASCIIByteIs() {
        // The fast path reads eight bytes at a time: a non-ASCII character in the first word, at
        // its edge, in a later word and in the tail must each be found.
        for position in [0, 6, 7, 8, 15, 16, 23, 30] {
            var text = String(repeating: "x", count: 31)
            text.insert("é", at: text.index(text.startIndex, offsetBy: position))
            XCTAssertEqual(CodePrinter.width(text), 32, "é at \(position)")
        }
        XCTAssertEqual(CodePrinter.width("👩‍👩‍👧 family"), 8)
    }

    func testWrappedBreaksAtTheWidthCountingCharacters() {
        var printer = CodePrinter()
        printer.wrapped(["ééééé", "ééééé", "ééééé"], separator: " && ", continuation: "&& ", width: 14)
        XCTAssertEqual(printer.text, "ééééé && ééééé\n&& ééééé\n")
    }

    func testDocLinesWithLineBreaksInsideArePrintedAsSeveralLines() {
        var printer = CodePrinter()
        printer.indent()
        printer.docs(["plain é", "", "a\nb", "c\rd", "e\u{2028}f", "g\u{2029}", "’quoted’"])
        XCTAssertEqual(printer.text, """
            /// plain é
            ///
            /// a
            /// b
            /// c
            /// d
            /// e
            /// f
            /// g
            ///
            /// ’quoted’

        """)
    }
}
