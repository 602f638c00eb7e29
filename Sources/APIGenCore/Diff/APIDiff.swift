import APIGenYAML

/// Compares the Swift API two documents generate: what breaks code written against the old one,
/// and what is new. A pure function of two `ModuleDecl`s.
public struct APIDiff: Sendable, Equatable {
    /// One change, with the Swift name it concerns (`Meeting.title`, `Client.getMeeting(meetingID:)`).
    public struct Change: Sendable, Equatable, Comparable {
        public enum Kind: String, Sendable {
            case typeRemoved = "type removed", typeRenamed = "type renamed", typeAdded = "type added"
            case typeKindChanged = "type kind changed", aliasChanged = "alias target changed"
            case propertyRemoved = "property removed", propertyAdded = "property added", propertyRenamed = "property renamed"
            case propertyTypeChanged = "property type changed", propertyBecameRequired = "property became required"
            case caseRemoved = "case removed", caseAdded = "case added", caseRenamed = "case renamed"
            case caseRawValueChanged = "case raw value changed"
            case operationRemoved = "operation removed", operationAdded = "operation added", operationRenamed = "operation renamed"
            case parameterRemoved = "parameter removed", parameterAdded = "parameter added", parameterRenamed = "parameter renamed"
            case parameterTypeChanged = "parameter type changed", parameterBecameRequired = "parameter became required"
            case returnTypeChanged = "return type changed", bodyChanged = "body type changed"
        }

        public var kind: Kind
        public var path: String
        public var detail: String

        public static func < (a: Change, b: Change) -> Bool { (a.path, a.kind.rawValue) < (b.path, b.kind.rawValue) }
    }

    public var breaking: [Change] = []
    public var additive: [Change] = []

    public init(old: ModuleDecl, new: ModuleDecl) {
        compareTypes(old, new)
        compareOperations(old, new)
        breaking.sort()
        additive.sort()
    }

    // MARK: Types

    private struct TypeInfo {
        var kind: String
        var decl: Declaration
    }

    private static func flatten(_ module: ModuleDecl) -> [String: TypeInfo] {
        let index = DeclarationIndex(module.types)
        var result: [String: TypeInfo] = [:]
        for id in index.entries.indices {
            let decl = index[id].declaration
            let kind = switch decl {
            case .structure: "struct"
            case .enumeration, .oneOf: "enum"
            case .alias: "typealias"
            }
            result[index.path(of: id).joined(separator: ".")] = TypeInfo(kind: kind, decl: decl)
        }
        return result
    }

    private static func spell(_ type: TypeUsage) -> String { SwiftSpelling.type(type) }

    private mutating func compareTypes(_ old: ModuleDecl, _ new: ModuleDecl) {
        let before = Self.flatten(old), after = Self.flatten(new)
        let removed = before.keys.filter { after[$0] == nil }.sorted()
        var added = Set(after.keys.filter { before[$0] == nil })
        for path in removed {
            // Same shape under another name (at the same level): a rename, not a removal.
            let shape = Deduplication.canonical(before[path]!.decl, path: path.split(separator: ".").map(String.init))
            let parent = path.split(separator: ".").dropLast()
            if let renamed = added.sorted().first(where: { candidate in
                candidate.split(separator: ".").dropLast() == parent
                    && Deduplication.canonical(after[candidate]!.decl, path: candidate.split(separator: ".").map(String.init)) == shape
            }) {
                added.remove(renamed)
                breaking.append(Change(kind: .typeRenamed, path: path, detail: "now \(renamed)"))
                continue
            }
            // Nested types of a removed type are reported with it, once.
            if removed.contains(where: { path.hasPrefix($0 + ".") }) { continue }
            breaking.append(Change(kind: .typeRemoved, path: path, detail: before[path]!.kind))
        }
        for path in added.sorted() where !added.contains(where: { path.hasPrefix($0 + ".") }) {
            additive.append(Change(kind: .typeAdded, path: path, detail: after[path]!.kind))
        }
        for (path, old) in before.sorted(by: { $0.key < $1.key }) {
            guard let new = after[path] else { continue }
            switch (old.decl, new.decl) {
            case (.structure(let a), .structure(let b)): compareStruct(path, a, b)
            case (.enumeration(let a), .enumeration(let b)):
                // A case whose raw value stays but whose name changes is a rename.
                var renamed: Set<Identifier> = []
                for c in a.cases {
                    if let d = b.cases.first(where: { $0.value == c.value }), d.name != c.name {
                        breaking.append(Change(kind: .caseRenamed, path: "\(path).\(c.name.name)", detail: "now \(d.name.name)"))
                        renamed.insert(c.name)
                        renamed.insert(d.name)
                    }
                }
                for c in a.cases {
                    if let d = b.cases.first(where: { $0.name == c.name }), d.value != c.value, !renamed.contains(c.name) {
                        breaking.append(Change(kind: .caseRawValueChanged, path: "\(path).\(c.name.name)", detail: "\(SwiftSpelling.literal(c.value, rawType: a.rawType)) → \(SwiftSpelling.literal(d.value, rawType: b.rawType))"))
                    }
                }
                compareCases(path, a.cases.map(\.name).filter { !renamed.contains($0) }, b.cases.map(\.name).filter { !renamed.contains($0) })
            case (.oneOf(let a), .oneOf(let b)):
                compareCases(path, a.cases.map(\.name), b.cases.map(\.name))
                for c in a.cases {
                    if let d = b.cases.first(where: { $0.name == c.name }), d.type != c.type {
                        breaking.append(Change(kind: .propertyTypeChanged, path: "\(path).\(c.name.name)", detail: "\(Self.spell(c.type)) → \(Self.spell(d.type))"))
                    }
                }
            case (.alias(let a), .alias(let b)) where a.target != b.target:
                breaking.append(Change(kind: .aliasChanged, path: path, detail: "\(Self.spell(a.target)) → \(Self.spell(b.target))"))
            case (.alias, .alias):
                break
            default:
                breaking.append(Change(kind: .typeKindChanged, path: path, detail: "\(old.kind) → \(new.kind)"))
            }
        }
    }

