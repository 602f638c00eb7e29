/// A client method for one operation.
public struct OperationDecl: Sendable, Equatable {
    /// A parameter of the method, from a path, query or header parameter.
    public struct Parameter: Sendable, Equatable {
        public var name: Identifier
        public var wireName: String
        public var location: ParameterLocation
        /// Optional when not required (then defaulted to `nil`).
        public var type: TypeUsage
        public var docs: Documentation
        public var constraints: Constraints
        /// How the value is written (the specification's `style`, decided for its location).
        public var style: Style
        /// Arrays and objects as one pair per item or field (`a=1&a=2`), or in one value (`a=1,2`).
        public var explode: Bool
        /// Reserved characters pass unescaped (query only).
        public var allowReserved = false
        /// Sent as JSON text: a parameter given by `content` with a JSON media type.
        public var isJSON = false
        /// A 3.2 `querystring` parameter's media type: how the value writes the whole query.
        public var queryStringMediaType: String?
        /// What the value is, as the styles see it: decided by the refiner (`ParameterShapes`),
        /// which sees through aliases to the declaration a type names.
        public var shape: Shape = .primitive

        public enum Shape: Sendable, Equatable {
            /// A text, number, boolean or enum value.
            case primitive
            /// An array of such values.
            case array
            /// A struct or a map of such values.
            case object
            /// Anything else, written as JSON text: free-form JSON, a union, items that may be null.
            case json
        }

        public enum Style: String, Sendable, Equatable {
            case simple, label, matrix, form, spaceDelimited, pipeDelimited, deepObject
        }
    }

    /// The JSON (or other) request body.
    public struct Body: Sendable, Equatable {
        public enum Encoding: String, Sendable, Equatable {
            case json, text, binary, form, multipart

            /// What a message of the document's media type is sent as: that type, or for a
            /// range (`*/*`, `text/*`), which no `Content-Type` may be, the type that fits the
            /// encoding. One rule for requests and a server's answers.
            public func sentType(for documented: String) -> String {
                guard MediaTypeName.isRange(documented) else { return documented }
                switch self {
                case .json: return "application/json"
                case .text: return "text/plain"
                case .binary: return "application/octet-stream"
                case .form, .multipart: return documented
                }
            }
        }

        /// How a form or multipart body writes one property: its `encoding` entry.
        public struct Field: Sendable, Equatable {
            public var name: String
            public var style: Parameter.Style?
            public var explode: Bool?
            public var allowReserved: Bool
            public var contentType: String?
            /// Part headers with the value the document fixes.
            public var headers: [Header]

            public struct Header: Sendable, Equatable {
                public var name: String
                public var value: String
            }
        }

        public var type: TypeUsage
        public var contentType: String
        public var encoding: Encoding
        public var required: Bool
        public var docs: Documentation
        /// Form and multipart bodies: the properties the `encoding` object writes otherwise than
        /// by default, in the document's order.
        public var fields: [Field] = []

        /// Whether the document names a range (`*/*`, `image/*`), which a `Content-Type` may
        /// not be (RFC 9110 allows ranges in `Accept` only).
        public var isRange: Bool { MediaTypeName.isRange(contentType) }

        /// The `Content-Type` a request sends: the document's, or for a range, JSON as
        /// `application/json` and text as `text/plain`. Nil for bytes of a range: the caller
        /// names their type (`callerNamesType`).
        public var sentContentType: String? {
            callerNamesType ? nil : encoding.sentType(for: contentType)
        }

        /// Bytes of a range: the method takes their media type from the caller.
        public var callerNamesType: Bool { encoding == .binary && isRange }

        /// The type the caller's argument defaults to, where the range holds a type that fits
        /// any bytes (`*/*`, `application/*`).
        public var defaultNamedType: String? {
            guard callerNamesType, ["*/*", "application/*"].contains(MediaTypeName.essence(contentType)) else { return nil }
            return "application/octet-stream"
        }
    }

    /// Pages walked by a generated `…Pages` method.
    public struct Pagination: Sendable, Equatable {
        /// One property on the way from the response to a value.
        public struct Step: Sendable, Equatable {
            public var property: Identifier
            public var isOptional: Bool
        }

        /// What the next request asks for.
        public enum Style: String, Sendable, Equatable {
            /// The page number after the last one.
            case page
            /// The count of the items seen so far.
            case offset
            /// The opaque cursor the last page gave.
            case cursor
            /// The query parameters of the link the last page gave.
            case link
        }

        /// Where a request's position goes (its Swift name): a query parameter, or a property of
        /// the body.
        public enum Position: Sendable, Equatable {
            case parameter(Identifier)
            case bodyProperty(Identifier)
        }

        public var style: Style
        /// The method's name: `<operation>Pages`, numbered when another method has that name.
        public var methodName: Identifier = ""
        /// Nil for links.
        public var position: Position?
        /// The position is a number with a fraction (`type: number`), written from an `Int`.
        public var positionIsDouble = false
        /// From the response to the array of items (`data`).
        public var items: [Step]
        /// One item of that array.
        public var item: TypeUsage
        /// The items are a `JSONValue` read as an array (a document that says both object and array).
        public var itemsAreJSON = false
        /// From the response to the total count (`paging`, `totalCount`), when there is one.
        public var totalCount: [Step]?
        /// The total count is a number with a fraction (`type: number`), read as an `Int`.
        public var totalCountIsDouble = false
        /// Page numbers: from the response to the number of pages (`total_pages`), when there is one.
        public var pageCount: [Step]?
        public var pageCountIsDouble = false
        /// Cursors and links: from the response to the next one.
        public var next: [Step]?
        /// The link is a `URL`, not text.
        public var nextIsURL = false
        /// Links: the query parameters (Swift names) read from the link, each falling back to
        /// the caller's value.
        public var linkParameters: [Identifier] = []
    }

