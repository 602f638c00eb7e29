/// What every generated enum conforms to: known cases plus `unknown(raw)`, so a value the
/// server adds later still decodes (and encodes back unchanged).
///
/// `Codable` comes from the standard library's `RawRepresentable` support, which works
/// because `init(rawValue:)` never fails.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable
where RawValue: Codable & Hashable & Sendable {
    init(rawValue: RawValue)
    /// A raw value the enum does not list (the generated `case unknown(_)`).
    static func unknown(_ rawValue: RawValue) -> Self
    /// True for `unknown(_)`: a value this client was not generated with.
    var isUnknown: Bool { get }
}

extension OpenEnum {
    /// The known case with this raw value, otherwise `unknown(rawValue)`. Generated enums take
    /// this instead of writing a `switch` over string patterns: each pattern is a `~=` call the
    /// compiler must resolve, and the search is the same walk through the raw values.
    @inlinable
    public init(rawValue: RawValue) {
        for known in Self.allCases where known.rawValue == rawValue {
            self = known
            return
        }
        self = .unknown(rawValue)
    }

    /// `init(rawValue:)` maps every known raw value to its case, so a value is unknown exactly
    /// when it is not among `allCases`.
    public var isUnknown: Bool { !Self.allCases.contains(self) }
}

/// As a parameter, an enum is its raw value (generated enums declare the conformance).
@_spi(Generated) extension OpenEnum where RawValue: ParameterValue {
    public var parameterValue: String { rawValue.parameterValue }
}
