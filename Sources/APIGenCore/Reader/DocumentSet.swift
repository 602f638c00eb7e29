import APIGenYAML

/// Every file one read touches: the main document and each file a `$ref` reaches (`common.yaml#/…`),
/// each parsed once (with the main document's YAML limits) and read with its own locations.
/// The set owns the files' contexts; the reader holds the set for as long as it reads.
final class DocumentSet {
    let diagnostics: DiagnosticSink
    let yamlLimits: YAMLParser.Limits
    private var contexts: [String: ReaderContext] = [:]
    /// `path#name` of another file's component → the component name it gets here.
    private var externalNames: [String: String] = [:]
    /// Schemas of other files' components, in the order they were first referenced.
    private(set) var externalSchemas: [OpenAPIDocument.NamedSchema] = []
    /// Component names in use (the main document's first).
    var componentNames: Set<String> = []
    /// Schemas read at a pointer target, by location, so every `$ref` to it shares one `Schema`.
    var pointerSchemas: [SourceLocation: Schema] = [:]
    var pointersInProgress: Set<SourceLocation> = []
    /// Kinds of object already warned about for a `$ref` the specification does not allow there.
    var unofficialReferenceKinds: Set<String> = []
    /// `components.schemas` given as a `$ref`: the file and pointer of the map it names.
    var redirectedSchemas: (context: ReaderContext, pointer: String)?
    /// Targets (`path#pointer`) already reported missing: each is reported once.
    var missingTargets: Set<String> = []
    /// Pointer targets inside a component → that component's name.
    var pointerOwners: [SourceLocation: String] = [:]

    /// The folders (real paths) `$ref`s may read files from: the main document's, and those the
    /// configuration allows. A document must not make the build read the user's other files.
    private var roots: [String] = []
    /// The main document is Swagger 2.0 (read as the OpenAPI 3.0 it converts to).
    var isSwagger2 = false
    /// The main document's `$self` (3.2): a `$ref` to this URI, or below its folder, is a
    /// reference to the main document, or to a file beside it.
    var selfURI: String?
    private var mainContext: ReaderContext?
    private let extraRoots: [String]

    init(diagnostics: DiagnosticSink, yamlLimits: YAMLParser.Limits = YAMLParser.Limits(), extraRoots: [String] = []) {
        self.diagnostics = diagnostics
        self.yamlLimits = yamlLimits
        self.extraRoots = extraRoots
    }

    /// The main document's context.
    func main(file: String, path: String? = nil, root: YAMLNode) -> ReaderContext {
        let context = ReaderContext(file: file, path: path, root: root, documents: self, isMain: true)
        register(context)
        mainContext = context
        let folder = Self.directory(of: context.path)
        roots = ([folder.isEmpty ? "." : folder] + extraRoots).compactMap { FileReader.realPath($0) }
        return context
    }

    /// Why the file at `path` may not be read for a `$ref`, or nil when it may: it must be a
    /// YAML or JSON file by its name, inside one of `roots` once links and `..` are resolved.
    private func refusal(of path: String) -> String? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        guard [".yaml", ".yml", ".json"].contains(where: { name.hasSuffix($0) }) else {
            return "names a file that is not a .yaml, .yml or .json document; only documents are read"
        }
        // A file that does not exist is reported by the read, with nothing of its content.
        guard let real = FileReader.realPath(path) else { return nil }
        if roots.contains(where: { real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) { return nil }
        return "is outside the folder of the root document; list its folder under refRoots: in apigen.yaml to allow it"
    }

    private func register(_ context: ReaderContext) {
        contexts[context.path] = context
    }

    /// The context of the file `reference` (relative to `from`'s file), parsing it the first time.
    func context(for reference: String, from: ReaderContext, refNode: YAMLNode) -> ReaderContext? {
        let written = refNode.scalar?.text ?? reference
        var reference = reference, from = from
        if let base = selfURI, let main = mainContext {
            // By `$self`, the document's own URI, or a file beside it, relative to its folder.
            if reference == base { return main }
            let folder = Self.directory(of: base)
            if !folder.isEmpty, reference.hasPrefix(folder + "/") {
                reference = String(reference.dropFirst(folder.count + 1))
                from = main
            }
        }
        if reference.contains("://") {
            from.error("$ref '\(written)' is a remote URL; only local files are read", at: refNode)
            return nil
        }
        let path = Self.join(Self.directory(of: from.path), reference)
        if let known = contexts[path] { return known }
        if let refusal = refusal(of: path) {
            from.error("$ref '\(written)' \(refusal)", at: refNode)
            return nil
        }
        let display = Self.join(Self.directory(of: from.file), reference)
        let root: YAMLNode
        do {
            root = try YAMLParser(limits: yamlLimits).parseFile(atPath: path, displayName: display)
        } catch {
            if error.mark == .wholeFile {
                from.error("$ref '\(written)': \(error.message)", at: refNode)
            } else {
                // Located, but without the line's text: a file that does not parse may not be a
                // document at all, and its bytes must not reach a (possibly public) build log.
                var quiet = error
                quiet.sourceLine = nil
                diagnostics.append(Diagnostic(quiet))
                from.error("$ref '\(written)' names a document with errors", at: refNode)
            }
            return nil
        }
        // A document or fragment is a mapping; anything else (a scalar: a key file, say) is refused
        // without a word of what it holds.
        guard root.mapping != nil else {
            from.error("$ref '\(written)' names a file whose top level is not a mapping; it is not an OpenAPI document or fragment", at: refNode)
            return nil
        }
        let context = ReaderContext(file: display, path: path, root: root, documents: self, isMain: false)
        context.version31 = from.version31
        context.version32 = from.version32
        register(context)
        return context
    }

    /// The component name another file's component `name` gets in the generated module, and
    /// whether it is new (its schema still has to be read).
    func externalComponent(path: String, name: String) -> (name: String, isNew: Bool) {
        let key = path + "#" + name
        if let known = externalNames[key] { return (known, false) }
        var candidate = name
        var n = 2
        while componentNames.contains(candidate) {
            candidate = "\(name)\(n)"
            n += 1
        }
        componentNames.insert(candidate)
        externalNames[key] = candidate
        return (candidate, true)
    }

    func addExternalSchema(_ schema: OpenAPIDocument.NamedSchema) {
        externalSchemas.append(schema)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `dir` + `relative`, with `.` and `..` folded lexically.
    static func join(_ directory: String, _ relative: String) -> String {
        let combined = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
        var parts: [Substring] = []
        for part in combined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (combined.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
