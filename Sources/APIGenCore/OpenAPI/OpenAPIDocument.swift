/// The OpenAPI document as a typed model: what the translator reads. No YAML in here.
public struct OpenAPIDocument: Sendable {
    /// `info`.
    public struct Info: Sendable {
        public var title: String
        public var version: String
        public var description: String?
    }

    /// One entry of `servers`.
    public struct Server: Sendable {
        /// As written, `{variables}` and all.
        public var url: String
        public var description: String?
        /// The URL with its variables' defaults, when it can be the client's default server: an
        /// absolute http(s) URL (else a located warning was given).
        public var usableURL: String?
    }

    /// A named component schema, in document order.
    public struct NamedSchema: Sendable {
        public var name: String
        public var location: SourceLocation
        public var schema: Schema
    }

    public var file: String
    /// The `openapi` version string, e.g. `3.0.3` or `3.1.0`.
    public var version: String
    public var info: Info
    public var servers: [Server]
    public var operations: [Operation]
    /// `webhooks` (3.1): requests the API sends, each operation's path the webhook's name.
    public var webhooks: [Operation] = []
    public var schemas: [NamedSchema]
    public var securitySchemes: [SecurityScheme]
    /// Top-level `security`: alternatives, each a list of scheme names that apply together.
    public var security: [[String]]
    /// For a `$ref` into a component's inside (`…/schemas/Meeting/properties/status`): the
    /// component that owns the target, by the target's location.
    public var pointerOwners: [SourceLocation: String] = [:]
    /// How many of the last `schemas` are other files' components that only `paths` reach: they
    /// are named and translated after the others (which can be translated while `paths` is read).
    public var schemasReadWithPaths = 0

    public var isVersion31: Bool { version.hasPrefix("3.1") }
}

/// One entry of `components.securitySchemes`.
public struct SecurityScheme: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `type: http, scheme: bearer`.
        case bearer
        /// `type: http, scheme: basic`.
        case basic
        /// `type: apiKey` with its parameter name and where it goes.
        case apiKey(name: String, location: ParameterLocation)
        /// OAuth2, OpenID Connect and others: a bearer token in practice.
        case other(String)
        /// Known, but nothing the client sends (mutualTLS, a scheme behind a remote `$ref`):
        /// requirements may name it; it gets no credential. Why, for messages.
        case unsupported(String)
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    public var location: SourceLocation
}
