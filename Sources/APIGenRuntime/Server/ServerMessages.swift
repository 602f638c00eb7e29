import Foundation

/// A request as a server received it, before routing: what a generated `APIServer` answers
/// through `respond(to:)` (a `ServerTransport` adapter hands its routes the parts instead).
public struct ServerRequest: Sendable {
    /// `GET`, `POST`…
    public var method: String
    /// The path as it arrived, percent-encoded, without the query.
    public var path: String
    /// What follows `?`, percent-encoded; nil when there is none.
    public var query: String?
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, path: String, query: String? = nil, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request from its target as the request line has it: `/jobs/7?verbose=true`.
    public init(method: String, target: String, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        let target = target.prefix { $0 != "#" }
        let query = target.firstIndex(of: "?")
        self.init(method: method, path: String(target[..<(query ?? target.endIndex)]),
                  query: query.map { String(target[target.index(after: $0)...]) }, headers: headers, body: body)
    }
}

/// The answer a generated route gives: its status, headers and body, whole or streamed.
public struct ServerResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// A body written as it is produced (events, JSON Lines), instead of `body`.
    public var stream: ByteStream?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), stream: ByteStream? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = stream
    }

    /// The first value of a header, its name matched in any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

@_spi(Generated) extension ServerResponse {
    /// A body encoded as the client decodes it.
    public static func json(_ status: Int, _ value: some Encodable, contentType: String) throws -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", contentType)], body: try JSONCoding.encode(value))
    }

    public static func text(_ status: Int, _ value: String, contentType: String) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", contentType)], body: Data(value.utf8))
    }

    public static func data(_ status: Int, _ value: Data, contentType: String) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", contentType)], body: value)
    }

    /// Bytes whose document names a range (`image/*`), as the type the handler names: one type
    /// within the range, else the handler's mistake, answered 500.
    public static func data(_ status: Int, _ value: Data, contentType: String, within range: String) throws -> ServerResponse {
        guard (try? MediaType.checked(contentType, within: range)) != nil else {
            throw ServerRequestError(status: 500, message: "the handler's media type for \(range) bytes is not one type within it")
        }
        return data(status, value, contentType: contentType)
    }

    /// A streamed answer: each element as a server-sent event (`data:` lines), or as a line of
    /// JSON Lines, or after an RS byte (`application/json-seq`), as the client reads them.
    public static func stream<Elements: AsyncSequence & Sendable>(_ status: Int, _ elements: Elements, kind: StreamKind, contentType: String) -> ServerResponse
    where Elements.Element: Encodable & Sendable {
        let stream = ByteStream(writing: elements) { element in
            var data = Data()
            switch kind {
            case .events:
                let text: Data = try (element as? String).map { Data($0.utf8) } ?? JSONCoding.encode(element)
                // Every line of the text its own `data:` line, so a line break cannot end the event
                // (events carry no CR: a reader takes CR, LF and CR LF alike as a line's end).
                let lines = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                for line in lines.split(separator: "\n", omittingEmptySubsequences: false) {
                    data.append(Data("data: \(line)\n".utf8))
                }
                data.append(10)
            case .jsonLines:
                data.append(try JSONCoding.encode(element))
                data.append(10)
            case .jsonSequence:
                data.append(0x1E)
                data.append(try JSONCoding.encode(element))
                data.append(10)
            }
            return data
        }
        return ServerResponse(status: status, headers: [("Content-Type", contentType)], stream: stream)
    }

    /// How a streamed answer writes its elements.
    public enum StreamKind: Sendable {
        case events, jsonLines, jsonSequence
    }

    public static func empty(_ status: Int) -> ServerResponse {
        ServerResponse(status: status)
    }

    /// The answer with the declared headers the handler set (a nil one is left out). A value
    /// with a line break or another control character is the handler's mistake, answered 500:
    /// it could end the header early and add another.
    public func adding(_ fields: [(String, (any ParameterValue)?)]) throws -> ServerResponse {
        var copy = self
        for (name, value) in fields {
            guard let text = value?.parameterValue else { continue }
            guard HeaderField.isValidValue(text) else {
                throw ServerRequestError(status: 500, message: "the handler's value of the header '\(name)' holds a line break or a control character")
            }
            copy.headers.append((name, text))
        }
        return copy
    }

    /// The status a handler gave for a range (`4XX`) or `default` case, checked: a status the
    /// case does not cover is the handler's mistake, answered as 500.
    public static func status(_ status: Int, in range: Range<Int>, case name: String) throws -> Int {
        guard range.contains(status) else {
            throw ServerRequestError(status: 500, message: "the handler answered \(status) for the case '\(name)', which covers \(range.lowerBound)..<\(range.upperBound)")
        }
        return status
    }
}

/// Why a request was not handed to the handler: a parameter or body that does not read as
/// the document says (400), a media type the operation does not take (415), a form the server
/// does not read (501). Its message names the part, never its value.
public struct ServerRequestError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var message: String

    public init(status: Int = 400, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
