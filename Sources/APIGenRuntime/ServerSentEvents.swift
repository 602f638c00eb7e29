import Foundation

/// One server-sent event: its `data` decoded, and the other fields as sent.
public struct ServerSentEvent<Value: Sendable>: Sendable {
    /// The `event:` field (nil for the default type, `message`).
    public var event: String?
    public var data: Value
    /// The `id:` field of this event or the last one that had it.
    public var id: String?
    /// Milliseconds the server asks a reconnecting client to wait (`retry:`).
    public var retry: Int?

    public init(event: String? = nil, data: Value, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

extension ServerSentEvent: Equatable where Value: Equatable {}

/// A `text/event-stream` body as events, parsed as the HTML standard says: `data:` lines joined
/// with line feeds, comments (`:`) and keep-alive lines skipped, an event dispatched at a blank
/// line; an event whose data is the terminator (`[DONE]`) ends the sequence. Each event's data is
/// decoded as it arrives; one that does not decode throws `APIError.decoding` at
/// `event[N].path` and ends the sequence.
public struct ServerSentEvents<Value: Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Value>

    let bytes: ByteStream
    let terminator: String?
    let decode: @Sendable (String) throws -> Value
    let maxEventBytes: Int

    /// Events whose data is JSON of `Value`; one whose data passes `maxEventBytes` fails the
    /// sequence with `APIError.limitExceeded(.eventBytes)`.
    public init(_ bytes: ByteStream, decoding type: Value.Type, terminator: String? = "[DONE]",
                maxEventBytes: Int = Limits.default.maxEventBytes) where Value: Decodable {
        self.init(bytes, terminator: terminator, maxEventBytes: maxEventBytes) { text in try JSONCoding.decode(Value.self, from: Data(text.utf8)) }
    }

    /// Events whose data is `decode`d from its text.
    public init(_ bytes: ByteStream, terminator: String? = "[DONE]", maxEventBytes: Int = Limits.default.maxEventBytes,
                decode: @escaping @Sendable (String) throws -> Value) {
        self.bytes = bytes
        self.terminator = terminator
        self.decode = decode
        self.maxEventBytes = maxEventBytes
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(lines: LineReader(bytes, maxLineBytes: maxEventBytes), terminator: terminator, decode: decode, maxEventBytes: maxEventBytes)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var lines: LineReader
        let terminator: String?
        let decode: @Sendable (String) throws -> Value
        let maxEventBytes: Int
        var lastID: String?
        var index = 0
        var done = false
        var firstLine = true

        public mutating func next() async throws -> ServerSentEvent<Value>? {
            guard !done else { return nil }
            var data: [UInt8] = [], hasData = false
            var event: String?, retry: Int?
            while let line = try await lines.next() {
                var line = line
                if firstLine {
                    firstLine = false
                    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }   // a UTF-8 BOM
                }
                if line.isEmpty {
                    guard hasData else { event = nil; retry = nil; continue }   // nothing to dispatch
                    return try dispatch(data, event: event, retry: retry)
                }
                if line.first == 0x3A { continue }   // `:` a comment, or a keep-alive
                let colon = line.firstIndex(of: 0x3A)
                let field = String(decoding: line[line.startIndex..<(colon ?? line.endIndex)], as: UTF8.self)
                var value = colon.map { line[line.index(after: $0)...] } ?? []
                if value.first == 0x20 { value = value.dropFirst() }
                switch field {
                case "data":
                    if hasData { data.append(0x0A) }
                    guard data.count + value.count <= maxEventBytes else {
                        done = true
                        throw APIError.limitExceeded(.eventBytes(maxEventBytes))
                    }
                    data.append(contentsOf: value)
                    hasData = true
                case "event": event = String(decoding: value, as: UTF8.self)
                case "id" where !value.contains(0): lastID = String(decoding: value, as: UTF8.self)
                case "retry": retry = value.allSatisfy { (0x30...0x39).contains($0) } && !value.isEmpty ? Int(String(decoding: value, as: UTF8.self)) : retry
                default: break   // fields the standard does not define are ignored
                }
            }
            // The stream ended; an event without its blank line is not dispatched (the standard).
            done = true
            return nil
        }

        private mutating func dispatch(_ data: [UInt8], event: String?, retry: Int?) throws -> ServerSentEvent<Value>? {
            let text = String(decoding: data, as: UTF8.self)
            if let terminator, text == terminator {
                done = true
                return nil
            }
            defer { index += 1 }
            do {
                return ServerSentEvent(event: event, data: try decode(text), id: lastID, retry: retry)
            } catch {
                done = true
                throw APIError.located(error, at: "event[\(index)]", body: Data(data))
            }
        }
    }
}

/// JSON Lines (`application/jsonl`, `application/x-ndjson`: one value per line, blank lines
/// skipped) and JSON text sequences (`application/json-seq`: each value after an RS byte) as
/// decoded values, each as it arrives. One that does not decode throws `APIError.decoding` at
/// `line[N].path` (`record[N]` for json-seq) and ends the sequence.
public struct JSONLines<Value: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Value

    let bytes: ByteStream
    let isSequence: Bool

    let maxLineBytes: Int

    /// `recordSeparated`: the json-seq form (RFC 7464). A line longer than `maxLineBytes` fails
    /// the sequence with `APIError.limitExceeded(.eventBytes)`.
    public init(_ bytes: ByteStream, of type: Value.Type, recordSeparated: Bool = false, maxLineBytes: Int = Limits.default.maxEventBytes) {
        self.bytes = bytes
        self.isSequence = recordSeparated
        self.maxLineBytes = maxLineBytes
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(lines: LineReader(bytes, maxLineBytes: maxLineBytes), isSequence: isSequence)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var lines: LineReader
        let isSequence: Bool
        var index = 0
        var done = false

        public mutating func next() async throws -> Value? {
            guard !done else { return nil }
            while let line = try await lines.next() {
                var text = line
                // json-seq: the RS that starts a record (records may also span lines: RFC 7464
                // writers put each on one line, which is what is read here).
                while text.first == 0x1E { text = text.dropFirst() }
                guard text.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                defer { index += 1 }
                do {
                    return try JSONCoding.decode(Value.self, from: Data(text))
                } catch {
                    done = true
                    throw APIError.located(error, at: "\(isSequence ? "record" : "line")[\(index)]", body: Data(text))
                }
            }
            done = true
            return nil
        }
    }
}

extension APIError {
    /// A decoding error of one element of a stream, its path starting at the element.
    static func located(_ error: any Error, at element: String, body: Data) -> APIError {
        if case .decoding(let type, let path, let reason, _) = error as? APIError {
            return .decoding(type: type, path: path.isEmpty ? element : path.hasPrefix("[") ? element + path : element + "." + path, reason: reason, body: body.prefix(maxBodyBytes))
        }
        return .decoding(type: "event", path: element, reason: "\(error)", body: body.prefix(maxBodyBytes))
    }
}
