import XCTest
@testable import APIGenCore

/// The naming passes make every top-level name; building declarations reads the table and adds
/// nothing to it.
final class NameTableTests: XCTestCase {
    private struct Snapshot: Equatable {
        var components: [String: String]
        var inline: [SourceLocation: TypeUsage]
        var merged: [[SourceLocation]: TypeUsage]
        var taken: Set<String>

        init(_ table: NameTable) {
            (components, inline, merged, taken) = (table.components, table.inline, table.merged, table.taken)
        }
    }

    /// Every golden (components, aliases that declare element types, bodies, parameter enums,
    /// webhooks and callbacks, keywords, clashes) and RealtimeKit: the table is the same after
    /// the operations, webhooks and callbacks are built as when the naming pass ended, and it
    /// names every top-level declaration.
    func testBuildingAddsNoTopLevelName() throws {
        for input in try Pipeline.goldenInputsAndRealtimeKit() {
            let generator = Generator()
            let sink = DiagnosticSink()
            let document = try generator.read(generator.parseFile(path: input.path, displayName: input.path), file: input.path, path: input.path, diagnostics: sink)
            let translated = Translator.components(document, configuration: Configuration())
            let (context, types) = (translated.context, translated.types)
            let afterComponents = Snapshot(context.names)
            XCTAssertEqual(Set(afterComponents.components.keys), Set(document.schemas.map(\.name)), input.path)

            let kept = document.operations.map { _ in true }
            let named = TopLevelNaming(context: context, types: types).run(keeping: kept)
            let afterNaming = Snapshot(context.names)
            XCTAssertTrue(afterNaming.taken.isSuperset(of: afterComponents.taken), input.path)
            XCTAssertEqual(afterNaming.components, afterComponents.components, input.path)

            let translator = OperationTranslator(context: context, types: types)
            let auth = translator.translateAuth(document.operations)
            _ = translator.translateAll(named.operations, auth: auth, keeping: kept)
            let webhooks = Webhooks(context: context, types: types)
            let webhookEnum = types.building(named.webhookTypes) { webhooks.translate(document.webhooks, name: named.webhookEnum) }
            types.building(named.callbackTypes) { webhooks.translateCallbacks(of: document.operations) }
            XCTAssertEqual(Snapshot(context.names), afterNaming, "building changed the name table of \(input.lastPathComponent)")

            let declared = context.orderedTopLevel().map(\.name) + (webhookEnum.map { [$0.name] } ?? [])
            XCTAssertEqual(Set(declared).subtracting(afterNaming.taken), [], input.lastPathComponent)
            XCTAssertEqual(declared.count, Set(declared).count, "two top-level declarations share a name in \(input.lastPathComponent)")
            // What inline schemas declare at the top level is in the table by location.
            let inlineTypes = Set(afterNaming.inline.values).union(afterNaming.merged.values)
            for decl in context.operationDecls {
                XCTAssertTrue(inlineTypes.contains(.named([decl.name])), "\(decl.name) in \(input.lastPathComponent)")
            }
        }
    }
}
