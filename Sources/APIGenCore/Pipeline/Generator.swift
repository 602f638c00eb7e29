import APIGenYAML

/// The pipeline, one function per stage, each taking the last one's result:
/// bytes → YAML nodes (`parse`) → OpenAPI document (`read`) → IR (`translate`, `refine`)
/// → Swift files (`render`) → the output folder (`OutputWriter`).
///
/// The CLI, `apigen diff`, the plugins (through the CLI), the benchmarks and the tests all run
/// these functions. Parallelism lives in the shape of the stages, not between them: libyaml
/// scans on a second thread while nodes are built, operations' declarations are built on all
/// cores once every name is settled, and files are rendered on all cores.
public struct Generator {
    /// What a successful run produced: the files and the warnings met on the way.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
    }

    public var configuration: Configuration
    /// Limits of the YAML reader, for the document and every file its `$ref`s reach.
    public var yamlLimits: YAMLParser.Limits

    public init(configuration: Configuration = Configuration(), yamlLimits: YAMLParser.Limits = YAMLParser.Limits()) {
        self.configuration = configuration
        self.yamlLimits = yamlLimits
    }

    // MARK: Stages

    /// Stage 1: bytes → nodes. Syntax errors become a located diagnostic with a caret snippet.
    public func parse(_ bytes: [UInt8], file: String) throws(GenerationError) -> YAMLNode {
        do {
            return try YAMLParser(limits: yamlLimits).parse(bytes, file: file)
        } catch {
            throw GenerationError(diagnostics: [Diagnostic(error)])
        }
    }

    /// Stage 1 on a file; `displayName` is how locations name it.
    public func parseFile(path: String, displayName: String) throws(GenerationError) -> YAMLNode {
        do {
            return try YAMLParser(limits: yamlLimits).parseFile(atPath: path, displayName: displayName)
        } catch {
            throw GenerationError(diagnostics: [Diagnostic(error)])
        }
    }

    /// Stage 2: nodes → document. `path` is where the file is, for `$ref`s to other files.
    public func read(_ root: YAMLNode, file: String, path: String? = nil, diagnostics: DiagnosticSink) throws(GenerationError) -> OpenAPIDocument {
        try DocumentReader.read(root, file: file, path: path, yamlLimits: yamlLimits, refRoots: configuration.refRoots, diagnostics: diagnostics)
    }

    /// Stage 3: document → IR, every name chosen.
    public func translate(_ document: OpenAPIDocument, diagnostics: DiagnosticSink) throws(GenerationError) -> ModuleDecl {
        try Translator.declarations(document, configuration: configuration, diagnostics: diagnostics)
    }

    /// Stage 4: the passes over the whole IR (alias cycles, paging, what is sent and received,
    /// deduplication, boxing) that need no document; a `paging:` rule that cannot be followed is a
    /// warning, components that only name each other an error.
    public func refine(_ module: inout ModuleDecl, diagnostics: DiagnosticSink) throws(GenerationError) {
        ModuleRefinement.apply(&module, pagingRules: configuration.pagingRules, diagnostics: diagnostics)
        try diagnostics.throwIfErrors()
    }

    /// Stage 5: IR → Swift files, named after the document `file`.
    public func render(_ module: ModuleDecl, file: String) -> [GeneratedFile] {
        var options = configuration.renderOptions
        options.sourceName = Self.baseName(file)
        return SwiftRenderer.render(module, options: options)
    }

    // MARK: Runs

    /// Stages 2 to 5 on a parsed document. Stage 2 reads in two steps, and the components read
    /// in the first are translated on another core while the second reads `paths`: the
    /// components need nothing from it. Each stage's input is freed on another thread once the
    /// next stage has what it needs.
    public func generate(_ root: consuming YAMLNode, file: String, path: String? = nil, diagnostics: DiagnosticSink = DiagnosticSink()) throws(GenerationError) -> Output {
        let session = DocumentReader.Session(consume root, file: file, path: path, yamlLimits: yamlLimits, refRoots: configuration.refRoots, diagnostics: diagnostics)
        let head = session.readComponents().map { Unshared(value: $0) }
        let configuration = configuration
        let (read, components) = ParallelMap.both(
            { Result { () throws(GenerationError) in try session.readPaths() } },
            { head.map { Unshared(value: Translator.components($0.value, configuration: configuration)) } }
        )
        Disposal.inBackground(Unshared(value: consume session))
        let document = try read.get()
        var module = try Translator.declarations(document, configuration: configuration, diagnostics: diagnostics, components: components?.value)
        Disposal.inBackground(consume document)
        try refine(&module, diagnostics: diagnostics)
        let files = render(module, file: file)
        Disposal.inBackground(consume module)
        return Output(files: files, diagnostics: diagnostics.diagnostics)
    }

    /// The whole pipeline on a document's bytes.
    public func generate(bytes: [UInt8], file: String) throws(GenerationError) -> Output {
        try generate(parse(bytes, file: file), file: file)
    }

    /// The whole pipeline on a file; `displayName` is how locations name it (defaults to the path).
    public func generate(path: String, displayName: String? = nil) throws(GenerationError) -> Output {
        let name = displayName ?? path
        return try generate(parseFile(path: path, displayName: name), file: name, path: path)
    }

    /// Stages 1 to 4 on a file: the IR a document generates (`apigen diff`, the example oracle).
    public func module(path: String, displayName: String? = nil, diagnostics: DiagnosticSink = DiagnosticSink()) throws(GenerationError) -> ModuleDecl {
        let name = displayName ?? path
        let document = try read(parseFile(path: path, displayName: name), file: name, path: path, diagnostics: diagnostics)
        var module = try translate(document, diagnostics: diagnostics)
        try refine(&module, diagnostics: diagnostics)
        return module
    }

    /// Stages 1 to 4 on a document's bytes.
    public func module(bytes: [UInt8], file: String, diagnostics: DiagnosticSink = DiagnosticSink()) throws(GenerationError) -> ModuleDecl {
        let document = try read(parse(bytes, file: file), file: file, diagnostics: diagnostics)
        var module = try translate(document, diagnostics: diagnostics)
        try refine(&module, diagnostics: diagnostics)
        return module
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
