import YAMLNodes

/// `apigen.yaml`: options for one generation. Every key is optional; unknown keys are errors.
public struct Configuration: Sendable, Equatable {
    public var access = "public"
    public var imports: [String] = []

    public init() {}

    public var renderOptions: RenderOptions {
        RenderOptions(access: access, imports: imports)
    }

    static let keys = ["access", "imports"]

    /// Reads a configuration file; errors are located in it.
    public static func load(path: String) throws(GenerationError) -> Configuration {
        let root: YAMLNode
        do {
            root = try YAMLParser().parseFile(atPath: path)
        } catch {
            throw GenerationError(diagnostics: [Generator.diagnostic(for: error)])
        }
        return try parse(root, file: path)
    }

    public static func parse(_ root: YAMLNode, file: String) throws(GenerationError) -> Configuration {
        let diagnostics = DiagnosticSink()
        let context = ReaderContext(file: file, root: root, diagnostics: diagnostics)
        var config = Configuration()
        if root.scalar?.value == .null { return config }
        guard let pairs = context.mapping(root, "the configuration") else {
            try diagnostics.throwIfErrors()
            return config
        }
        for pair in pairs {
            switch pair.key {
            case "access":
                if let value = context.string(pair.value, "access") {
                    if ["public", "package", "internal"].contains(value) {
                        config.access = value
                    } else {
                        context.error("access must be public, package or internal, found '\(value)'", at: pair.value)
                    }
                }
            case "imports":
                if let list = context.sequence(pair.value, "imports") {
                    config.imports = list.compactMap { context.string($0, "import") }
                }
            default:
                diagnostics.error("unknown key '\(pair.key)' (known keys: \(keys.joined(separator: ", ")))", at: context.location(pair.keyMark))
            }
        }
        try diagnostics.throwIfErrors()
        return config
    }
}
