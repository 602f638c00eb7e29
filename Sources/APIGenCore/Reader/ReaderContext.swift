import APIGenYAML

/// Shared state of one read: the file, the diagnostics, pointer resolution and the schemas
/// already read at a pointer target (so a pointer read twice gives the same `Schema`).
final class ReaderContext {
    /// The file's name in messages.
    let file: String
    /// The file's path on disk, for resolving `$ref`s into other files.
    let path: String
    let diagnostics: DiagnosticSink
    let resolver: PointerResolver
    /// All files of this read. The set owns its contexts and outlives them (whoever reads keeps
    /// the set), so this reference is unowned: no cycle to break.
    unowned let documents: DocumentSet
    /// True for the document being generated; false for files its `$ref`s reach.
    let isMain: Bool
    /// OpenAPI 3.1 or later (3.2 reads as 3.1 does, plus its own fields).
    var version31 = false
    var version32 = false
    /// The deepest schema nesting followed (the YAML layer already bounds node depth).
    let maxSchemaDepth = 256

    init(file: String, path: String? = nil, root: YAMLNode, documents: DocumentSet, isMain: Bool) {
        self.file = file
        self.path = path ?? file
        self.diagnostics = documents.diagnostics
        self.resolver = PointerResolver(root: root)
        self.documents = documents
        self.isMain = isMain
    }

    /// Splits `other.yaml#/a/b` into the file and the pointer (`#/a/b`); a local pointer has no file.
    static func split(_ reference: String) -> (file: String?, pointer: String) {
        guard !reference.hasPrefix("#") else { return (nil, reference) }
        guard let hash = reference.firstIndex(of: "#") else { return (reference, "#") }
        return (String(reference[..<hash]), String(reference[hash...]))
    }

