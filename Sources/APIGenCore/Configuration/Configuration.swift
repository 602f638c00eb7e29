import APIGenYAML

/// `apigen.yaml`: options for one generation. Every key is optional; unknown keys are errors
/// at their location.
///
/// ```yaml
/// access: public              # public, package or internal
/// imports: [MyModule]         # extra imports in every generated file
/// namespace: Meetings         # wrap everything in `enum Meetings`
/// nonisolated: true           # mark generated types nonisolated (Swift 6.2+)
/// shards: 8                   # split types and operations over 8 files each
/// outputs: [client, protocol, mock, server]  # what is generated (default: [client])
/// schema: ../schema/api.yaml  # the document this folder is generated from (command plugin)
/// operations:                # with a filter, only the types the kept operations reach
///   include: {tags: [Meetings], operationIds: [listMeetings], paths: [/accounts/]}
///   exclude: {operationIds: [replaceMeeting]}
/// schemas: [realtimekit_Poll]  # component schemas generated whether reached or not
/// names:
///   types: {realtimekit_Meeting: Meeting}                 # component name → Swift type name
///   properties: {Meeting.created_at: creationDate}        # Swift type path . wire name → property name
///   operations: {listMeetings: meetings, "GET /health": health}  # operationId or METHOD path → method
///   shortenOperationIds: true   # read_item_items__id__get → readItem (the path and method it repeats)
/// paging: {listJobs: {style: offset, parameter: start, items: jobs}}  # see `PagingRule`
/// ```
public struct Configuration: Sendable, Equatable {
    public var access = "public"
    public var imports: [String] = []
    public var namespace: String?
    public var nonisolated = false
    /// Files the types and the operations are each split into.
    public var shards = 1
    /// What is generated: the client by default; a mock brings the protocol it implements.
    public var outputs: Set<OutputMode> = [.client]
    /// The document, relative to the configuration file (used by the command plugin).
    public var schema: String?
    /// Where `schema:` was written, so that a document it names that cannot be read is reported there.
    public var schemaLocation: SourceLocation?
    /// Folders besides the root document's own that `$ref`s may read files from (`refRoots:`,
    /// relative to the configuration file; the build plugin adds the package's folder).
    public var refRoots: [String] = []
    public var operations = OperationFilter()
    /// Component schemas generated even when no kept operation reaches them (`schemas:`).
    public var keptSchemas: [String] = []
    var keptSchemaLocations: [SourceLocation] = []
    public var typeNames: [String: String] = [:]
    public var propertyNames: [String: String] = [:]
    /// `names.operations`: operationId, or `METHOD /path`, → method name.
    public var operationNames: [String: String] = [:]
    /// `names.shortenOperationIds`: drop the path and method an operationId repeats at its end
    /// (`read_variable_by_name_variables_name__name__get` → `readVariableByName`).
    public var shortensOperationIDs = false
    /// `paging:`: how operations page, by operationId or `METHOD /path`.
    public var pagingRules: [String: PagingRule] = [:]
    /// Collect the document's examples into `ModuleDecl.examples` (not a file key: the oracle's).
    public var collectsExamples = false
    /// Where each top-level key was written (`namespace`, `shards`…), for warnings about a
    /// value the command line replaces.
    public var keyLocations: [String: SourceLocation] = [:]
    /// Where each override was written, for warnings about overrides that match nothing.
    public var overrideLocations: [String: SourceLocation] = [:]

    public init() {}

    public var renderOptions: RenderOptions {
        var options = RenderOptions(access: access, imports: imports, namespace: namespace, nonisolated: nonisolated)
        options.shards = shards
        options.outputs = OutputMode.closure(outputs)
        return options
    }

    static let keys = ["access", "imports", "namespace", "nonisolated", "shards", "outputs", "schema", "refRoots", "operations", "schemas", "names", "paging"]

    /// Whether only the types the kept operations reach are generated: when operations are
    /// filtered, or schemas to keep are named.
    public var prunesTypes: Bool {
        operations.include != nil || operations.exclude != nil || !keptSchemas.isEmpty
    }

    /// Reads a configuration file; errors are located in it.
    public static func load(path: String) throws(GenerationError) -> Configuration {
        let root: YAMLNode
        do {
            root = try YAMLParser().parseFile(atPath: path)
        } catch {
            throw GenerationError(diagnostics: [Diagnostic(error)])
        }
        return try parse(root, file: path)
    }

    /// A configuration from its bytes (the fuzzer's entry, and tests').
    public static func parse(bytes: [UInt8], file: String) throws(GenerationError) -> Configuration {
        let root: YAMLNode
        do {
            root = try YAMLParser().parse(bytes, file: file)
        } catch {
            throw GenerationError(diagnostics: [Diagnostic(error)])
        }
        return try parse(root, file: file)
    }

