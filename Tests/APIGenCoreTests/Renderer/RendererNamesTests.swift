import XCTest
import Foundation
@testable import APIGenCore

/// The names the generated code introduces itself (locals, parameters, runtime and standard
/// types) must keep their meaning whatever the document names. The list is derived from what
/// the renderer emits for every golden, and the torture golden (compiled in CI and round-tripped
/// in `TortureTests`) must use each of them in every position a document can name.
final class RendererNamesTests: XCTestCase {
    func testEveryIdentifierTheRendererIntroducesIsCoveredByTheTortureGolden() throws {
        let introduced = try Self.rendererIdentifiers()
        XCTAssertTrue(introduced.contains("FieldWriter") && introduced.contains("w"), "the scan finds the writer and its parameter")
        let torture = try String(contentsOf: Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden/torture/input.yaml"), encoding: .utf8)
        let (document, _) = try Pipeline.document(torture)
        let schemas = document.schemas
        let positions: [(String, Set<String>)] = [
            ("a component schema name", Set(schemas.map(\.name))),
            ("a property name (of Captures)", Set(Self.properties(of: "Captures", in: document))),
            ("an inline nested type (a property of CaptureNests)", Set(Self.properties(of: "CaptureNests", in: document))),
            ("an enum value (of CaptureCases)", Set(Self.enumValues(of: "CaptureCases", in: document))),
            ("an operationId", Set(document.operations.compactMap(\.operationID))),
            ("a path parameter", Self.parameters(.path, in: document)),
            ("a query parameter", Self.parameters(.query, in: document)),
            ("a header parameter", Self.parameters(.header, in: document)),
        ]
        var missing: [String: [String]] = [:]
        for (position, names) in positions {
            for name in introduced.sorted() where !names.contains(name) { missing[position, default: []].append(name) }
        }
        XCTAssertEqual(missing, [:], "add these to Tests/Golden/torture/input.yaml and re-record")
    }

    func testTypeNamesTheRendererUsesAreNeverHandedOut() throws {
        let types = try Self.rendererIdentifiers().filter { $0.first?.isUppercase == true }
        XCTAssertTrue(types.contains("FieldReader"))
        // `MockClient.Handlers` is numbered when a top-level type has the name instead
        // (`MockRenderer.handlersType`); the torture golden compiles with a schema named so.
        for name in types.sorted() where name != "Handlers" {
            XCTAssertTrue(SwiftNaming.reservedTypeNames.contains(name), "\(name) is used by generated code but a schema may be named so")
            XCTAssertNotEqual(SwiftNaming.typeName(name), name)
        }
    }

    func testCapturesCompileToTheRightMembers() throws {
        let output = try Generator().generate(path: Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden/torture/input.yaml").path)
        let text = output.files.map(\.contents).joined()
        XCTAssertTrue(text.contains(".optional(\"w\", self.w)"), "a property named like the writer is read through self")
        XCTAssertTrue(text.contains("        request: String? = nil,\n        page: String? = nil,\n        core: String? = nil,"),
                      "parameters named `request` and `core` keep their names")
        XCTAssertTrue(text.contains("var _request = APIRequest("), "the generated code's own local is spelled apart")
    }

    // MARK: Deriving the list

    /// Identifiers in the rendered goldens that are not names of the document (its types,
    /// properties, cases, operations, parameters, credentials) and not keywords.
    static func rendererIdentifiers() throws -> Set<String> {
        var introduced: Set<String> = []
        let golden = Pipeline.repositoryRoot.appendingPathComponent("Tests/Golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() where name != "torture" {
            let input = golden.appendingPathComponent(name).appendingPathComponent("input.yaml")
            guard let text = try? String(contentsOf: input, encoding: .utf8) else { continue }
            let (module, _) = try Pipeline.module(text)
            // Every product: the protocol, the mock and the server introduce names too.
            var options = RenderOptions()
            options.outputs = Set(OutputMode.allCases)
            let files = SwiftRenderer.render(module, options: options)
            let own = documentNames(module)
            for file in files {
                for identifier in identifiers(inSwift: file.contents) where !own.contains(identifier) && !SwiftNaming.keywords.contains(identifier) {
                    introduced.insert(identifier)
                }
            }
        }
        // Names an import brings in, not a name that is looked up in the generated code's scope;
        // `Generated` is the runtime's SPI group (`@_spi(Generated)`), a label, never a type.
        introduced.subtract(["Foundation", "APIGenRuntime", "deprecated", "Generated"])
        // `_` and a letter is a spelling naming never hands out (`SwiftNamingTests`): it cannot clash.
        return introduced.filter { !($0.hasPrefix("_") && $0.dropFirst().first?.isLetter == true) }
    }

    /// Every identifier of Swift source outside comments and string literals (interpolations
    /// are code and are scanned), without backticks. Names after a `.` are members of an
    /// explicit base and cannot be captured, so they are left out.
    static func identifiers(inSwift source: String) -> Set<String> {
        let bytes = Array(source.utf8)
        var result: Set<String> = []
        var i = 0
        var interpolationDepth: [Int] = []   // paren depth at which each open interpolation ends
        var parens = 0
        var inString = false
        func isIdentifierByte(_ b: UInt8) -> Bool { b == 95 || (b >= 48 && b <= 57) || (b | 32 >= 97 && b | 32 <= 122) || b >= 128 }
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == 92, i + 1 < bytes.count, bytes[i + 1] == 40 {   // \( starts code
                    inString = false
                    parens += 1
                    interpolationDepth.append(parens)
                    i += 2
                    continue
                }
                if b == 92 { i += 2; continue }
                if b == 34 { inString = false }
                i += 1
                continue
            }
            if b == 47, i + 1 < bytes.count, bytes[i + 1] == 47 {   // comment to the end of the line
                while i < bytes.count, bytes[i] != 10 { i += 1 }
                continue
            }
            if b == 34 { inString = true; i += 1; continue }
            if b == 40 { parens += 1 }
            if b == 41 {
                if interpolationDepth.last == parens { interpolationDepth.removeLast(); inString = true }
                parens -= 1
                i += 1
                continue
            }
            if b >= 48 && b <= 57 {   // a number, with its exponent or suffix (`1e5`)
                while i < bytes.count, isIdentifierByte(bytes[i]) || bytes[i] == 46 { i += 1 }
                continue
            }
            if isIdentifierByte(b) {
                let start = i
                while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
                var before = start - 1
                if before >= 0, bytes[before] == 96 { before -= 1 }
                if before >= 0, bytes[before] == 46 || bytes[before] == 36 || bytes[before] == 64 { continue }   // `.name`, `$0`, `@attribute`
                // `name:` is a label or a declaration, not a lookup (`path: String` is found where `path` is used).
                var after = i
                if after < bytes.count, bytes[after] == 96 { after += 1 }
                if after < bytes.count, bytes[after] == 58 { continue }
                result.insert(String(decoding: bytes[start..<i], as: UTF8.self))
                continue
            }
            i += 1
        }
        return result
    }

