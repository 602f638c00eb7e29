import Foundation

/// What both plugins decide before running `apigen`: which documents a target holds, which
/// files each one produces, and the command line. Plain Foundation, so it is unit-tested too.
enum DocumentDiscovery {
    /// The files one generation writes; the same list as `SwiftRenderer.fileNames` (a test checks).
    /// `outputs`: the products `outputs:` names; each but the client writes a file of its own.
    static func fileNames(shards: Int, outputs: [String] = ["client"]) -> [String] {
        var names = ["APIGen.swift"]
        if shards > 1 {
            let prefixes = (1...shards).map { $0 < 10 ? "Shard0\($0)" : "Shard\($0)" }
            names = prefixes.map { "\($0).Types.swift" } + prefixes.map { "\($0).Client.swift" }
        }
        return names + productFiles.filter { mode, _ in outputs.contains(mode) || (mode == "protocol" && outputs.contains("mock")) }.map { "APIGen.\($0.1).swift" }
    }

    /// The products with a file of their own, in `OutputMode`'s order (a test checks).
    static let productFiles = [("protocol", "Protocol"), ("mock", "Mock"), ("server", "Server")]
    static let outputModes = ["client", "protocol", "mock", "server"]

    /// Large documents are split over several files so the compiler works on them in parallel.
    /// The count depends only on the document's size, so outputs are known before it is read.
    /// From 128 KB: with one file, the compiler's batch holding `Types.swift` is most of the work
    /// and one core does it (all of RealtimeKit, 240 KB: a clean debug build 28 to 37 s on 2
    /// cores in one file, 20 to 24 s in 4 shards, and 473 → 322 MB at its peak).
    static func shardCount(documentBytes: Int) -> Int {
        documentBytes >= 512 * 1024 ? 8 : documentBytes >= 128 * 1024 ? 4 : 1
    }
    static let documentExtensions = ["yaml", "yml", "json"]
    static let configNames = ["apigen.yaml", "apigen.yml"]

    /// An OpenAPI document in a target.
    struct Document: Equatable {
        var input: URL
        /// `Name` for `Name.openapi.yaml` (everything is generated inside `enum Name`), nil for `openapi.yaml`.
        var namespace: String?
        var shards = 1
        /// Whether `shards` is the configuration's `shards:` (not the count from the size).
        var shardsConfigured = false
        /// The configuration's `outputs:`, in `outputModes` order.
        var outputs = ["client"]

        /// The file names this document generates, distinct from every other document's.
        var outputNames: [String] {
            fileNames(shards: shards, outputs: outputs).map { name in namespace.map { "\($0).\(name)" } ?? name }
        }
    }

    struct Failure: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    /// What of an `apigen.yaml` decides which files the build gets: `shards:` and `outputs:`. The
    /// plugin cannot link a YAML parser, so it reads a plain top-level `shards: N` line, and
    /// `outputs: [client, server]` on one line or as a block list of `- mode` lines under it.
    ///
    /// SwiftPM asks the plugin for its commands again only when the target's files are added,
    /// removed or renamed, not when a file's contents change (swiftlang/swift-package-manager#7891),
    /// so nothing read from a file's contents may name a file: `namespace:` only shapes the
    /// code (apigen reads it), and a changed `shards:` takes effect when SwiftPM plans the build
    /// again (apigen says so meanwhile).
    struct OutputKeys: Equatable {
        var shards: Int?
        var outputs: [String]?
    }

    static func outputKeys(ofConfiguration text: String) -> OutputKeys {
        var keys = OutputKeys()
        var inOutputs = false
        for line in text.split(whereSeparator: \.isNewline) {
            if inOutputs {
                let item = line.trimmingCharacters(in: .whitespaces)
                if item.hasPrefix("-") {
                    keys.outputs?.append(unquoted(String(item.dropFirst()).split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""))
                    continue
                }
                if item.isEmpty || item.hasPrefix("#") { continue }
                inOutputs = false
            }
            guard let first = line.first, first != " ", first != "\t", first != "#", let colon = line.firstIndex(of: ":") else { continue }
            let key = unquoted(line[..<colon].trimmingCharacters(in: .whitespaces))
            var value = String(line[line.index(after: colon)...])
            if let comment = value.range(of: " #") { value = String(value[..<comment.lowerBound]) }
            value = unquoted(value.trimmingCharacters(in: .whitespaces))
            if key == "shards" { keys.shards = Int(value).flatMap { (1...64).contains($0) ? $0 : nil } }
            if key == "outputs" {
                if value.hasPrefix("["), value.hasSuffix("]") {
                    keys.outputs = value.dropFirst().dropLast().split(separator: ",").map { unquoted($0.trimmingCharacters(in: .whitespaces)) }
                } else if value.isEmpty {
                    keys.outputs = []
                    inOutputs = true
                }
            }
        }
        // Only known modes, in their order; an unreadable list is apigen's to report, located.
        if let outputs = keys.outputs {
            keys.outputs = outputs.allSatisfy(outputModes.contains) && !outputs.isEmpty ? outputModes.filter(outputs.contains) : nil
        }
        return keys
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// `document` as the configuration shapes its files: `shards:` over the count the size gives.
    static func shaped(_ document: Document, by keys: OutputKeys) -> Document {
        var result = document
        if let shards = keys.shards {
            result.shards = shards
            result.shardsConfigured = true
        }
        if let outputs = keys.outputs { result.outputs = outputs }
        return result
    }

    /// The output keys of the configuration file at `url` (none when it cannot be read).
    /// Only a regular file of a configuration's size is read (a FIFO named `apigen.yaml` would
    /// block the build's planning; apigen refuses it, located, when it runs).
    static func outputKeys(ofConfigurationAt url: URL?) -> OutputKeys {
        guard let url, let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? Int ?? 0) <= 1 << 20,
              let data = FileManager.default.contents(atPath: url.path) else { return OutputKeys() }
        return outputKeys(ofConfiguration: String(decoding: data, as: UTF8.self))
    }

