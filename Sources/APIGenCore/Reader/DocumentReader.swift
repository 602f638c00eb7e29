import APIGenYAML

/// Stage 2 of the pipeline: YAML node tree → `OpenAPIDocument`.
public enum DocumentReader {
    /// Reads the document; semantic errors are reported to `diagnostics` with their location
    /// and make this throw once the whole document was read (so all errors are shown at once).
    /// `path` is where the file is on disk (for `$ref`s into other files); it defaults to `file`.
    /// Files that `$ref`s reach are read with `yamlLimits`, as the document itself was.
    public static func read(_ root: YAMLNode, file: String, path: String? = nil, yamlLimits: YAMLParser.Limits = YAMLParser.Limits(),
                            refRoots: [String] = [], diagnostics: DiagnosticSink) throws(GenerationError) -> OpenAPIDocument {
        let session = Session(root, file: file, path: path, yamlLimits: yamlLimits, refRoots: refRoots, diagnostics: diagnostics)
        _ = session.readComponents()
        return try session.readPaths()
    }

    /// One read in its two steps: everything but `paths` (the components need nothing from it),
    /// then `paths` and what depends on it, so the pipeline can translate the components of the
    /// first step while the second runs.
    public final class Session {
        private let root: YAMLNode
        /// Owns every file's context; goes when the session does.
        let documents: DocumentSet
        private let context: ReaderContext
        private var head: OpenAPIDocument?
        private var externalBefore = 0

        public init(_ root: YAMLNode, file: String, path: String? = nil, yamlLimits: YAMLParser.Limits = YAMLParser.Limits(),
                    refRoots: [String] = [], diagnostics: DiagnosticSink) {
            // Swagger 2.0 is read as the OpenAPI 3.0 document it converts to, nodes keeping their marks.
            let swagger = Swagger2Conversion.applies(to: root)
            let root = swagger ? Swagger2Conversion(root, file: file, diagnostics: diagnostics).converted() : root
            self.root = root
            documents = DocumentSet(diagnostics: diagnostics, yamlLimits: yamlLimits, extraRoots: refRoots)
            documents.isSwagger2 = swagger
            context = documents.main(file: file, path: path, root: root)
        }

        /// Step 1: the document without its operations; nil once errors were found.
        public func readComponents() -> OpenAPIDocument? {
            let document = DocumentReader.readHead(root, context: context)
            head = document
            externalBefore = context.documents.externalSchemas.count
            return context.diagnostics.hasErrors ? nil : document
        }

        /// Step 2: the whole document. Component schemas of other files that only `paths` reach
        /// come after the others (`OpenAPIDocument.schemasReadWithPaths`).
        public func readPaths() throws(GenerationError) -> OpenAPIDocument {
            let head = self.head ?? DocumentReader.readHead(root, context: context)
            let document = DocumentReader.readPaths(root, context: context, head: head, externalBefore: externalBefore)
            try context.diagnostics.throwIfErrors()
            return document
        }
    }

