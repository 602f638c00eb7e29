import XCTest
@testable import APIGenCore

/// The refinement pass's graph of generated types, on hand-built IR.
final class TypeGraphTests: XCTestCase {
    private func property(_ name: String, _ type: TypeUsage, readOnly: Bool = false, writeOnly: Bool = false) -> PropertyDecl {
        PropertyDecl(name: Identifier(name), wireName: name, type: type, docs: [], defaultValue: nil, constraints: Constraints(),
                     deprecated: false, readOnly: readOnly, writeOnly: writeOnly)
    }

    private func structure(_ name: String, _ properties: [PropertyDecl], nested: [Declaration] = []) -> Declaration {
        .structure(StructDecl(name: name, docs: [], properties: properties, additionalProperties: nil, nested: nested))
    }

    private func module(_ types: [Declaration], operations: [OperationDecl] = []) -> ModuleDecl {
        ModuleDecl(title: "T", version: "1", serverURL: nil, types: types, operations: operations, auth: [])
    }

    func testPathsResolveThroughNestedTypesAndIndexPathsPointBack() {
        let graph = TypeGraph(module([
            structure("A", []),
            structure("B", [], nested: [
                .enumeration(EnumDecl(name: "Kind", docs: [], rawType: .string, cases: [])),
                structure("Inner", [], nested: [structure("Deep", [])]),
            ]),
        ]))
        let deep = graph.node(at: ["B", "Inner", "Deep"])
        XCTAssertNotNil(deep)
        XCTAssertEqual(deep.map(graph.indexPath(of:)), [1, 1, 0])
        XCTAssertEqual(graph.node(at: ["B", "Kind"]).map(graph.indexPath(of:)), [1, 0])
        XCTAssertNil(graph.node(at: ["B", "Missing"]))
        XCTAssertNil(graph.node(at: ["Missing"]))
        XCTAssertNil(graph.node(at: []))
    }

    func testReachabilityFollowsCollectionsAndAliasesButNotUnrelatedTypes() {
        let graph = TypeGraph(module([
            structure("Root", [property("items", .array(.named(["Alias"])))]),
            .alias(AliasDecl(name: "Alias", docs: [], target: .optional(.named(["Leaf"])))),
            structure("Leaf", [property("map", .dictionary(.named(["Deeper"])))]),
            structure("Deeper", []),
            structure("Unrelated", []),
        ]))
        let seen = graph.reachable(from: [.named(["Root"])], references: graph.referenceLists())
        let names = graph.declarations.entries.indices.filter { seen[$0] }.map { graph.declarations[$0].name }
        XCTAssertEqual(names, ["Root", "Leaf", "Deeper"], "aliases are followed, not listed themselves")
    }

    func testRelaxedPropertiesDependOnDirection() {
        let graph = TypeGraph(module([
            structure("Both", [
                property("id", .string, readOnly: true),
                property("secret", .string, writeOnly: true),
                property("already", .optional(.string), readOnly: true),
            ]),
        ]))
        let sentOnly = graph.relaxedProperties(sent: [true], received: [false])
        XCTAssertEqual(sentOnly.map(\.properties), [[0]])
        XCTAssertEqual(sentOnly.map(\.indexPath), [[0]])
        XCTAssertEqual(graph.relaxedProperties(sent: [false], received: [true]).map(\.properties), [[1]])
        XCTAssertEqual(graph.relaxedProperties(sent: [true], received: [true]).map(\.properties), [[0, 1]])
        XCTAssertTrue(graph.relaxedProperties(sent: [false], received: [false]).isEmpty)
    }

