import Foundation

/// One operation's route: its method and path template (`/jobs/{id}`, as the document writes
/// it, which is what a swift-openapi-runtime `ServerTransport` registers), and what answers it.
public struct ServerRoute: Sendable {
    public let method: String
    public let template: String
    private let handle: @Sendable (ServerInput) async throws -> ServerResponse

    @_spi(Generated) public init(method: String, template: String, handle: @escaping @Sendable (ServerInput) async throws -> ServerResponse) {
        self.method = method
        self.template = template
        self.handle = handle
    }

    /// The answer to a routed request. A request that does not read as the document says is
    /// answered 400 (or 415, 501) with a plain-text reason; an argument the schema refuses,
    /// 400; anything else the handler throws, 500 with no details (they may be private).
    public func respond(to input: ServerInput) async -> ServerResponse {
        do {
            let answer = try await handle(input)
            // A header the document or the handler wrote that could end the header early (a
            // media type with a line break) is never sent: the answer is the server's mistake.
            guard answer.headers.allSatisfy({ HeaderField.isValidName($0.name) && HeaderField.isValidValue($0.value) }) else {
                return ServerResponse(status: 500)
            }
            return answer
        } catch let error as ServerRequestError {
            return ServerResponse(status: error.status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(error.message.utf8))
        } catch let APIError.invalidArgument(name, reason) {
            return ServerResponse(status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("\(name): \(reason)".utf8))
        } catch {
            return ServerResponse(status: 500)
        }
    }
}

/// Finds the route of a request by its method and path: literal segments win over parameters
/// (`/jobs/search` before `/jobs/{id}`), earlier segments first; 404 when no path matches,
/// 405 when the path does with another method.
public struct ServerRouter: Sendable {
    public let routes: [ServerRoute]
    /// The path the routes are under (the server URL's path, `/v1`); a request outside it is 404.
    public let prefix: String
    private let templates: [[Segment]]

    enum Segment: Sendable, Equatable {
        case literal(String)
        /// A segment with parameters: the text around and between them.
        case pattern(parts: [String], names: [String])
    }

    public init(routes: [ServerRoute], prefix: String = "") {
        self.routes = routes
        self.prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        self.templates = routes.map { Self.segments($0.template) }
    }

    public func respond(to request: ServerRequest) async -> ServerResponse {
        guard request.path.hasPrefix(prefix + "/") else { return ServerResponse(status: 404) }
        let segments = request.path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        var best: (index: Int, parameters: [String: String], score: [Bool])?
        var pathMatched = false
        for (i, template) in templates.enumerated() {
            guard let (parameters, score) = Self.match(template, segments) else { continue }
            pathMatched = true
            guard routes[i].method.caseInsensitiveCompare(request.method) == .orderedSame else { continue }
            if best == nil || score.lexicographicallyPrecedes(best!.score, by: { $0 && !$1 }) {
                best = (i, parameters, score)
            }
        }
        guard let best else {
            return ServerResponse(status: pathMatched ? 405 : 404)
        }
        let input = ServerInput(pathParameters: best.parameters, query: request.query, headers: request.headers, body: request.body)
        return await routes[best.index].respond(to: input)
    }

    static func segments(_ template: String) -> [Segment] {
        template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { segment in
            guard segment.contains("{") else { return .literal(String(segment)) }
            var parts: [String] = [], names: [String] = [], rest = Substring(segment)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                parts.append(String(rest[..<open]))
                names.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            parts.append(String(rest))
            return .pattern(parts: parts, names: names)
        }
    }

    /// The raw (percent-encoded) parameter values, and which segments matched literally.
    static func match(_ template: [Segment], _ path: [String]) -> ([String: String], [Bool])? {
        guard template.count == path.count else { return nil }
        var parameters: [String: String] = [:], score: [Bool] = []
        for (segment, text) in zip(template, path) {
            switch segment {
            case .literal(let literal):
                guard literal == text else { return nil }
                score.append(true)
            case .pattern(let parts, let names):
                guard let values = split(text, parts), values.count == names.count else { return nil }
                for (name, value) in zip(names, values) { parameters[name] = value }
                score.append(false)
            }
        }
        return (parameters, score)
    }

    /// `report-{year}.{ext}` against `report-2024.csv`: each value is the shortest text up to the
    /// next literal part; an empty value does not match (it would address another resource).
    private static func split(_ text: String, _ parts: [String]) -> [String]? {
        guard text.hasPrefix(parts[0]) else { return nil }
        var rest = Substring(text).dropFirst(parts[0].count), values: [String] = []
        for (i, part) in parts.dropFirst().enumerated() {
            let last = i == parts.count - 2
            let end: Substring.Index
            if last {
                guard rest.hasSuffix(part) else { return nil }
                end = part.isEmpty ? rest.endIndex : rest.index(rest.endIndex, offsetBy: -part.count)
            } else {
                guard let range = part.isEmpty ? nil : rest.range(of: part) else { return nil }
                end = range.lowerBound
            }
            guard end > rest.startIndex else { return nil }
            values.append(String(rest[..<end]))
            rest = rest[end...].dropFirst(part.count)
        }
        return values
    }
}
