/// A parsed pattern: what the compiler turns into a program.
indirect enum PatternNode {
    case empty
    case set(ScalarSet)
    case concat([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?)
    case assertion(Assertion)
}

enum Assertion: Equatable {
    case start, end, wordBoundary, notWordBoundary
}

/// Unicode scalars, as ranges, or all but those.
struct ScalarSet: Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated = false

    func contains(_ scalar: UInt32) -> Bool {
        var inside = false
        for range in ranges where range.contains(scalar) {
            inside = true
            break
        }
        return inside != negated
    }

    static func single(_ scalar: UInt32) -> ScalarSet { ScalarSet(ranges: [scalar...scalar]) }

    // ECMA-262's classes.
    static let digits: [ClosedRange<UInt32>] = [0x30...0x39]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                               0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF]
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]
    /// `.`: anything but a line terminator.
    static let dot = ScalarSet(ranges: lineTerminators, negated: true)

    static func isWord(_ scalar: UInt32) -> Bool {
        word.contains { $0.contains(scalar) }
    }
}

/// ECMA-262's pattern grammar with the web compatibility rules of its Annex B (a `{` or `]` that
/// starts nothing is itself, `\z` is `z`), which is what JavaScript engines accept.
struct PatternParser {
    private let scalars: [UInt32]
    private var at = 0
    private var depth = 0
    private static let maxDepth = 200

    init(_ source: String) {
        scalars = source.unicodeScalars.map(\.value)
    }

    mutating func parse() throws(Pattern.Problem) -> PatternNode {
        let node = try disjunction()
        if at < scalars.count {
            // Only an unmatched `)` stops a disjunction early.
            throw .invalid("unmatched ')' at \(at + 1)")
        }
        return node
    }

    private var peek: UInt32? { at < scalars.count ? scalars[at] : nil }

    private func peek(_ offset: Int) -> UInt32? { at + offset < scalars.count ? scalars[at + offset] : nil }

    private mutating func take(_ scalar: Character) -> Bool {
        guard peek == scalar.unicodeScalars.first!.value else { return false }
        at += 1
        return true
    }

