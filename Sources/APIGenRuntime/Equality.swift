/// `==` for generated structs, from the static `_equal(_:_:)` each of them writes.
///
/// A type that declares `static func ==` itself is found by every lookup of the operator in its
/// module: checking one type's `Equatable` conformance then weighs each `==` of the module, so a
/// module of thousands of models costs time by the square of their number (half of a full
/// Cloudflare client's build, measured). A named method is found only inside its own type, and
/// the one `==` here serves them all.
@_spi(Generated) public protocol FieldEquatable: Equatable {
    /// Whether two values are equal; what `==` calls.
    static func _equal(_ a: Self, _ b: Self) -> Bool
}

@_spi(Generated) extension FieldEquatable {
    @inlinable @inline(__always)
    public static func == (a: Self, b: Self) -> Bool { _equal(a, b) }
}

/// Equality of one member, for the `_equal` of generated structs.
///
/// Generated `_equal` calls this once per stored property instead of using `==` directly: the
/// compiler resolves a call to this single generic function at once, where each `==` means a
/// search through every overload of the operator. For a typical model file this halves the
/// compiler's work. The leading underscore keeps it out of the way of property names (which
/// never start with `_` followed by a letter) and marks it as not meant to be called by hand.
@_spi(Generated) @inlinable @inline(__always)
public func _same<T: Equatable>(_ a: T, _ b: T) -> Bool { a == b }