    public static func parse(_ root: YAMLNode, file: String) throws(GenerationError) -> Configuration {
        let diagnostics = DiagnosticSink()
        let documents = DocumentSet(diagnostics: diagnostics)
        let context = documents.main(file: file, root: root)
        defer { withExtendedLifetime(documents) {} }
        var config = Configuration()
        if root.scalar?.value == .null { return config }
        guard let pairs = context.mapping(root, "the configuration") else {
            try diagnostics.throwIfErrors()
            return config
        }
        for pair in pairs {
            let value = pair.value
            config.keyLocations[pair.key] = context.location(pair.keyMark)
            switch pair.key {
            case "access":
                if let text = context.string(value, "access") {
                    if ["public", "package", "internal"].contains(text) {
                        config.access = text
                    } else {
                        context.error("access must be public, package or internal, found '\(text)'", at: value)
                    }
                }
            case "imports":
                if let list = context.sequence(value, "imports") {
                    config.imports = list.compactMap { identifier($0, "import", context) }
                }
            case "namespace":
                config.namespace = identifier(value, "namespace", context, isType: true)
            case "nonisolated":
                config.nonisolated = context.bool(value, "nonisolated") ?? false
            case "shards":
                if let n = value.scalar.flatMap({ Int($0.text) }), (1...64).contains(n) {
                    config.shards = n
                } else {
                    context.error("shards must be a whole number from 1 to 64", at: value)
                }
            case "outputs":
                config.outputs = readOutputs(value, context)
            case "schema":
                config.schema = context.string(value, "schema")
                config.schemaLocation = context.location(value)
                if config.schema?.isEmpty == true {
                    context.error("schema must name the OpenAPI document (a path relative to this file), found an empty string", at: value)
                }
            case "refRoots":
                for item in context.sequence(value, "refRoots") ?? [] {
                    guard let folder = context.string(item, "a refRoots folder"), !folder.isEmpty else { continue }
                    let path = DocumentSet.join(DocumentSet.directory(of: file), folder)
                    if FileReader.realPath(path) == nil { context.error("refRoots folder '\(folder)' does not exist", at: item) }
                    config.refRoots.append(path)
                }
            case "operations":
                config.operations = readFilter(value, context)
            case "schemas":
                for item in context.sequence(value, "schemas") ?? [] {
                    guard let name = context.string(item, "a schema name") else { continue }
                    config.keptSchemas.append(name)
                    config.keptSchemaLocations.append(context.location(item))
                }
            case "names":
                readNames(value, into: &config, context)
            case "paging":
                readPaging(value, into: &config, context)
            default:
                unknownKey(pair, known: keys, context)
            }
        }
        try diagnostics.throwIfErrors()
        return config
    }

