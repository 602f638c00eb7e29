import XCTest
import Foundation
@testable import APIGenCore

/// What a generated type declares must be found only by lookups into that type. An operator
/// function is the exception Swift makes: `static func ==` in a struct is seen by every lookup of
/// `==` in the module, so each model's `Equatable` check weighed every other model's `==` and a
/// module's build grew with the square of its models (the full Cloudflare client took two to three
/// times as long, and 2.5 times the memory). Equality is a named `_equal` that the runtime's
/// `FieldEquatable` turns into `==`; this keeps every generated file free of operator functions.
final class ModuleLookupTests: XCTestCase {
    /// `func` followed by an operator instead of a name.
    static func operatorDeclarations(in source: String) -> [String] {
        source.split(separator: "\n").filter { line in
            guard let range = line.range(of: "func ") else { return false }
            guard let next = line[range.upperBound...].first else { return false }
            return "=-+*/%<>!&|^~?.".contains(next)
        }.map(String.init)
    }

    func testTheScanFindsAnOperatorFunction() {
        XCTAssertEqual(Self.operatorDeclarations(in: "    public static func == (a: Self, b: Self) -> Bool {\n    func f() {}"),
                       ["    public static func == (a: Self, b: Self) -> Bool {"])
        XCTAssertEqual(Self.operatorDeclarations(in: "static func _equal(_ a: Self, _ b: Self) -> Bool"), [])
    }

    func testGeneratedCodeDeclaresNoOperators() throws {
        var inputs = try Pipeline.goldenInputsAndRealtimeKit()
        let full = Pipeline.cloudflareSpecs.appendingPathComponent("cloudflare-2024-08.json")
        if FileManager.default.fileExists(atPath: full.path) { inputs.append(full) }
        for input in inputs {
            let output = try Generator().generate(path: input.path)
            XCTAssertFalse(output.files.isEmpty, input.path)
            for file in output.files {
                XCTAssertEqual(Self.operatorDeclarations(in: file.contents), [], "\(input.lastPathComponent): \(file.name)")
            }
        }
    }
}
