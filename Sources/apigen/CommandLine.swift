import APIGenCore

/// The parsed command line of `apigen`.
///
/// Hand-written on purpose: the build plugin compiles this tool in every consumer's build,
/// and a parsing library would add its build time to all of them.
enum Command: Equatable {
    case generate(GenerateOptions)
    case diff(DiffOptions)
    /// `apigen --help`, `apigen <command> --help`, `apigen help <command>`: nil is the overview.
    case help(String?)
    case version
}

struct GenerateOptions: Equatable {
    /// The document; nil when the configuration names it with `schema:`.
    var schema: String?
    var output: String
    var config: String?
    var check = false
    var quiet = false
    /// `--name`: the namespace (and file-name prefix) for this document.
    var name: String?
    /// `--nonisolated`: mark generated types nonisolated (Swift 6.2+).
    var nonisolated = false
    /// `--shards N`: split types and operations over N files each.
    var shards: Int?
    /// `--ref-root DIR` (repeatable): another folder `$ref`s may read files from.
    var refRoots: [String] = []
    /// `--outputs client,server`: the products, over the configuration's `outputs:`.
    var outputs: Set<OutputMode>?
    /// `--file-names A,B` (the build plugin's): the names of the files to write, in the order
    /// apigen writes them; the build declared them before any configuration was read.
    var fileNames: [String]?
}

struct DiffOptions: Equatable {
    var old: String
    var new: String
    var json = false
    var config: String?
}

struct UsageError: Error, Equatable {
    var message: String
    /// The command whose options the hint points to.
    var command: String?

    /// One line for the mistake and one for where to read more, not the whole help.
    var hint: String { "hint: run 'apigen \(command.map { "\($0) " } ?? "")--help' for the usage" }
}

enum CommandLineParser {
    static let usage = """
    USAGE: apigen <command> [options]

    COMMANDS:
      generate   Generate Swift models and a client from an OpenAPI document.
      diff       List the breaking and additive changes between the Swift APIs of two documents.

      apigen <command> --help   shows a command's options; apigen --version shows the version.

    Reads OpenAPI 3.0, 3.1 and 3.2 and Swagger 2.0 documents, YAML or JSON.
    """

    static let generateUsage = """
    USAGE: apigen generate [<schema>] --output <folder> [--config <apigen.yaml>] [--name <Name>] [--nonisolated] [--shards <N>] [--outputs <list>] [--ref-root <folder>] [--check] [--quiet]

    Generates Swift models and a client from an OpenAPI document (YAML or JSON). <schema> may be
    left out when the configuration names the document with `schema:`.

    OPTIONS:
      -o, --output <folder>   Where the Swift files go (written only when they change).
      -c, --config <file>     An apigen.yaml configuration file (its `schema:` key can name the document).
      -n, --name <Name>       Generate inside `enum Name`, into Name.APIGen.swift.
      --nonisolated           Mark generated types nonisolated (Swift 6.2+, for MainActor-default targets).
      --shards <N>            Split types and operations over N files each (1 to 64; default 1,
                              one file: APIGen.swift).
      --outputs <list>        What to generate besides the types, comma-separated: client (the
                              default), protocol, mock, server (see docs/products.md).
      --ref-root <folder>     Let $refs read files under this folder too (by default only the
                              document's own folder tree; repeatable).
      --check                 Write nothing; exit 1 and list the files that would change.
      -q, --quiet             Do not print warnings.
      --file-names <names>    (the build plugin's) The comma-separated names of the files to write.
      -h, --help              Show this help.

    Exit status: 0 success; 1 errors in the document or the configuration (or stale files with
    --check); 2 a usage error; 4 the output folder cannot be written.
    """

    static let diffUsage = """
    USAGE: apigen diff <old-schema> <new-schema> [--json] [--config <apigen.yaml>]

    Compares the Swift APIs that two documents generate: breaking changes (removed or renamed
    types, properties, cases, operations, parameters; a property that became required…) and
    additive ones.

    OPTIONS:
      --json                  Print {"breaking": [...], "additive": [...]}.
      -c, --config <file>     The apigen.yaml both documents are generated with.
      -h, --help              Show this help.

    Exit status: 0 nothing breaks; 1 something breaks; 2 a usage error; 3 a document or the
    configuration cannot be read.
    """

