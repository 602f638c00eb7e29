import APIGenCore

/// The parsed command line of `apigen`.
///
/// Hand-written on purpose: the build plugin compiles this tool in every consumer's build,
/// and a parsing library would add its build time to all of them.
enum Command: Equatable {
    case generate(GenerateOptions)
    case diff(DiffOptions)
    case help
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
}

struct DiffOptions: Equatable {
    var old: String
    var new: String
    var json = false
    var config: String?
}

struct UsageError: Error, Equatable {
    var message: String
}

enum CommandLineParser {
    static let usage = """
    USAGE: apigen generate [<schema>] --output <folder> [--config <apigen.yaml>] [--name <Name>] [--nonisolated] [--shards <N>] [--ref-root <folder>] [--check] [--quiet]

           apigen diff <old-schema> <new-schema> [--json] [--config <apigen.yaml>]

    Generates Swift models and a client from an OpenAPI 3.0/3.1 document (YAML or JSON), or
    compares the Swift API that two documents generate (diff: exit 1 when anything breaks).

    OPTIONS:
      -o, --output <folder>   Where the Swift files go (written only when they change).
      -c, --config <file>     An apigen.yaml configuration file (its `schema:` key can name the document).
      -n, --name <Name>       Generate inside `enum Name`, into Name.APIGen.swift.
      --nonisolated           Mark generated types nonisolated (Swift 6.2+, for MainActor-default targets).
      --shards <N>            Split types and operations over N files each (1 to 64; default 1,
                              one file: APIGen.swift).
      --ref-root <folder>     Let $refs read files under this folder too (by default only the
                              document's own folder tree; repeatable).
      --check                 Write nothing; exit 1 and list the files that would change.
      -q, --quiet             Do not print warnings.
      -h, --help              Show this help.
      --version               Show the version.
      --json                  (diff) Print the changes as JSON.

    Exit status: 0 success, 1 errors in the document (or stale files with --check, or breaking
    changes with diff), 2 usage errors, 3 (diff) a document or the configuration cannot be read.
    """

    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let verb = arguments.first else { throw UsageError(message: "missing command") }
        switch verb {
        case "-h", "--help", "help": return .help
        case "--version": return .version
        case "generate": return .generate(try parseGenerate(Array(arguments.dropFirst())))
        case "diff": return .diff(try parseDiff(Array(arguments.dropFirst())))
        default: throw UsageError(message: "unknown command '\(verb)'")
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
            if inline == nil, ["-o", "--output", "-c", "--config", "-n", "--name", "--shards", "--ref-root"].contains(name) { inline = try value(name) }
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
            case "-o", "--output":
                guard inline?.isEmpty == false else { throw UsageError(message: "--output needs a folder (an empty path is not the current folder)") }
                output = inline
            case "-c", "--config": config = inline
            case "--ref-root":
                guard let inline, !inline.isEmpty else { throw UsageError(message: "--ref-root needs a folder") }
                refRoots.append(inline)
            case "--check": check = true
            case "-q", "--quiet": quiet = true
            case "-h", "--help": throw UsageError(message: "")
            default:
                if argument.hasPrefix("-") && argument != "-" { throw UsageError(message: "unknown option '\(argument)'") }
                guard schema == nil else { throw UsageError(message: "unexpected argument '\(argument)'") }
                schema = argument
            }
            i += 1
        }
        guard schema != nil || config != nil else { throw UsageError(message: "missing <schema>") }
        guard let output else { throw UsageError(message: "missing --output <folder>") }
        return GenerateOptions(schema: schema, output: output, config: config, check: check, quiet: quiet, name: namespace, nonisolated: nonisolated, shards: shards, refRoots: refRoots)
    }
}
