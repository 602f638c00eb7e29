/// Translation in units: each component, and each operation, is translated as a unit of its own.
///
/// A unit reads the settled state (every top-level name, and the types, enum cases and checked
/// examples of the units before its pass) and writes only a layer of its own, which it hands
/// back. So units can run on any number of cores and come out the same however they are shared
/// out, or run here one after the other; `merge` then takes them in document order.
struct UnitOutput<Result> {
    var result: Result
    var declarations: [Declaration]
    var diagnostics: [Diagnostic]
    var exampleWarnings: [(key: SourceLocation, warnings: Range<Int>)]
    var usedOverrides: Set<String>
}

extension TypeTranslator {
    /// Below this many units a worker, one thread is as fast as copying the state.
    static let unitsPerWorker = 64

    /// `body` for each of `count` units; `workers` (nil: one per core) changes only the speed.
    func translateUnits<Result>(_ count: Int, workers requested: Int?, _ body: @escaping (TypeTranslator, Int) -> Result) -> [UnitOutput<Result>] {
        let workers = max(1, min(requested ?? ParallelMap.cores, count / Self.unitsPerWorker))
        guard workers > 1 else { return (0..<count).map { unit($0, body) } }
        // Each worker has its own copy, made before any runs: no two share what they change.
        let copies = (0..<workers).map { _ in Unshared(value: copy(on: context.workerCopy())) }
        let shared = Unshared(value: body)
        let parts = ParallelMap.map(Array(0..<workers)) { worker in
            let translator = copies[worker].value
            return Unshared(value: stride(from: worker, to: count, by: workers).map { translator.unit($0, shared.value) })
        }
        return (0..<count).map { parts[$0 % workers].value[$0 / workers] }
    }

    /// One unit on this translator's state, which it leaves as it found it.
    private func unit<Result>(_ index: Int, _ body: (TypeTranslator, Int) -> Result) -> UnitOutput<Result> {
        let (sink, declarations, overrides) = (context.diagnostics, context.operationDecls, context.usedOverrides)
        context.diagnostics = DiagnosticSink()
        context.operationDecls = []
        context.usedOverrides = []
        context.exampleWarnings = []
        let result = body(self, index)
        let output = UnitOutput(
            result: result, declarations: context.operationDecls, diagnostics: context.diagnostics.diagnostics,
            exampleWarnings: context.exampleWarnings, usedOverrides: context.usedOverrides
        )
        // What a unit typed is its own: no later unit or pass reads another's (the example
        // oracle looks up component schemas only, settled before the units).
        context.typesByLocation.dropAdded()
        context.mergedTypes.dropAdded()
        context.enumCases.dropAdded()
        context.checkedExamples.dropAdded()
        (context.diagnostics, context.operationDecls, context.usedOverrides) = (sink, declarations, overrides)
        context.exampleWarnings = []
        return output
    }

    /// Takes the units in, in order, after `before(i)` for each: declarations, configured names
    /// used, and warnings (an example is warned about once).
    func merge<Result>(_ outputs: [UnitOutput<Result>], before: (Int) -> Void = { _ in }) {
        var checked: Set<SourceLocation> = []
        for (i, output) in outputs.enumerated() {
            before(i)
            var dropped: Set<Int> = []
            for (key, range) in output.exampleWarnings where !checked.insert(key).inserted { dropped.formUnion(range) }
            for (j, diagnostic) in output.diagnostics.enumerated() where !dropped.contains(j) { context.diagnostics.append(diagnostic) }
            context.operationDecls += output.declarations
            context.usedOverrides.formUnion(output.usedOverrides)
        }
    }
}
