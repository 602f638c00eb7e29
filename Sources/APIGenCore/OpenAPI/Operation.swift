/// An HTTP method of a path item: one of the fixed fields (`get` … `trace`, and 3.2's `query`),
/// or a 3.2 `additionalOperations` key, which is sent as written.
public struct HTTPMethod: Hashable, Sendable {
    /// The path item's key: lower case for the fixed fields, as written for an additional one.
    public let rawValue: String
    /// True for an `additionalOperations` entry.
    public let isAdditional: Bool

    public init?(rawValue: String) {
        guard Self.fixed.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.init(rawValue, additional: false)
    }

    private init(_ rawValue: String, additional: Bool) {
        self.rawValue = rawValue
        isAdditional = additional
    }

    /// A 3.2 `additionalOperations` method; the caller checked it is an HTTP token.
    public static func additional(_ name: String) -> HTTPMethod { HTTPMethod(name, additional: true) }

    public static let get = HTTPMethod("get", additional: false)
    public static let put = HTTPMethod("put", additional: false)
    public static let post = HTTPMethod("post", additional: false)
    public static let delete = HTTPMethod("delete", additional: false)
    public static let options = HTTPMethod("options", additional: false)
    public static let head = HTTPMethod("head", additional: false)
    public static let patch = HTTPMethod("patch", additional: false)
    public static let trace = HTTPMethod("trace", additional: false)
    /// OpenAPI 3.2: the safe, idempotent QUERY method (a GET with a body).
    public static let query = HTTPMethod("query", additional: false)

    /// The path item's fixed fields, in the order operations are generated; `query` is 3.2's.
    public static let fixed: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace, .query]

    /// As sent on the wire: upper case for the fixed fields, as written for an additional one.
    public var wireName: String { isAdditional ? rawValue : rawValue.uppercased() }
}

/// Where a parameter goes.
public enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
    /// OpenAPI 3.2: the whole query string from one value, written by its media type.
    case querystring
}

/// A parameter after `$ref`s are followed and path-level parameters are merged in.
public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var required: Bool
    public var description: String?
    public var deprecated: Bool
    public var schema: Schema?
    public var example: Literal?
    public var explode: Bool?
    public var style: String?
    public var allowReserved: Bool?
    /// The media type, for a parameter given by `content` instead of `schema`.
    public var contentType: String?
    public var sourceLocation: SourceLocation
}

/// The payload of a request body or response for one media type.
public struct MediaType: Sendable {
    public var contentType: String
    public var schema: Schema?
    /// 3.2's `itemSchema`: the schema of each item of a sequential media type (events, JSON Lines).
    public var itemSchema: Schema? = nil
    public var location: SourceLocation
    /// `example`, and the `value` of each `examples` entry, with where each was written.
    public var examples: [(value: Literal, location: SourceLocation)] = []
    /// The `encoding` object: how a form or multipart body writes each property.
    public var encoding: [PropertyEncoding] = []
}

/// One entry of a media type's `encoding` object.
public struct PropertyEncoding: Sendable {
    public var property: String
    public var contentType: String?
    public var headers: [Header]
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool?
    public var location: SourceLocation
}

/// A request body after `$ref`s are followed.
public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    /// The component name when it came from `components.requestBodies`.
    public var componentName: String?
    public var location: SourceLocation
}

/// A response header, after `$ref`s (into `components.headers`) are followed.
public struct Header: Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var schema: Schema?
    public var location: SourceLocation
}

/// One entry of `responses` after `$ref`s are followed.
public struct Response: Sendable {
    /// `200`, `2XX`, `default`…, as written (upper-cased for ranges).
    public var status: String
    public var description: String?
    public var content: [MediaType]
    public var headers: [Header] = []
    /// The component name when it came from `components.responses`.
    public var componentName: String?
    public var location: SourceLocation

    /// True for `2xx` codes and the `2XX` range.
    public var isSuccess: Bool { status.hasPrefix("2") }
}

/// One operation: a method on a path.
public struct Operation: Sendable {
    public var path: String
    public var method: HTTPMethod
    public var operationID: String?
    public var tags: [String]
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    /// Path-level and operation-level parameters, merged (the operation wins by name and location).
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    /// Alternatives of scheme names; `nil` means the document-level `security` applies.
    public var security: [[String]]?
    public var location: SourceLocation
    /// `callbacks`: requests the server sends back, by the callback's name.
    public var callbacks: [Callback] = []
}

/// One entry of an operation's `callbacks`: the operations of its path items, each with its
/// URL expression (`{$request.body#/callbackUrl}`) as the path.
public struct Callback: Sendable {
    public var name: String
    public var operations: [Operation]
    public var location: SourceLocation
}
