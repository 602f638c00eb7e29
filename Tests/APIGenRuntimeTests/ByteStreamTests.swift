@_spi(Generated) import APIGenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

final class ByteStreamTests: XCTestCase {
    /// A file read in pieces of the size asked for, every byte once, in order.
    func testAnInputStreamIsReadInPieces() async throws {
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let stream = try XCTUnwrap(InputStream(data: bytes) as InputStream?)
        var sizes: [Int] = []
        var read = Data()
        for try await piece in ByteStream(reading: stream, pieceSize: 65_536) {
            sizes.append(piece.count)
            read.append(piece)
        }
        XCTAssertEqual(sizes, [65_536, 65_536, 65_536, 3_392])
        XCTAssertEqual(read, bytes)
    }

    func testCollectStopsKeepingBytesAtTheLimit() async throws {
        let data = try await ByteStream(Data(repeating: 1, count: 10)).collect(upTo: 4)
        XCTAssertEqual(data.count, 4)
    }

    /// Another stack's fields of one name become one Foundation header, joined as RFC 9110 allows.
    func testResponseFieldsOfOneNameAreJoined() throws {
        let url = try XCTUnwrap(URL(string: "https://example.com/a"))
        let response = try XCTUnwrap(HTTPURLResponse(url: url, status: 201, fields: [("Set-Cookie", "a=1"), ("X-One", "x"), ("Set-Cookie", "b=2")]))
        XCTAssertEqual(response.statusCode, 201)
        XCTAssertEqual(response.value(forHTTPHeaderField: "set-cookie"), "a=1, b=2")
        XCTAssertEqual(response.value(forHTTPHeaderField: "X-One"), "x")
    }
}
