import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for testing the generated client
/// over a real socket (no mocked transport). One thread per connection; every answer closes it.
final class TestHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        /// Path and query exactly as sent, percent-escapes kept.
        var target: String
        var headers: [String: String]
        var body: Data

        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        var query: String? { target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Response: Sendable {
        var status: Int
        var body: Data
        var contentType: String = "application/json"
        /// Seconds to wait before answering.
        var delay: Double = 0
        var headers: [(String, String)] = []
        /// When set, the body is these pieces instead, sent with chunked transfer encoding, each
        /// after its delay (a stream: server-sent events, JSON Lines).
        var pieces: [(delay: Double, data: Data)] = []
        /// When set, the head declares this `Content-Length` and the connection closes after
        /// `body`: a body cut short.
        var declaredLength: Int?

        static func json(_ status: Int, _ text: String, delay: Double = 0, headers: [(String, String)] = []) -> Response {
            Response(status: status, body: Data(text.utf8), delay: delay, headers: headers)
        }
    }

    private let lock = NSLock()
    private var handler: @Sendable (Request) -> Response
    private var recorded: [Request] = []
    private var listener: Int32 = -1
    private(set) var port: UInt16 = 0

    init(handler: @escaping @Sendable (Request) -> Response = { _ in .json(404, "{}") }) throws {
        self.handler = handler
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let fd = listener
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/client/v4")! }

    func setHandler(_ handler: @escaping @Sendable (Request) -> Response) {
        lock.lock(); self.handler = handler; lock.unlock()
    }

    var requests: [Request] {
        lock.lock(); defer { lock.unlock() }
        return recorded
    }

    /// When each piece of a streamed body was written, in order.
    var piecesSent: [Date] {
        lock.lock(); defer { lock.unlock() }
        return sentTimes
    }

    /// A streamed body whose connection the client closed before the last piece.
    var streamsCutShort: Int {
        lock.lock(); defer { lock.unlock() }
        return cutShort
    }

    private var sentTimes: [Date] = []
    private var cutShort = 0

    func stop() {
        lock.lock()
        let fd = listener
        listener = -1
        lock.unlock()
        if fd >= 0 {
            // Wake the accept loop and wait until it has left, before the descriptor is closed:
            // closed first, its number could be handed to the next test's server, whose
            // connections this loop would then accept and answer with this server's handler.
            shutdown(fd, Int32(SHUT_RDWR))
            acceptLoopDone.wait()
            close(fd)
        }
    }

    deinit { stop() }

    private let acceptLoopDone = DispatchSemaphore(value: 0)

    private func acceptLoop(_ fd: Int32) {
        defer { acceptLoopDone.signal() }
        while true {
            let connection = accept(fd, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return }
            buffer += chunk[0..<n]
            headerEnd = find([13, 10, 13, 10], in: buffer)
        }
        let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(headerEnd! + 4)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            // Transfer-Encoding wins over Content-Length (RFC 9112): read chunks to the last one.
            var decoded: [UInt8] = []
            var at = 0
            chunks: while true {
                while find([13, 10], in: body, from: at) == nil {
                    let n = recv(fd, &chunk, chunk.count, 0)
                    if n <= 0 { break chunks }
                    body += chunk[0..<n]
                }
                let lineEnd = find([13, 10], in: body, from: at)!
                let sizeText = String(decoding: body[at..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
                if size == 0 { break }
                while body.count < lineEnd + 2 + size + 2 {
                    let n = recv(fd, &chunk, chunk.count, 0)
                    if n <= 0 { break chunks }
                    body += chunk[0..<n]
                }
                decoded += body[(lineEnd + 2)..<(lineEnd + 2 + size)]
                at = lineEnd + 2 + size + 2
            }
            body = decoded
        } else {
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while body.count < length {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { break }
                body += chunk[0..<n]
            }
        }
        let request = Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Data(body))
        lock.lock()
        recorded.append(request)
        let handler = self.handler
        lock.unlock()
        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        let framing = response.pieces.isEmpty ? "Content-Length: \(response.declaredLength ?? response.body.count)" : "Transfer-Encoding: chunked"
        let text = "HTTP/1.1 \(response.status) Status\r\nContent-Type: \(response.contentType)\r\n\(framing)\r\n"
            + response.headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "Connection: close\r\n\r\n"
        guard !response.pieces.isEmpty else {
            _ = write(fd, Array(text.utf8) + Array(response.body))
            return
        }
        guard write(fd, Array(text.utf8)) else { return }
        for piece in response.pieces {
            if piece.delay > 0 { Thread.sleep(forTimeInterval: piece.delay) }
            let frame = Array(String(piece.data.count, radix: 16).utf8) + [13, 10] + Array(piece.data) + [13, 10]
            guard write(fd, frame) else {
                lock.lock(); cutShort += 1; lock.unlock()
                return
            }
            lock.lock(); sentTimes.append(Date()); lock.unlock()
        }
        _ = write(fd, Array("0\r\n\r\n".utf8))
    }

    /// Writes all of `bytes`; false when the peer has gone.
    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}

/// A thread-safe count of a server's calls, for handlers that answer by the call's number.
final class CallCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// 1 for the first call, 2 for the second…
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
