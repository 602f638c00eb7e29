import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// Streamed answers read as they arrive, against a real server on 127.0.0.1 that sends its body
/// in pieces, seconds apart (`watchThingStream`: server-sent events; `exportAccountsStream`:
/// JSON Lines), through one transport. `StreamingTests` runs them through URLSession, and
/// `AsyncHTTPClientStreamingTests` (TransportTests) through AsyncHTTPClient.
struct StreamingChecks {
    let server: TestHTTPServer
    let transport: any HTTPTransport

    private var client: Client { Client(serverURL: server.baseURL, apiToken: "t", transport: transport, timeout: 30, retry: .none) }

    private func events(_ pieces: [(delay: Double, text: String)]) {
        server.setHandler { _ in
            TestHTTPServer.Response(status: 200, body: Data(), contentType: "text/event-stream",
                                    pieces: pieces.map { ($0.delay, Data($0.text.utf8)) })
        }
    }

    func eventsArriveAsTheServerSendsThem() async throws {
        events([(0, "data: {\"seq\":1}\n\n"), (1, "data: {\"seq\":2}\n\n"), (1, "data: {\"seq\":3}\n\n")])
        var seen: [(Int, Date)] = []
        for try await event in try await client.watchThingStream(thingID: "t1") {
            seen.append((event.data.seq, Date()))
        }
        XCTAssertEqual(seen.map(\.0), [1, 2, 3])
        let sent = server.piecesSent
        XCTAssertEqual(sent.count, 3)
        XCTAssertLessThan(seen[0].1, sent[2], "the first event was read before the last was sent")
        XCTAssertEqual(server.requests.first?.header("Accept"), "text/event-stream")
        XCTAssertEqual(server.requests.first?.header("Authorization"), "Bearer t")
    }

    /// The standard's framing: comments and keep-alives, multi-line data joined with line feeds,
    /// CRLF and lone CR line ends, event names, ids that carry over, retry, pieces that split a
    /// line (and a CRLF) anywhere, and the `[DONE]` sentinel ending the sequence.
    func eventFramingFollowsTheStandard() async throws {
        let text = ": keep-alive\n\nevent: change\nid: 7\nretry: 1500\ndata: {\"seq\":\ndata: 1, \"note\": \"a\"}\r\n\r\n"
            + "data: {\"seq\": 2}\r\rdata:{\"seq\":3}\n\n: comment\ndata: [DONE]\n\ndata: {\"seq\": 99}\n\n"
        // Cut into pieces of 5 bytes: lines, CRLFs and UTF-8 split across reads.
        let bytes = Array(text.utf8)
        let pieces = stride(from: 0, to: bytes.count, by: 5).map { (0.0, String(decoding: bytes[$0..<min($0 + 5, bytes.count)], as: UTF8.self)) }
        events(pieces)
        var all: [ServerSentEvent<ThingEvent>] = []
        for try await event in try await client.watchThingStream(thingID: "t1") { all.append(event) }
        XCTAssertEqual(all.map(\.data.seq), [1, 2, 3], "[DONE] ends the stream; what follows is not read")
        XCTAssertEqual(all[0].event, "change")
        XCTAssertEqual(all[0].data.note, "a")
        XCTAssertEqual(all[0].retry, 1500)
        XCTAssertEqual(all.map(\.id), ["7", "7", "7"], "the last event id carries over")
        XCTAssertNil(all[1].event, "the event type is per event")
    }

    func aMalformedEventThrowsALocatedErrorAndEndsTheSequence() async throws {
        events([(0, "data: {\"seq\":1}\n\n"), (0, "data: {\"seq\":\"two\"}\n\n"), (0, "data: {\"seq\":3}\n\n")])
        var seqs: [Int] = []
        do {
            for try await event in try await client.watchThingStream(thingID: "t1") { seqs.append(event.data.seq) }
            XCTFail("the second event must fail")
        } catch APIError.decoding(_, let path, _, let body) {
            XCTAssertEqual(path, "event[1].seq", "the event's index and the coding path in it")
            XCTAssertEqual(String(decoding: body, as: UTF8.self), #"{"seq":"two"}"#)
        }
        XCTAssertEqual(seqs, [1])
    }

    func cancellingTheConsumerClosesTheConnection() async throws {
        events((1...40).map { (0.25, "data: {\"seq\":\($0)}\n\n") })
        let client = self.client
        let consumer = Task {
            var count = 0
            for try await _ in try await client.watchThingStream(thingID: "t1") { count += 1 }
            return count
        }
        while server.piecesSent.count < 2 { try await Task.sleep(nanoseconds: 20_000_000) }
        consumer.cancel()
        let started = Date()
        _ = try? await consumer.value
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "the consumer ends at once")
        // The server finds out at its next writes (the first may still fit the socket's buffer).
        let deadline = Date().addingTimeInterval(5)
        while server.streamsCutShort == 0, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        XCTAssertEqual(server.streamsCutShort, 1, "the connection was closed before the stream's end")
        XCTAssertLessThan(server.piecesSent.count, 30)
    }