    private static func readHead(_ root: YAMLNode, context: ReaderContext) -> OpenAPIDocument {
        let empty = OpenAPIDocument(file: context.file, version: "", info: .init(title: "", version: "", description: nil), servers: [], operations: [], schemas: [], securitySchemes: [], security: [])
        guard root.mapping != nil else {
            context.error("an OpenAPI document must be a mapping, found \(root.kindName)", at: root)
            return empty
        }
        var version = ""
        if let versionNode = root["openapi"] {
            version = context.string(versionNode, "openapi") ?? ""
            if !(version.hasPrefix("3.0") || version.hasPrefix("3.1") || version.hasPrefix("3.2")) {
                context.error("unsupported OpenAPI version '\(version)'; APIGen reads Swagger 2.0 and OpenAPI 3.0.x to 3.2.x", at: versionNode)
            }
        } else if root["swagger"] == nil {
            context.error("missing 'openapi' version field", at: root)
        }
        context.version31 = version.hasPrefix("3.1") || version.hasPrefix("3.2")
        context.version32 = version.hasPrefix("3.2")
        if let selfNode = root["$self"], let text = context.string(selfNode, "$self") {
            if !context.version32 { context.warning("$self is an OpenAPI 3.2 field; it is read as the document's URI", at: selfNode) }
            if text.contains("#") {
                context.error("$self must not contain a fragment ('#'): \(TextEscaping.quoted(text))", at: selfNode)
            } else {
                context.documents.selfURI = text
            }
        }

        if !context.documents.isSwagger2 { SpecificationRules(context: context).check(root) }

        var info = OpenAPIDocument.Info(title: "", version: "", description: nil)
        if let infoNode = root["info"], context.object(infoNode, "info") != nil {
            info.title = infoNode["title"].flatMap { context.string($0, "title") } ?? ""
            info.version = infoNode["version"].flatMap { context.string($0, "version") } ?? ""
            info.description = infoNode["description"].flatMap { context.documentation($0, "description") }
        }

        let servers = root["servers"].map { readServers($0, context: context) } ?? []

        let schemaReader = SchemaReader(context: context)
        var schemas: [OpenAPIDocument.NamedSchema] = []
        var securitySchemes: [SecurityScheme] = []
        if let components = root["components"], context.mapping(components, "components") != nil {
            if let written = components["schemas"], let (schemasNode, holder) = componentsMap(written, "schemas", context: context),
               let pairs = holder.mapping(schemasNode, "components.schemas") {
                context.documents.componentNames.formUnion(pairs.map(\.key))
                let reader = holder === context ? schemaReader : SchemaReader(context: holder)
                schemas = pairs.map {
                    .init(name: $0.key, location: holder.location($0.keyMark), schema: reader.read($0.value))
                }
            }
            if let written = components["securitySchemes"], let (node, holder) = componentsMap(written, "securitySchemes", context: context),
               let pairs = holder.mapping(node, "securitySchemes") {
                securitySchemes = pairs.compactMap { readSecurityScheme($0, context: holder) }
            }
            // parameters, responses, requestBodies, headers, examples are read where they are referenced;
            // check here that each section is a mapping so a typo'd section is reported.
            for key in ["parameters", "responses", "requestBodies", "headers", "examples", "pathItems"] {
                if let node = components[key] { _ = context.mapping(node, "components.\(key)") }
            }
        }

        var document = OpenAPIDocument(
            file: context.file, version: version, info: info, servers: servers, operations: [],
            schemas: schemas + context.documents.externalSchemas, securitySchemes: securitySchemes, security: []
        )
        document.pointerOwners = context.documents.pointerOwners
        return document
    }

    private static func readPaths(_ root: YAMLNode, context: ReaderContext, head: OpenAPIDocument, externalBefore: Int) -> OpenAPIDocument {
        var document = head
        guard root.mapping != nil else { return document }
        let operationReader = OperationReader(context: context, schemas: SchemaReader(context: context), knownSchemes: Set(head.securitySchemes.map(\.name)))
        if let paths = root["paths"] {
            document.operations = operationReader.readPaths(paths)
        } else if !context.version31 && !head.version.isEmpty {
            context.warning("document has no 'paths'", at: root)
        }
        document.webhooks = root["webhooks"].map { operationReader.readWebhooks($0) } ?? []
        document.security = root["security"].map { operationReader.readSecurity($0) } ?? []
        let external = context.documents.externalSchemas
        document.schemasReadWithPaths = external.count - externalBefore
        document.schemas = head.schemas + external.suffix(document.schemasReadWithPaths)
        document.pointerOwners = context.documents.pointerOwners
        return document
    }

    /// A components section, also when it is a `$ref` to a map in another file (an e-mail API's
    /// 3.1 document keeps its schemas apart so): followed, with the warning misplaced references
    /// get, and remembered so that `#/components/schemas/Name` finds `Name` there.
    private static func componentsMap(_ node: YAMLNode, _ section: String, context: ReaderContext) -> (YAMLNode, ReaderContext)? {
        guard node.mapping?.count == 1, let ref = node["$ref"]?.scalar?.text else { return (node, context) }
        guard let (map, holder) = context.followUnofficial(node, "a components map") else { return nil }
        if section == "schemas" { context.documents.redirectedSchemas = (holder, ReaderContext.split(ref).pointer) }
        return (map, holder)
    }

