/// One unit of rendering work.
private enum RenderPiece: Sendable {
    case type(Declaration)
    case operation(OperationDecl)
}

/// Options that change the printed code, not its meaning.
public struct RenderOptions: Sendable, Equatable {
    /// `public`, `package` or `internal`.
    public var access: String = "public"
    /// Modules imported besides Foundation and APIGenRuntime.
    public var imports: [String] = []
    /// Shown in the header: the document's file name.
    public var sourceName: String = "openapi.yaml"
    /// When set, everything is generated inside `enum <namespace>` and the file names start with
    /// `<namespace>.`: `<namespace>.APIGen.swift` (several documents in one target).
    public var namespace: String?
    /// Marks every generated type and extension `nonisolated` (Swift 6.2+), so the code works in
    /// targets built with `.defaultIsolation(MainActor.self)`.
    public var nonisolated: Bool = false
    /// How many files the types and the operations are each split into (so the compiler works on
    /// them in parallel); 1 gives the single file `APIGen.swift`.
    public var shards: Int = 1
    /// The products generated besides the types (`outputs:`): the client by default.
    public var outputs: Set<OutputMode> = [.client]

    public init(access: String = "public", imports: [String] = [], sourceName: String = "openapi.yaml", namespace: String? = nil, nonisolated: Bool = false) {
        self.access = access
        self.imports = imports
        self.sourceName = sourceName
        self.namespace = namespace
        self.nonisolated = nonisolated
    }

    /// `nonisolated ` when asked for, else nothing.
    var isolation: String { nonisolated ? "nonisolated " : "" }

    /// What marks a member or conformance only generated code uses: the runtime's SPI, so that a
    /// user's autocomplete shows the API and nothing else. Only public declarations take it.
    var spi: String { access == "public" ? "@_spi(Generated) " : "" }

    /// How a type is written in generated code (qualified by the namespace, if any).
    func spell(_ type: TypeUsage) -> String { SwiftSpelling.type(type, namespace: namespace) }
}

/// One generated file: a name relative to the output folder, and its text.
public struct GeneratedFile: Sendable, Equatable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Stage 4 of the pipeline: `ModuleDecl` → Swift source files.
public enum SwiftRenderer {
    /// The shards the build plugin asks for, by the document's size (its own copy of this rule,
    /// `DocumentDiscovery.shardCount`, is checked against this one): 1 below 128 KB, 4 below
    /// 512 KB, then 8.
    public static func shardCount(documentBytes: Int) -> Int {
        documentBytes >= 512 * 1024 ? 8 : documentBytes >= 128 * 1024 ? 4 : 1
    }

    /// The files a generation writes, whatever the document: the build plugin declares them up
    /// front. One file, `APIGen.swift`, holds the types and then the client; sharded,
    /// `Shard01.Types.swift`, `Shard01.Client.swift`, `Shard02.Types.swift`…
    ///
    /// Unsharded output is one file because in an incremental build the compiler driver runs a
    /// module's compile jobs one after another (only the module job runs beside them): two files
    /// are two jobs in a row that each type-check the other's declarations again. After touching the
    /// meetings client, it compiles in 3.20 billion instructions as one file against 2.87 + 0.74
    /// in two; after an edit, with LLVM, 6.70 against 5.30 + 1.18 (the same wall time).
    /// The name is one a target's own files are unlikely to have (two files with one name in a
    /// module do not build).
    ///
    /// Sharded, the compiler driver hands each core a run of consecutive files in name order
    /// (in clean builds), so the shard number leads: each run then holds as many types files as
    /// client files (with `Types2…`, `Client2…` one core got all the operations, the smaller
    /// half, and a 2-core build ran at 113% of one core).
    /// Each other product (`outputs:`) writes one file after them: `APIGen.Protocol.swift`,
    /// `APIGen.Mock.swift`, `APIGen.Server.swift`.
    public static func fileNames(namespace: String? = nil, shards: Int = 1, outputs: Set<OutputMode> = [.client]) -> [String] {
        let products = OutputMode.closure(outputs).sorted().compactMap(\.fileSuffix).map { "APIGen.\($0)" }
        return (typeFileBases(shards: shards) + products).map { base in namespace.map { "\($0).\(base).swift" } ?? "\(base).swift" }
    }

