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
            return existing != Data(file.contents.utf8)
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
        var written: [String] = []
        for file in files where stale.contains(file.name) {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let temporary = (directory as NSString).appendingPathComponent(".\(file.name).apigen-\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                if rename(temporary, path) != 0 {
                    let reason = String(cString: strerror(errno))
                    try? manager.removeItem(atPath: temporary)
                    throw Failure(description: "cannot replace '\(path)': \(reason)")
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                try? manager.removeItem(atPath: temporary)
                throw Failure(description: "cannot write '\(path)': \(error.localizedDescription)")
            }
            written.append(file.name)
        }
        return written
    }
}
