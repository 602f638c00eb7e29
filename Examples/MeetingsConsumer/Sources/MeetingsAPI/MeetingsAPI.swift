// Hand-written code next to the generated code of the same module.
extension Meeting {
    /// True when people can join.
    public var isOpen: Bool { status == .active }
}
