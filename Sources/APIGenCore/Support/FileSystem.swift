internal import CAPIGenPOSIX

/// The file and folder calls the pipeline makes, on POSIX directly (see `posix.h` for why not
/// Foundation). Paths are plain strings with `/` separators.
public enum FileSystem {
    /// `directory/name`; `name` alone when `directory` is empty.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The text of the last `errno`.
    static func lastError() -> String {
        String(cString: strerror(apigen_posix_errno()))
    }

    /// Whether `path` is a folder; nil when nothing is there.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return apigen_posix_is_directory(info.st_mode) != 0
    }

    /// Creates `path` and the folders above it that are missing; the error text, if any.
    static func createDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += part
            if mkdir(prefix, 0o777) != 0 {
                let code = apigen_posix_errno()
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

    /// Whether anything is at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// What is at a path, without following a symbolic link.
    enum Kind { case missing, regular, directory, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        if apigen_posix_is_regular(info.st_mode) != 0 { return .regular }
        return apigen_posix_is_directory(info.st_mode) != 0 ? .directory : .other
    }

    /// The temporary file beside `path` for this run: `.NAME.apigen-PID.tmp`. The process id
    /// makes it this run's own, and tells later runs whether its writer is still alive.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return directory + ".\(name).apigen-\(getpid()).tmp"
    }

    /// The process id in a temporary file's name, when `name` is one of ours.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let stem = name.dropLast(4)
        let digits = String(stem.reversed().prefix { $0.isNumber }.reversed())
        guard !digits.isEmpty, stem.dropLast(digits.count).hasSuffix(".apigen-") else { return nil }
        return Int32(digits)
    }

    /// Whether the process `pid` is gone (so its temporary files are dead leftovers).
    static func isDead(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && apigen_posix_errno() == ESRCH
    }

    /// Writes `contents` to `temporary` in full; the error text, if any (the file is removed then).
    static func writeFile(_ contents: String, to temporary: String, for path: String) -> String? {
        let descriptor = apigen_posix_open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { return "cannot write '\(path)': \(lastError())" }
        var contents = contents
        let written = contents.withUTF8 { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let n = CAPIGenPOSIX.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if apigen_posix_errno() == EINTR { continue }
                    return apigen_posix_errno()
                }
                offset += n
            }
            return 0
        }
        let closed = close(descriptor) == 0 ? 0 : apigen_posix_errno()
        if written != 0 || closed != 0 {
            unlink(temporary)
            return "cannot write '\(path)': \(String(cString: strerror(written != 0 ? written : closed)))"
        }
        return nil
    }

    /// Writes `contents` beside `path` and renames it into place, so a reader never sees half a
    /// file; the error text, if any.
    static func writeAtomically(_ contents: String, to path: String) -> String? {
        let temporary = temporaryPath(for: path)
        if let failure = writeFile(contents, to: temporary, for: path) { return failure }
        if let failure = rename(temporary, to: path) {
            unlink(temporary)
            return failure
        }
        return nil
    }

    /// Renames `from` to `to` (atomically replacing it); the error text, if any.
    static func rename(_ from: String, to: String) -> String? {
        CAPIGenPOSIX.rename(from, to) == 0 ? nil : "cannot replace '\(to)': \(lastError())"
    }

    /// Removes a file; the error text, if any.
    static func remove(_ path: String) -> String? {
        unlink(path) == 0 ? nil : "cannot remove '\(path)': \(lastError())"
    }

}
