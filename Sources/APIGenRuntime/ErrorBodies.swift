import Foundation

/// The types a document gives the error bodies of one operation, by status: exact codes
/// (`"404"`), then ranges (`"4XX"`), then `"default"`, as OpenAPI matches them.
///
/// The client decodes an error answer's body with the matching type and keeps the value in
/// `ServerError.body`; `APIError.errorBody(as:)` reads it back.
@_spi(Generated) public struct ErrorBodies: Sendable, ExpressibleByDictionaryLiteral {
    public typealias Body = any (Decodable & Sendable).Type

    private var exact: [Int: Body] = [:]
    private var ranges: [Int: Body] = [:]
    private var fallback: Body?

    public init(dictionaryLiteral elements: (String, Body)...) {
        for (status, type) in elements {
            if let code = Int(status) {
                exact[code] = type
            } else if status.count == 3, status.hasSuffix("XX"), let first = status.first?.wholeNumberValue {
                ranges[first] = type
            } else if status == "default" {
                fallback = type
            }
        }
    }

    public var isEmpty: Bool { exact.isEmpty && ranges.isEmpty && fallback == nil }

    /// The type for a status, if the document gives one.
    public func type(for status: Int) -> Body? {
        exact[status] ?? ranges[status / 100] ?? fallback
    }

    /// The body decoded as the status's type; nil when there is none or the body does not match
    /// it (the raw body stays in `APIError.http`).
    func decode(status: Int, body: Data) -> (any Sendable)? {
        guard let type = type(for: status), !body.isEmpty else { return nil }
        return Self.decode(type, body)
    }

    /// A body is taken as `T` only when it is: an object whose fields `T` does not read at all
    /// (`{"exception_message": …}` where `{"detail": […]}` is documented) decodes into a value of
    /// all-absent optionals, which would read as "no details". Such a body is left raw.
    private static func decode<T: Decodable & Sendable>(_ type: T.Type, _ body: Data) -> (any Sendable)? {
        guard let value = try? JSONCoding.decode(type, from: body) else { return nil }
        guard let encodable = value as? any Encodable,
              case .object(let sent)? = try? JSONCoding.decode(JSONValue.self, from: body), !sent.isEmpty,
              let written = try? JSONCoding.encode(encodable),
              case .object(let read)? = try? JSONCoding.decode(JSONValue.self, from: written) else { return value }
        return sent.keys.contains(where: { read[$0] != nil }) ? value : nil
    }
}

/// The error bodies one operation documents, as a type the compiler checks: each generated
/// operation that documents error bodies has one, named after its method.
///
///     catch let error as APIError {
///         if let problem = error.errorBody(of: .getMeeting) { print(problem.error.message) }
///     }
///
/// `Body` is the documented type, or, when the statuses of the operation have different types,
/// an enum of them (`Client.GetMeetingErrorBody`).
public struct OperationErrorBody<Body: Sendable>: Sendable {
    /// The operation's ID, as `OperationInfo.id` has it.
    public let operation: String
    private let read: @Sendable (any Sendable) -> Body?

    @_spi(Generated) public init(operation: String, read: @escaping @Sendable (any Sendable) -> Body? = { $0 as? Body }) {
        self.operation = operation
        self.read = read
    }

    func body(from value: any Sendable) -> Body? { read(value) }
}

extension APIError {
    /// The body of an error answer to `errors`' operation, as the type it documents for the
    /// status; nil for another operation's error, or a body that did not decode as documented.
    public func errorBody<Body>(of errors: OperationErrorBody<Body>) -> Body? {
        guard case .http(_, let error?, _) = self, let body = error.body,
              error.operation == nil || error.operation == errors.operation else { return nil }
        return errors.body(from: body)
    }

    /// The error body decoded into the type the document gives for its status, when it is `T`:
    ///
    ///     catch let error as APIError {
    ///         if let problem = error.errorBody(as: ErrorResponse.self) { … }
    ///     }
    public func errorBody<T>(as type: T.Type = T.self) -> T? {
        guard case .http(_, let error?, _) = self else { return nil }
        return error.body as? T
    }

    /// Any error answer's body as JSON, whatever the document says of it (nil when it is not JSON).
    public var errorJSON: JSONValue? {
        guard case .http(_, _, let body) = self, !body.isEmpty else { return nil }
        return try? JSONCoding.decode(JSONValue.self, from: body)
    }
}
