internal import CSystem

/// The file and folder calls the pipeline makes, on POSIX directly (see `csystem.h` for why not
/// Foundation). Paths are plain strings with `/` separators.
enum FileSystem {
    /// `directory/name`; `name` alone when `directory` is empty.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The text of the last `errno`.
    static func lastError() -> String {
        String(cString: strerror(csystem_errno()))
    }

    /// Whether `path` is a folder; nil when nothing is there.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return csystem_is_directory(info.st_mode) != 0
    }

    /// Creates `path` and the folders above it that are missing; the error text, if any.
    static func createDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += part
            if mkdir(prefix, 0o777) != 0 {
                let code = csystem_errno()
                guard code == EEXIST, isDirectory(prefix) == true else {
                    return code == EEXIST ? "'\(prefix)' exists and is not a folder" : String(cString: strerror(code))
                }
            }
            prefix += "/"
        }
        return nil
    }

    /// The names in a folder, without `.` and `..`; nil when it cannot be read.
    static func entries(of directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes `contents` to a temporary file beside `path` and renames it into place, so a
    /// reader never sees half a file; the error text, if any.
    static func writeAtomically(_ contents: String, to path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + ".\(name).apigen-\(getpid()).tmp"
        let descriptor = csystem_open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard descriptor >= 0 else { return "cannot write '\(path)': \(lastError())" }
        var contents = contents
        let written = contents.withUTF8 { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let n = CSystem.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if csystem_errno() == EINTR { continue }
                    return csystem_errno()
                }
                offset += n
            }
            return 0
        }
        let closed = close(descriptor) == 0 ? 0 : csystem_errno()
        if written != 0 || closed != 0 {
            unlink(temporary)
            return "cannot write '\(path)': \(String(cString: strerror(written != 0 ? written : closed)))"
        }
        if rename(temporary, path) != 0 {
            let reason = lastError()
            unlink(temporary)
            return "cannot replace '\(path)': \(reason)"
        }
        return nil
    }

    /// Removes a file; the error text, if any.
    static func remove(_ path: String) -> String? {
        unlink(path) == 0 ? nil : "cannot remove '\(path)': \(lastError())"
    }

}