    static func documentNames(_ module: ModuleDecl) -> Set<String> {
        var names: Set<String> = []
        func add(_ name: String) { names.insert(name) }
        func add(_ identifier: Identifier) { names.insert(identifier.name) }
        func walk(_ decl: Declaration) {
            add(decl.name)
            switch decl {
            case .structure(let s):
                s.properties.forEach { add($0.name) }
                s.nested.forEach(walk)
            case .enumeration(let e): e.cases.forEach { add($0.name) }
            case .oneOf(let o):
                o.cases.forEach { add($0.name) }
                o.nested.forEach(walk)
            case .alias: break
            }
        }
        module.types.forEach(walk)
        for operation in module.operations {
            add(operation.name)
            if let pages = operation.pagination?.methodName { add(pages) }
            if let stream = operation.stream { add(stream.name) }
            operation.parameters.forEach { add($0.name) }
            // The enum of an operation's error bodies, and its cases: named after the operation
            // and the types, and only ever reached through `Client.`.
            let name = operation.name.name
            add(name.prefix(1).uppercased() + name.dropFirst() + "ErrorBody")
            // The server's answer enum (a member of `APIServer`), and its cases, named after statuses.
            add(name.prefix(1).uppercased() + name.dropFirst() + "Answer")
            // and each case's headers struct (`CreatedHeaders`), numbered when a top-level type has its name.
            let caseNames = Array(ServerAnswers.statusNames.values) + Array(ServerAnswers.rangeNames.values) + ["other", "stream"]
            for caseName in caseNames {
                add(caseName)
                add(caseName.prefix(1).uppercased() + caseName.dropFirst() + "Headers")
            }
            for error in operation.errors {
                if case .named(let path) = error.type.unwrapped, let last = path.last { add(SwiftNaming.memberName(last)) }
            }
        }
        module.auth.forEach { add($0.argumentName) }
        module.responseHeaders.forEach { add($0.name) }
        return names
    }

    // MARK: Reading the torture document

    static func schema(_ name: String, in document: OpenAPIDocument) -> Schema? {
        document.schemas.first { $0.name == name }?.schema
    }

    static func properties(of name: String, in document: OpenAPIDocument) -> [String] {
        schema(name, in: document)?.properties.map(\.name) ?? []
    }

    static func enumValues(of name: String, in document: OpenAPIDocument) -> [String] {
        guard let values = schema(name, in: document)?.enumValues else { return [] }
        return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    static func parameters(_ location: ParameterLocation, in document: OpenAPIDocument) -> Set<String> {
        Set(document.operations.flatMap { $0.parameters.filter { $0.location == location }.map(\.name) })
    }
}

extension RendererNamesTests {
    /// Prints the identifiers, for extending the torture document: `APIGEN_PRINT_NAMES=1`.
    func testPrintIdentifiersOnRequest() throws {
        guard ProcessInfo.processInfo.environment["APIGEN_PRINT_NAMES"] == "1" else { return }
        print("RENDERER-NAMES: " + (try Self.rendererIdentifiers()).sorted().joined(separator: " "))
    }
}