    private static func typeFileBases(shards: Int) -> [String] {
        let count = max(1, shards)
        let bases: [String]
        if count == 1 {
            bases = ["APIGen"]
        } else {
            let prefixes = (1...count).map { $0 < 10 ? "Shard0\($0)" : "Shard\($0)" }
            bases = prefixes.map { "\($0).Types" } + prefixes.map { "\($0).Client" }
        }
        return bases
    }

    /// A rendered declaration or operation, and the lines it adds at the file's top level.
    struct Chunk: Sendable {
        var text: String
        var fileScope: [String] = []
        var errorAccessors: [CodePrinter.ErrorAccessor] = []
    }

    /// Splits chunks, in order, into `count` contiguous groups of about the same size.
    static func split(_ chunks: [Chunk], into count: Int) -> [[Chunk]] {
        guard count > 1 else { return [chunks] }
        let total = chunks.reduce(0) { $0 + $1.text.utf8.count }
        var groups: [[Chunk]] = [[]]
        var size = 0
        for chunk in chunks {
            let target = total * groups.count / count
            if size >= target, !groups[groups.count - 1].isEmpty, groups.count < count { groups.append([]) }
            groups[groups.count - 1].append(chunk)
            size += chunk.text.utf8.count
        }
        while groups.count < count { groups.append([]) }
        return groups
    }

    /// One file's text: the `i`th group of type chunks (`types`), or of operation chunks.
    /// Unsharded, the two groups become one file: the types' text carries the header and the
    /// client's text follows it (`// MARK:` lines mark both parts for an editor's outline).
    private static func fileText(_ i: Int, types: Bool, chunks: [Chunk], shards: Int, clientText: String, operationsExtension: String, options: RenderOptions) -> String {
        let single = shards == 1
        var p = single && !types ? CodePrinter() : header(options)
        if single {
            p.line()
            p.line(types ? "// MARK: - Types" : "// MARK: - Client")
        }
        if types {
            if let namespace = options.namespace {
                if i == 0 {
                    p.line()
                    p.docs(["Everything generated from \(options.sourceName)."])
                    p.line("\(options.isolation)\(options.access) enum \(namespace) {}")
                }
                if !chunks.isEmpty {
                    p.line()
                    p.line("extension \(namespace) {")
                    p.append(chunks.map(\.text).joined(separator: "\n"))
                    p.line("}")
                }
            } else {
                for chunk in chunks {
                    p.line()
                    p.append(chunk.text)
                }
            }
            let conformances = chunks.flatMap(\.fileScope)
            if !conformances.isEmpty {
                p.line()
                p.docs(["What only generated code uses: coding, equality and validation through the runtime's SPI."])
                for line in conformances { p.line(line) }
            }
        } else {
            // The Client struct always opens the client part (the first client shard);
            // operations follow it, each file's in one `extension Client`.
            if i == shards {
                p.line()
                p.append(clientText)
            }
            if !chunks.isEmpty {
                p.line()
                p.line(operationsExtension)
                p.append(chunks.map(\.text).joined(separator: "\n"))
                p.line("}")
            }
            // One extension per error body type, in the order the operations first use it.
            var accessors: [String: [String]] = [:], order: [String] = []
            for accessor in chunks.flatMap(\.errorAccessors) {
                if accessors[accessor.body] == nil { order.append(accessor.body) }
                accessors[accessor.body, default: []] += accessor.lines
            }
            for body in order {
                p.line()
                p.line("\(options.isolation)extension OperationErrorBody<\(body)> {")
                for line in accessors[body]! { p.line(line) }
                p.line("}")
            }
        }
        return p.text
    }

