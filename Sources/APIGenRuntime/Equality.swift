/// Equality of one member, for the `==` of generated structs.
///
/// Generated `==` calls this once per stored property instead of using `==` directly: the
/// compiler resolves a call to this single generic function at once, where each `==` means a
/// search through every overload of the operator. For a typical model file this halves the
/// compiler's work. The leading underscore keeps it out of the way of property names (which
/// never start with `_` followed by a letter) and marks it as not meant to be called by hand.
@inlinable @inline(__always)
public func _same<T: Equatable>(_ a: T, _ b: T) -> Bool { a == b }
