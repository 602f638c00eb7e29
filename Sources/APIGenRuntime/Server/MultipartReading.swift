import Foundation

/// Reads a `multipart/form-data` body (RFC 7578) as `setMultipartBody` writes it: a part per
/// field, a part per element of an array; text parts as text, JSON parts (`application/json`)
/// as JSON, and parts with a file name as files (`FileUpload`, or `Data`).
enum MultipartReading {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var body: Data
    }

    /// The parts between `--boundary` lines; a body that is not one is refused, never guessed at.
    static func parts(_ body: Data, boundary: String) throws -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var start = body.range(of: delimiter)?.upperBound else { throw refused("it has no boundary line") }
        while true {
            // `--` after the delimiter ends the body.
            if body[start...].starts(with: Data("--".utf8)) { return parts }
            guard body[start...].starts(with: Data("\r\n".utf8)) else { throw refused("a boundary line does not end with CR LF") }
            start += 2
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: start..<body.endIndex) else { throw refused("a part is not closed") }
            parts.append(try part(body[start..<next.lowerBound]))
            guard parts.count <= 10_000 else { throw refused("it has more than 10,000 parts") }
            start = next.upperBound
        }
    }

    private static func part(_ data: Data) throws -> Part {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) ?? (data.starts(with: Data("\r\n".utf8)) ? data.startIndex..<(data.startIndex + 2) : nil) else {
            throw refused("a part has no blank line after its headers")
        }
        let head = String(decoding: data[data.startIndex..<split.lowerBound], as: UTF8.self)
        var name: String?, fileName: String?, contentType: String?
        for line in head.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw refused("a part header has no colon") }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if field == "content-type" { contentType = value }
            if field == "content-disposition" {
                let disposition = ParameterizedValue(value)
                name = disposition.parameter("name")
                fileName = disposition.parameter("filename")
            }
        }
        guard let name else { throw refused("a part has no name") }
        return Part(name: name, fileName: fileName, contentType: contentType, body: Data(data[split.upperBound...]))
    }

    private static func refused(_ why: String) -> ServerRequestError {
        ServerRequestError(message: "the request body is not multipart/form-data: \(why)")
    }

    /// The parts as a tree: a name given several parts is a list.
    static func tree(_ parts: [Part]) -> FormDecoding.Node {
        var members: [String: [FormDecoding.Node]] = [:], order: [String] = []
        for part in parts {
            let node: FormDecoding.Node
            if part.fileName != nil {
                node = .bytes(part.body, fileName: part.fileName, contentType: part.contentType)
            } else if part.contentType.flatMap(MediaType.init)?.isJSON == true {
                node = .json(part.body)
            } else if let text = String(data: part.body, encoding: .utf8) {
                node = .text(text, items: nil)
            } else {
                node = .bytes(part.body, fileName: nil, contentType: part.contentType)
            }
            if members[part.name] == nil { order.append(part.name) }
            members[part.name, default: []].append(node)
        }
        return .object(members.mapValues { $0.count == 1 ? $0[0] : .list($0) }, order: order)
    }
}

@_spi(Generated) extension ServerInput {
    /// The body as `multipart/form-data`, read into `T`.
    public func multipartBody<T: Decodable>(_ type: T.Type, required: Bool) throws -> T? {
        guard try hasBody(required: required) else { return nil }
        let type = try checkContentType { $0.essence == "multipart/form-data" }
        // RFC 2046 allows 70 characters; longer ones are read, up to a bound on the search.
        guard let boundary = type?.parameter("boundary"), !boundary.isEmpty, boundary.count <= 200 else {
            throw ServerRequestError(message: "the request body's media type names no boundary")
        }
        let parts = try MultipartReading.parts(body, boundary: boundary)
        do {
            return try FormTreeDecoder.decode(T.self, MultipartReading.tree(parts), codingPath: [])
        } catch let error as ServerRequestError {
            throw error
        } catch {
            throw ServerRequestError(message: "the request body does not decode as \(String(describing: T.self))")
        }
    }
}
