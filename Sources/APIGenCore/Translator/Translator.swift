/// Stage 3 of the pipeline: `OpenAPIDocument` → `ModuleDecl` (named Swift types and operations).
public enum Translator {
    public static func translate(_ document: OpenAPIDocument, configuration: Configuration = Configuration(), diagnostics: DiagnosticSink) throws(GenerationError) -> ModuleDecl {
        var module = try declarations(document, configuration: configuration, diagnostics: diagnostics)
        ModuleRefinement.apply(&module)
        return module
    }

    /// Everything but the last pass (`ModuleRefinement`), which no longer needs the document:
    /// the generator frees the document on another thread while that pass runs.
    /// `prefetched`: the components of this document, already translated (`ComponentPrefetch`).
    /// `operationChunks`: see `OperationTranslator.translateAll(chunks:)`.
    static func declarations(_ document: OpenAPIDocument, configuration: Configuration, diagnostics: DiagnosticSink,
                             prefetched: ComponentPrefetch.Result? = nil, operationChunks: Int? = nil) throws(GenerationError) -> ModuleDecl {
        var document = document
        document.operations = document.operations.filter(configuration.operations.accepts)
        let context: TranslationContext, types: TypeTranslator
        if let prefetched {
            (context, types) = (prefetched.context, prefetched.types)
            // Their warnings come after the reader's, as when translated here.
            for diagnostic in prefetched.diagnostics.diagnostics { diagnostics.append(diagnostic) }
            context.document = document
            context.diagnostics = diagnostics
        } else {
            (context, types) = components(document, configuration: configuration, diagnostics: diagnostics)
        }
        let operations = OperationTranslator(context: context, types: types).translateAll(chunks: operationChunks)
        for (key, location) in configuration.overrideLocations.sorted(by: { $0.value < $1.value }) where !context.usedOverrides.contains(key) {
            diagnostics.warning("name override '\(key.split(separator: ".", maxSplits: 1).last ?? "")' matches nothing in the document", at: location)
        }
        try diagnostics.throwIfErrors()
        var module = ModuleDecl(
            title: document.info.title,
            version: document.info.version,
            serverURL: document.servers.first?.url,
            types: context.orderedTopLevel(),
            operations: operations.operations,
            auth: operations.auth
        )
        if configuration.collectsExamples { module.examples = examples(document, operations.operations, context) }
        return module
    }

    /// Every example of a schema that has a generated type, and of a JSON request or 2xx
    /// response body, with that type.
    static func examples(_ document: OpenAPIDocument, _ operations: [OperationDecl], _ context: TranslationContext) -> [ExampleDecl] {
        var result: [ExampleDecl] = []
        let conformance = ExampleConformance(components: context.components)
        func example(_ type: TypeUsage, _ value: Literal, _ location: SourceLocation, _ schema: Schema?) -> ExampleDecl {
            ExampleDecl(type: type, value: value, location: location, breaksSchema: schema.flatMap { conformance.problem(value, $0) })
        }
        var work = document.schemas.map(\.schema)
        var seen: Set<SourceLocation> = []
        while let schema = work.popLast() {
            guard seen.insert(schema.location).inserted, schema.ref == nil else { continue }
            if let value = schema.example, let type = context.typesByLocation[schema.location] {
                result.append(example(type, value, schema.location, schema))
            }
            work += schema.properties.map(\.schema) + schema.allOf + schema.oneOf + schema.anyOf
            if let items = schema.items { work.append(items) }
            if case .schema(let values)? = schema.additionalProperties { work.append(values) }
        }
        for (operation, decl) in zip(document.operations, operations) {
            if let body = decl.body, body.encoding == .json {
                for media in operation.requestBody?.content ?? [] where media.contentType == body.contentType {
                    result += media.examples.map { example(body.type.unwrapped, $0.value, $0.location, media.schema) }
                }
            }
            if let type = decl.response, decl.responseEncoding == .json {
                for response in operation.responses where response.isSuccess {
                    for media in response.content where OperationTranslator.isJSON(media.contentType) {
                        result += media.examples.map { example(type, $0.value, $0.location, media.schema) }
                    }
                }
            }
        }
        return result.sorted { $0.location < $1.location }
    }
}

extension Translator {
    /// The first half of `declarations`: every component schema named and translated. Needs
    /// only the document's schemas (not its operations).
    static func components(_ document: OpenAPIDocument, configuration: Configuration, diagnostics: DiagnosticSink) -> (TranslationContext, TypeTranslator) {
        let context = TranslationContext(document: document, diagnostics: diagnostics)
        context.typeOverrides = configuration.typeNames
        context.propertyOverrides = configuration.propertyNames
        let types = TypeTranslator(context: context)
        types.translateComponents()
        return (context, types)
    }
}

