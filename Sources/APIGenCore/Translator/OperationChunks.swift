/// What translating one operation ahead of its turn read of the state that operations share,
/// and what it added to it.
struct Speculation {
    /// Top-level names looked up, in the claimed names (`inScope`) or in `topLevelNames`, and
    /// whether they were there.
    var names: [(name: String, inScope: Bool, found: Bool)] = []
    /// Top-level names claimed, as asked for.
    var claims: [String] = []
    /// Inline schemas looked up whose answer could differ in turn: not found, or typed ahead of
    /// turn on the same copy.
    var types: [(location: SourceLocation, found: TypeUsage?)] = []
    /// Inline schemas typed.
    var typed: [SourceLocation] = []
    /// Enums declared (their case names by raw value serve `default`s).
    var enumPaths: [[String]] = []
    /// Examples checked, with the warnings each gave (indices in the copy's diagnostics).
    var examples: [(key: SourceLocation, warnings: Range<Int>)] = []
    /// Configured names used.
    var overrides: [String] = []
    /// The operation's declarations and diagnostics, as indices in the copy's lists.
    var declarations = 0..<0
    var diagnostics = 0..<0

    mutating func noteClaim(base: String, name: String, clashed: Bool) {
        let bare = SwiftNaming.unescaped(base)
        names.append((bare, inScope: true, found: clashed))
        // A clash went on to `bare2`, `bare3`… up to the first free one, the name given.
        if clashed, let last = Int(name.dropFirst(bare.count)), last >= 2 {
            for n in 2...last { names.append(("\(bare)\(n)", inScope: true, found: n < last)) }
        }
        claims.append(base)
    }
}

/// Translating operations in contiguous chunks on all cores.
///
/// The first chunk is translated on the state the components left; each other chunk on a copy
/// of that state, with its own diagnostics, recording for each operation what it read of the
/// state operations share (top-level names, types of inline schemas) and what it added. Then the
/// operations of the other chunks are taken over one by one, in order: one whose reads give the
/// same answers on the state as taken over so far would come out the same in its turn, so what
/// it added is added; any other is translated again, in its turn. Either way the declarations,
/// names and warnings are those of translating one operation after the other (an example is
/// checked once: warnings about one that an earlier operation checked are dropped).
extension OperationTranslator {
    /// An operation with its method name chosen (and the warnings the choice gave).
    struct Job {
        let operation: Operation
        let name: String
        let rawName: String
        let warnings: [Diagnostic]
    }

    /// Below this many operations per chunk, one thread is faster than copying the state.
    static let operationsPerChunk = 64

    /// One chunk per core: each more chunk costs a copy of the state and its taking over (on
    /// Cloudflare's 1,549 operations with 2 cores: 130 ms in one chunk, 80 to 87 ms in two,
    /// 90 to 126 ms in four).
    static func automaticChunks(_ operations: Int) -> Int {
        max(1, min(ParallelMap.cores, operations / operationsPerChunk))
    }

    /// The operations, and how many were translated again in their turn.
    func translate(_ jobs: [Job], auth: [AuthDecl], chunks requested: Int) -> ([OperationDecl], Int) {
        let chunks = min(requested, jobs.count)
        guard chunks > 1 else { return (jobs.map { translateInTurn($0, auth: auth) }, 0) }
        let bounds = (0...chunks).map { $0 * jobs.count / chunks }
        // The copies are made before any chunk runs: the first chunk changes the state itself.
        let translators = [self] + (1..<chunks).map { _ in
            let copy = context.speculativeCopy()
            return OperationTranslator(context: copy, types: types.copy(on: copy))
        }
        let shared = Unshared(value: (translators, jobs, auth))
        let results = ParallelMap.map(Array(0..<chunks)) { i in
            let (translators, all, auth) = shared.value
            let jobs = all[bounds[i]..<bounds[i + 1]]
            if i == 0 { return Unshared(value: jobs.map { (translators[0].translateInTurn($0, auth: auth), Speculation()) }) }
            return Unshared(value: jobs.map { translators[i].translateAhead($0, auth: auth) })
        }

        var operations = results[0].value.map(\.0), translatedAgain = 0
        operations.reserveCapacity(jobs.count)
        for i in 1..<chunks {
            for (j, (operation, speculation)) in results[i].value.enumerated() {
                if isUnchanged(speculation) {
                    adopt(speculation, from: translators[i])
                    operations.append(operation)
                } else {
                    operations.append(translateInTurn(jobs[bounds[i] + j], auth: auth))
                    translatedAgain += 1
                }
            }
        }
        return (operations, translatedAgain)
    }

    /// The operation's naming warnings, then its translation.
    private func translateInTurn(_ job: Job, auth: [AuthDecl]) -> OperationDecl {
        for warning in job.warnings { context.diagnostics.append(warning) }
        return translate(job.operation, name: job.name, rawName: job.rawName, auth: auth)
    }

    /// Translates on a copy of the state, recording what was read and added.
    private func translateAhead(_ job: Job, auth: [AuthDecl]) -> (OperationDecl, Speculation) {
        let declarations = context.operationDecls.count, diagnostics = context.diagnostics.diagnostics.count
        context.speculation = Speculation()
        let operation = translateInTurn(job, auth: auth)
        var speculation = context.speculation!
        context.speculation = nil
        speculation.declarations = declarations..<context.operationDecls.count
        speculation.diagnostics = diagnostics..<context.diagnostics.diagnostics.count
        return (operation, speculation)
    }

    /// Whether everything the translation ahead of turn read is the same on the state now.
    private func isUnchanged(_ speculation: Speculation) -> Bool {
        for probe in speculation.names {
            let found = probe.inScope ? context.topLevelScope.contains(probe.name) : context.topLevelNames.contains(probe.name)
            if found != probe.found { return false }
        }
        for read in speculation.types where context.typesByLocation[read.location] != read.found {
            return false
        }
        return true
    }

    /// Adds what an operation translated ahead of turn on `other`'s copy added.
    private func adopt(_ speculation: Speculation, from other: OperationTranslator) {
        for base in speculation.claims { _ = context.claimTopLevel(base) }
        for location in speculation.typed {
            context.typesByLocation[location] = other.context.typesByLocation[location]
        }
        context.operationDecls += other.context.operationDecls[speculation.declarations]
        for key in speculation.overrides { context.usedOverrides.insert(key) }
        // Warnings about an example that an earlier operation checked are not given again.
        var repeated: [Range<Int>] = []
        for (key, warnings) in speculation.examples where types.checkedExample(key) { repeated.append(warnings) }
        types.adopt(other.types, speculation: speculation)
        let diagnostics = other.context.diagnostics.diagnostics
        for i in speculation.diagnostics where !repeated.contains(where: { $0.contains(i) }) {
            context.diagnostics.append(diagnostics[i])
        }
    }
}
