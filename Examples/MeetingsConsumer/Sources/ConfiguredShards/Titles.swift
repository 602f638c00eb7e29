/// The generated types are spread over the files `shards: 3` asks for.
public func titles(_ todos: [Todo]) -> [String] { todos.map(\.title) }
