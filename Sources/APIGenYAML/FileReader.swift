internal import CAPIGenPOSIX

/// Reads files with POSIX calls, so the YAML layer needs nothing beyond libc.
public enum FileReader {
    struct Failure: Error {
        var message: String
    }

    /// The largest document read (the full Cloudflare API is 4 MB).
    static let maxBytes = 512 * 1024 * 1024

    /// A document: a regular file of at most `maxBytes`.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        // Kernel files (`/proc/self/environ`) look regular but are not documents, and their bytes
        // would be echoed in a diagnostic's excerpt: refused by where they really are.
        if let real = realPath(path), ["/proc/", "/sys/", "/dev/"].contains(where: { real.hasPrefix($0) }) {
            throw Failure(message: "'\(path)' is a system file (\(real)), not a document")
        }
        // Non-blocking, so that opening a FIFO does not wait for a writer before its type is checked.
        let fd = apigen_posix_open(path, O_RDONLY | O_NONBLOCK, 0)
        guard fd >= 0 else {
            throw Failure(message: "cannot open '\(path)': \(String(cString: strerror(apigen_posix_errno())))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw Failure(message: "cannot read '\(path)': \(String(cString: strerror(apigen_posix_errno())))")
        }
        if apigen_posix_is_directory(info.st_mode) != 0 {
            throw Failure(message: "'\(path)' is a directory, not a file")
        }
        // Devices and pipes (`/dev/zero`, a FIFO) could be read forever: only regular files.
        guard apigen_posix_is_regular(info.st_mode) != 0 else {
            throw Failure(message: "'\(path)' is not a regular file")
        }
        guard info.st_size <= maxBytes else {
            throw Failure(message: "'\(path)' is \(info.st_size) bytes; documents larger than \(maxBytes) bytes are refused")
        }
        guard let bytes = readAll(fd, limit: .max, capacity: Int(info.st_size) + 1) else {
            throw Failure(message: "cannot read '\(path)': \(String(cString: strerror(apigen_posix_errno())))")
        }
        return bytes
    }

    /// Up to `limit` bytes from the start of a regular file; nil when it is not one (a FIFO or a
    /// device with a generated file's name is never read, so never waited on) or cannot be read.
    public static func contents(of path: String, limit: Int = .max) -> [UInt8]? {
        let fd = apigen_posix_open(path, O_RDONLY | O_NONBLOCK, 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, apigen_posix_is_regular(info.st_mode) != 0 else { return nil }
        return readAll(fd, limit: limit, capacity: 0)
    }

    /// The path with every symbolic link and `..` resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads until the end or `limit` bytes, retrying interrupted reads; nil on an error.
    private static func readAll(_ fd: Int32, limit: Int, capacity: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { CAPIGenPOSIX.read(fd, $0.baseAddress, wanted) }
            if n < 0 {
                if apigen_posix_errno() == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
