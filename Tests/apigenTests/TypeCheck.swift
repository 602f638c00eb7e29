import XCTest
import Foundation

/// Type-checks generated Swift the way a user's build compiles it: Swift 6 mode, against the
/// `APIGenRuntime` module the package built beside `apigen`.
enum TypeCheck {
    static var modules: URL { ApigenProcess.binary.deletingLastPathComponent().appendingPathComponent("Modules") }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: modules.appendingPathComponent("APIGenRuntime.swiftmodule").path) }

    /// The compiler's errors and warnings for every `.swift` file in `folder` (with its output
    /// when it failed without one).
    static func problems(in folder: URL) throws -> [String] {
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        guard !sources.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path] + sources.map { folder.appendingPathComponent($0).path }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let problems = text.split(separator: "\n").filter { $0.contains("error:") || $0.contains("warning:") }.map(String.init)
        if process.terminationStatus != 0 && problems.isEmpty { return ["swiftc exited \(process.terminationStatus): \(text)"] }
        return problems
    }
}
