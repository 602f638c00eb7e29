/// Every top-level name of the module: each component's type name, the top-level types that
/// inline schemas declare (request and response bodies, parameter enums, the element types of
/// aliases, webhook payloads), and every name taken at the top level, which no nested type may
/// shadow.
///
/// The naming passes make it (`TypeTranslator.translateComponents`, `TopLevelNaming`); building
/// declarations only reads it. `TranslationContext` keeps it `private(set)` and changes it only
/// inside `TranslationContext.naming`, so no declaration's build can change a name that another
/// build reads, and the operations built on all cores see one table.
struct NameTable {
    /// Raw component name → Swift type name.
    private(set) var components: [String: String] = [:]
    /// Swift type name → raw component name.
    private(set) var componentsByType: [String: String] = [:]
    /// The top-level type of an inline schema, by its location.
    private(set) var inline: [SourceLocation: TypeUsage] = [:]
    /// The same for a property merged from several `allOf` parts, by its parts' locations: each
    /// part may be shared by many merges (a base's `data`), the set of them is the merge's own.
    private(set) var merged: [[SourceLocation]: TypeUsage] = [:]
    /// Every top-level name, the namespace's included.
    private(set) var taken: Set<String> = []
    /// The namespace everything is generated in, when there is one: no type may take its name.
    private(set) var namespace: String?
    /// Where names are claimed: numbered on a clash, lookalikes noticed.
    private var scope = NameScope()

    // MARK: Claiming (only through `TranslationContext`, inside a naming pass)

    mutating func reserveNamespace(_ name: String) {
        namespace = name
        _ = claim(name)
    }

    /// `base`, or a numbered name when it is taken.
    mutating func claim(_ base: String) -> (name: String, clashed: Bool) {
        let claimed = scope.claim(base)
        taken.insert(claimed.name)
        return claimed
    }

    /// Another top-level name that `name` (just claimed) reads the same as, if any.
    mutating func lookalike(of name: String) -> String? {
        scope.lookalike(of: name)
    }

    mutating func name(component raw: String, _ name: String) {
        components[raw] = name
        componentsByType[name] = raw
    }

    mutating func name(_ schema: Schema, _ type: TypeUsage) {
        if schema.isMerged { merged[schema.allOf.map(\.location)] = type } else { inline[schema.location] = type }
    }
}