    /// The help of `command` (nil: the overview).
    static func usage(of command: String?) -> String {
        switch command {
        case "generate": generateUsage
        case "diff": diffUsage
        default: usage
        }
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let verb = arguments.first else { throw UsageError(message: "missing command (generate or diff)") }
        let rest = Array(arguments.dropFirst())
        switch verb {
        case "-h", "--help": return .help(nil)
        case "help":
            guard let topic = rest.first else { return .help(nil) }
            guard ["generate", "diff"].contains(topic) else { throw UsageError(message: "no help for '\(topic)': the commands are generate and diff") }
            return .help(topic)
        case "--version", "version": return .version
        case "generate", "diff":
            if rest.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help(verb) }
            do {
                return verb == "generate" ? .generate(try parseGenerate(rest)) : .diff(try parseDiff(rest))
            } catch {
                throw UsageError(message: error.message, command: verb)
            }
        default: throw UsageError(message: "unknown command '\(verb)' (the commands are generate and diff)")
        }
    }

    private static func parseDiff(_ arguments: [String]) throws(UsageError) -> DiffOptions {
        var files: [String] = []
        var json = false
        var config: String?
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--json": json = true
            case "-c", "--config":
                i += 1
                guard i < arguments.count else { throw UsageError(message: "\(argument) needs a value") }
                config = arguments[i]
            default:
                if argument.hasPrefix("--config=") {
                    config = String(argument.dropFirst("--config=".count))
                } else if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "unknown option '\(argument)'")
                } else {
                    files.append(argument)
                }
            }
            i += 1
        }
        guard files.count == 2 else { throw UsageError(message: "diff needs <old-schema> and <new-schema>") }
        return DiffOptions(old: files[0], new: files[1], json: json, config: config)
    }

    private static func parseGenerate(_ arguments: [String]) throws(UsageError) -> GenerateOptions {
        var schema: String?
        var output: String?
        var config: String?
        var check = false
        var quiet = false
        var namespace: String?
        var nonisolated = false
        var shards: Int?
        var refRoots: [String] = []
        var fileNames: [String]?
        var outputs: Set<OutputMode>?
        var i = 0
        func value(_ option: String) throws(UsageError) -> String {
            i += 1
            guard i < arguments.count, !arguments[i].hasPrefix("-") || arguments[i] == "-" else {
                throw UsageError(message: "\(option) needs a value")
            }
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            if inline == nil, ["-o", "--output", "-c", "--config", "-n", "--name", "--shards", "--outputs", "--ref-root", "--file-names"].contains(name) { inline = try value(name) }
            switch name {
            case "-n", "--name":
                // The name is a Swift type and the files' prefix: the same rule as `namespace:`.
                if let inline, let problem = SwiftNaming.problem(withGivenName: inline, isType: true) {
                    throw UsageError(message: "--name \(problem)")
                }
                namespace = inline
            case "--nonisolated": nonisolated = true
            case "--shards":
                guard let n = inline.flatMap({ Int($0) }), (1...64).contains(n) else {
                    throw UsageError(message: "--shards needs a whole number from 1 to 64")
                }
                shards = n
            case "--outputs":
                let modes = (inline ?? "").split(separator: ",").map { OutputMode(rawValue: String($0)) }
                guard !modes.isEmpty, !modes.contains(nil) else {
                    throw UsageError(message: "--outputs needs a comma-separated list of \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                outputs = Set(modes.compactMap { $0 })
            case "-o", "--output":
                guard inline?.isEmpty == false else { throw UsageError(message: "--output needs a folder (an empty path is not the current folder)") }
                output = inline
            case "-c", "--config": config = inline
            case "--ref-root":
                guard let inline, !inline.isEmpty else { throw UsageError(message: "--ref-root needs a folder") }
                refRoots.append(inline)
            case "--file-names":
                let names = (inline ?? "").split(separator: ",").map(String.init)
                // Names of files in --output, never paths.
                guard !names.isEmpty, Set(names).count == names.count,
                      names.allSatisfy({ $0.hasSuffix(".swift") && !$0.contains("/") && !$0.hasPrefix(".") }) else {
                    throw UsageError(message: "--file-names needs distinct, comma-separated .swift file names")
                }
                fileNames = names
            case "--check": check = true
            case "-q", "--quiet": quiet = true
            default:
                if argument.hasPrefix("-") && argument != "-" { throw UsageError(message: "unknown option '\(argument)'") }
                guard schema == nil else { throw UsageError(message: "unexpected argument '\(argument)'") }
                schema = argument
            }
            i += 1
        }
        guard schema != nil || config != nil else { throw UsageError(message: "missing <schema>") }
        guard let output else { throw UsageError(message: "missing --output <folder>") }
        return GenerateOptions(schema: schema, output: output, config: config, check: check, quiet: quiet, name: namespace, nonisolated: nonisolated, shards: shards, refRoots: refRoots,
                               outputs: outputs, fileNames: fileNames)
    }
}
