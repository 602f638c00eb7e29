internal import CSystem

private let systemRead = CSystem.read

/// Reads a whole file with POSIX calls, so the YAML layer needs nothing beyond libc.
enum FileReader {
    struct Failure: Error {
        var message: String
    }

    /// The largest document read (the full Cloudflare API is 4 MB).
    static let maxBytes = 512 * 1024 * 1024

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = csystem_open(path, O_RDONLY, 0)
        guard fd >= 0 else {
            throw Failure(message: "cannot open '\(path)': \(String(cString: strerror(csystem_errno())))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw Failure(message: "cannot read '\(path)': \(String(cString: strerror(csystem_errno())))")
        }
        if csystem_is_directory(info.st_mode) != 0 {
            throw Failure(message: "'\(path)' is a directory, not a file")
        }
        // Devices and pipes (`/dev/zero`, a FIFO) could be read forever: only regular files.
        guard csystem_is_regular(info.st_mode) != 0 else {
            throw Failure(message: "'\(path)' is not a regular file")
        }
        guard info.st_size <= maxBytes else {
            throw Failure(message: "'\(path)' is \(info.st_size) bytes; documents larger than \(maxBytes) bytes are refused")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if csystem_errno() == EINTR { continue }
                throw Failure(message: "cannot read '\(path)': \(String(cString: strerror(csystem_errno())))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
