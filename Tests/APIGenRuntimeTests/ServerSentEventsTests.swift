@_spi(Generated) import APIGenRuntime
import Foundation
import XCTest

/// The event-stream and JSON Lines readers on bodies cut into every possible pair of pieces:
/// where a body is split must not change what is read.
final class ServerSentEventsTests: XCTestCase {
    private func pieces(_ text: String, splitAt cut: Int) -> ByteStream {
        let bytes = Data(text.utf8)
        return ByteStream(AsyncThrowingStream { continuation in
            continuation.yield(bytes.prefix(cut))
            continuation.yield(bytes.dropFirst(cut))
            continuation.finish()
        })
    }

    private func texts(_ text: String, splitAt cut: Int) async throws -> [String] {
        var result: [String] = []
        for try await event in ServerSentEvents(pieces(text, splitAt: cut), decode: { $0 }) { result.append(event.data) }
        return result
    }

    func testEverySplitReadsTheSameEvents() async throws {
        let text = "\u{FEFF}data: a\r\ndata:  b\r\n\r\n:c\ndata\n\nevent: x\rdata: é\r\rid: 1\0\ndata: last, never dispatched"
        for cut in 0...text.utf8.count {
            let events = try await texts(text, splitAt: cut)
            XCTAssertEqual(events, ["a\n b", "", "é"], "split at \(cut)")
        }
    }

    func testAnIDWithNULIsIgnoredAndRetryMustBeDigits() async throws {
        let text = "id: 5\nretry: 10\ndata: 1\n\nid: 6\0\nretry: 1x\ndata: 2\n\n"
        var events: [ServerSentEvent<String>] = []
        for try await event in ServerSentEvents(ByteStream(Data(text.utf8)), decode: { $0 }) { events.append(event) }
        XCTAssertEqual(events.map(\.id), ["5", "5"])
        XCTAssertEqual(events.map(\.retry), [10, nil])
    }

    func testJSONSequenceRecordsAndLocatedErrors() async throws {
        var values: [Int] = []
        for try await value in JSONLines(ByteStream(Data("\u{1E}1\n\u{1E}2\n".utf8)), of: Int.self, recordSeparated: true) { values.append(value) }
        XCTAssertEqual(values, [1, 2])
        do {
            for try await _ in JSONLines(ByteStream(Data("[1]\n[2, \"x\"]\n".utf8)), of: [Int].self) {}
            XCTFail("the second line must fail")
        } catch APIError.decoding(_, let path, _, _) {
            XCTAssertEqual(path, "line[1][1]")
        }
    }
}