    private static func readServers(_ node: YAMLNode, context: ReaderContext) -> [OpenAPIDocument.Server] {
        var servers: [OpenAPIDocument.Server] = []
        guard let list = context.sequence(node, "servers") else { return [] }
        for written in list {
            guard let (item, other) = context.followUnofficial(written, "a server"), other.object(item, "a server") != nil else { continue }
            guard let url = item["url"].flatMap({ other.string($0, "server url") }) else {
                other.error("server is missing 'url'", at: item)
                continue
            }
            var defaults: [String: String] = [:]
            for variable in item["variables"].flatMap({ other.mapping($0, "server variables") }) ?? [] {
                guard let value = variable.value["default"].flatMap({ other.string($0, "default") }) else {
                    other.warning("server variable '\(variable.key)' has no 'default'", at: variable.value)
                    continue
                }
                defaults[variable.key] = value
            }
            let (substituted, undefined) = ServerURLCheck.substitute(url, defaults: defaults)
            let problem = undefined ?? substituted.flatMap(ServerURLCheck.problem)
            // Only the first server is the default; the others are only documented.
            if let problem, servers.isEmpty {
                other.warning("server URL \(TextEscaping.quoted(ServerURLCheck.shown(url))) \(problem); the client has no default server and its init requires serverURL:", at: item["url"] ?? item)
            }
            servers.append(.init(url: url, description: item["description"].flatMap { other.documentation($0, "description") },
                                 usableURL: problem == nil ? substituted : nil))
        }
        return servers
    }

    private static func readSecurityScheme(_ pair: YAMLPair, context: ReaderContext) -> SecurityScheme? {
        if let ref = pair.value["$ref"]?.scalar?.text, ref.contains("://"), context.documents.selfURI.map({ !ref.hasPrefix(DocumentSet.directory(of: $0) + "/") }) ?? true {
            // A scheme elsewhere on the web: nothing can be read of it, and nothing is sent for it.
            context.warning("security scheme '\(pair.key)' is a $ref to a remote URL, which is not read; requirements that name it are ignored", at: pair.value)
            return SecurityScheme(name: pair.key, kind: .unsupported("a remote $ref"), description: nil, location: context.location(pair.keyMark))
        }
        guard let (node, _, context) = context.follow(pair.value, "a security scheme") else { return nil }
        let type = node["type"].flatMap { context.string($0, "type") } ?? ""
        let location = context.location(pair.keyMark)
        let description = node["description"].flatMap { context.documentation($0, "description") }
        let kind: SecurityScheme.Kind
        switch type {
        case "http":
            let scheme = (node["scheme"].flatMap { context.string($0, "scheme") } ?? "").lowercased()
            kind = scheme == "basic" ? .basic : scheme == "bearer" ? .bearer : .other("http \(scheme)")
        case "apiKey":
            guard let name = node["name"].flatMap({ context.string($0, "name") }),
                  let inText = node["in"].flatMap({ context.string($0, "in") }),
                  let place = ParameterLocation(rawValue: inText) else {
                context.error("apiKey security scheme needs 'name' and 'in'", at: node)
                return nil
            }
            if place != .query, !HTTPToken.isValid(name) {
                context.error("apiKey name \(TextEscaping.quoted(name)) is not allowed: \(HTTPToken.rule)", at: node["name"] ?? node)
                return nil
            }
            kind = .apiKey(name: name, location: place)
        case "oauth2", "openIdConnect":
            kind = .other(type)
        case "mutualTLS":
            // A client certificate is the connection's, not the request's: no credential argument.
            context.warning("security scheme '\(pair.key)' is mutualTLS: the client certificate is presented by the transport (a URLSession delegate, or AsyncHTTPClient's TLS configuration); the client takes no credential for it", at: node)
            kind = .unsupported("mutualTLS")
        default:
            context.warning("unknown security scheme type '\(type)'; ignored", at: node)
            return nil
        }
        return SecurityScheme(name: pair.key, kind: kind, description: description, location: location)
    }
}
