/// State shared by the type and operation translators.
///
/// Top-level names are a `NameTable`, changed only inside a naming pass (`naming`). The lookups
/// that one operation's declarations may add to (types of nested schemas, enum cases, checked
/// examples) are `Layered`: while operations are built side by side each worker has its own
/// copy, reads the settled layer and writes only its own (see `TranslationUnits`).
final class TranslationContext {
    /// The document; the whole one once its components, read before `paths`, are translated.
    var document: OpenAPIDocument
    var diagnostics: DiagnosticSink
    /// Raw component name → schema.
    var components: [String: Schema] = [:]
    /// Every top-level name; only a naming pass changes it.
    private(set) var names = NameTable()
    /// Whether a naming pass runs (`naming`): the only time a top-level name may be claimed.
    private(set) var isNaming = false
    /// Schemas already turned into a named type that is not in `names` (components, as they are
    /// built, and nested types), by location (so a `$ref` to them reuses it).
    var typesByLocation = Layered<SourceLocation, TypeUsage>()
    /// The same for a property merged from several `allOf` parts, by its parts' locations: each
    /// part may be shared by many merges (a base's `data`), the set of them is the merge's own.
    var mergedTypes = Layered<[SourceLocation], TypeUsage>()
    /// Enum raw-value literal → case name, by the enum's path (for `default` values).
    var enumCases = Layered<[String], [Literal: String]>()
    /// Schemas whose example was already checked (each is warned about once).
    var checkedExamples = Layered<SourceLocation, Bool>()
    /// The examples this unit checked, with the warnings each gave (indices in `diagnostics`):
    /// the merge drops the warnings of an example an earlier unit checked.
    var exampleWarnings: [(key: SourceLocation, warnings: Range<Int>)] = []
    /// Component declarations by raw name; `nil` while being translated.
    var componentDecls: [String: Declaration?] = [:]
    /// Declarations created for operations (bodies, responses, parameter enums), in order.
    var operationDecls: [Declaration] = []
    /// Configured names: component name → type name, `TypePath.wire_name` → property name.
    var typeOverrides: [String: String] = [:]
    var propertyOverrides: [String: String] = [:]
    /// Configured method names, by operationId or `METHOD /path` (`names.operations`).
    var operationOverrides: [String: String] = [:]
    var shortensOperationIDs = false
    /// Overrides that matched something (`types.X`, `properties.T.p`).
    var usedOverrides: Set<String> = []
    /// Names already computed: the same property names recur thousands of times.
    private var memberNames: [String: String] = [:]
    private var typeNames: [String: String] = [:]

    init(document: OpenAPIDocument, diagnostics: DiagnosticSink) {
        self.document = document
        self.diagnostics = diagnostics
    }

    /// A copy for one worker: the same settled state, nothing of its own yet.
    func workerCopy() -> TranslationContext {
        let copy = TranslationContext(document: document, diagnostics: DiagnosticSink())
        copy.components = components
        copy.names = names
        copy.typesByLocation = typesByLocation
        copy.mergedTypes = mergedTypes
        copy.enumCases = enumCases
        copy.checkedExamples = checkedExamples
        copy.componentDecls = componentDecls
        copy.typeOverrides = typeOverrides
        copy.propertyOverrides = propertyOverrides
        copy.operationOverrides = operationOverrides
        copy.shortensOperationIDs = shortensOperationIDs
        copy.memberNames = memberNames
        copy.typeNames = typeNames
        return copy
    }

    /// Makes everything added so far the settled state that workers share.
    func settle() {
        typesByLocation.settle()
        mergedTypes.settle()
        enumCases.settle()
        checkedExamples.settle()
        exampleWarnings = []
    }

    func typeName(_ raw: String) -> String {
        if let known = typeNames[raw] { return known }
        let name = SwiftNaming.typeName(raw)
        typeNames[raw] = name
        return name
    }

    /// Caches a type name computed elsewhere (on another core).
    func rememberTypeName(_ name: String, for raw: String) {
        typeNames[raw] = name
    }

    func memberName(_ raw: String) -> String {
        if let known = memberNames[raw] { return known }
        let name = SwiftNaming.memberName(raw)
        memberNames[raw] = name
        return name
    }

    /// Runs a naming pass: `body` may claim top-level names (`claimTopLevel`, `nameComponent`,
    /// `nameTopLevel`); building declarations, outside it, only reads `names`.
    func naming<Result>(_ body: () -> Result) -> Result {
        assert(!isNaming, "naming passes do not nest")
        isNaming = true
        defer { isNaming = false }
        return body()
    }

    /// Claims a top-level type name (or a numbered one when taken).
    func claimTopLevel(_ base: String) -> String {
        assert(isNaming, "a top-level name claimed outside a naming pass: '\(base)' (TopLevelNaming must name what translation declares)")
        return names.claim(base).name
    }

    /// Claims a component's type name, with a warning when it is numbered or reads like another.
    func nameComponent(_ raw: String, wanted: String, at location: SourceLocation) {
        assert(isNaming, "component '\(raw)' named outside a naming pass")
        let (name, clashed) = names.claim(wanted)
        if clashed && wanted == names.namespace {
            warning("component '\(raw)' is generated as '\(name)' because '\(wanted)' is the namespace everything is generated in (--name, namespace:, or the file's Name.openapi.yaml)", at: location)
        } else if clashed {
            warning("component '\(raw)' is generated as '\(name)' because '\(wanted)' is already taken", at: location)
        }
        if let other = names.lookalike(of: name) {
            warning("component '\(raw)' is generated as '\(name)', which reads like '\(other)': one of them uses letters of another script", at: location)
        }
        names.name(component: raw, name)
    }

    /// Records the top-level type an inline schema declares.
    func nameTopLevel(_ type: TypeUsage, of schema: Schema) {
        assert(isNaming, "a top-level type recorded outside a naming pass")
        names.name(schema, type)
    }

    func reserveNamespace(_ name: String) {
        names.reserveNamespace(name)
    }

    /// Whether a top-level type is named `name` (a nested type must not shadow it).
    func isTopLevelName(_ name: String) -> Bool {
        names.taken.contains(name)
    }

    /// The type already given to the schema at `location`, if any.
    func knownType(at location: SourceLocation) -> TypeUsage? {
        typesByLocation[location] ?? names.inline[location]
    }

    /// The type already given to `schema`, if any.
    func knownType(of schema: Schema) -> TypeUsage? {
        guard schema.isMerged else { return knownType(at: schema.location) }
        let parts = schema.allOf.map(\.location)
        return mergedTypes[parts] ?? names.merged[parts]
    }

    /// Records that `schema` is typed `usage` from now on.
    func setType(_ usage: TypeUsage, of schema: Schema) {
        if schema.isMerged { mergedTypes[schema.allOf.map(\.location)] = usage } else { typesByLocation[schema.location] = usage }
    }

    /// Records that the inline schema at `location` is typed `usage` from now on.
    func setType(_ usage: TypeUsage, at location: SourceLocation) {
        typesByLocation[location] = usage
    }

    /// Notes that a configured name was used.
    func useOverride(_ key: String) {
        usedOverrides.insert(key)
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
