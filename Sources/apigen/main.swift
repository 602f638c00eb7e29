import APIGenCore
internal import CAPIGenPOSIX

/// `apigen`: a thin command line over `APIGenCore`.
func printError(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

func run(_ arguments: [String]) -> Int32 {
    let command: Command
    do {
        command = try CommandLineParser.parse(arguments)
    } catch {
        if !error.message.isEmpty { printError("error: \(error.message)") }
        printError(CommandLineParser.usage)
        return error.message.isEmpty ? 0 : 2
    }
    switch command {
    case .help:
        print(CommandLineParser.usage)
        return 0
    case .version:
        print("apigen \(APIGenVersion.current)")
        return 0
    case .generate(let options):
        return generate(options)
    case .diff(let options):
        return diff(options)
    }
}

/// `apigen diff old new`: breaking and additive changes of the generated API; exit 1 when
/// breaking, 3 when a document (or the configuration) cannot be read: "broken" is not "breaking".
func diff(_ options: DiffOptions) -> Int32 {
    guard let configuration = loadConfiguration(options.config) else { return 3 }
    let generator = Generator(configuration: configuration)
    let old: ModuleDecl, new: ModuleDecl
    do {
        old = try generator.module(path: options.old)
        new = try generator.module(path: options.new)
    } catch {
        let errors = error.diagnostics.filter { $0.severity == .error }
        for diagnostic in errors { printError(diagnostic.description) }
        if options.json { print(diffErrorsJSON(errors)) }
        return 3
    }
    let changes = APIDiff(old: old, new: new)
    print(options.json ? changes.json : changes.text)
    return changes.breaking.isEmpty ? 0 : 1
}

/// `{"errors": [{"file": …, "line": …, "column": …, "message": …}]}` for `diff --json`.
func diffErrorsJSON(_ errors: [Diagnostic]) -> String {
    let items = errors.map { diagnostic -> String in
        var fields: [String] = []
        if let location = diagnostic.location {
            fields += ["\"file\": \(APIDiff.quote(location.file))", "\"line\": \(location.line)", "\"column\": \(location.column)"]
        }
        fields.append("\"message\": \(APIDiff.quote(diagnostic.message))")
        return "{" + fields.joined(separator: ", ") + "}"
    }
    return "{\"errors\": [" + items.joined(separator: ", ") + "]}"
}

/// The configuration at `path` (defaults without one); nil after printing its errors.
func loadConfiguration(_ path: String?) -> Configuration? {
    guard let path else { return Configuration() }
    do {
        return try Configuration.load(path: path)
    } catch {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        return nil
    }
}

func generate(_ options: GenerateOptions) -> Int32 {
    guard var configuration = loadConfiguration(options.config) else { return 1 }
    if let name = options.name { configuration.namespace = name }
    var schemaPath = options.schema
    if schemaPath == nil, let configPath = options.config, let relative = configuration.schema {
        let folder = configPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        schemaPath = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
    }
    guard let schema = schemaPath else {
        printError("error: no <schema> given and \(options.config ?? "the configuration") has no 'schema' key")
        return 2
    }
    // A document the configuration names but that is not there: say so at the `schema:` key.
    if options.schema == nil, let location = configuration.schemaLocation, !FileSystem.exists(schema) {
        printError(Diagnostic(.error, "schema names '\(schema)', which does not exist", at: location).description)
        return 1
    }
    if options.nonisolated { configuration.nonisolated = true }
    if let shards = options.shards { configuration.shards = shards }
    configuration.refRoots += options.refRoots
    let output: Generator.Output
    do {
        output = try Generator(configuration: configuration).generate(path: schema)
    } catch {
        for diagnostic in error.diagnostics where diagnostic.severity == .error || !options.quiet {
            printError(diagnostic.description)
        }
        let errors = error.diagnostics.filter { $0.severity == .error }.count
        printError("apigen: \(errors) error\(errors == 1 ? "" : "s") in \(schema); nothing was written")
        return 1
    }
    if !options.quiet {
        for diagnostic in output.diagnostics { printError(diagnostic.description) }
    }
    if options.check {
        let stale = OutputWriter.staleFiles(output.files, in: options.output)
        let leftovers = OutputWriter.leftoverFiles(output.files, in: options.output)
        if stale.isEmpty && leftovers.isEmpty {
            print("apigen: \(options.output) is up to date")
            return 0
        }
        for name in stale { printError("\(options.output)/\(name): error: out of date; run apigen generate \(schema) --output \(options.output)") }
        for name in leftovers { printError("\(options.output)/\(name): error: no longer generated; run apigen generate \(schema) --output \(options.output)") }
        return 1
    }
    do {
        let written = try OutputWriter.write(output.files, to: options.output)
        let removed = try OutputWriter.removeLeftovers(output.files, in: options.output)
        if !options.quiet {
            var summary = "apigen: wrote \(written.count) of \(output.files.count) files to \(options.output)\(written.isEmpty ? " (all unchanged)" : "")"
            if !removed.isEmpty { summary += "; removed \(removed.count) it no longer generates (\(removed.joined(separator: ", ")))" }
            print(summary)
        }
        return 0
    } catch {
        printError("error: \(error.description)")
        return 1
    }
}

exit(run(Array(CommandLine.arguments.dropFirst())))
