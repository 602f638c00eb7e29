@_spi(Generated) import APIGenRuntime
import Foundation
import XCTest

/// `FieldCodable`, `FieldReader` and `FieldWriter` on hand-written types shaped like generated ones.
final class FieldCodingTests: XCTestCase {
    struct Item: FieldCodable, Equatable {
        var id: UUID
        var created: Date
        var name: String?
        var tags: [String]?
        var seen: [Date]?
        var extra: [String: Int]

        init(id: UUID, created: Date, name: String? = nil, tags: [String]? = nil, seen: [Date]? = nil, extra: [String: Int] = [:]) {
            self.id = id
            self.created = created
            self.name = name
            self.tags = tags
            self.seen = seen
            self.extra = extra
        }

        init(_fields c: FieldReader) throws {
            try self.init(id: c.required("id"), created: c.date("created_at"), name: c.optional("name"), tags: c.optional("tags"),
                seen: c.datesIfPresent("seen"), extra: c.additionalProperties(known: ["id", "created_at", "name", "tags", "seen"]))
        }

        func _encode(_ w: FieldWriter) throws {
            try w.uuid("id", id).date("created_at", created).optional("name", name).optional("tags", tags)
                .datesIfPresent("seen", seen).additionalProperties(extra)
        }
    }

    struct Empty: FieldCodable, Equatable {
        init() {}
        init(_fields c: FieldReader) throws { self.init() }
        func _encode(_ w: FieldWriter) throws {}
    }

    enum Color: OpenEnum {
        case red, green
        case unknown(String)
        var rawValue: String {
            switch self {
            case .red: "RED"
            case .green: "GREEN"
            case .unknown(let value): value
            }
        }
        static let allCases: [Self] = [.red, .green]
    }

    enum Level: OpenEnum {
        case one, two
        case unknown(Int)
        var rawValue: Int {
            switch self {
            case .one: 1
            case .two: 2
            case .unknown(let value): value
            }
        }
        static let allCases: [Self] = [.one, .two]
    }

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testReadsEachFieldByItsWireName() throws {
        let item = try decode(Item.self, #"{"id": "7A8B1C2D-0000-4000-8000-00000000000F", "created_at": "2024-05-01T10:00:00Z", "name": "a", "seen": ["2024-05-02T00:00:00.5Z"], "x": 3}"#)
        XCTAssertEqual(item.id.uuidString, "7A8B1C2D-0000-4000-8000-00000000000F")
        XCTAssertEqual(item.created, Date(timeIntervalSince1970: 1_714_557_600))
        XCTAssertEqual(item.name, "a")
        XCTAssertNil(item.tags, "a missing optional key is nil")
        XCTAssertEqual(item.seen, [Date(timeIntervalSince1970: 1_714_608_000.5)])
        XCTAssertEqual(item.extra, ["x": 3], "keys the type does not list are kept, and only those")
    }

    func testNullIsNilForOptionalsAndAnErrorForRequiredFields() throws {
        let item = try decode(Item.self, #"{"id": "7a8b1c2d-0000-4000-8000-00000000000f", "created_at": "2024-05-01T10:00:00Z", "name": null}"#)
        XCTAssertNil(item.name)
        XCTAssertThrowsError(try decode(Item.self, #"{"created_at": "2024-05-01T10:00:00Z"}"#)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(key.stringValue, "id")
        }
        XCTAssertThrowsError(try decode(Item.self, #"{"id": "7a8b1c2d-0000-4000-8000-00000000000f", "created_at": "yesterday"}"#)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["created_at"])
        }
        XCTAssertThrowsError(try decode(Item.self, #"["not", "an", "object"]"#))
    }

    func testWritesEveryFieldAndLeavesOutNil() throws {
        let id = UUID(uuidString: "7A8B1C2D-0000-4000-8000-00000000000F")!
        let item = Item(id: id, created: Date(timeIntervalSince1970: 0), tags: ["t"], extra: ["z": 1, "b": 2])
        XCTAssertEqual(try encode(item), #"{"b":2,"created_at":"1970-01-01T00:00:00.000Z","id":"7a8b1c2d-0000-4000-8000-00000000000f","tags":["t"],"z":1}"#)
        XCTAssertEqual(try decode(Item.self, try encode(item)), item)
    }

    struct Link: FieldCodable, Equatable {
        var href: URL?
        var required: URL
        var id: UUID?
        var at: Date?
        init(href: URL?, required: URL, id: UUID? = nil, at: Date? = nil) { self.href = href; self.required = required; self.id = id; self.at = at }
        init(_fields c: FieldReader) throws {
            try self.init(href: c.optional("href"), required: c.required("required"), id: c.optional("id"), at: c.dateIfPresent("at"))
        }
        func _encode(_ w: FieldWriter) throws { try w.optional("href", href).required("required", required).optional("id", id).dateIfPresent("at", at) }
    }

    func testAnEmptyStringIsNoValueForAnOptionalFormattedField() throws {
        // Twilio's API sends "" for URLs that are not set; its own examples do too. The same
        // holds for every format written as text: URLs, UUIDs, date-times.
        let link = try JSONDecoder().decode(Link.self, from: Data(#"{"href":"","required":"https://a.example/x","id":"","at":""}"#.utf8))
        XCTAssertNil(link.href)
        XCTAssertNil(link.id)
        XCTAssertNil(link.at)
        XCTAssertThrowsError(try JSONDecoder().decode(Link.self, from: Data(#"{"required":"https://a.example","id":"nope"}"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(Link.self, from: Data(#"{"required":"https://a.example","at":"yesterday"}"#.utf8)))
        XCTAssertEqual(try JSONDecoder().decode(Link.self, from: Data(#"{"required":"https://a.example","id":"182BD5E5-6E1A-4FE4-A749-AA6D9A6AB26E"}"#.utf8)).id?.uuidString, "182BD5E5-6E1A-4FE4-A749-AA6D9A6AB26E")
        XCTAssertEqual(link.required.absoluteString, "https://a.example/x")
        XCTAssertEqual(try JSONDecoder().decode(Link.self, from: Data(#"{"href":"https://b.example","required":"https://a.example"}"#.utf8)).href?.host, "b.example")
        XCTAssertThrowsError(try JSONDecoder().decode(Link.self, from: Data(#"{"href":null,"required":""}"#.utf8)), "a required URL must be one")
    }

    func testAStructWithoutFieldsIsAnEmptyObject() throws {
        XCTAssertEqual(try encode(Empty()), "{}")
        XCTAssertEqual(try decode(Empty.self, #"{"anything": 1}"#), Empty())
        XCTAssertThrowsError(try decode(Empty.self, "42"), "still an object")
    }

    func testOpenEnumsFindTheirCaseFromTheRawValue() throws {
        XCTAssertEqual(Color(rawValue: "GREEN"), .green)
        XCTAssertEqual(Color(rawValue: "green"), .unknown("green"), "raw values match exactly")
        XCTAssertTrue(Color(rawValue: "BLUE").isUnknown)
        XCTAssertEqual(try decode([Color].self, #"["RED", "PURPLE"]"#), [.red, .unknown("PURPLE")])
        XCTAssertEqual(try encode([Color.unknown("PURPLE"), .green]), #"["PURPLE","GREEN"]"#)
        XCTAssertEqual(Level(rawValue: 2), .two)
        XCTAssertEqual(Level(rawValue: 7), .unknown(7))
        XCTAssertEqual(try decode([Level].self, "[1, 9]"), [.one, .unknown(9)])
    }
}
