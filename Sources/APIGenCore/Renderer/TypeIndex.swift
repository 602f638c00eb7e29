/// Looks up generated declarations by path for the renderers: their kind, an alias's end, and
/// whether a struct validates (which the refiner decided).
struct TypeIndex: Sendable {
    enum Kind { case structure, enumeration, oneOf, alias }

    /// By declaration id (`DeclarationIndex`).
    private struct Entry: Sendable {
        var kind: Kind
        /// What an alias stands for: the end of its chain.
        var target: TypeUsage?
        /// For a struct: whether it gets a `validate(path:)` (the refiner's `ValidationReach`).
        var validates = false
    }

    private let declarations: DeclarationIndex
    private var entries: [Entry] = []

    /// The struct at `path`, through typealiases.
    func structDecl(at path: [String]) -> StructDecl? { declarations.structDecl(at: path) }

    /// The cases of the `oneOf` enum at `path`.
    func oneOfCases(at path: [String]) -> [OneOfDecl.Case]? {
        guard case .oneOf(let decl)? = declarations.declaration(at: path) else { return nil }
        return decl.cases
    }

    init(_ module: ModuleDecl) {
        declarations = DeclarationIndex(module.types)
        entries = declarations.entries.map { entry in
            switch entry.declaration {
            case .structure(let s):
                return Entry(kind: .structure, validates: s.validates)
            case .enumeration: return Entry(kind: .enumeration)
            case .oneOf: return Entry(kind: .oneOf)
            case .alias(let a): return Entry(kind: .alias, target: a.target)
            }
        }
        collapseAliasChains()
    }

    /// Whether a top-level type has this name (a member type of `Client` so named would hide it).
    func hasTopLevelType(_ name: String) -> Bool {
        declarations.id(at: [name]) != nil
    }

    /// The name of a type a product nests in one of its own (`Client.ListErrorBody`,
    /// `APIServer.ListAnswer`, `MockClient.Handlers`): `base`, or `base2`, `base3`… while it would
    /// hide a top-level type or a type the generated code names, from the code inside it.
    func nestedTypeName(_ base: String) -> String {
        var candidate = base, number = 1
        while hasTopLevelType(candidate) || SwiftNaming.reservedTypeNames.contains(candidate) {
            number += 1
            candidate = base + String(number)
        }
        return candidate
    }

    /// `list` → `List`, `default` → `Default`: a member name starting a type name.
    static func upperFirst(_ identifier: Identifier) -> String {
        identifier.name.prefix(1).uppercased() + identifier.name.dropFirst()
    }

    private func entry(_ path: [String]) -> Entry? {
        declarations.id(at: path).map { entries[$0] }
    }

    /// Points every alias at the end of its chain (`DeclarationIndex.aliasEnd`), so a lookup
    /// takes one hop. A chain that comes back on itself (which the translator reports) stays as
    /// written.
    private mutating func collapseAliasChains() {
        for id in entries.indices where entries[id].kind == .alias {
            if let end = declarations.aliasEnd(id) { entries[id].target = end }
        }
    }

    /// The type behind aliases, and the declaration it names (nil for other types).
    private func resolve(_ type: TypeUsage) -> (TypeUsage, Entry?) {
        guard case .named(let path) = type.unwrapped, let entry = self.entry(path) else { return (type, nil) }
        guard entry.kind == .alias, let target = entry.target else { return (type, entry) }
        let resolved = type.isOptional ? target.optional : target
        guard case .named(let end) = resolved.unwrapped, let endEntry = self.entry(end) else { return (resolved, nil) }
        return (resolved, endEntry.kind == .alias ? nil : endEntry)
    }

    /// The type behind aliases.
    func resolved(_ type: TypeUsage) -> TypeUsage {
        resolve(type).0
    }

    /// Whether the struct at `path` gets a `validate(path:)`.
    func validates(_ path: [String]) -> Bool {
        guard let entry = self.entry(path), entry.kind == .structure else { return false }
        return entry.validates
    }

    func kind(of type: TypeUsage) -> Kind? {
        resolve(type).1?.kind
    }

    func isEnum(_ type: TypeUsage) -> Bool { kind(of: type) == .enumeration }

    /// Whether values of this type have a `validate(path:)` (directly or as array elements).
    func needsValidation(_ type: TypeUsage) -> Bool {
        let (resolved, entry) = resolve(type)
        return switch resolved.unwrapped {
        case .named: entry.map { $0.kind == .structure && $0.validates } ?? false
        case .array(let element): needsValidation(element)
        default: false
        }
    }
}
