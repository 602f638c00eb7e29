/// A member's name (a property, parameter, method or case) as the naming pass chose it, with no
/// language's escaping: `default`, not `` `default` ``. Each renderer spells it for its own
/// language (`SwiftSpelling`), so it is not printed as it is: interpolating one is a
/// deprecation warning, and a print site must say which spelling it wants.
public struct Identifier: Sendable, Hashable, ExpressibleByStringLiteral {
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }
}

extension DefaultStringInterpolation {
    @available(*, deprecated, message: "spell an identifier for a language: `.swift`, `.label` or `.name`")
    public mutating func appendInterpolation(_ identifier: Identifier) {}
}
