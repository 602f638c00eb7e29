import Dispatch

/// Translates the component schemas on another core while the reader goes on with `paths`.
///
/// The components need nothing from the operations: their names are claimed first, in document
/// order, and their nested types are named within them. So the generator hands the document as
/// read so far (`DocumentReader.read(…, componentsRead:)`) to `start`, and `Translator.declarations`
/// continues from the result with the operations. The output is the same bytes as translating
/// afterwards; warnings keep their order (the reader's first). A document whose `paths` reach
/// schemas in other files that the components did not reach has more schemas once read; then
/// the result does not match and the components are translated again, after the read.
final class ComponentPrefetch: @unchecked Sendable {
    /// What the other core produced; handed over once, after `group.wait()`.
    struct Result {
        let context: TranslationContext
        let types: TypeTranslator
        let diagnostics: DiagnosticSink
        let schemaCount: Int
    }

    private let configuration: Configuration
    private let group = DispatchGroup()
    // Written by the worker before it leaves `group`, read only after `group.wait()`.
    private var result: Result?
    private var started = false

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Starts translating the components of `partial` (a document without its operations).
    func start(_ partial: OpenAPIDocument) {
        precondition(!started, "components are prefetched once")
        started = true
        let configuration = configuration
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            let sink = DiagnosticSink()
            let (context, types) = Translator.components(partial, configuration: configuration, diagnostics: sink)
            self.result = Result(context: context, types: types, diagnostics: sink, schemaCount: partial.schemas.count)
        }
    }

    /// Waits for the translation and returns it if it is of `document`'s schemas; nil when none
    /// was started or the read found more schemas after the components.
    func take(for document: OpenAPIDocument) -> Result? {
        guard started else { return nil }
        group.wait()
        defer { result = nil }
        guard let result, result.schemaCount == document.schemas.count else { return nil }
        return result
    }

    /// Waits for a started translation and drops it (the read failed).
    func discard() {
        guard started else { return }
        group.wait()
        result = nil
    }
}