    func testRecursionBoxesStructEdgesOnACycleAndMakesOneOfsIndirect() {
        let graph = TypeGraph(module([
            // Self reference through an optional: boxed.
            structure("Node", [property("next", .optional(.named(["Node"]))), property("all", .array(.named(["Node"])))]),
            // A → B → A through an alias: both edges boxed.
            structure("A", [property("b", .named(["BAlias"]))]),
            .alias(AliasDecl(name: "BAlias", docs: [], target: .named(["B"]))),
            structure("B", [property("a", .optional(.named(["A"])))]),
            // A struct and a oneOf on one cycle: the struct's edge to the oneOf is not boxed, the oneOf is indirect.
            structure("Expr", [property("value", .named(["Value"]))]),
            .oneOf(OneOfDecl(name: "Value", docs: [], cases: [.init(name: "expr", type: .named(["Expr"]), tags: []),
                                                              .init(name: "number", type: .double, tags: [])],
                             discriminator: nil, nested: [])),
            // No cycle.
            structure("Plain", [property("node", .named(["Node"]))]),
        ]))
        let breaks = graph.recursionBreaks()
        XCTAssertEqual(breaks.properties, [[0]: ["next"], [1]: ["b"], [3]: ["a"]], "array elements need no box; Plain is not on a cycle")
        XCTAssertEqual(breaks.indirectEnums, [[5]])
    }

    func testStronglyConnectedComponents() {
        // 0 → 1 → 2 → 0, 2 → 3, 4 alone, 5 → 5.
        let component = TypeGraph.stronglyConnectedComponents([[1], [2], [0, 3], [], [], [5]])
        XCTAssertEqual(component[0], component[1])
        XCTAssertEqual(component[1], component[2])
        XCTAssertEqual(Set(component).count, 4)
        XCTAssertNotEqual(component[3], component[0])
        XCTAssertNotEqual(component[4], component[3])
    }
}

final class DeduplicationTests: XCTestCase {
    private func nestedStruct(_ name: String, refersTo target: [String]) -> Declaration {
        .structure(StructDecl(
            name: name, docs: [],
            properties: [PropertyDecl(name: "x", wireName: "x", type: .named(target), docs: [], defaultValue: nil,
                                      constraints: Constraints(), deprecated: false)],
            additionalProperties: nil,
            nested: [.enumeration(EnumDecl(name: "Kind", docs: [], rawType: .string, cases: []))]
        ))
    }

    func testStructureHashAgreesWithCanonicalFormAtAnyDepth() {
        // The same shape at depth 2 and depth 3, each referring to its own nested type.
        let shallow = nestedStruct("Meta", refersTo: ["A", "Meta", "Kind"])
        let deep = nestedStruct("Info", refersTo: ["B", "C", "Info", "Kind"])
        XCTAssertEqual(Deduplication.canonical(shallow, path: ["A", "Meta"]), Deduplication.canonical(deep, path: ["B", "C", "Info"]))
        XCTAssertEqual(Deduplication.structureHash(shallow, path: ["A", "Meta"]), Deduplication.structureHash(deep, path: ["B", "C", "Info"]))
        // A reference outside the type stays absolute, so a different target is a different shape.
        let outside = nestedStruct("Meta", refersTo: ["Other"])
        XCTAssertNotEqual(Deduplication.structureHash(outside, path: ["A", "Meta"]), Deduplication.structureHash(shallow, path: ["A", "Meta"]))
    }

    func testIdenticalNestedTypesBecomeAliasesOfTheFirstAndDocsStillCount() {
        func owner(_ name: String, docs: [String]) -> Declaration {
            var inner = nestedStruct("Meta", refersTo: [name, "Meta", "Kind"])
            if case .structure(var s) = inner { s.docs = .text(docs); inner = .structure(s) }
            return .structure(StructDecl(name: name, docs: [], properties: [], additionalProperties: nil, nested: [inner]))
        }
        var module = ModuleDecl(title: "T", version: "1", serverURL: nil,
                                types: [owner("A", docs: ["Same."]), owner("B", docs: ["Same."]), owner("C", docs: ["Different."])],
                                operations: [], auth: [])
        Deduplication.apply(&module)
        func nested(_ i: Int) -> Declaration? {
            if case .structure(let s) = module.types[i] { return s.nested.first }
            return nil
        }
        guard case .structure? = nested(0) else { return XCTFail("the first copy stays") }
        guard case .alias(let alias)? = nested(1) else { return XCTFail("the second copy becomes an alias") }
        XCTAssertEqual(alias.target, .named(["A", "Meta"]))
        guard case .structure? = nested(2) else { return XCTFail("same structure, other docs: kept (same hash, not equal)") }
    }
}
