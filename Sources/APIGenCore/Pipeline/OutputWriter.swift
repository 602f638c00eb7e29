internal import CAPIGenPOSIX
import APIGenYAML

/// Stage 5: writes generated files into a folder, each only when its bytes changed, each
/// atomically (a temporary file renamed into place), so a build never sees a half file and
/// an unchanged file keeps its modification date.
public enum OutputWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The files whose contents differ from what is on disk (or that are missing).
    public static func staleFiles(_ files: [GeneratedFile], in directory: String) -> [String] {
        files.filter { file in
            guard let existing = FileReader.contents(of: FileSystem.join(directory, file.name)) else { return true }
            var contents = file.contents
            return contents.withUTF8 { bytes in
                existing.count != bytes.count
                    || (bytes.count > 0 && existing.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) != 0 })
            }
        }.map(\.name)
    }

    /// Files in `directory` that an earlier generation from the same document wrote (their first
    /// line is the same header) and that this one does not: after a smaller `--shards`, or under
    /// the names an older version used. Other files are never touched.
    public static func leftoverFiles(_ files: [GeneratedFile], in directory: String) -> [String] {
        guard let header = files.first?.contents.split(separator: "\n", maxSplits: 1).first,
              header.hasPrefix(SwiftRenderer.headerPrefix),
              let names = FileSystem.entries(of: directory) else { return [] }
        let current = Set(files.map(\.name))
        let expected = Array(header.utf8) + [10]
        // Only names this run's namespace could have written: another document of the same
        // file name, generated into this folder under another `--name`, has the same header.
        let prefix = namespacePrefix(of: files[0].name)
        return names.filter { name in
            guard name.hasSuffix(".swift"), !current.contains(name), name.hasPrefix(prefix),
                  namespacePrefix(of: name) == prefix else { return false }
            return FileReader.contents(of: FileSystem.join(directory, name), limit: expected.count) == expected
        }.sorted()
    }

    /// `Meetings.` of `Meetings.Shard01.Types.swift`; empty for a name without a namespace. The
    /// generated files' own names start with these words (older versions' names too).
    static func namespacePrefix(of name: String) -> String {
        // `APIGen.swift`, `Types2.swift`, `Shard01.Types.swift` and `APIGen.Mock.swift` have no namespace; with one,
        // each has one more part in front.
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let sharded = parts.count >= 2 && parts[parts.count - 2] != "swift" && parts.count >= 3 && parts[parts.count - 3].hasPrefix("Shard")
        // `APIGen.Server.swift`: a product's file (`OutputMode.fileSuffix`).
        let product = parts.count >= 3 && parts[parts.count - 3] == "APIGen"
            && OutputMode.allCases.contains { $0.fileSuffix.map { Substring($0) } == parts[parts.count - 2] }
        let plain = sharded || product ? 3 : 2
        return parts.count > plain ? parts[0] + "." : ""
    }

    /// Removes `leftoverFiles` and returns their names.
    @discardableResult
    public static func removeLeftovers(_ files: [GeneratedFile], in directory: String) throws(Failure) -> [String] {
        let leftovers = leftoverFiles(files, in: directory)
        for name in leftovers {
            if let failure = FileSystem.remove(FileSystem.join(directory, name)) { throw Failure(description: failure) }
        }
        return leftovers
    }

    /// The start of the first line of every file APIGen writes.
    static let headerPrefix = Array(SwiftRenderer.headerPrefix.utf8)

    /// Writes the files that changed and returns their names: all of them or none. Every target
    /// is checked (a regular file that APIGen wrote, or nothing) and every temporary file written
    /// before the first rename, so a failure leaves the folder as it was.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String) throws(Failure) -> [String] {
        switch FileSystem.isDirectory(directory) {
        case true?: break
        case false?: throw Failure(description: "output '\(directory)' exists and is not a folder")
        case nil:
            if let failure = FileSystem.createDirectories(directory) {
                throw Failure(description: "cannot create output folder '\(directory)': \(failure)")
            }
        }
        // Temporary files of runs that were killed mid-write; a live run's (the build plugin
        // runs one per document into the same folder at once) are left alone.
        for name in FileSystem.entries(of: directory) ?? [] {
            if let owner = FileSystem.temporaryOwner(name), owner != getpid(), FileSystem.isDead(owner) {
                _ = FileSystem.remove(FileSystem.join(directory, name))
            }
        }
        let stale = Set(staleFiles(files, in: directory))
        let changed = files.filter { stale.contains($0.name) }
        for file in changed {
            let path = FileSystem.join(directory, file.name)
            switch FileSystem.kind(path) {
            case .missing: break
            case .regular:
                guard FileReader.contents(of: path, limit: headerPrefix.count) == headerPrefix else {
                    throw Failure(description: "'\(path)' was not written by APIGen (its first line is not APIGen's header); it is left as it is: move it, or generate into another folder")
                }
            case .directory, .other:
                throw Failure(description: "cannot replace '\(path)': it is not a regular file")
            }
        }
        // Files are independent: written on all cores, then renamed into place one by one.
        let temporaries = changed.map { FileSystem.temporaryPath(for: FileSystem.join(directory, $0.name)) }
        let failures = ParallelMap.map(Array(zip(changed, temporaries))) { file, temporary in
            FileSystem.writeFile(file.contents, to: temporary, for: FileSystem.join(directory, file.name))
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            for temporary in temporaries { _ = FileSystem.remove(temporary) }
            throw Failure(description: failure)
        }
        for (i, file) in changed.enumerated() {
            if let failure = FileSystem.rename(temporaries[i], to: FileSystem.join(directory, file.name)) {
                for temporary in temporaries[i...] { _ = FileSystem.remove(temporary) }
                throw Failure(description: failure)
            }
        }
        return changed.map(\.name)
    }
}