/// State shared by the type and operation translators.
final class TranslationContext {
    /// The document; its operations are added once read, when the components were translated
    /// while `paths` was still being read.
    var document: OpenAPIDocument
    var diagnostics: DiagnosticSink
    /// Raw component name → schema.
    var components: [String: Schema] = [:]
    /// Raw component name → Swift type name.
    var componentNames: [String: String] = [:]
    /// Top-level type names in use (components first, then operation types).
    var topLevelScope = NameScope()
    /// Every top-level name, so nested types never shadow one.
    var topLevelNames: Set<String> = []
    /// Inline schemas already turned into a named type, by location (so a `$ref` to them reuses it).
    var typesByLocation: [SourceLocation: TypeUsage] = [:]
    /// Component declarations by raw name; `nil` while being translated.
    var componentDecls: [String: Declaration?] = [:]
    /// Declarations created for operations (bodies, responses, parameter enums), in order.
    var operationDecls: [Declaration] = []
    /// Configured names: component name → type name, `TypePath.wire_name` → property name.
    var typeOverrides: [String: String] = [:]
    var propertyOverrides: [String: String] = [:]
    /// Overrides that matched something (`types.X`, `properties.T.p`).
    var usedOverrides: Set<String> = []
    /// Member names already computed: the same property names recur thousands of times.
    private var memberNames: [String: String] = [:]
    /// Set while operations are translated ahead of their turn (`OperationChunks`): what the
    /// translation depended on and claimed, to check it against the chunks before it.
    var speculation: Speculation?
    /// Locations typed ahead of turn on this copy (by any of its operations).
    private var speculativelyTyped: Set<SourceLocation> = []

    private var typeNames: [String: String] = [:]

    func typeName(_ raw: String) -> String {
        if let known = typeNames[raw] { return known }
        let name = SwiftNaming.typeName(raw)
        typeNames[raw] = name
        return name
    }

    func memberName(_ raw: String) -> String {
        if let known = memberNames[raw] { return known }
        let name = SwiftNaming.memberName(raw)
        memberNames[raw] = name
        return name
    }

    init(document: OpenAPIDocument, diagnostics: DiagnosticSink) {
        self.document = document
        self.diagnostics = diagnostics
    }

    /// A copy of this state for translating ahead of turn, with its own diagnostics and no
    /// operation declarations yet.
    func speculativeCopy() -> TranslationContext {
        let copy = TranslationContext(document: document, diagnostics: DiagnosticSink())
        copy.components = components
        copy.componentNames = componentNames
        copy.topLevelScope = topLevelScope
        copy.topLevelNames = topLevelNames
        copy.typesByLocation = typesByLocation
        copy.componentDecls = componentDecls
        copy.typeOverrides = typeOverrides
        copy.propertyOverrides = propertyOverrides
        copy.usedOverrides = usedOverrides
        copy.memberNames = memberNames
        copy.typeNames = typeNames
        return copy
    }

    /// Claims a top-level type name (or a numbered one when taken).
    func claimTopLevel(_ base: String) -> String {
        let (name, clashed) = topLevelScope.claim(base)
        topLevelNames.insert(name)
        speculation?.noteClaim(base: base, name: name, clashed: clashed)
        return name
    }

    /// Whether a top-level type is named `name` (a nested type must not shadow it).
    func isTopLevelName(_ name: String) -> Bool {
        let found = topLevelNames.contains(name)
        speculation?.names.append((name, inScope: false, found: found))
        return found
    }

    /// The type already given to the schema at `location`, if any.
    func knownType(at location: SourceLocation) -> TypeUsage? {
        let known = typesByLocation[location]
        // What was typed before this translation began is the same for every chunk.
        if speculation != nil && (known == nil || speculativelyTyped.contains(location)) {
            speculation!.types.append((location, known))
        }
        return known
    }

    /// Records that the inline schema at `location` is typed `usage` from now on.
    func setType(_ usage: TypeUsage, at location: SourceLocation) {
        typesByLocation[location] = usage
        if speculation != nil {
            speculation!.typed.append(location)
            speculativelyTyped.insert(location)
        }
    }

    /// Notes that a configured name was used.
    func useOverride(_ key: String) {
        usedOverrides.insert(key)
        speculation?.overrides.append(key)
    }

    /// Components in document order, then operation types.
    func orderedTopLevel() -> [Declaration] {
        var result: [Declaration] = []
        for named in document.schemas {
            if let decl = componentDecls[named.name], let decl { result.append(decl) }
        }
        return result + operationDecls
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.warning(message, at: location)
    }
}
