/// Stage 3 of the pipeline: `OpenAPIDocument` → `ModuleDecl` (named Swift types and operations).
public enum Translator {
    public static func translate(_ document: OpenAPIDocument, diagnostics: DiagnosticSink) throws(GenerationError) -> ModuleDecl {
        let context = TranslationContext(document: document, diagnostics: diagnostics)
        let types = TypeTranslator(context: context)
        types.translateComponents()
        let operations = OperationTranslator(context: context, types: types).translateAll()
        try diagnostics.throwIfErrors()
        return ModuleDecl(
            title: document.info.title,
            version: document.info.version,
            serverURL: document.servers.first?.url,
            types: context.orderedTopLevel(),
            operations: operations.operations,
            auth: operations.auth
        )
    }
}

/// State shared by the type and operation translators.
final class TranslationContext {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticSink
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

    init(document: OpenAPIDocument, diagnostics: DiagnosticSink) {
        self.document = document
        self.diagnostics = diagnostics
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
