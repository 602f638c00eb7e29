import Foundation

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
            let path = (directory as NSString).appendingPathComponent(file.name)
            guard let existing = FileManager.default.contents(atPath: path) else { return true }
            var contents = file.contents
            return contents.withUTF8 { bytes in
                existing.count != bytes.count || existing.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) != 0 }
            }
        }.map(\.name)
    }

    /// Writes the files that changed and returns their names.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String) throws(Failure) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "output '\(directory)' exists and is not a folder") }
        } else {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create output folder '\(directory)': \(error.localizedDescription)")
            }
        }
        // Temporary files of a run that was killed mid-write: never half files, but clutter.
        if let existing = try? manager.contentsOfDirectory(atPath: directory) {
            for name in existing where name.hasPrefix(".") && name.contains(".apigen-") && name.hasSuffix(".tmp") {
                try? manager.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
        let stale = Set(staleFiles(files, in: directory))
        let changed = files.filter { stale.contains($0.name) }
        // Files are independent: written on all cores, each atomically.
        let failures = ParallelMap.map(changed) { file in
            writeAtomically(file.contents, to: (directory as NSString).appendingPathComponent(file.name))
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return changed.map(\.name)
    }

    /// Writes a temporary file beside `path` and renames it into place; the failure, if any.
    private static func writeAtomically(_ contents: String, to path: String) -> Failure? {
        let directory = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\(name).apigen-\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard descriptor >= 0 else { return Failure(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
        var contents = contents
        let written = contents.withUTF8 { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let n = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        let closed = close(descriptor) == 0 ? 0 : errno
        if written != 0 || closed != 0 {
            unlink(temporary)
            return Failure(description: "cannot write '\(path)': \(String(cString: strerror(written != 0 ? written : closed)))")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return Failure(description: "cannot replace '\(path)': \(reason)")
        }
        return nil
    }
}

/// `write(2)` (the name is taken inside `OutputWriter`).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(descriptor, bytes, count)
    #else
    Glibc.write(descriptor, bytes, count)
    #endif
}
