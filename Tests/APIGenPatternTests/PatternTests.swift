import XCTest
@testable import APIGenPattern

/// Patterns as ECMA-262 reads them (the expectations are what a JavaScript engine answers for
/// `new RegExp(pattern).test(value)`), checked in linear time, and the ones that cannot be.
final class PatternTests: XCTestCase {
    private func check(_ pattern: String, _ cases: [(String, Bool)], file: StaticString = #filePath, line: UInt = #line) throws {
        let compiled = try Pattern(pattern)
        for (value, expected) in cases {
            XCTAssertEqual(compiled.matches(value), expected, "/\(pattern)/.test(\(value.debugDescription))", file: file, line: line)
        }
    }

    func testMatchesAnywhereUnlessAnchored() throws {
        try check("abc", [("abc", true), ("xabcx", true), ("ab", false), ("", false)])
        try check("^abc$", [("abc", true), ("xabc", false), ("abcx", false)])
        try check("^$", [("", true), ("a", false)])
        try check("", [("", true), ("anything", true)])
        try check("a|^b", [("xa", true), ("xb", false), ("b", true)])
    }

    func testQuantifiers() throws {
        try check("^a*$", [("", true), ("aaaa", true), ("ab", false)])
        try check("^a+b?$", [("a", true), ("aab", true), ("b", false), ("abb", false)])
        try check("^a{2}$", [("a", false), ("aa", true), ("aaa", false)])
        try check("^a{2,}$", [("a", false), ("aaaaa", true)])
        try check("^a{1,3}$", [("", false), ("aaa", true), ("aaaa", false)])
        try check("^(ab|cd){2}$", [("abcd", true), ("abab", true), ("ab", false)])
        try check("^a+?$", [("aaa", true)])
        try check("^(?:a|b)*?c$", [("ababc", true), ("abab", false)])
        try check("^(a*)*$", [("aaaa", true), ("aab", false)])
        try check("^(|a)+$", [("", true), ("aa", true)])
        try check("^(?:){5}x$", [("x", true)])
    }

    func testClassesAndEscapes() throws {
        try check("^[a-c]+$", [("abcabc", true), ("abd", false)])
        try check("^[^0-9]+$", [("abc", true), ("a1", false)])
        try check("^\\d{3}-\\d{4}$", [("555-1234", true), ("55-1234", false)])
        try check("^\\w+$", [("snake_case9", true), ("kebab-case", false), ("é", false)])
        try check("^\\s+$", [(" \t\n\u{A0}\u{2028}", true), ("x", false)])
        try check("^\\S\\D\\W$", [("aa-", true), ("a1-", false)])
        try check("^.$", [("x", true), ("\n", false), ("é", true), ("😀", true)])
        try check("^[^]$", [("\n", true), ("x", true)])
        try check("[]", [("", false), ("x", false)])
        try check("^[\\d-z]+$", [("1-z", true), ("a", false)])
        try check("^[\\b]$", [("\u{8}", true)])
        try check("^\\x41\\u0042\\u{1F600}\\t$", [("AB😀\t", true)])
        try check("^\\.\\/\\-\\z$", [("./-z", true)])
        try check("^\\cJ$", [("\n", true)])
        try check("^a{,2}$", [("a{,2}", true)])   // Annex B: a brace that is no quantifier is itself
        try check("^]$", [("]", true)])
        try check("^[\\D]+$", [("ab", true), ("a1", false)])
    }

    func testWordBoundaries() throws {
        try check("\\bcat\\b", [("a cat sat", true), ("concatenate", false), ("cat", true)])
        try check("\\Bcat", [("concat", true), ("cat", false)])
    }

    /// Patterns whose backtracking takes exponential time are answered at once, rightly: the
    /// classic `(x+x+)+y` and `^(a+)+$` on long values.
    func testCatastrophicPatternsAreLinear() throws {
        try check("(x+x+)+y", [(String(repeating: "x", count: 5_000), false), (String(repeating: "x", count: 5_000) + "y", true)])
        try check("^(a+)+$", [(String(repeating: "a", count: 1_000_000), true), (String(repeating: "a", count: 100_000) + "b", false)])
        try check("^(a|a)*$", [(String(repeating: "a", count: 100_000), true)])
        try check("^(\\w+\\s?)*$", [(String(repeating: "word ", count: 20_000) + "!", false)])
    }

    func testInvalidPatternsAreRefused() {
        for pattern in ["(", ")", "a)", "[", "[a", "a{2,1}", "*a", "+", "a**", "?", "[z-a]", "(?x)", "\\", "a|*", "{2}", "\\u{110000}", "(?<name"] {
            XCTAssertThrowsError(try Pattern(pattern), pattern) { error in
                guard case Pattern.Problem.invalid = error else { return XCTFail("\(pattern): \(error)") }
            }
        }
    }

    func testWhatALinearMatcherCannotDoIsUnsupported() {
        let deep = String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)
        for pattern in ["(a)\\1", "(?<x>a)\\k<x>", "(?=a)", "(?!a)b", "(?<=a)b", "(?<!a)b", "\\p{L}+", "\\P{Lu}", "a{100000}",
                        "(a{1000}){1000}", deep] {
            XCTAssertThrowsError(try Pattern(pattern), String(pattern.prefix(40))) { error in
                guard case Pattern.Problem.unsupported = error else { return XCTFail("\(pattern.prefix(40)): \(error)") }
            }
        }
        XCTAssertNoThrow(try Pattern("\\p"), "without braces, \\p is the letter p")
    }
}