    private mutating func compareStruct(_ path: String, _ a: StructDecl, _ b: StructDecl) {
        for p in a.properties {
            let name = p.name.name
            guard let q = b.properties.first(where: { $0.name == p.name }) else {
                if let renamed = b.properties.first(where: { $0.wireName == p.wireName }) {
                    breaking.append(Change(kind: .propertyRenamed, path: "\(path).\(name)", detail: "now \(renamed.name.name)"))
                } else {
                    breaking.append(Change(kind: .propertyRemoved, path: "\(path).\(name)", detail: Self.spell(p.type)))
                }
                continue
            }
            if p.type.unwrapped != q.type.unwrapped {
                breaking.append(Change(kind: .propertyTypeChanged, path: "\(path).\(name)", detail: "\(Self.spell(p.type)) → \(Self.spell(q.type))"))
            } else if p.type.isOptional && !q.type.isOptional {
                breaking.append(Change(kind: .propertyBecameRequired, path: "\(path).\(name)", detail: "\(Self.spell(p.type)) → \(Self.spell(q.type))"))
            } else if !p.type.isOptional && q.type.isOptional {
                breaking.append(Change(kind: .propertyTypeChanged, path: "\(path).\(name)", detail: "\(Self.spell(p.type)) → \(Self.spell(q.type)) (now optional)"))
            }
        }
        for q in b.properties where !a.properties.contains(where: { $0.name == q.name || $0.wireName == q.wireName }) {
            let name = q.name.name
            if q.type.isOptional || q.defaultValue != nil {
                additive.append(Change(kind: .propertyAdded, path: "\(path).\(name)", detail: Self.spell(q.type)))
            } else {
                breaking.append(Change(kind: .propertyBecameRequired, path: "\(path).\(name)", detail: "new required property \(Self.spell(q.type))"))
            }
        }
    }

    private mutating func compareCases(_ path: String, _ a: [Identifier], _ b: [Identifier]) {
        for c in a where !b.contains(c) {
            breaking.append(Change(kind: .caseRemoved, path: "\(path).\(c.name)", detail: ""))
        }
        for c in b where !a.contains(c) {
            additive.append(Change(kind: .caseAdded, path: "\(path).\(c.name)", detail: ""))
        }
    }

    // MARK: Operations