    /// `outputs: [client, server]`: at least one known mode.
    private static func readOutputs(_ node: YAMLNode, _ context: ReaderContext) -> Set<OutputMode> {
        guard let items = context.sequence(node, "outputs") else { return [.client] }
        var modes: Set<OutputMode> = []
        for item in items {
            guard let text = context.string(item, "an output") else { continue }
            if let mode = OutputMode(rawValue: text) {
                modes.insert(mode)
            } else {
                context.error("unknown output '\(text)' (known outputs: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")))", at: item)
            }
        }
        if items.isEmpty { context.error("outputs must name at least one of \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))", at: node) }
        return modes.isEmpty ? [.client] : modes
    }

    private static func unknownKey(_ pair: YAMLPair, known: [String], _ context: ReaderContext) {
        context.diagnostics.error("unknown key '\(pair.key)' (known keys: \(known.joined(separator: ", ")))", at: context.location(pair.keyMark))
    }

    /// A string that must be a plain Swift identifier (for a type, not one the generated code uses).
    private static func identifier(_ node: YAMLNode, _ what: String, _ context: ReaderContext, isType: Bool = false) -> String? {
        guard let text = context.string(node, what) else { return nil }
        if let problem = SwiftNaming.problem(withGivenName: text, isType: isType) {
            context.error("\(what) \(problem)", at: node)
            return nil
        }
        return text
    }

    private static func readFilter(_ node: YAMLNode, _ context: ReaderContext) -> OperationFilter {
        var filter = OperationFilter()
        guard let pairs = context.mapping(node, "operations") else { return filter }
        for pair in pairs {
            switch pair.key {
            case "include": filter.include = readSelector(pair.value, context)
            case "exclude": filter.exclude = readSelector(pair.value, context)
            default: unknownKey(pair, known: ["include", "exclude"], context)
            }
        }
        return filter
    }

    private static func readSelector(_ node: YAMLNode, _ context: ReaderContext) -> OperationFilter.Selector {
        var selector = OperationFilter.Selector()
        guard let pairs = context.mapping(node, "an operation selector") else { return selector }
        for pair in pairs {
            let items = context.sequence(pair.value, pair.key) ?? []
            let list = items.compactMap { context.string($0, "entry") }
            if ["tags", "operationIds", "paths"].contains(pair.key) {
                for item in items {
                    guard let text = item.scalar?.text else { continue }
                    selector.entries.append(.init(key: pair.key, value: text, location: context.location(item)))
                }
            }
            switch pair.key {
            case "tags": selector.tags = list
            case "operationIds": selector.operationIDs = list
            case "paths": selector.pathPrefixes = list
            default: unknownKey(pair, known: ["tags", "operationIds", "paths"], context)
            }
        }
        return selector
    }

    private static func readNames(_ node: YAMLNode, into config: inout Configuration, _ context: ReaderContext) {
        guard let pairs = context.mapping(node, "names") else { return }
        for pair in pairs {
            if pair.key == "shortenOperationIds" {
                config.shortensOperationIDs = context.bool(pair.value, "shortenOperationIds") ?? false
                continue
            }
            guard ["types", "properties", "operations"].contains(pair.key) else {
                unknownKey(pair, known: ["types", "properties", "operations", "shortenOperationIds"], context)
                continue
            }
            guard let entries = context.mapping(pair.value, "names.\(pair.key)") else { continue }
            for entry in entries {
                let what = ["types": "type name", "properties": "property name", "operations": "method name"][pair.key]!
                guard let name = identifier(entry.value, what, context, isType: pair.key == "types") else { continue }
                if pair.key == "operations" {
                    config.operationNames[entry.key] = name
                    config.overrideLocations["operations." + entry.key] = context.location(entry.keyMark)
                } else if pair.key == "types" {
                    config.typeNames[entry.key] = name
                    config.overrideLocations["types." + entry.key] = context.location(entry.keyMark)
                } else {
                    guard entry.key.contains(".") else {
                        context.diagnostics.error("a property override is written 'Type.wire_name', found '\(entry.key)'", at: context.location(entry.keyMark))
                        continue
                    }
                    config.propertyNames[entry.key] = name
                    config.overrideLocations["properties." + entry.key] = context.location(entry.keyMark)
                }
            }
        }
    }
}

/// Which operations get client methods: those `include` selects (all when absent), minus those
/// `exclude` selects. A selector matches an operation by tag, operationId or path prefix.
public struct OperationFilter: Sendable, Equatable {
    public struct Selector: Sendable, Equatable {
        public var tags: [String] = []
        public var operationIDs: [String] = []
        public var pathPrefixes: [String] = []
        /// Each entry as written (`tags`, `X`, where), to warn about one that matches no operation.
        public var entries: [Entry] = []

        public struct Entry: Sendable, Equatable {
            public var key: String
            public var value: String
            public var location: SourceLocation

            /// Whether this entry alone selects `operation`.
            func matches(_ operation: Operation) -> Bool {
                switch key {
                case "tags": operation.tags.contains(value)
                case "operationIds": operation.operationID == value
                default: operation.path.hasPrefix(value)
                }
            }
        }

        public init(tags: [String] = [], operationIDs: [String] = [], pathPrefixes: [String] = []) {
            self.tags = tags
            self.operationIDs = operationIDs
            self.pathPrefixes = pathPrefixes
        }

        func matches(_ operation: Operation) -> Bool {
            operation.tags.contains(where: tags.contains)
                || operation.operationID.map(operationIDs.contains) == true
                || pathPrefixes.contains(where: operation.path.hasPrefix)
        }
    }

    public var include: Selector?
    public var exclude: Selector?

    /// Each entry that selects no operation of `operations`, as `include.tags 'X'`, and where it was written.
    func unmatched(in operations: [Operation]) -> [(entry: String, location: SourceLocation)] {
        [("include", include), ("exclude", exclude)].flatMap { name, selector in
            (selector?.entries ?? []).filter { entry in !operations.contains(where: entry.matches) }.map { entry in
                ("operations.\(name).\(entry.key) entry '\(entry.value)'", entry.location)
            }
        }
    }

    public func accepts(_ operation: Operation) -> Bool {
        if let include, !include.matches(operation) { return false }
        if let exclude, exclude.matches(operation) { return false }
        return true
    }
}
