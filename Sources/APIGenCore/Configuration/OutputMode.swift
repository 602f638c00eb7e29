/// What a generation produces from the document, besides the types every product shares
/// (`outputs:` in apigen.yaml). Each mode has its own renderer and its own file.
public enum OutputMode: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `Client`: one async method per operation (`APIGen.swift`, with the types).
    case client
    /// `APIProtocol`: the operations as a protocol `Client` conforms to (`APIGen.Protocol.swift`).
    case `protocol`
    /// `MockClient`: an `APIProtocol` whose answers are the document's examples, or closures a
    /// test sets (`APIGen.Mock.swift`).
    case mock
    /// `APIHandler` and `APIServer`: a protocol with a typed method per operation, and the routes
    /// that decode requests into it and encode its answers (`APIGen.Server.swift`).
    case server

    /// The file a mode writes beside the types (nil: the client shares the types' file).
    public var fileSuffix: String? {
        switch self {
        case .client: nil
        case .protocol: "Protocol"
        case .mock: "Mock"
        case .server: "Server"
        }
    }

    /// The modes a list names, with what each needs: a mock implements the protocol.
    public static func closure(_ modes: Set<OutputMode>) -> Set<OutputMode> {
        modes.contains(.mock) ? modes.union([.protocol]) : modes
    }

    public static func < (a: OutputMode, b: OutputMode) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