    private mutating func compareOperations(_ old: ModuleDecl, _ new: ModuleDecl) {
        var renamedTo: Set<Identifier> = []
        for a in old.operations {
            let path = "Client.\(a.name.name)"
            var b = new.operations.first(where: { $0.name == a.name })
            if b == nil, let renamed = new.operations.first(where: { $0.method == a.method && $0.path == a.path && !old.operations.map(\.name).contains($0.name) }) {
                breaking.append(Change(kind: .operationRenamed, path: path, detail: "now \(renamed.name.name)"))
                renamedTo.insert(renamed.name)
                b = renamed
            }
            guard let b else {
                breaking.append(Change(kind: .operationRemoved, path: path, detail: "\(a.method.wireName) \(a.path)"))
                continue
            }
            for p in a.parameters {
                let name = "\(path)(\(p.name.name):)"
                guard let q = b.parameters.first(where: { $0.name == p.name }) else {
                    if let renamed = b.parameters.first(where: { $0.wireName == p.wireName && $0.location == p.location }) {
                        breaking.append(Change(kind: .parameterRenamed, path: name, detail: "now \(renamed.name.name)"))
                    } else {
                        breaking.append(Change(kind: .parameterRemoved, path: name, detail: Self.spell(p.type)))
                    }
                    continue
                }
                if p.type.unwrapped != q.type.unwrapped {
                    breaking.append(Change(kind: .parameterTypeChanged, path: name, detail: "\(Self.spell(p.type)) → \(Self.spell(q.type))"))
                } else if p.type.isOptional && !q.type.isOptional {
                    breaking.append(Change(kind: .parameterBecameRequired, path: name, detail: "\(Self.spell(p.type)) → \(Self.spell(q.type))"))
                }
            }
            for q in b.parameters where !a.parameters.contains(where: { $0.name == q.name || ($0.wireName == q.wireName && $0.location == q.location) }) {
                let name = "\(path)(\(q.name.name):)"
                if q.type.isOptional {
                    additive.append(Change(kind: .parameterAdded, path: name, detail: Self.spell(q.type)))
                } else {
                    breaking.append(Change(kind: .parameterBecameRequired, path: name, detail: "new required parameter \(Self.spell(q.type))"))
                }
            }
            if a.body?.type != b.body?.type {
                breaking.append(Change(kind: .bodyChanged, path: path, detail: "\(a.body.map { Self.spell($0.type) } ?? "none") → \(b.body.map { Self.spell($0.type) } ?? "none")"))
            }
            if a.response != b.response {
                breaking.append(Change(kind: .returnTypeChanged, path: path, detail: "\(a.response.map(Self.spell) ?? "Void") → \(b.response.map(Self.spell) ?? "Void")"))
            }
            compareStreams(a, b)
        }
        for b in new.operations where !old.operations.contains(where: { $0.name == b.name }) && !renamedTo.contains(b.name) {
            additive.append(Change(kind: .operationAdded, path: "Client.\(b.name.name)", detail: "\(b.method.wireName) \(b.path)"))
        }
    }

    /// The `…Stream` method: gone, new, or reading another element type.
    private mutating func compareStreams(_ a: OperationDecl, _ b: OperationDecl) {
        switch (a.stream, b.stream) {
        case (let old?, nil):
            breaking.append(Change(kind: .operationRemoved, path: "Client.\(old.name.name)", detail: "the streamed \(old.contentType) answer"))
        case (nil, let new?):
            additive.append(Change(kind: .operationAdded, path: "Client.\(new.name.name)", detail: "the streamed \(new.contentType) answer"))
        case (let old?, let new?) where old.element != new.element || old.kind != new.kind:
            breaking.append(Change(kind: .returnTypeChanged, path: "Client.\(old.name.name)", detail: "\(Self.spell(old.element)) → \(Self.spell(new.element))"))
        default:
            break
        }
    }

    // MARK: Output

    public var text: String {
        var lines = breaking.map { "breaking: \($0.kind.rawValue): \($0.path)" + ($0.detail.isEmpty ? "" : " (\($0.detail))") }
        lines += additive.map { "additive: \($0.kind.rawValue): \($0.path)" + ($0.detail.isEmpty ? "" : " (\($0.detail))") }
        lines.append("\(breaking.count) breaking, \(additive.count) additive")
        return lines.joined(separator: "\n")
    }

    /// `{"breaking": [{"kind", "path", "detail"}…], "additive": […]}`, keys in a fixed order.
    public var json: String {
        func encode(_ changes: [Change]) -> String {
            "[" + changes.map { c in
                "{\"kind\": \(Self.quote(c.kind.rawValue)), \"path\": \(Self.quote(c.path)), \"detail\": \(Self.quote(c.detail))}"
            }.joined(separator: ", ") + "]"
        }
        return "{\"breaking\": \(encode(breaking)), \"additive\": \(encode(additive))}"
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String { TextEscaping.jsonQuoted(text) }
}