    public static func render(_ module: ModuleDecl, options: RenderOptions = RenderOptions()) -> [GeneratedFile] {
        let index = TypeIndex(module)
        let shards = max(1, options.shards)
        let typesRenderer = TypesRenderer(options: options, index: index)
        let client = ClientRenderer(options: options, index: index)
        // Declarations and operations render independently: on all cores, in one pass (so no
        // core waits between the two), into fixed slots, so the output is the same bytes
        // whatever the scheduling.
        // Without the client, its files hold the header only (a build declared them already).
        let hasClient = options.outputs.contains(.client)
        let pieces = module.types.map(RenderPiece.type) + (hasClient ? module.operations.map(RenderPiece.operation) : [])
        let chunks = ParallelMap.map(pieces) { piece -> Chunk in
            var p = CodePrinter()
            switch piece {
            case .type(let decl):
                if options.namespace != nil { p.indent() }
                typesRenderer.render(decl, parent: [], into: &p)
            case .operation(let operation):
                client.renderOperationMembers(operation, into: &p)
            }
            return Chunk(text: p.text, fileScope: p.fileScope, errorAccessors: p.errorAccessors)
        }
        var main = CodePrinter()
        if hasClient { client.renderClient(module, into: &main) }
        // Joining the pieces into files copies all the text: on all cores, a file each.
        let groups = split(Array(chunks[..<module.types.count]), into: shards).map { (types: true, $0) }
            + split(Array(chunks[module.types.count...]), into: shards).map { (types: false, $0) }
        let clientText = main.text, operationsExtension = client.operationsExtension
        let products = productRenderers(options: options, index: index, module: module)
        let typeFiles = groups.count
        let files = ParallelMap.map(Array(0..<(typeFiles + products.count))) { i -> String in
            guard i < typeFiles else { return productFile(products[i - typeFiles], module, options: options) }
            let group = groups[i]
            if !hasClient && !group.types { return shards == 1 ? "" : header(options).text }
            return fileText(i, types: group.types, chunks: group.1, shards: shards, clientText: clientText, operationsExtension: operationsExtension, options: options)
        }
        let contents = (shards == 1 ? [files[0] + files[1]] : Array(files[..<typeFiles])) + files[typeFiles...]
        return zip(fileNames(namespace: options.namespace, shards: shards, outputs: options.outputs), contents).map { GeneratedFile(name: $0, contents: $1) }
    }

    /// The renderers of the products with a file of their own, in file order.
    static func productRenderers(options: RenderOptions, index: TypeIndex, module: ModuleDecl) -> [any ProductRenderer] {
        OutputMode.closure(options.outputs).sorted().compactMap { mode -> (any ProductRenderer)? in
            switch mode {
            case .client: nil
            case .protocol: ProtocolRenderer(options: options, index: index)
            case .mock: MockRenderer(options: options, index: index)
            case .server: ServerRenderer(options: options, index: index, module: module)
            }
        }
    }

    /// A product's file: the header, then its declarations (inside the namespace, if any).
    private static func productFile(_ product: any ProductRenderer, _ module: ModuleDecl, options: RenderOptions) -> String {
        var p = header(options)
        p.line()
        if let namespace = options.namespace {
            p.line("extension \(namespace) {")
            p.indent()
        }
        product.render(module, into: &p)
        if options.namespace != nil {
            p.outdent()
            p.line("}")
        }
        let fileScope = product.fileScope(module)
        if !fileScope.isEmpty {
            p.line()
            for line in fileScope { p.line(line) }
        }
        return p.text
    }

    /// How every generated file begins: the writer replaces and removes only files that do.
    public static let headerPrefix = "// Generated by APIGen"

    private static func header(_ options: RenderOptions) -> CodePrinter {
        var p = CodePrinter()
        p.line("\(headerPrefix) from \(CodePrinter.commentSafe(options.sourceName)). Do not edit: change the document and regenerate.")
        p.line("// swift-format-ignore-file")
        p.line()
        p.line("import Foundation")
        // The runtime's SPI: what only generated code uses (`FieldReader`, `_same`…).
        p.line("@_spi(Generated) import APIGenRuntime")
        for module in options.imports { p.line("import \(module)") }
        return p
    }
}
