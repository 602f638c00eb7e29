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
        printError("error: \(error.message)")
        printError(error.hint)
        return 2
    }
    switch command {
    case .help(let topic):
        print(CommandLineParser.usage(of: topic))
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
        if let location = diagnostic.location, location.line > 0 {
            fields += ["\"file\": \(APIDiff.quote(location.file))", "\"line\": \(location.line)", "\"column\": \(location.column)"]
        } else if let location = diagnostic.location {
            fields.append("\"file\": \(APIDiff.quote(location.file))")
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

/// A warning at each key of the configuration that the command line replaces, so that a value
/// written in `apigen.yaml` is never silently not used (the build plugin passes the document,
/// `--name` for `Name.openapi.yaml`, and `--shards`).
func replacedSettings(_ options: GenerateOptions, _ configuration: Configuration) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    if let document = options.schema, let written = configuration.schema, let location = configuration.schemaLocation {
        warnings.append(Diagnostic(.warning, "schema '\(written)' is not used: the document given to apigen, \(document), is generated instead", at: location))
    }
    let plugin = options.fileNames != nil
    if let name = options.name, let written = configuration.namespace, written != name, let location = configuration.keyLocations["namespace"] {
        let why = plugin ? "the document's file name, \(name).openapi.yaml, gives its namespace" : "--name \(name) replaces it"
        warnings.append(Diagnostic(.warning, "namespace '\(written)' is not used: \(why)", at: location))
    }
    if let shards = options.shards, shards != configuration.shards, let location = configuration.keyLocations["shards"] {
        // SwiftPM asks the plugin for its files again only when the target's files change.
        let why = plugin
            ? "the build plugin planned this build with \(shards). It reads a plain top-level `shards: N` line when SwiftPM plans the build: after a file of the target is added, removed or renamed, or after swift package clean"
            : "--shards \(shards) replaces it"
        warnings.append(Diagnostic(.warning, "shards \(configuration.shards) is not used: \(why)", at: location))
    }
    if let outputs = options.outputs, OutputMode.closure(outputs) != OutputMode.closure(configuration.outputs), let location = configuration.keyLocations["outputs"] {
        let list = outputs.sorted().map(\.rawValue).joined(separator: ", ")
        let why = plugin
            ? "the build plugin planned this build with [\(list)]. It reads a top-level `outputs:` when SwiftPM plans the build: after a file of the target is added, removed or renamed, or after swift package clean"
            : "--outputs \(list) replaces it"
        warnings.append(Diagnostic(.warning, "outputs [\(configuration.outputs.sorted().map(\.rawValue).joined(separator: ", "))] is not used: \(why)", at: location))
    }
    return warnings
}

/// The command that brings `--output` up to date: this one, without `--check`.
func regenerateCommand(_ options: GenerateOptions) -> String {
    var words = ["apigen", "generate"]
    if let schema = options.schema { words.append(schema) }
    words += ["--output", options.output]
    if let config = options.config { words += ["--config", config] }
    if let name = options.name { words += ["--name", name] }
    if let shards = options.shards { words += ["--shards", String(shards)] }
    if let outputs = options.outputs { words += ["--outputs", outputs.sorted().map(\.rawValue).joined(separator: ",")] }
    if options.nonisolated { words.append("--nonisolated") }
    for root in options.refRoots { words += ["--ref-root", root] }
    return words.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
}

func generate(_ options: GenerateOptions) -> Int32 {
    guard var configuration = loadConfiguration(options.config) else { return 1 }
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
    if !options.quiet {
        for warning in replacedSettings(options, configuration) { printError(warning.description) }
    }
    if let name = options.name { configuration.namespace = name }
    if options.nonisolated { configuration.nonisolated = true }
    if let shards = options.shards { configuration.shards = shards }
    if let outputs = options.outputs { configuration.outputs = outputs }
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
    var files = output.files
    if let names = options.fileNames {
        guard names.count == files.count else {
            printError("error: --file-names gives \(names.count) names for \(files.count) files (--shards \(configuration.shards)); nothing was written")
            return 2
        }
        for index in files.indices { files[index].name = names[index] }
    }
    if options.check {
        let stale = OutputWriter.staleFiles(files, in: options.output)
        let leftovers = OutputWriter.leftoverFiles(files, in: options.output)
        if stale.isEmpty && leftovers.isEmpty {
            print("apigen: \(options.output) is up to date")
            return 0
        }
        let command = regenerateCommand(options)
        for name in stale { printError("\(options.output)/\(name): error: out of date; run \(command)") }
        for name in leftovers { printError("\(options.output)/\(name): error: no longer generated; run \(command)") }
        return 1
    }
    do {
        let written = try OutputWriter.write(files, to: options.output)
        let removed = try OutputWriter.removeLeftovers(files, in: options.output)
        if !options.quiet {
            var summary = "apigen: wrote \(written.count) of \(files.count) files to \(options.output)\(written.isEmpty ? " (all unchanged)" : "")"
            if !removed.isEmpty { summary += "; removed \(removed.count) it no longer generates (\(removed.joined(separator: ", ")))" }
            print(summary)
        }
        return 0
    } catch {
        printError("error: \(error.description)")
        return 4
    }
}

exit(run(Array(CommandLine.arguments.dropFirst())))