    /// A 2xx status and the case of the response enum it decodes into (by its position).
    public struct StatusCase: Sendable, Equatable {
        /// `201`, `2XX`, as written.
        public var status: String
        public var alternative: Int
    }

    /// The type of an error answer's body, by status (`404`, `4XX`, `default`).
    public struct ErrorBody: Sendable, Equatable {
        public var status: String
        public var type: TypeUsage
    }

    /// A 2xx body read as it arrives: a second method, `<name>Stream`.
    public struct Stream: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            /// `text/event-stream`: server-sent events.
            case events
            /// `application/jsonl`, `application/x-ndjson`: one JSON value per line.
            case jsonLines
            /// `application/json-seq`: JSON texts after RS bytes.
            case jsonSequence
        }

        public var name: Identifier
        public var kind: Kind
        /// Each event's data, or each value (`String`: an event's text as sent).
        public var element: TypeUsage
        public var contentType: String
        /// The 2xx status it is documented for (`200`, `2XX`).
        public var status = "200"
    }

    /// One documented answer: its status and the media type of its body (nil: no body). The
    /// server's answer enum has a case for each; the client reads them through `response`
    /// and `errors`.
    public struct Answer: Sendable, Equatable {
        /// `200`, `4XX`, `default`, as written.
        public var status: String
        public var contentType: String?
        public var encoding: Body.Encoding
        /// The body is JSON whose schema no generated type holds (an inline error schema).
        public var isUntypedJSON = false
        /// The headers the document declares for this answer.
        public var headers: [Header] = []

        /// A declared response header: its member name, and a scalar type (text otherwise).
        public struct Header: Sendable, Equatable {
            public var name: Identifier
            public var wireName: String
            public var type: TypeUsage
            public var required: Bool
        }
    }

    public var name: Identifier
    public var method: HTTPMethod
    public var path: String
    public var docs: Documentation
    public var deprecated: Bool
    public var parameters: [Parameter]
    public var body: Body?
    /// The decoded 2xx body; `nil` for `Void`.
    public var response: TypeUsage?
    /// `JSON`, `text`, or `binary`: how the success body is read.
    public var responseEncoding: Body.Encoding
    /// A text or binary answer's documented media types, sent as `Accept`.
    public var responseAccept: String?
    /// When 2xx answers have different bodies: `response` is a `oneOf` enum, and the status of
    /// the answer picks its case.
    public var responseStatuses: [StatusCase] = []
    /// Error bodies decoded into a generated type.
    public var errors: [ErrorBody] = []
    public var stream: Stream?
    public var pagination: Pagination?
    /// Every documented status, exact codes first, then ranges, then `default`.
    public var answers: [Answer] = []
    /// The first example of the 2xx body (the media type's, else its schema's): the mock's
    /// default answer.
    public var example: Literal?
    /// Names of security schemes that apply (the first alternative the client can satisfy).
    public var security: [String]
    /// The document's `operationId` (or the name made for an operation without one).
    public var operationID: String
    /// Where the document declares the operation, for warnings of the later stages.
    public var location: SourceLocation?
}

extension OperationDecl {
    /// The types the method names: parameters, body, response, error bodies.
    var usages: [TypeUsage] {
        parameters.map(\.type) + [body?.type, response, stream?.element].compactMap { $0 } + errors.map(\.type)
    }
}

/// How the client authenticates, from `securitySchemes`.
public struct AuthDecl: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case bearer
        case basic
        case apiKey(name: String, location: ParameterLocation)
    }

    /// The scheme name in the document.
    public var schemeName: String
    /// The init argument: `apiToken`, `apiKey`, `xAuthEmail`…
    public var argumentName: Identifier
    public var kind: Kind
    public var docs: Documentation
}

/// Everything the renderer needs, and nothing from YAML: stage 3 of the pipeline.
public struct ModuleDecl: Sendable, Equatable {
    public var title: String
    public var version: String
    public var serverURL: String?
    public var types: [Declaration]
    public var operations: [OperationDecl]
    public var auth: [AuthDecl]
    /// The headers 2xx answers declare, read through the generated `ResponseHeaders`.
    public var responseHeaders: [ResponseHeaderDecl] = []
    /// The document's own examples with the type each must decode into, when asked for
    /// (`Configuration.collectsExamples`): the example oracle, `apigen-bench examples`.
    public var examples: [ExampleDecl] = []
}

/// A response header by its Swift name, read as a type.
public struct ResponseHeaderDecl: Sendable, Equatable {
    /// The generated struct's name and its one stored property (the answer's metadata).
    static let typeName = "ResponseHeaders", metadata = "metadata"

    public var name: Identifier
    public var wireName: String
    /// `String`, `Int`, `Double`, `Bool`, `Date`, `URL` or `UUID`.
    public var type: TypeUsage
    public var docs: Documentation
}

/// An `example` of a schema, request body or response, and the generated type it belongs to.
public struct ExampleDecl: Sendable, Equatable {
    public var type: TypeUsage
    public var value: Literal
    public var location: SourceLocation
    /// Why the example breaks its own schema, when it does (the document's fault, not APIGen's).
    public var breaksSchema: String?
}
