/// A JSON Schema `pattern` (an ECMA-262 regular expression), checked in time linear in the
/// input for any pattern: parsed into a program of a bounded size and run as a Pike VM, which
/// follows every way of matching at once instead of backtracking. `(x+x+)+y` on 80 characters
/// costs what `xy` does.
///
/// What ECMA-262 has and a linear-time matcher cannot do (backreferences, lookaround) is
/// `Pattern.Problem.unsupported`: such a pattern is not checked, which is not "does not match".
/// The generator warns about it, and about invalid patterns, where the document writes them.
///
/// Matching is by Unicode scalar, and as `pattern` means it: anywhere in the value, unless
/// anchored with `^` or `$` (which match at the start and end of the value only).
public struct Pattern: Sendable {
    let program: [Instruction]

    /// Why a pattern cannot be checked.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a regular expression ECMA-262 accepts.
        case invalid(String)
        /// Valid, but beyond what a linear-time matcher does.
        case unsupported(String)

        public var description: String {
            switch self {
            case .invalid(let reason): "not a valid ECMA-262 regular expression: \(reason)"
            case .unsupported(let reason): "\(reason), which cannot be checked in linear time"
            }
        }
    }

    /// The most instructions a compiled pattern may have (counted repetitions are copied out):
    /// a bound on the work per input character.
    public static let maxProgramSize = 20_000

    public init(_ source: String) throws(Problem) {
        var parser = PatternParser(source)
        let node = try parser.parse()
        var compiler = PatternCompiler()
        try compiler.compile(node)
        program = compiler.finish()
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        PikeVM(program: program).search(Array(text.unicodeScalars.lazy.map(\.value)))
    }
}
