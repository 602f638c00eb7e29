import XCTest
import Foundation

/// SwiftPM refuses two targets of one name anywhere in a package graph, so every target a
/// plugin user's build can reach carries APIGen's name: a user's own `YAMLNodes` target, or
/// swift-system's `CSystem` under SwiftNIO, once made APIGen impossible to add.
final class PackageTargetNamesTests: XCTestCase {
    /// Targets only this repository builds (benchmarks, fuzzing, compiled goldens) and the
    /// meetings client, which is a product under its own name on purpose.
    static let ownBuildOnly: Set<String> = ["apigen-bench", "apigen-fuzz", "KitchenSink", "Torture", "StoreEvents", "RealtimeKitMeetings"]

    func testEveryTargetAUserCanReachIsNamedForAPIGen() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declaration = try NSRegularExpression(pattern: #"\.(target|systemLibrary|executableTarget|plugin)\(\s*name:\s*"([^"]+)""#)
        let names = declaration.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)).compactMap {
            Range($0.range(at: 2), in: manifest).map { String(manifest[$0]) }
        }
        XCTAssertTrue(names.contains("APIGenCore") && names.contains("CAPIGenPOSIX"), "the scan finds the targets: \(names)")
        for name in names where !Self.ownBuildOnly.contains(name) {
            XCTAssertTrue(name.hasPrefix("APIGen") || name.hasPrefix("CAPIGen") || name == "apigen", "target '\(name)' can clash with a user's or another package's target")
        }
    }
}
