/// One step of a compiled pattern.
enum Instruction {
    /// Read one scalar in the set.
    case set(ScalarSet)
    /// Go on at both.
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
}

/// Thompson's construction: a pattern's nodes as a program, counted repetitions copied out, the
/// whole no larger than `Pattern.maxProgramSize`.
struct PatternCompiler {
    private var program: [Instruction] = []

    mutating func compile(_ node: PatternNode) throws(Pattern.Problem) {
        switch node {
        case .empty:
            break
        case .set(let set):
            try emit(.set(set))
        case .assertion(let assertion):
            try emit(.assert(assertion))
        case .concat(let nodes):
            for node in nodes { try compile(node) }
        case .alternation(let nodes):
            var jumps: [Int] = []
            for (i, node) in nodes.enumerated() {
                if i < nodes.count - 1 {
                    let split = try emit(.split(0, 0))
                    try compile(node)
                    jumps.append(try emit(.jump(0)))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try compile(node)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let min, let max):
            // An inner part that reads nothing repeats to nothing (and would not grow the
            // program, however large the count).
            let before = program.count
            if min > 0 {
                try compile(inner)
                if program.count == before { return }
                for _ in 1..<min { try compile(inner) }
            }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(try emit(.split(0, 0)))
                    let start = program.count
                    try compile(inner)
                    if program.count == start { program.removeLast(); splits.removeLast(); break }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = try emit(.split(0, 0))
                try compile(inner)
                try emit(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }

    @discardableResult
    private mutating func emit(_ instruction: Instruction) throws(Pattern.Problem) -> Int {
        guard program.count < Pattern.maxProgramSize else {
            throw .unsupported("a pattern whose repetitions expand past \(Pattern.maxProgramSize) steps")
        }
        program.append(instruction)
        return program.count - 1
    }

    mutating func finish() -> [Instruction] {
        program.append(.match)
        return program
    }
}

/// Runs a program over the input keeping every live thread at once, each program step at most
/// once per input position: time is the input's length times the program's, whatever the pattern.
struct PikeVM {
    let program: [Instruction]

    /// Whether the program matches starting anywhere in `input`.
    func search(_ input: [UInt32]) -> Bool {
        var current = ThreadSet(capacity: program.count)
        var next = ThreadSet(capacity: program.count)
        var stack: [Int] = []
        for position in 0...input.count {
            // A thread starts at every position: `pattern` matches anywhere.
            if add(0, at: position, input, to: &current, &stack) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.removeAll()
            for pc in current.members {
                if case .set(let set) = program[pc], set.contains(scalar),
                   add(pc + 1, at: position + 1, input, to: &next, &stack) {
                    return true
                }
            }
            swap(&current, &next)
            if current.members.isEmpty, position + 1 < input.count, startIsAnchored { return false }
        }
        return false
    }

    /// Whether no match can start after the first position (the program begins with `^`).
    private var startIsAnchored: Bool {
        if case .assert(.start) = program.first { return true }
        return false
    }

    /// Adds the thread at `pc` and all it reaches without reading; true when one matches.
    private func add(_ pc: Int, at position: Int, _ input: [UInt32], to threads: inout ThreadSet, _ stack: inout [Int]) -> Bool {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard threads.insert(pc) else { continue }
            switch program[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion):
                if holds(assertion, at: position, input) { stack.append(pc + 1) }
            case .set:
                break   // waits for the next scalar
            }
        }
        return false
    }

    private func holds(_ assertion: Assertion, at position: Int, _ input: [UInt32]) -> Bool {
        switch assertion {
        case .start: return position == 0
        case .end: return position == input.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && ScalarSet.isWord(input[position - 1])
            let after = position < input.count && ScalarSet.isWord(input[position])
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}

/// A set of program counters with constant-time insert, membership and clear (a sparse set).
struct ThreadSet {
    private var dense: [Int] = []
    private var sparse: [Int]

    init(capacity: Int) {
        sparse = Array(repeating: 0, count: capacity)
        dense.reserveCapacity(capacity)
    }

    var members: [Int] { dense }

    /// False when `pc` was already in.
    mutating func insert(_ pc: Int) -> Bool {
        let index = sparse[pc]
        if index < dense.count, dense[index] == pc { return false }
        sparse[pc] = dense.count
        dense.append(pc)
        return true
    }

    mutating func removeAll() { dense.removeAll(keepingCapacity: true) }
}
