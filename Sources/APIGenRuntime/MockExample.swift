import Foundation

/// Why a generated `MockClient` could not answer: the operation has no handler set and the
/// document gives no example of its 2xx body (or one that does not decode as its type).
public struct MockError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var reason: String

    public var description: String { "MockClient.\(operation): \(reason)" }
}

/// The default answers of a generated `MockClient`: the document's examples, decoded as the
/// client decodes a server's answer.
@_spi(Generated) public enum MockExample {
    public static func decode<T: Decodable>(_ type: T.Type, _ json: String, operation: String) throws -> T {
        do {
            return try JSONCoding.decode(T.self, from: Data(json.utf8))
        } catch {
            throw MockError(operation: operation, reason: "the document's example does not decode as \(String(describing: T.self)): \(error)")
        }
    }

    public static func missing<T>(_ operation: String, as type: T.Type = T.self) throws -> T {
        throw MockError(operation: operation, reason: "the document has no example of its answer; set `handlers.\(operation)`")
    }
}
