import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) import APIGenRuntime
import RealtimeKitMeetings

/// The runtime's paths that read bytes from a server: the field reader (through the generated
/// meetings models), ISO 8601 dates, open enums, the server-sent events and JSON Lines readers
/// under small limits, `Retry-After`, and the header and media-type checks before sending. The first byte
/// picks the path, the rest is the input; errors are expected, crashes, broken round trips and
/// passed limits are bugs.
func fuzzRuntime(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let input = Data(bytes.dropFirst())
    let decoder = JSONDecoder()
    switch selector % 8 {
    case 4:
        // Events under a small limit, the body cut into pieces where the input says: no event
        // passes the limit, whatever the framing.
        let limit = 64
        let events = ServerSentEvents(ByteStream(pieces(input)), maxEventBytes: limit) { $0 }
        // The limit counts the bytes read; as text, each invalid byte becomes U+FFFD (3 bytes).
        for event in collect(events) where event.data.utf8.count > 3 * limit {
            fatalError("an event of \(event.data.utf8.count) bytes passed maxEventBytes \(limit)")
        }
    case 5:
        let lines = JSONLines(ByteStream(pieces(input)), of: JSONValue.self, maxLineBytes: 64)
        _ = collect(lines)
    case 6:
        // Any Retry-After a server sends gives a finite wait within the policy's cap.
        let text = String(decoding: input, as: UTF8.self)
        let response = HTTPURLResponse(url: URL(string: "http://a")!, statusCode: 503, httpVersion: nil, headerFields: ["Retry-After": text, "retry-after-ms": text])
        let policy = RetryPolicy.default
        let wait = policy.delay(beforeRetry: Int(selector), after: response)
        if !(wait.isFinite && wait >= 0 && wait <= max(policy.maxRetryAfter, policy.maxDelay)) {
            fatalError("Retry-After \(text.debugDescription) gave a wait of \(wait)")
        }
    case 7:
        // A header from arbitrary text is refused, or reaches the request as a valid field.
        let text = String(decoding: input, as: UTF8.self)
        let split = text.firstIndex(of: "=") ?? text.endIndex
        let (name, value) = (String(text[..<split]), String(text[split...].dropFirst()))
        let core = ClientCore(serverURL: URL(string: "http://127.0.0.1")!, transport: URLSessionTransport(), credentials: [
            Credential(scheme: "k", placement: .header("X-Key"), secret: value),
        ], timeout: 1, validatesArguments: true)
        // A media type a caller names for bytes of a range is one type within it, or refused.
        var typed = APIRequest(method: "PUT", path: "/")
        if (try? typed.setDataBody(input, contentType: text, within: "image/*")) != nil {
            guard let type = MediaType(text), !type.isRange, type.type == "image", !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 }) else {
                fatalError("the media type \(text.debugDescription) was sent for image/*")
            }
        }
        var request = APIRequest(method: "GET", path: "/", security: ["k"])
        request.headers.append((name, value))
        guard let built = try? core.urlRequest(for: request, accept: nil) else { return }
        for (field, content) in built.allHTTPHeaderFields ?? [:] {
            let badName = field.isEmpty || field.utf8.contains { $0 <= 0x20 || $0 >= 0x7F || Array("\"(),/:;<=>?@[\\]{}".utf8).contains($0) }
            if badName || content.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) {
                fatalError("header \(field.debugDescription): \(content.debugDescription) was let through")
            }
        }
    case 0:
        _ = try? decoder.decode(MeetingListResponse.self, from: input)
    case 1:
        // A date that parses must format and parse back to the same instant.
        let text = String(decoding: input, as: UTF8.self)
        if let date = ISO8601.parse(text) {
            let again = ISO8601.parse(ISO8601.format(date))
            if again != date && !(again.map { abs($0.timeIntervalSince(date)) < 0.001 } ?? false) {
                fatalError("ISO 8601 round trip changed \(text.debugDescription): \(date) -> \(String(describing: again))")
            }
        }
    case 2:
        // Open enums: any string decodes, and what decodes encodes back to the same raw value.
        if let values = try? decoder.decode([Meeting.Status].self, from: input) {
            let encoded = try? JSONEncoder().encode(values)
            if let encoded, (try? decoder.decode([Meeting.Status].self, from: encoded)) != values {
                fatalError("open enum round trip changed \(values)")
            }
        }
    default:
        if let meeting = try? decoder.decode(Meeting.self, from: input) {
            // What decodes encodes, and from then on a round trip changes nothing (the first one
            // may round dates to the millisecond the runtime writes).
            guard let encoded = try? JSONEncoder().encode(meeting),
                  let again = try? decoder.decode(Meeting.self, from: encoded),
                  let reencoded = try? JSONEncoder().encode(again) else { fatalError("cannot round-trip \(meeting)") }
            if (try? decoder.decode(Meeting.self, from: reencoded)) != again { fatalError("round trip changed \(again)") }
        }
    }
}

/// The input cut into pieces at each 0xFF byte (kept), as a transport hands a body on.
private func pieces(_ data: Data) -> AsyncThrowingStream<Data, any Error> {
    AsyncThrowingStream { continuation in
        var piece = Data()
        for byte in data {
            piece.append(byte)
            if byte == 0xFF {
                continuation.yield(piece)
                piece = Data()
            }
        }
        if !piece.isEmpty { continuation.yield(piece) }
        continuation.finish()
    }
}

/// Every element of an async sequence until it ends or throws, read to the end from this
/// synchronous entry point.
private func collect<S: AsyncSequence & Sendable>(_ sequence: S) -> [S.Element] where S.Element: Sendable {
    let box = ElementsBox<S.Element>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { for try await element in sequence { box.append(element) } } catch {}
        done.signal()
    }
    done.wait()
    return box.elements
}

private final class ElementsBox<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    func append(_ item: Element) { lock.lock(); items.append(item); lock.unlock() }
    var elements: [Element] { lock.lock(); defer { lock.unlock() }; return items }
}
