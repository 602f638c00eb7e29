/// The generated types live in `enum Todos`, as `apigen.yaml` says.
public func titles(_ todos: [Todos.Todo]) -> [String] { todos.map(\.title) }
