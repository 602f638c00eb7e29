import YAMLNodes

/// The whole pipeline, one stage per step:
/// bytes → YAML nodes → OpenAPI document → IR → Swift files.
public struct Generator {
    /// What a successful run produced: the files and the warnings met on the way.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
    }

    public var configuration: Configuration
    public var yamlLimits: YAMLParser.Limits

    public init(configuration: Configuration = Configuration(), yamlLimits: YAMLParser.Limits = YAMLParser.Limits()) {
        self.configuration = configuration
        self.yamlLimits = yamlLimits
    }

    /// Stage 1: bytes → nodes. Syntax errors become a located diagnostic with a caret snippet.
    public func parse(_ bytes: [UInt8], file: String) throws(GenerationError) -> YAMLNode {
        do {
            return try YAMLParser(limits: yamlLimits).parse(bytes, file: file)
        } catch {
            throw GenerationError(diagnostics: [Self.diagnostic(for: error)])
        }
    }

    /// Stages 2 to 4 on an already parsed document.
    /// Each stage's input is freed on another thread once the next stage has what it needs, and
    /// the component schemas are translated on another thread while `paths` is read.
    public func generate(_ root: consuming YAMLNode, file: String, path: String? = nil, diagnostics: DiagnosticSink = DiagnosticSink()) throws(GenerationError) -> Output {
        let prefetch = ComponentPrefetch(configuration: configuration)
        let document: OpenAPIDocument
        do {
            document = try DocumentReader.read(root, file: file, path: path, diagnostics: diagnostics, componentsRead: prefetch.start)
        } catch {
            prefetch.discard()
            throw error
        }
        Disposal.inBackground(consume root)
        var module = try Translator.declarations(document, configuration: configuration, diagnostics: diagnostics,
                                                 prefetched: prefetch.take(for: document))
        Disposal.inBackground(consume document)
        ModuleRefinement.apply(&module)
        var options = configuration.renderOptions
        options.sourceName = Self.baseName(file)
        let files = SwiftRenderer.render(module, options: options)
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

    /// Stage 1 on a file.
    public func parseFile(path: String, displayName: String) throws(GenerationError) -> YAMLNode {
        do {
            return try YAMLParser(limits: yamlLimits).parseFile(atPath: path, displayName: displayName)
        } catch {
            throw GenerationError(diagnostics: [Self.diagnostic(for: error)])
        }
    }

    static func diagnostic(for error: YAMLError) -> Diagnostic {
        Diagnostic(.error, error.message, at: SourceLocation(file: error.file, mark: error.mark),
                   detail: YAMLError.snippet(line: error.sourceLine, column: error.mark.column))
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
