/// Stores a value out of line, so a type can contain itself (a tree node with an optional parent
/// of its own type). A value type: copies never share changes.
@_spi(Generated) public indirect enum Box<Value> {
    case boxed(Value)

    public init(_ value: Value) {
        self = .boxed(value)
    }

    public var value: Value {
        switch self {
        case .boxed(let value): value
        }
    }
}

extension Box: Sendable where Value: Sendable {}
extension Box: Equatable where Value: Equatable {}
extension Box: Hashable where Value: Hashable {}