    /// The first bytes of every file apigen writes (`SwiftRenderer.headerPrefix`; a test checks).
    static let generatedHeader = "// Generated by APIGen"

    /// Whether any Swift file among `files` was written by apigen: a target whose code is
    /// checked in. A target that applies the build plugin holds none (its code is generated into
    /// the build folder), and writing into it would give the build two producers of one file.
    static func holdsGeneratedFiles(_ files: [URL]) -> Bool {
        let header = Array(generatedHeader.utf8)
        return files.contains { file in
            guard file.pathExtension == "swift", let handle = try? FileHandle(forReadingFrom: file) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: header.count)).map { Array($0) == header } ?? false
        }
    }

    /// The OpenAPI documents among a target's files: `openapi.yaml|yml|json` (at most one) and
    /// `Name.openapi.yaml|yml|json` (any number, each with its own `Name`).
    static func documents(in files: [URL]) throws -> [Document] {
        var result: [Document] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let name = file.lastPathComponent
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, documentExtensions.contains(parts.last!.lowercased()) else { continue }
            if parts.count == 2, parts[0] == "openapi" {
                if let other = result.first(where: { $0.namespace == nil }) {
                    throw Failure(description: "\(file.path): error: the target already has \(other.input.lastPathComponent); give each document a name, like Meetings.openapi.yaml")
                }
                result.append(Document(input: file, namespace: nil, shards: shards(of: file)))
            } else if parts.count == 3, parts[1] == "openapi" {
                let namespace = parts[0]
                guard isIdentifier(namespace) else {
                    throw Failure(description: "\(file.path): error: '\(namespace)' is not a Swift identifier; name the document like Meetings.openapi.yaml")
                }
                if result.contains(where: { $0.namespace == namespace }) {
                    throw Failure(description: "\(file.path): error: two documents are named '\(namespace)'")
                }
                result.append(Document(input: file, namespace: namespace, shards: shards(of: file)))
            }
        }
        return result
    }

    private static func shards(of file: URL) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        return shardCount(documentBytes: size)
    }

    /// The target's `apigen.yaml` (or `.yml`), if any.
    static func configuration(in files: [URL]) -> URL? {
        files.sorted(by: { $0.path < $1.path }).first { configNames.contains($0.lastPathComponent) }
    }

    /// `apigen generate …` for one document.
    /// `package`: the package's folder, which `$ref`s may read from (besides the document's own).
    /// `declaringFiles`: the build plugin's run, whose file names the build declared before
    /// apigen reads the configuration; the command plugin's run lets apigen name them, as the
    /// command line does, so that a `namespace:` names the checked-in files too.
    static func arguments(for document: Document?, configuration: URL?, output: URL, nonisolated: Bool, package: URL? = nil,
                          declaringFiles: Bool = true) -> [String] {
        var arguments = ["generate"]
        if let document { arguments.append(document.input.path) }
        arguments += ["--output", output.path]
        if let package { arguments += ["--ref-root", package.path] }
        if let configuration { arguments += ["--config", configuration.path] }
        if let document {
            if let namespace = document.namespace { arguments += ["--name", namespace] }
            if declaringFiles {
                // Exactly the files the plugin declares, whatever the configuration says by now.
                arguments += ["--shards", String(document.shards), "--outputs", document.outputs.joined(separator: ","),
                              "--file-names", document.outputNames.joined(separator: ",")]
            } else if !document.shardsConfigured && document.shards > 1 {
                arguments += ["--shards", String(document.shards)]
            }
        }
        if nonisolated { arguments.append("--nonisolated") }
        return arguments
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// True when the compiler building the plugin (the consumer's) understands `nonisolated`
    /// on type declarations, which `.defaultIsolation(MainActor.self)` targets need.
    static var compilerSupportsNonisolatedTypes: Bool {
        #if compiler(>=6.2)
        return true
        #else
        return false
        #endif
    }
}
