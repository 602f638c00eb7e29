import XCTest
@testable import APIGenYAML

final class YAMLParserTests: XCTestCase {
    private func parse(_ text: String) throws -> YAMLNode {
        try YAMLParser().parse(Array(text.utf8), file: "test.yaml")
    }

    private func parseError(_ text: String, limits: YAMLParser.Limits = .init()) -> YAMLError? {
        do {
            _ = try YAMLParser(limits: limits).parse(Array(text.utf8), file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    func testMarksAreOneBasedLineAndColumn() throws {
        let root = try parse("openapi: 3.0.3\ninfo:\n  title: Meetings\n  version: '1'\n")
        XCTAssertEqual(root.mark, Mark(line: 1, column: 1))
        let pairs = try XCTUnwrap(root.mapping)
        XCTAssertEqual(pairs[1].key, "info")
        XCTAssertEqual(pairs[1].keyMark, Mark(line: 2, column: 1))
        let title = try XCTUnwrap(root["info"]?["title"])
        XCTAssertEqual(title.mark, Mark(line: 3, column: 10))
        XCTAssertEqual(title.scalar?.text, "Meetings")
    }

    func testScalarsResolveByYAML12CoreSchema() throws {
        let root = try parse("""
        a: 1:10
        b: 2019-12-27T18:11:19Z
        c: yes
        d: on
        e: 0777
        f: true
        g: FALSE
        h: null
        i: ~
        j: 42
        k: -3.5
        l: 1e3
        m: '42'
        n: "true"
        o: 0x1F
        p: .inf
        q:
        r: 0o17
        s: 123456789012345678901234567890
        """)
        func value(_ key: String) -> ScalarValue? { root[key]?.scalar?.value }
        XCTAssertEqual(value("a"), .string("1:10"))
        XCTAssertEqual(value("b"), .string("2019-12-27T18:11:19Z"))
        XCTAssertEqual(value("c"), .string("yes"))
        XCTAssertEqual(value("d"), .string("on"))
        XCTAssertEqual(value("e"), .int(777), "1.2 core schema reads 0777 as decimal")
        XCTAssertEqual(root["e"]?.scalar?.text, "0777", "the text is kept as written")
        XCTAssertEqual(value("f"), .bool(true))
        XCTAssertEqual(value("g"), .bool(false))
        XCTAssertEqual(value("h"), .null)
        XCTAssertEqual(value("i"), .null)
        XCTAssertEqual(value("j"), .int(42))
        XCTAssertEqual(value("k"), .double(-3.5))
        XCTAssertEqual(value("l"), .double(1000))
        XCTAssertEqual(value("m"), .string("42"), "quoted scalars are strings")
        XCTAssertEqual(value("n"), .string("true"))
        XCTAssertEqual(value("o"), .int(31))
        XCTAssertEqual(value("p"), .double(.infinity))
        XCTAssertEqual(value("q"), .null)
        XCTAssertEqual(value("r"), .int(15))
        XCTAssertEqual(value("s"), .bigInt("123456789012345678901234567890"))
    }

    func testJSONGoesThroughTheSameParser() throws {
        let root = try parse(#"{"openapi": "3.1.0", "paths": {"/a": {"get": {"deprecated": true}}}, "n": [1, 2.5]}"#)
        XCTAssertEqual(root["openapi"]?.scalar?.value, .string("3.1.0"))
        XCTAssertEqual(root["paths"]?["/a"]?["get"]?["deprecated"]?.scalar?.value, .bool(true))
        XCTAssertEqual(root["n"]?.sequence?.map { $0.scalar!.value }, [.int(1), .double(2.5)])
        XCTAssertEqual(root["paths"]?.mark, Mark(line: 1, column: 31))
    }

    func testAliasesAreExpanded() throws {
        let root = try parse("a: &x\n  k: v\nb: *x\n")
        XCTAssertEqual(root["b"]?["k"]?.scalar?.text, "v")
    }

    func testSyntaxErrorHasLocationAndCaret() throws {
        let error = try XCTUnwrap(parseError("a: 1\nb: [1, 2\nc: 3\n"))
        XCTAssertEqual(error.file, "test.yaml")
        XCTAssertTrue(error.description.hasPrefix("test.yaml:\(error.mark.line):\(error.mark.column): error: "), error.description)
        XCTAssertTrue(error.description.contains("\n"), "a snippet follows: \(error.description)")
        XCTAssertTrue(error.description.hasSuffix("^"), error.description)
    }

    func testTabIndentationIsASyntaxError() throws {
        let error = try XCTUnwrap(parseError("a:\n\tb: 1\n"))
        XCTAssertEqual(error.mark.line, 2)
        XCTAssertTrue(error.message.contains("cannot start any token"), error.message)
    }

    func testDuplicateKeyIsReportedAtTheSecondKey() throws {
        let error = try XCTUnwrap(parseError("info:\n  title: a\n  title: b\n"))
        XCTAssertEqual(error.message, "duplicate key 'title'")
        XCTAssertEqual(error.mark, Mark(line: 3, column: 3))
        XCTAssertEqual(error.description, "test.yaml:3:3: error: duplicate key 'title'\n  title: b\n  ^")
    }

    func testDuplicateKeyInALargeMapping() throws {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let error = try XCTUnwrap(parseError(text))
        XCTAssertEqual(error.mark, Mark(line: 41, column: 1))
    }

    func testNonScalarKeyIsAnError() throws {
        let error = try XCTUnwrap(parseError("? [a, b]\n: c\n"))
        XCTAssertTrue(error.message.contains("mapping keys must be scalars"), error.message)
    }

    func testAliasBombFailsFast() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let start = Date()
        let error = try XCTUnwrap(parseError(text))
        XCTAssertTrue(error.message.contains("alias"), error.message)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "must fail fast")
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try XCTUnwrap(parseError(text))
        XCTAssertTrue(error.message.contains("nesting is deeper than 512"), error.message)
        XCTAssertEqual(error.mark.line, 1)
        XCTAssertEqual(error.mark.column, 513)
    }

    func testEmptyDocumentIsAnError() throws {
        XCTAssertEqual(parseError("")?.message, "the document is empty")
        XCTAssertEqual(parseError("# only a comment\n")?.message, "the document is empty")
    }

    func testSeveralDocumentsAreAnError() throws {
        let error = try XCTUnwrap(parseError("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(error.mark.line, 2)
        XCTAssertTrue(error.message.contains("single document"), error.message)
    }

    func testInvalidUTF8IsAnErrorWithALocation() throws {
        var bytes = Array("a: 1\nb: ".utf8)
        bytes += [0xFF, 0xFE, 0x41]
        bytes += Array("\n".utf8)
        do {
            _ = try YAMLParser().parse(bytes, file: "bad.yaml")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.mark.line, 2)
            XCTAssertTrue(error.message.contains("UTF-8"), error.message)
        }
    }

    func testMissingFileAndDirectory() throws {
        XCTAssertThrowsError(try YAMLParser().parseFile(atPath: "/nonexistent/x.yaml")) { error in
            XCTAssertTrue("\(error)".contains("cannot open"), "\(error)")
        }
        XCTAssertThrowsError(try YAMLParser().parseFile(atPath: NSTemporaryDirectory())) { error in
            XCTAssertTrue("\(error)".contains("is a directory"), "\(error)")
        }
        XCTAssertThrowsError(try YAMLParser().parseFile(atPath: "/dev/zero")) { error in
            XCTAssertTrue("\(error)".contains("is a system file"), "\(error)")
        }
    }
}

/// The parser runs libyaml on a second thread and hands events over in chunks; these tests use
/// documents far larger than a chunk and than the queue, so hand-over, back-pressure, errors
/// late in the stream and early stops are all exercised.
final class EventStreamTests: XCTestCase {
    /// A document of `count` schemas, about six events per line.
    private static func largeDocument(_ count: Int, tail: String = "") -> [UInt8] {
        var text = "openapi: 3.1.0\ncomponents:\n  schemas:\n"
        for i in 0..<count {
            text += "    S\(i):\n      type: object\n      properties: {a: {type: string, enum: [x, 'y', \"z\"]}, n: &n\(i) [1, 2.5, true, null]}\n      copy: *n\(i)\n"
        }
        return Array((text + tail).utf8)
    }

    /// Kind, mark and text of every node, in order.
    private static func dump(_ node: YAMLNode, into out: inout [String]) {
        switch node.content {
        case .scalar(let s): out.append("\(node.mark.line):\(node.mark.column) = \(s.text) \(s.isQuoted)")
        case .sequence(let items):
            out.append("\(node.mark.line):\(node.mark.column) [\(items.count)]")
            for item in items { dump(item, into: &out) }
        case .mapping(let pairs):
            out.append("\(node.mark.line):\(node.mark.column) {\(pairs.count)}")
            for pair in pairs {
                out.append("key \(pair.key) at \(pair.keyMark.line):\(pair.keyMark.column)")
                dump(pair.value, into: &out)
            }
        }
    }

    private static func parse(_ bytes: [UInt8], threaded: Bool) -> Result<[String], YAMLError> {
        var parser = YAMLParser()
        parser.parsesOnSecondThread = threaded
        do {
            var out: [String] = []
            dump(try parser.parse(bytes, file: "big.yaml"), into: &out)
            return .success(out)
        } catch {
            return .failure(error)
        }
    }

    func testBothWaysGiveTheSameTree() throws {
        let bytes = Self.largeDocument(3_000)
        let threaded = try Self.parse(bytes, threaded: true).get()
        let inline = try Self.parse(bytes, threaded: false).get()
        XCTAssertGreaterThan(threaded.count, 80_000)
        XCTAssertEqual(threaded, inline)
        // The last node is the expanded alias: the anchored list's last item, with its own mark.
        XCTAssertEqual(threaded.last, "\(6 + 4 * 2_999):85 = null false")
    }

    func testSyntaxErrorAtTheEndOfALargeDocument() {
        let bytes = Self.largeDocument(3_000, tail: "  broken: [unclosed\n")
        for threaded in [true, false] {
            guard case .failure(let error) = Self.parse(bytes, threaded: threaded) else { return XCTFail("expected an error") }
            XCTAssertEqual(error.mark.line, 3 + 3_000 * 4 + 2, "threaded: \(threaded)")
            XCTAssertTrue(error.message.contains("flow sequence"), error.message)
        }
    }

    func testBuilderErrorEarlyInALargeDocumentStopsTheParser() {
        // The duplicate key is found while the parser thread is still far behind the end.
        var bytes = Array("openapi: 3.1.0\nopenapi: 3.1.1\n".utf8)
        bytes += Self.largeDocument(3_000).dropFirst("openapi: 3.1.0\n".utf8.count)
        for threaded in [true, false] {
            guard case .failure(let error) = Self.parse(bytes, threaded: threaded) else { return XCTFail("expected an error") }
            XCTAssertEqual(error.message, "duplicate key 'openapi'")
            XCTAssertEqual(error.mark.line, 2)
        }
    }

    func testManyParsesInParallel() async throws {
        let bytes = Self.largeDocument(300)
        let expected = try Self.parse(bytes, threaded: false).get()
        let same = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { (try? Self.parse(bytes, threaded: true).get()) == expected } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(same, 16)
    }
}
