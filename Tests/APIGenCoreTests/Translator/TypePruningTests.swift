import XCTest
@testable import APIGenCore

/// With an operation filter only the types the kept operations reach are generated: checked on
/// random filters over the goldens and RealtimeKit.
final class TypePruningTests: XCTestCase {
    /// Every named type a module's types and operations use, as paths.
    private func references(_ module: ModuleDecl) -> [[String]] {
        var paths: [[String]] = []
        func add(_ usage: TypeUsage) {
            switch usage {
            case .named(let path): paths.append(path)
            case .optional(let t), .array(let t), .dictionary(let t): add(t)
            case .builtin: break
            }
        }
        func walk(_ decl: Declaration) {
            switch decl {
            case .structure(let s):
                s.properties.forEach { add($0.type) }
                s.additionalProperties.map(add)
                s.nested.forEach(walk)
            case .oneOf(let o):
                o.cases.forEach { add($0.type) }
                o.nested.forEach(walk)
            case .alias(let a): add(a.target)
            case .enumeration: break
            }
        }
        module.types.forEach(walk)
        module.operations.forEach { $0.usages.forEach(add) }
        return paths
    }

    func testRandomFiltersKeepWhatIsReachedUnderTheSameNames() throws {
        var generator = SystemRandomNumberGenerator()
        for input in try Pipeline.goldenInputsAndRealtimeKit() {
            let all = try Generator().module(path: input.path)
            let document = try Pipeline.document(String(contentsOf: input, encoding: .utf8), file: input.lastPathComponent).0
            let ids = document.operations.compactMap(\.operationID)
            guard ids.count >= 2 else { continue }
            for _ in 0..<4 {
                var configuration = Configuration()
                let chosen = Array(ids.shuffled(using: &generator).prefix(Int.random(in: 1...max(1, ids.count / 3), using: &generator)))
                configuration.operations.include = .init(operationIDs: chosen)
                let some = try Generator(configuration: configuration).module(path: input.path)
                let name = "\(input.lastPathComponent) with \(chosen)"
                // The kept methods, in the unfiltered order, under the same names and types.
                let kept = all.operations.filter { op in some.operations.contains { $0.path == op.path && $0.method == op.method } }
                XCTAssertEqual(some.operations.map(\.name), kept.map(\.name), name)
                XCTAssertEqual(some.operations.map(\.usages), kept.map(\.usages), name)
                // Every type kept has the name it has unfiltered; every reference resolves.
                XCTAssertTrue(Set(some.types.map(\.name)).isSubset(of: Set(all.types.map(\.name))), name)
                let index = DeclarationIndex(some.types)
                for path in references(some) {
                    XCTAssertNotNil(index.id(at: path), "\(name): \(path.joined(separator: ".")) is used but not generated")
                }
                XCTAssertLessThanOrEqual(some.types.count, all.types.count, name)
            }
        }
    }

    func testNamedSchemasAreKeptAndUnknownNamesWarned() throws {
        let text = document(paths: """

          /a:
            get:
              operationId: getA
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}
          /b:
            get:
              operationId: getB
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}}
        """, components: """

          schemas:
            A: {type: object, properties: {inner: {$ref: '#/components/schemas/Inner'}}}
            Inner: {type: object, properties: {x: {type: string}}}
            B: {type: object, properties: {y: {type: string}}}
            Unused: {type: object, properties: {z: {type: string}}}
            Wanted: {type: object, properties: {w: {type: string}}}
        """)
        var configuration = Configuration()
        configuration.operations.include = .init(operationIDs: ["getA"])
        XCTAssertEqual(try Pipeline.module(text, configuration: configuration).0.types.map(\.name), ["A", "Inner"])
        configuration.keptSchemas = ["Wanted", "Missing"]
        configuration.keptSchemaLocations = [SourceLocation(file: "apigen.yaml", line: 3, column: 3), SourceLocation(file: "apigen.yaml", line: 3, column: 11)]
        let (module, diagnostics) = try Pipeline.module(text, configuration: configuration)
        XCTAssertEqual(module.types.map(\.name), ["A", "Inner", "Wanted"])
        XCTAssertEqual(diagnostics.map(\.description), ["apigen.yaml:3:11: warning: schemas names 'Missing', which is no component schema of the document"])
        XCTAssertEqual(try Pipeline.module(text).0.types.count, 5, "without a filter every type is generated")
    }
}
