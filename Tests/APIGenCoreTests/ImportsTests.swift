import XCTest
import Foundation

/// What the build plugin's tool imports decides how long a plugin user's first build waits for
/// it: with SwiftPM's `-index-system-modules`, each Swift overlay of the system it imports is
/// rebuilt from its interface (`Glibc`), and Foundation needs its C modules built. The tool's
/// modules reach POSIX through `CAPIGenPOSIX` instead (see `Sources/CAPIGenPOSIX/posix.h`).
final class ImportsTests: XCTestCase {
    func testTheToolsModulesImportNeitherFoundationNorTheLibcOverlays() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        var checked = 0
        for module in ["APIGenYAML", "APIGenCore", "apigen"] {
            let folder = sources.appendingPathComponent(module)
            let files = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            XCTAssertFalse(files.isEmpty, module)
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count, words[..<index].allSatisfy({ ["internal", "public", "private", "fileprivate", "package", "@_exported", "@preconcurrency"].contains($0) }) else { continue }
                    checked += 1
                    XCTAssertFalse(["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Musl"].contains(words[index + 1]), "\(module)/\(file): \(line)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 10, "the import lines were found")
    }
}
