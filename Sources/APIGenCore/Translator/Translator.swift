/// Stage 3 of the pipeline: `OpenAPIDocument` → `ModuleDecl` (named Swift types and operations).
public enum Translator {
    /// Everything but the last pass (`ModuleRefinement`, the generator's `refine`), which no
    /// longer needs the document: the generator frees the document while that pass runs.
    /// `components`: this document's components as read before `paths`, translated already
    /// (`Translator.components`, which the generator runs while `paths` is read).
    /// `workers`: see `OperationTranslator.translateAll`.
    static func declarations(_ document: OpenAPIDocument, configuration: Configuration, diagnostics: DiagnosticSink,
                             components: Components? = nil, workers: Int? = nil) throws(GenerationError) -> ModuleDecl {
        let first = document.schemas.count - document.schemasReadWithPaths
        let translated = components ?? Self.components(document, first: first, configuration: configuration)
        precondition(translated.count == first, "components translated ahead are those read before paths")
        let (context, types) = (translated.context, translated.types)
        // Their warnings come after the reader's, as the stages' order says.
        for diagnostic in context.diagnostics.diagnostics { diagnostics.append(diagnostic) }
        context.diagnostics = diagnostics
        context.document = document
        types.translateComponents(first..<document.schemas.count)
        // Every operation is translated, kept or not, so that names do not depend on the filter.
        let kept = document.operations.map(configuration.operations.accepts)
        warnAboutFilter(configuration, document.operations, kept: kept, diagnostics)
        let keptOperations = zip(document.operations, kept).filter(\.1).map(\.0)
        let translator = OperationTranslator(context: context, types: types)
        let auth = translator.translateAuth(keptOperations)
        // Every top-level name first; then the declarations, built under those names.
        let names = TopLevelNaming(context: context, types: types).run(keeping: kept)
        let operations = (operations: translator.translateAll(names.operations, auth: auth, keeping: kept, workers: workers), auth: auth)
        let webhooks = Webhooks(context: context, types: types)
        let webhookEnum = types.building(names.webhookTypes) { webhooks.translate(document.webhooks, name: names.webhookEnum) }
        types.building(names.callbackTypes) { webhooks.translateCallbacks(of: keptOperations) }
        // `paging.` entries are the refiner's (`Pagers`).
        for (key, location) in configuration.overrideLocations.sorted(by: { $0.value < $1.value })
        where !key.hasPrefix("paging.") && !context.usedOverrides.contains(key) {
            let name = key.split(separator: ".", maxSplits: 1).last ?? ""
            diagnostics.warning("name override '\(name)' matches nothing in the document", at: location)
        }
        try diagnostics.throwIfErrors()
        var declarations = context.orderedTopLevel() + (webhookEnum.map { [.oneOf($0)] } ?? [])
        if configuration.prunesTypes {
            let named = configuration.keptSchemas.compactMap { raw in context.names.components[raw].map { TypeUsage.named([$0]) } }
            for (raw, location) in zip(configuration.keptSchemas, configuration.keptSchemaLocations) where context.names.components[raw] == nil {
                diagnostics.warning("schemas names '\(raw)', which is no component schema of the document", at: location)
            }
            let webhookRoots = webhookEnum.map { [TypeUsage.named([$0.name])] } ?? []
            declarations = TypePruning.keep(declarations, roots: named + webhookRoots + operations.operations.flatMap(\.usages))
        }
        var module = ModuleDecl(
            title: document.info.title,
            version: document.info.version,
            serverURL: document.servers.first?.usableURL,
            types: declarations,
            operations: operations.operations,
            auth: operations.auth
        )
        module.responseHeaders = ResponseHeaders.declarations(zip(document.operations, kept).filter(\.1).map(\.0), context: context)
        if configuration.collectsExamples {
            var keptDocument = document
            keptDocument.operations = zip(document.operations, kept).filter(\.1).map(\.0)
            let keptNames = Set(declarations.map(\.name))
            module.examples = examples(keptDocument, operations.operations, context).filter { example in
                guard case .named(let path) = example.type.unwrapped else { return true }
                return keptNames.contains(path[0])
            }
        }
        return module
    }

    /// One rule for every part of the configuration that names something: an entry that selects
    /// nothing is a located warning, like a name override or a `schemas:` entry that matches nothing.
    static func warnAboutFilter(_ configuration: Configuration, _ operations: [Operation], kept: [Bool], _ diagnostics: DiagnosticSink) {
        let filter = configuration.operations
        for (entry, location) in filter.unmatched(in: operations) {
            diagnostics.warning("\(entry) matches no operation of the document", at: location)
        }
        if filter.include != nil || filter.exclude != nil, !operations.isEmpty, !kept.contains(true), let location = configuration.keyLocations["operations"] {
            diagnostics.warning("the operation filter keeps none of the document's \(operations.count) operations: the client has no methods", at: location)
        }
    }

    /// Every example of a schema that has a generated type, and of a JSON request or 2xx
    /// response body, with that type.
    static func examples(_ document: OpenAPIDocument, _ operations: [OperationDecl], _ context: TranslationContext) -> [ExampleDecl] {
        var result: [ExampleDecl] = []
        let conformance = ExampleConformance(components: context.components)
        func example(_ type: TypeUsage, _ value: Literal, _ location: SourceLocation, _ schema: Schema?) -> ExampleDecl {
            // `null` for a schema that allows it (3.1's `type: [T, "null"]`, `nullable`, an enum
            // listing null) is an optional's nil: the type's own values are not what it shows.
            let allowsNull = schema.map { $0.nullable || $0.enumValues?.contains(.null) == true } ?? false
            let type = value == .null && allowsNull ? type.optional : type
            return ExampleDecl(type: type, value: value, location: location, breaksSchema: schema.flatMap { conformance.problem(value, $0) })
        }
        var work = document.schemas.map(\.schema)
        var seen: Set<SourceLocation> = []
        while let schema = work.popLast() {
            guard seen.insert(schema.location).inserted, schema.ref == nil else { continue }
            if let value = schema.example, let type = context.knownType(at: schema.location) {
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
    /// The components of a document translated, with the state that translating its operations
    /// goes on from.
    struct Components {
        let context: TranslationContext
        let types: TypeTranslator
        /// How many of the document's schemas (its first) were translated.
        let count: Int
    }

    /// The first half of `declarations`: the first `first` component schemas (all when nil)
    /// named and translated, with diagnostics of their own. Needs no operation.
    static func components(_ document: OpenAPIDocument, first: Int? = nil, configuration: Configuration) -> Components {
        let context = TranslationContext(document: document, diagnostics: DiagnosticSink())
        context.typeOverrides = configuration.typeNames
        context.propertyOverrides = configuration.propertyNames
        context.operationOverrides = configuration.operationNames
        context.shortensOperationIDs = configuration.shortensOperationIDs
        // Inside `enum <namespace>` a type of that name would hide the namespace itself.
        if let namespace = configuration.namespace { context.reserveNamespace(namespace) }
        let types = TypeTranslator(context: context)
        let count = first ?? document.schemas.count
        types.translateComponents(0..<count)
        return Components(context: context, types: types, count: count)
    }
}