    func location(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, mark: mark) }
    func location(_ node: YAMLNode) -> SourceLocation { location(node.mark) }

    func error(_ message: String, at node: YAMLNode) { diagnostics.error(message, at: location(node)) }
    func warning(_ message: String, at node: YAMLNode) { diagnostics.warning(message, at: location(node)) }

    // MARK: Typed access with located errors

    /// The pairs of a map field (`properties`, `responses`, `components.schemas`…), or an error
    /// naming what was expected. A field written as `null` or left empty (`parameters:` with
    /// nothing after it, common in real documents) has a sound reading, no entries: a warning.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        if isNull(node) {
            warning("\(what) is null; read as an empty mapping", at: node)
            return []
        }
        error("\(what) must be a mapping, found \(node.kindName)", at: node)
        return nil
    }

    /// The items of a list field (`parameters`, `tags`, `allOf`…); `null` reads as no items, with a warning.
    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        if isNull(node) {
            warning("\(what) is null; read as an empty list", at: node)
            return []
        }
        error("\(what) must be a sequence, found \(node.kindName)", at: node)
        return nil
    }

    /// The pairs of an object (an operation, a schema, a media type): `null` has no sound
    /// reading there, so it is an error like any other kind.
    func object(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        error("\(what) must be a mapping, found \(node.kindName)", at: node)
        return nil
    }

    func isNull(_ node: YAMLNode) -> Bool { node.scalar?.value == .null }

    /// A scalar's text. Numbers and booleans are accepted as their text (`version: 1.0`).
    func string(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar { return scalar.text }
        error("\(what) must be a string, found \(node.kindName)", at: node)
        return nil
    }

    /// Documentation text (`description`, `summary`): it must never stop generation. A `$ref`
    /// that leads to a string is followed (some documents keep long texts apart); anything else
    /// is dropped with a warning.
    func documentation(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar { return scalar.text }
        if let ref = node["$ref"]?.scalar?.text {
            let (file, pointer) = Self.split(ref)
            var target: ReaderContext? = self
            if let file { target = documents.context(for: file, from: self, refNode: node["$ref"]!) }
            if let target, let text = target.resolver.resolve(pointer)?.scalar?.text { return text }
            warning("\(what) is a $ref '\(ref)' that leads to no text; the \(what) is left out", at: node)
            return nil
        }
        warning("\(what) must be a string, found \(node.kindName); it is left out", at: node)
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
            case .double(let v) where v.isFinite: return v
            case .bigInt(let digits) where Double(digits)?.isFinite == true: return Double(digits)
            case .double, .bigInt:
                // `maximum: .inf` bounds nothing; a bound Swift cannot write is left out.
                warning("\(what) '\(scalar.text)' is not a finite number; ignored", at: node)
                return nil
            case .string(let s) where Double(s)?.isFinite == true:
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
            case .bigInt(let digits):
                error("\(what) \(digits) is too large (the largest is \(Int.max))", at: node)
                return nil
            case .int(let v) where v >= 0: return v
            case .double(let v) where v >= 0 && v == v.rounded() && v < 9.0e18: return Int(v)
            default: break
            }
        }
        error("\(what) must be a non-negative integer, found \(node.kindName)", at: node)
        return nil
    }

    /// `.inf`, `.nan`, `1e999`: YAML numbers that JSON (and so the wire) cannot carry, and that
    /// Swift cannot spell as a literal. The value is kept as its text, which no number type matches.
    private func nonFinite(_ text: String, at node: YAMLNode) -> Literal {
        warning("'\(text)' is not a finite number (JSON has none); read as the string \"\(text)\"", at: node)
        return .string(text)
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
            case .bigInt(let digits):
                let value = Double(digits) ?? .infinity
                guard value.isFinite else { return nonFinite(scalar.text, at: node) }
                warning("integer \(digits) does not fit in 64 bits; read as the floating-point number \(value)", at: node)
                return .double(value)
            case .double(let d):
                return d.isFinite ? .double(d) : nonFinite(scalar.text, at: node)
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

    /// Follows `$ref` chains of non-schema objects (parameters, responses, request bodies), into
    /// other files too. Returns the final node, the context of its file and, when the first hop
    /// named a component, that component's name.
    func follow(_ node: YAMLNode, _ what: String) -> (node: YAMLNode, componentName: String?, context: ReaderContext)? {
        var current = node
        var context = self
        var componentName: String?
        var seen: Set<String> = []
        while let refNode = current["$ref"] {
            guard let reference = context.string(refNode, "$ref") else { return nil }
            let key = context.path + reference
            guard seen.insert(key).inserted else {
                context.error("cyclic $ref '\(reference)'", at: refNode)
                return nil
            }
            let (file, pointer) = Self.split(reference)
            // `#/components/schemas/A` where a request body belongs would be read as an empty
            // body: a component of the wrong kind is an error, not a quietly smaller API.
            if let tokens = PointerResolver.tokens(of: pointer), tokens.count >= 2, tokens[0] == "components",
               what == "a response", tokens[1] == "requestBodies" {
                // A Request Body Object has the Response Object's `description` and `content`.
                context.warning("$ref '\(reference)' names one of components.requestBodies where a response belongs (components.responses); its description and content are read as the response's", at: refNode)
            } else if let tokens = PointerResolver.tokens(of: pointer), tokens.count >= 2, tokens[0] == "components",
               let expected = Self.componentSection[what], tokens[1] != expected {
                context.error("$ref '\(reference)' names one of components.\(tokens[1]) where \(what) belongs (components.\(expected))", at: refNode)
                return nil
            }
            var target = context
            if let file {
                guard let other = documents.context(for: file, from: context, refNode: refNode) else { return nil }
                target = other
            }
            guard let resolved = target.resolver.resolve(pointer) else {
                context.unresolved(reference, in: target, at: refNode)
                return nil
            }
            if componentName == nil, let last = PointerResolver.tokens(of: pointer)?.last {
                componentName = last
            }
            current = resolved
            context = target
        }
        if current.mapping == nil {
            context.error("\(what) must be a mapping, found \(current.kindName)", at: current)
            return nil
        }
        return (current, componentName, context)
    }

    /// A `$ref` whose target does not exist: one error for each missing target, at its first
    /// use; the others would say the same thing again (a typo'd name used 200 times).
    func unresolved(_ reference: String, in target: ReaderContext, at refNode: YAMLNode) {
        let pointer = Self.split(reference).pointer
        guard documents.missingTargets.insert(target.path + pointer).inserted else { return }
        diagnostics.error("$ref '\(reference)' does not resolve", at: location(refNode))
    }

    /// Runs `body` (which reads what a `$ref` at `refNode` reaches); when it finds errors, a note
    /// at the `$ref` says how the reader got there: the error alone points only at the target.
    func noting<T>(_ refNode: YAMLNode?, _ body: () -> T) -> T {
        guard let refNode else { return body() }
        let before = diagnostics.errorCalls.count
        let result = body()
        let found = diagnostics.errorCalls[before...].contains { $0 != location(refNode) }
        if found, let reference = refNode.scalar?.text {
            diagnostics.note("the error above is in what $ref '\(reference)' refers to", at: location(refNode))
        }
        return result
    }

    /// The `components` section each kind of object `follow`s a `$ref` into.
    static let componentSection = [
        "a parameter": "parameters", "a request body": "requestBodies", "a response": "responses",
        "a header": "headers", "a security scheme": "securitySchemes", "a path item": "pathItems",
        "an operation": "pathItems", "a media type": "mediaTypes", "a server": "servers",
        "an example": "examples", "a callback": "callbacks",
    ]

    /// An object where the specification allows no `$ref` (an operation, a media type, a
    /// server, a security requirement) but real documents write one, as bundlers accept: the
    /// reference is followed, relative to the file that holds it, with one warning per kind.
    func followUnofficial(_ node: YAMLNode, _ what: String) -> (node: YAMLNode, context: ReaderContext)? {
        guard let refNode = node["$ref"] else { return (node, self) }
        if documents.unofficialReferenceKinds.insert(what).inserted {
            warning("the specification allows no $ref for \(what); it is followed (here and wherever else \(what) is one)", at: refNode)
        }
        guard let (target, _, other) = follow(node, what) else { return nil }
        return (target, other)
    }

    /// The schema at a pointer of this file, read once and shared by every `$ref` to it.
    /// `reference` is the `$ref` as written (with its file part), for messages.
    func schemaAtPointer(_ pointer: String, reference: String, refNode: YAMLNode, referrer: ReaderContext, depth: Int, read: (YAMLNode, Int) -> Schema) -> Schema? {
        guard let target = resolver.resolve(pointer) else {
            referrer.unresolved(reference, in: self, at: refNode)
            return nil
        }
        let key = location(target)
        if let done = documents.pointerSchemas[key] { return done }
        if documents.pointersInProgress.contains(key) {
            referrer.error("cyclic $ref '\(reference)': the schema refers to itself through pointers", at: refNode)
            return nil
        }
        documents.pointersInProgress.insert(key)
        let schema = read(target, depth + 1)
        documents.pointersInProgress.remove(key)
        documents.pointerSchemas[key] = schema
        return schema
    }
}
