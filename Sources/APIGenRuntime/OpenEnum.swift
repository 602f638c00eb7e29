/// What every generated enum conforms to: known cases plus `unknown(raw)`, so a value the
/// server adds later still decodes (and encodes back unchanged).
///
/// `Codable` comes from the standard library's `RawRepresentable` support, which works
/// because `init(rawValue:)` never fails.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable, ParameterValue
where RawValue: Codable & Hashable & Sendable & ParameterValue {
    init(rawValue: RawValue)
    /// True for `unknown(_)`: a value this client was not generated with.
    var isUnknown: Bool { get }
}

extension OpenEnum {
    public var parameterValue: String { rawValue.parameterValue }

    /// `init(rawValue:)` maps every known raw value to its case, so a value is unknown exactly
    /// when it is not among `allCases`.
    public var isUnknown: Bool { !Self.allCases.contains(self) }
}
