import XCTest
import Foundation

/// Runs the real `apigen` binary (built beside the tests), as users and the build plugin do.
enum ApigenProcess {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("apigen")
    }

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Result {
        var status: Int32
        var out: String
        var err: String
        var seconds: Double
        var killed: Bool
    }

    /// Runs apigen; kills it after `killAfter` seconds when given (the result says whether it was).
    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, killAfter: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        var killed = false
        if let killAfter {
            while process.isRunning {
                if Date().timeIntervalSince(start) > killAfter {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.002)
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start), killed: killed)
    }
}