    func jsonLinesDecodeOneValuePerLineAsTheyArrive() async throws {
        server.setHandler { _ in
            TestHTTPServer.Response(status: 200, body: Data(), contentType: "application/jsonl", pieces: [
                (0, Data("{\"name\":\"a\"}\n\n{\"na".utf8)), (0.5, Data("me\":\"b\"}\r\n".utf8)), (0.5, Data("{\"name\":\"c\"}".utf8)),
            ])
        }
        var names: [String] = []
        for try await account in try await client.exportAccountsStream() { names.append(account.name) }
        XCTAssertEqual(names, ["a", "b", "c"], "a blank line is skipped; the last line needs no line feed")
        XCTAssertEqual(server.requests.first?.header("Accept"), "application/jsonl")
    }

    func anErrorStatusIsThrownWithItsBodyBeforeAnyEvent() async throws {
        server.setHandler { _ in .json(404, #"{"error":{"code":4,"message":"no such thing"}}"#) }
        do {
            _ = try await client.watchThingStream(thingID: "t1")
            XCTFail("404 must throw")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 404)
            XCTAssertEqual("\(error)", "HTTP 404: [4] no such thing")
        }
    }

    /// A file body is read as it is sent, with its size as the Content-Length, and opened again
    /// for a retry (a stream is read once).
    func uploadsAFileAsItIsRead() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-upload-\(UUID().uuidString)")
        let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let calls = CallCount()
        server.setHandler { request in
            calls.next() == 1 ? .json(503, "{}", headers: [("Retry-After", "0")])
                : TestHTTPServer.Response(status: 200, body: Data("\(request.body.count)".utf8), contentType: "application/octet-stream")
        }
        // Through a middleware too: it sees no body in memory, and the file is still streamed.
        let seen = StreamedBodies()
        let client = Client(serverURL: server.baseURL, apiToken: "t", transport: transport, timeout: 30,
                            middlewares: [HeaderAdding(name: "X-Seen", value: "1"), seen])
        let answer = try await client.uploadBlob(thingID: "t1", bodyFile: file)
        XCTAssertEqual(seen.all, [true, true])
        XCTAssertEqual(String(decoding: answer, as: UTF8.self), "3000000")
        let requests = server.requests
        XCTAssertEqual(requests.count, 2, "the 503 was retried (PUT is idempotent)")
        for request in requests {
            XCTAssertEqual(request.header("X-Seen"), "1")
            XCTAssertEqual(request.header("Content-Length"), "3000000")
            XCTAssertEqual(request.header("Content-Type"), "application/octet-stream")
            XCTAssertTrue(request.body == bytes, "every attempt sends the whole file")
        }
        do {
            _ = try await client.uploadBlob(thingID: "t1", bodyFile: file.appendingPathExtension("missing"))
            XCTFail("a missing file must throw")
        } catch APIError.invalidArgument(let name, _) {
            XCTAssertEqual(name, "bodyFile")
        }
    }
}

/// Records, per attempt, whether the request's body was a stream the middleware does not hold.
final class StreamedBodies: APIMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Bool] = []
    var all: [Bool] { lock.lock(); defer { lock.unlock() }; return seen }

    func intercept(_ request: MiddlewareRequest, attempt: CallAttempt,
                   next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse) async throws -> MiddlewareResponse {
        record(request.bodyIsStreamed && request.body == nil)
        return try await next(request)
    }

    private func record(_ streamed: Bool) { lock.lock(); seen.append(streamed); lock.unlock() }
}
