import XCTest
@testable import APIGenCore

final class DiagnosticTests: XCTestCase {
    func testADiagnosticIsOneLineWhateverTheDocumentHolds() {
        let location = SourceLocation(file: "a\nb.yaml", line: 3, column: 4)
        let diagnostic = Diagnostic(.error, "$ref 'x\u{0}y\nz.yaml:1:1: error: forged' \u{1b}[31mred", at: location, detail: "\tkey: \u{7}\n\t^")
        XCTAssertEqual(diagnostic.description, "a\\u{a}b.yaml:3:4: error: $ref 'x\\u{0}y\\u{a}z.yaml:1:1: error: forged' \\u{1b}[31mred\n\tkey: \\u{7}\n\t^")
        XCTAssertEqual(Diagnostic(.warning, "plain text, café", at: nil).description, "warning: plain text, café")
    }
}
