import Foundation
internal import APIGenPattern

/// Checks a generated client runs before sending, from the schema's constraints.
/// Each failure is an `APIError.invalidArgument` naming the argument or property path.
@_spi(Generated) public enum Validation {
    public static func check(_ value: String?, name: String, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil) throws {
        guard let value else { return }
        let count = value.count
        if let minLength, count < minLength {
            throw APIError.invalidArgument(name: name, reason: "is \(count) characters long, the minimum is \(minLength)")
        }
        if let maxLength, count > maxLength {
            throw APIError.invalidArgument(name: name, reason: "is \(count) characters long, the maximum is \(maxLength)")
        }
        // Linear in the value's length for any pattern (a backtracking engine takes exponential
        // time on `(x+x+)+y`). A pattern that cannot be checked as ECMA-262 means it is not
        // checked: the generator warned where the document writes it.
        if let pattern, let compiled = PatternCache.shared.pattern(pattern), !compiled.matches(value) {
            throw APIError.invalidArgument(name: name, reason: "does not match the pattern \(pattern)")
        }
    }

    public static func check<N: BinaryInteger>(_ value: N?, name: String, minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false) throws {
        guard let value else { return }
        try check(Double(value), name: name, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum)
    }

    public static func check(_ value: Double?, name: String, minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false) throws {
        guard let value else { return }
        if let minimum, value < minimum || (exclusiveMinimum && value == minimum) {
            throw APIError.invalidArgument(name: name, reason: "is \(value.parameterValue), the \(exclusiveMinimum ? "exclusive " : "")minimum is \(minimum.parameterValue)")
        }
        if let maximum, value > maximum || (exclusiveMaximum && value == maximum) {
            throw APIError.invalidArgument(name: name, reason: "is \(value.parameterValue), the \(exclusiveMaximum ? "exclusive " : "")maximum is \(maximum.parameterValue)")
        }
    }

    public static func check<Element>(_ value: [Element]?, name: String, minItems: Int? = nil, maxItems: Int? = nil) throws {
        guard let value else { return }
        if let minItems, value.count < minItems {
            throw APIError.invalidArgument(name: name, reason: "has \(value.count) items, the minimum is \(minItems)")
        }
        if let maxItems, value.count > maxItems {
            throw APIError.invalidArgument(name: name, reason: "has \(value.count) items, the maximum is \(maxItems)")
        }
    }

    /// A parameter must be one of the values the schema lists.
    public static func checkKnown<E: OpenEnum>(_ value: E?, name: String) throws {
        guard let value, value.isUnknown else { return }
        throw APIError.invalidArgument(name: name, reason: "'\(value.rawValue)' is not one of \(E.allCases.map { "\($0.rawValue)" }.joined(separator: ", "))")
    }

    public static func checkKnown<E: OpenEnum>(_ values: [E]?, name: String) throws {
        for value in values ?? [] { try checkKnown(value, name: name) }
    }

    /// Items that may be null (`items: {enum: […], nullable: true}`).
    public static func checkKnown<E: OpenEnum>(_ values: [E?]?, name: String) throws {
        for value in values ?? [] { try checkKnown(value, name: name) }
    }
}

/// A generated model whose properties (or nested ones) carry constraints.
@_spi(Generated) public protocol Validatable {
    /// Throws `APIError.invalidArgument` for the first property that breaks a constraint;
    /// `path` names the value (`body.recordingConfig.maxSeconds`).
    func validate(path: String) throws
}

@_spi(Generated) extension Validation {
    public static func check(_ value: (some Validatable)?, name: String) throws {
        try value?.validate(path: name)
    }

    public static func check(_ values: [some Validatable]?, name: String) throws {
        for (i, value) in (values ?? []).enumerated() { try value.validate(path: "\(name)[\(i)]") }
    }
}

/// Each pattern compiled once. The patterns are the generated code's (a fixed set), but
/// `Validation.check` is public: the cache is emptied when it grows past a bound.
private final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()
    private let lock = NSLock()
    private var compiled: [String: Pattern?] = [:]

    func pattern(_ source: String) -> Pattern? {
        lock.lock()
        if let known = compiled[source] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let pattern = try? Pattern(source)
        lock.lock()
        if compiled.count >= 1024 { compiled.removeAll() }
        compiled[source] = .some(pattern)
        lock.unlock()
        return pattern
    }
}
