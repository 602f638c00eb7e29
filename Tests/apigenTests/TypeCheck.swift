import XCTest
import Foundation

/// Type-checks generated Swift the way a user's build compiles it: Swift 6 mode, against the
/// `APIGenRuntime` module the package built beside `apigen`.
enum TypeCheck {
    static var modules: URL { ApigenProcess.binary.deletingLastPathComponent().appendingPathComponent("Modules") }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: modules.appendingPathComponent("APIGenRuntime.swiftmodule").path) }

    /// The module maps of the C targets the package built: those SwiftPM wrote
    /// (`<Target>.build/module.modulemap`) and those the checked-out dependencies ship.
    static func packageModuleMaps() -> [String] {
        let fm = FileManager.default
        let build = modules.deletingLastPathComponent()
        var maps = ((try? fm.contentsOfDirectory(atPath: build.path)) ?? []).filter { $0.hasSuffix(".build") }
            .map { build.appendingPathComponent($0).appendingPathComponent("module.modulemap").path }
            .filter { fm.fileExists(atPath: $0) }
        let checkouts = build.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts")
        if let walker = fm.enumerator(atPath: checkouts.path) {
            for case let path as String in walker where path.hasSuffix("/module.modulemap") && path.contains("/Sources/") {
                maps.append(checkouts.appendingPathComponent(path).path)
            }
        }
        return maps.sorted()
    }

    /// Whether the package built the module `name` (the SDK's modules count as built).
    static func hasModule(_ name: String) -> Bool {
        ["Foundation", "Dispatch", "Swift"].contains(name)
            || FileManager.default.fileExists(atPath: modules.appendingPathComponent("\(name).swiftmodule").path)
    }

    /// SwiftPM's errors for the `Package.swift` in `folder` (`swift package dump-package`); a
    /// `../APIGen` beside the folder is this repository, as the README's manifest expects.
    static func manifestProblems(in folder: URL, repository: URL) throws -> [String] {
        let beside = folder.deletingLastPathComponent().appendingPathComponent("APIGen")
        if !FileManager.default.fileExists(atPath: beside.path) {
            try FileManager.default.createSymbolicLink(at: beside, withDestinationURL: repository)
        }
        return try problems(of: ["swift", "package", "--package-path", folder.path, "dump-package"])
    }

    /// The compiler's errors and warnings for every `.swift` file in `folder` (with its output
    /// when it failed without one).
    /// `withPackageModuleMaps`: also find the C modules of the package's dependencies (a file
    /// that imports a transport, whose Swift modules import SwiftNIO's C shims).
    static func problems(in folder: URL, withPackageModuleMaps: Bool = false) throws -> [String] {
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        guard !sources.isEmpty else { return [] }
        let maps = withPackageModuleMaps ? packageModuleMaps().flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] } : []
        return try problems(of: ["swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path] + maps + sources.map { folder.appendingPathComponent($0).path })
    }

    /// The error and warning lines a tool prints (with all it printed when it failed without one).
    private static func problems(of command: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let problems = text.split(separator: "\n").filter { $0.contains("error:") || $0.contains("warning:") }.map(String.init)
        if process.terminationStatus != 0 && problems.isEmpty { return ["\(command[0]) exited \(process.terminationStatus): \(text)"] }
        return problems
    }
}
