import YAMLNodes

/// Shared state of one read: the file, the diagnostics, pointer resolution and the schemas
/// already read at a pointer target (so a pointer read twice gives the same `Schema`).
final class ReaderContext {
    let file: String
    let diagnostics: DiagnosticSink
    let resolver: PointerResolver
    var version31 = false
    private(set) var pointerSchemas: [Mark: Schema] = [:]
    private var pointersInProgress: Set<Mark> = []
    /// The deepest schema nesting followed (the YAML layer already bounds node depth).
    let maxSchemaDepth = 256

    init(file: String, root: YAMLNode, diagnostics: DiagnosticSink) {
        self.file = file
        self.diagnostics = diagnostics
        self.resolver = PointerResolver(root: root)
    }

    func location(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, mark: mark) }
    func location(_ node: YAMLNode) -> SourceLocation { location(node.mark) }

    func error(_ message: String, at node: YAMLNode) { diagnostics.error(message, at: location(node)) }
    func warning(_ message: String, at node: YAMLNode) { diagnostics.warning(message, at: location(node)) }

    // MARK: Typed access with located errors

    /// The pairs of a mapping, or an error naming what was expected.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        error("\(what) must be a mapping, found \(node.kindName)", at: node)
        return nil
    }

    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        error("\(what) must be a sequence, found \(node.kindName)", at: node)
        return nil
    }

    /// A scalar's text. Numbers and booleans are accepted as their text (`version: 1.0`).
    func string(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar { return scalar.text }
        error("\(what) must be a string, found \(node.kindName)", at: node)
        return nil
    }

    /// A boolean; the strings `"true"`/`"false"` are accepted with a warning (common in the wild).
    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let scalar = node.scalar else {
            error("\(what) must be a boolean, found \(node.kindName)", at: node)
            return nil
        }
        switch scalar.value {
        case .bool(let b): return b
        case .string(let s) where s == "true" || s == "false":
            warning("\(what) should be a boolean, found the string \"\(s)\"; read as \(s)", at: node)
            return s == "true"
        default:
            error("\(what) must be a boolean, found \(node.kindName)", at: node)
            return nil
        }
    }

    func number(_ node: YAMLNode, _ what: String) -> Double? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .int(let v): return Double(v)
            case .double(let v): return v
            case .bigInt(let digits): return Double(digits)
            case .string(let s) where Double(s) != nil:
                warning("\(what) should be a number, found the string \"\(s)\"", at: node)
                return Double(s)
            default: break
            }
        }
        error("\(what) must be a number, found \(node.kindName)", at: node)
        return nil
    }

    func integer(_ node: YAMLNode, _ what: String) -> Int? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .int(let v) where v >= 0: return v
            case .double(let v) where v >= 0 && v == v.rounded() && v < 9.0e18: return Int(v)
            default: break
            }
        }
        error("\(what) must be a non-negative integer, found \(node.kindName)", at: node)
        return nil
    }

    /// Any node as a JSON-like literal; `stringsAsWritten` keeps plain scalars as their text.
    func literal(_ node: YAMLNode, stringsAsWritten: Bool = false) -> Literal {
        switch node.content {
        case .scalar(let scalar):
            if stringsAsWritten { return .string(scalar.text) }
            switch scalar.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .bigInt(let digits): return .double(Double(digits) ?? 0)
            case .double(let d): return .double(d)
            case .string(let s): return .string(s)
            }
        case .sequence(let items):
            return .array(items.map { literal($0) })
        case .mapping(let pairs):
            var object: [String: Literal] = [:]
            for pair in pairs { object[pair.key] = literal(pair.value) }
            return .object(object)
        }
    }

    // MARK: References

    /// Follows `$ref` chains of non-schema objects (parameters, responses, request bodies).
    /// Returns the final node and, when the first hop named a component, that component's name.
    func follow(_ node: YAMLNode, _ what: String) -> (node: YAMLNode, componentName: String?)? {
        var current = node
        var componentName: String?
        var seen: [String] = []
        while let refNode = current["$ref"] {
            guard let pointer = string(refNode, "$ref") else { return nil }
            if seen.contains(pointer) {
                error("cyclic $ref '\(pointer)' (\(seen.joined(separator: " → ")) → \(pointer))", at: refNode)
                return nil
            }
            seen.append(pointer)
            guard pointer.hasPrefix("#") else {
                error("$ref '\(pointer)' points into another file, which is not supported here", at: refNode)
                return nil
            }
            guard let target = resolver.resolve(pointer) else {
                error("$ref '\(pointer)' does not resolve", at: refNode)
                return nil
            }
            if componentName == nil, let last = PointerResolver.tokens(of: pointer)?.last {
                componentName = last
            }
            current = target
        }
        if current.mapping == nil {
            error("\(what) must be a mapping, found \(current.kindName)", at: current)
            return nil
        }
        return (current, componentName)
    }

    /// The schema at a non-component pointer, read once and shared by every `$ref` to it.
    func schemaAtPointer(_ pointer: String, refNode: YAMLNode, depth: Int, read: (YAMLNode, Int) -> Schema) -> Schema? {
        guard let target = resolver.resolve(pointer) else {
            error("$ref '\(pointer)' does not resolve", at: refNode)
            return nil
        }
        if let done = pointerSchemas[target.mark] { return done }
        if pointersInProgress.contains(target.mark) {
            error("cyclic $ref '\(pointer)': the schema refers to itself through pointers", at: refNode)
            return nil
        }
        pointersInProgress.insert(target.mark)
        let schema = read(target, depth + 1)
        pointersInProgress.remove(target.mark)
        pointerSchemas[target.mark] = schema
        return schema
    }
}