    private mutating func disjunction() throws(Pattern.Problem) -> PatternNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw .unsupported("groups nested deeper than \(Self.maxDepth)") }
        var alternatives = [try alternative()]
        while take("|") { alternatives.append(try alternative()) }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func alternative() throws(Pattern.Problem) -> PatternNode {
        var terms: [PatternNode] = []
        while let c = peek, c != 0x7C /* | */, c != 0x29 /* ) */ {
            terms.append(try term())
        }
        return terms.isEmpty ? .empty : terms.count == 1 ? terms[0] : .concat(terms)
    }

    private mutating func term() throws(Pattern.Problem) -> PatternNode {
        let start = at
        if take("^") { return .assertion(.start) }
        if take("$") { return .assertion(.end) }
        if peek == 0x5C, let next = peek(1), next == 0x62 || next == 0x42 {   // \b \B
            at += 2
            return .assertion(next == 0x62 ? .wordBoundary : .notWordBoundary)
        }
        if peek == 0x28, peek(1) == 0x3F, let kind = peek(2) {   // (?
            if kind == 0x3D || kind == 0x21 { throw .unsupported("a lookahead '(?\(Character(Unicode.Scalar(kind)!))'") }
            if kind == 0x3C, let after = peek(3), after == 0x3D || after == 0x21 { throw .unsupported("a lookbehind") }
        }
        let atom = try self.atom()
        guard let quantifier = try quantifier() else { return atom }
        if case .assertion = atom { throw .invalid("nothing to repeat at \(start + 1)") }
        return .repetition(atom, min: quantifier.min, max: quantifier.max)
    }

    private mutating func quantifier() throws(Pattern.Problem) -> (min: Int, max: Int?)? {
        let found: (min: Int, max: Int?)
        switch peek {
        case 0x2A: at += 1; found = (0, nil)   // *
        case 0x2B: at += 1; found = (1, nil)   // +
        case 0x3F: at += 1; found = (0, 1)     // ?
        case 0x7B:                              // {
            guard let braces = try counted() else { return nil }
            found = braces
        default:
            return nil
        }
        _ = take("?")   // lazy: the same strings match
        if let max = found.max, max < found.min { throw .invalid("numbers out of order in {\(found.min),\(max)}") }
        return found
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (and nothing read) when the `{` starts none of them.
    private mutating func counted() throws(Pattern.Problem) -> (min: Int, max: Int?)? {
        let start = at
        at += 1
        guard let min = number() else { at = start; return nil }
        var max: Int? = min
        if take(",") { max = number() }
        guard take("}") else { at = start; return nil }
        guard min <= Pattern.maxProgramSize, (max ?? 0) <= Pattern.maxProgramSize else {
            throw .unsupported("a repetition count above \(Pattern.maxProgramSize)")
        }
        return (min, max)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let c = peek, (0x30...0x39).contains(c) {
            value = min((value ?? 0) * 10 + Int(c - 0x30), Int(Int32.max))
            at += 1
        }
        return value
    }

    private mutating func atom() throws(Pattern.Problem) -> PatternNode {
        guard let c = peek else { throw .invalid("unexpected end") }
        switch c {
        case 0x2E: at += 1; return .set(.dot)                      // .
        case 0x5B: return .set(try characterClass())                // [
        case 0x28:                                                  // (
            at += 1
            if take("?") {
                if take(":") {
                } else if take("<") {
                    // A named group: the name, then the group as any other.
                    while let n = peek, n != 0x3E { at += 1 }
                    guard take(">") else { throw .invalid("unterminated group name") }
                } else {
                    throw .invalid("invalid group '(?' at \(at)")
                }
            }
            let inner = try disjunction()
            guard take(")") else { throw .invalid("missing ')'") }
            return inner
        case 0x5C:                                                  // \
            at += 1
            return .set(try escape(inClass: false))
        case 0x2A, 0x2B, 0x3F:                                      // * + ?
            throw .invalid("nothing to repeat at \(at + 1)")
        case 0x7B:                                                  // {
            let start = at
            if case .some(.some) = try? counted() { throw .invalid("nothing to repeat at \(start + 1)") }
            at = start + 1   // Annex B: a `{` that is no quantifier is itself
            return .set(.single(c))
        default:
            at += 1
            return .set(.single(c))
        }
    }

    /// After a backslash.
    private mutating func escape(inClass: Bool) throws(Pattern.Problem) -> ScalarSet {
        guard let c = peek else { throw .invalid("\\ at end of pattern") }
        at += 1
        switch c {
        case 0x64: return ScalarSet(ranges: ScalarSet.digits)                  // \d
        case 0x44: return ScalarSet(ranges: ScalarSet.digits, negated: true)   // \D
        case 0x77: return ScalarSet(ranges: ScalarSet.word)                    // \w
        case 0x57: return ScalarSet(ranges: ScalarSet.word, negated: true)     // \W
        case 0x73: return ScalarSet(ranges: ScalarSet.space)                   // \s
        case 0x53: return ScalarSet(ranges: ScalarSet.space, negated: true)    // \S
        case 0x74: return .single(0x09)
        case 0x6E: return .single(0x0A)
        case 0x76: return .single(0x0B)
        case 0x66: return .single(0x0C)
        case 0x72: return .single(0x0D)
        case 0x62 where inClass: return .single(0x08)                          // [\b]: backspace
        case 0x30 where !(peek.map { (0x30...0x39).contains($0) } ?? false): return .single(0)
        case 0x31...0x39: throw .unsupported("a backreference '\\\(Character(Unicode.Scalar(c)!))'")
        case 0x6B where peek == 0x3C: throw .unsupported("a named backreference '\\k<…>'")
        case 0x70 where peek == 0x7B, 0x50 where peek == 0x7B:
            throw .unsupported("a Unicode property escape '\\\(Character(Unicode.Scalar(c)!)){…}'")
        case 0x63:                                                             // \cX
            if let letter = peek, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) {
                at += 1
                return .single(letter % 32)
            }
            at -= 1   // Annex B: `\c` not followed by a letter is a backslash
            return .single(0x5C)
        case 0x78:                                                             // \xHH
            if let value = hex(count: 2) { return .single(value) }
            return .single(c)
        case 0x75:                                                             // \uHHHH, \u{H…}
            if take("{") {
                var value: UInt32 = 0
                var digits = 0
                while let d = peek, let v = Self.hexValue(d) {
                    value = value &* 16 &+ v
                    digits += 1
                    at += 1
                }
                guard take("}"), digits > 0, value <= 0x10FFFF else { throw .invalid("invalid \\u{…} escape") }
                return .single(value)
            }
            if let value = hex(count: 4) { return .single(value) }
            return .single(c)
        default:
            return .single(c)   // an identity escape: `\.`, `\/`, and (Annex B) any other
        }
    }

    private mutating func hex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for i in 0..<count {
            guard let d = peek(i), let v = Self.hexValue(d) else { return nil }
            value = value * 16 + v
        }
        at += count
        return value
    }

    private static func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// `[…]`: ranges and classes; `[^]` is any scalar, `[]` none.
    private mutating func characterClass() throws(Pattern.Problem) -> ScalarSet {
        at += 1
        let negated = take("^")
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard let c = peek else { throw .invalid("missing ']'") }
            if c == 0x5D { at += 1; break }
            let low = try classAtom()
            if peek == 0x2D, let after = peek(1), after != 0x5D {   // a-b
                at += 1
                let high = try classAtom()
                guard case .scalar(let l) = low, case .scalar(let h) = high else {
                    // Annex B: a range with a class at either end is its parts and a `-`.
                    ranges += low.ranges + [0x2D...0x2D] + high.ranges
                    continue
                }
                guard l <= h else { throw .invalid("range out of order in character class") }
                ranges.append(l...h)
            } else {
                ranges += low.ranges
            }
        }
        if negated && ranges.isEmpty { return ScalarSet(ranges: [0...0x10FFFF]) }
        return ScalarSet(ranges: ranges, negated: negated)
    }

    private enum ClassAtom {
        case scalar(UInt32)
        case set(ScalarSet)

        var ranges: [ClosedRange<UInt32>] {
            switch self {
            case .scalar(let s): [s...s]
            case .set(let set) where !set.negated: set.ranges
            case .set(let set): Self.complement(set.ranges)
            }
        }

        /// Everything but `ranges`, as ranges (a negated class inside a class: `[\D]`).
        static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            var out: [ClosedRange<UInt32>] = []
            var next: UInt32 = 0
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if range.lowerBound > next { out.append(next...(range.lowerBound - 1)) }
                next = max(next, range.upperBound + 1)
            }
            if next <= 0x10FFFF { out.append(next...0x10FFFF) }
            return out
        }
    }

    private mutating func classAtom() throws(Pattern.Problem) -> ClassAtom {
        guard let c = peek else { throw .invalid("missing ']'") }
        at += 1
        guard c == 0x5C else { return .scalar(c) }
        let set = try escape(inClass: true)
        if !set.negated, set.ranges.count == 1, set.ranges[0].count == 1 { return .scalar(set.ranges[0].lowerBound) }
        return .set(set)
    }
}
