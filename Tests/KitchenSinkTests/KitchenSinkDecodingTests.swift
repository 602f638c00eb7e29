import XCTest
import Foundation
import KitchenSink
@_spi(Generated) import APIGenRuntime

/// The compiled kitchen-sink golden decodes and encodes what its schema describes.
final class KitchenSinkDecodingTests: XCTestCase {
    private let thingJSON = """
    {
      "id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
      "created_at": "2024-05-01T10:00:00Z",
      "seen_at": ["2024-05-01T10:00:00.250Z"],
      "kind": "left top",
      "class": "first",
      "default": 4,
      "self": true,
      "protocol": "p",
      "foo_bar": "snake",
      "fooBar": "camel",
      "1st": "one",
      "type": "b",
      "priority": 3,
      "labels": {"env": "prod"},
      "metadata": {"any": [1, "two", null]},
      "parts": [{"sku": "A1", "size": {"width": 3}}],
      "owner": {"name": "Ann", "thing_kind": "MP3"},
      "previous": null,
      "shape": {"shape_type": "circle", "radius": 2.5},
      "value": 42,
      "nested": {"level2": {"level3": {"mode": "on"}}}
    }
    """

    func testDecodesEveryKindOfProperty() throws {
        let thing = try JSONDecoder().decode(Thing.self, from: Data(thingJSON.utf8))
        XCTAssertEqual(thing.kind, .leftTop)
        XCTAssertEqual(thing.class, "first")
        XCTAssertEqual(thing.default, 4)
        XCTAssertEqual(thing.self_, true)
        XCTAssertEqual(thing.fooBar, "snake")
        XCTAssertEqual(thing.fooBar2, "camel")
        XCTAssertEqual(thing._1st, "one")
        XCTAssertEqual(thing.type, .b)
        XCTAssertEqual(thing.priority, ._3)
        XCTAssertEqual(thing.labels, ["env": "prod"])
        XCTAssertEqual(thing.metadata, .object(["any": .array([.int(1), .string("two"), .null])]))
        XCTAssertEqual(thing.parts?.first?.size?.width, 3)
        XCTAssertEqual(thing.owner?.thingKind, .mp3)
        XCTAssertNil(thing.previous)
        XCTAssertEqual(thing.shape, .circle(Circle(shapeType: "circle", radius: 2.5)))
        XCTAssertEqual(thing.value, .int(42))
        XCTAssertEqual(thing.nested?.level2?.level3?.mode, .on)
        XCTAssertEqual(thing.seenAt?.first.map { ISO8601.format($0) }, "2024-05-01T10:00:00.250Z")
    }

    func testDiscriminatorValuesPinnedByTheVariants() throws {
        let user = try JSONDecoder().decode(Message.self, from: Data(#"{"role":"user","content":"hi"}"#.utf8))
        XCTAssertEqual(user, .userMessage(UserMessage(role: .user, content: "hi")))
        let assistant = try JSONDecoder().decode(Message.self, from: Data(#"{"role":"assistant","text":"hello"}"#.utf8))
        guard case .assistantMessage(let message) = assistant else { return XCTFail("\(assistant)") }
        XCTAssertEqual(message.text, "hello")
        // The schema name and its pointer form select too, as the specification's implicit mapping says.
        for tag in ["UserMessage", "#/components/schemas/UserMessage"] {
            let json = #"{"role":"\#(tag)","content":"x"}"#
            guard case .userMessage = try JSONDecoder().decode(Message.self, from: Data(json.utf8)) else { return XCTFail(tag) }
        }
        XCTAssertEqual(try JSONDecoder().decode([Message].self, from: Data(#"[{"role":"tool","id":7}]"#.utf8)),
                       [.unknown(.object(["role": .string("tool"), "id": .int(7)]))])
        XCTAssertEqual(try JSONDecoder().decode(Message.self, from: JSONEncoder().encode(user)), user)
    }

    /// A required property that may be null is written as `null` when nil (a server may reject
    /// a body without the key); an optional one is left out; both read back.
    func testRequiredNullablePropertiesAreSentAsNull() throws {
        let empty = Patch(note: nil, closedAt: nil, refID: nil)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(empty)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["note", "closed_at", "ref_id"], "the optional one is left out")
        XCTAssertTrue(json.values.allSatisfy { $0 is NSNull })
        let id = UUID()
        let set = Patch(note: "n", closedAt: Date(timeIntervalSince1970: 0), refID: id, optionalNote: "o")
        let text = String(decoding: try JSONEncoder().encode(set), as: UTF8.self)
        XCTAssertTrue(text.contains(#""closed_at":"1970-01-01T00:00:00.000Z""#), text)
        XCTAssertTrue(text.contains(id.uuidString.lowercased()), text)
        XCTAssertEqual(try JSONDecoder().decode(Patch.self, from: JSONEncoder().encode(set)), set)
        XCTAssertEqual(try JSONDecoder().decode(Patch.self, from: JSONEncoder().encode(empty)), empty)
    }

    /// An optional property that may be null is left out while nil, and written as `null` once
    /// `sendingNull` names it (of every writer form: plain, date-time, UUIDs); a value set
    /// afterwards is written as the value.
    func testOptionalNullablePropertiesCanBeSentAsNull() throws {
        func object(_ patch: Patch) throws -> [String: Any] {
            try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(patch)) as? [String: Any])
        }
        let base = Patch(note: "n", closedAt: nil, refID: nil, optionalNote: "o")
        XCTAssertEqual(Set(try object(base).keys), ["note", "closed_at", "ref_id", "optional_note"])
        let cleared = base.sendingNull(.optionalNote, .optionalClosedAt, .optionalRefIDs)
        XCTAssertNil(cleared.optionalNote, "a cleared property reads as nil")
        let json = try object(cleared)
        for key in ["optional_note", "optional_closed_at", "optional_ref_ids"] {
            XCTAssertTrue(json[key] is NSNull, "\(key) is sent as null: \(json)")
        }
        XCTAssertEqual(json["note"] as? String, "n")
        XCTAssertNotEqual(cleared, Patch(note: "n", closedAt: nil, refID: nil), "null and absent are different bodies")
        // Equality is Swift's substitutability: equal values encode alike and hash alike.
        let twice = base.sendingNull(.optionalNote, .optionalClosedAt, .optionalRefIDs)
        XCTAssertEqual(cleared, twice)
        XCTAssertEqual(cleared.hashValue, twice.hashValue)
        XCTAssertEqual(try object(cleared) as NSDictionary, try object(twice) as NSDictionary)
        XCTAssertEqual(Set([cleared, twice, base]).count, 2)
        // Decoding marks nothing: a null from the server and a missing key decode to equal values.
        let fromNull = try JSONDecoder().decode(Patch.self, from: Data(#"{"note":"n","closed_at":null,"ref_id":null,"optional_note":null}"#.utf8))
        let fromAbsent = try JSONDecoder().decode(Patch.self, from: Data(#"{"note":"n","closed_at":null,"ref_id":null}"#.utf8))
        XCTAssertEqual(fromNull, fromAbsent)

        var changed = cleared
        changed.optionalClosedAt = Date(timeIntervalSince1970: 0)
        let id = UUID()
        changed.optionalRefIDs = [id]
        let again = try object(changed)
        XCTAssertEqual(again["optional_closed_at"] as? String, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(again["optional_ref_ids"] as? [String], [id.uuidString.lowercased()])
        XCTAssertTrue(again["optional_note"] is NSNull)
        XCTAssertEqual(try JSONDecoder().decode(Patch.self, from: JSONEncoder().encode(changed)).optionalClosedAt, Date(timeIntervalSince1970: 0))
    }

    func testRoundTrip() throws {
        let thing = try JSONDecoder().decode(Thing.self, from: Data(thingJSON.utf8))
        let again = try JSONDecoder().decode(Thing.self, from: JSONEncoder().encode(thing))
        XCTAssertEqual(thing, again)
    }

    func testDiscriminatorAndAnyOf() throws {
        XCTAssertEqual(try JSONDecoder().decode(Shape.self, from: Data(#"{"shape_type":"square","side":1}"#.utf8)), .square(Square(shapeType: "square", side: 1)))
        // A variant the client does not know yet is kept, and written back as it came.
        let hexagon = #"{"shape_type":"hexagon","corners":[1,2,3,4,5,6]}"#
        let unknown = try JSONDecoder().decode(Shape.self, from: Data(hexagon.utf8))
        XCTAssertEqual(unknown, .unknown(.object(["shape_type": .string("hexagon"), "corners": .array((1...6).map { .int($0) })])))
        XCTAssertEqual(try JSONSerialization.jsonObject(with: JSONEncoder().encode(unknown)) as? NSDictionary,
                       try JSONSerialization.jsonObject(with: Data(hexagon.utf8)) as? NSDictionary)
        // The mapping's values select; the component name is not one of them then.
        XCTAssertEqual(try JSONDecoder().decode(Shape.self, from: Data(#"{"shape_type":"Circle","radius":1}"#.utf8)),
                       .unknown(.object(["shape_type": .string("Circle"), "radius": .int(1)])))
        XCTAssertEqual(try JSONDecoder().decode(Value.self, from: Data(#""text""#.utf8)), .string("text"))
        XCTAssertEqual(try JSONDecoder().decode(Value.self, from: Data(#"{"name":"Bo"}"#.utf8)), .owner(Owner(name: "Bo")))
        // No alternative accepts an array: it is kept as it came.
        XCTAssertEqual(try JSONDecoder().decode(Value.self, from: Data("[1]".utf8)), .unknown(.array([.int(1)])))
    }

    func testAdditionalPropertiesRoundTrip() throws {
        let json = #"{"total":3,"a":1,"b":2}"#
        let data = try JSONDecoder().decode(DataValue.self, from: Data(json.utf8))
        XCTAssertEqual(data.total, 3)
        XCTAssertEqual(data.additionalProperties, ["a": 1, "b": 2])
        let back = try JSONSerialization.jsonObject(with: JSONEncoder().encode(data)) as? NSDictionary
        XCTAssertEqual(back, ["total": 3, "a": 1, "b": 2])
    }

    func testAllOfMergedStruct() throws {
        let json = #"{"id":1,"extra":"x","data":{"name":"N","note":"merged"}}"#
        let value = try JSONDecoder().decode(Extended.self, from: Data(json.utf8))
        XCTAssertEqual(value.data?.name, "N")
        XCTAssertEqual(value.data?.note, "merged")
    }

    func testValidationOfModels() throws {
        var thing = try JSONDecoder().decode(Thing.self, from: Data(thingJSON.utf8))
        XCTAssertNoThrow(try thing.validate(path: "thing"))
        thing.parts = [Thing.PartsItem(sku: "A", size: .init(width: 0))]
        XCTAssertThrowsError(try thing.validate(path: "thing")) { error in
            guard case APIError.invalidArgument(let name, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "thing.parts[0].size.width")
        }
        thing.parts = nil
        thing.ratio = 1
        XCTAssertThrowsError(try thing.validate(path: "thing"), "exclusive maximum")
    }

    func testRecursiveTypesDecodeAndStayValues() throws {
        let json = #"{"name":"leaf","parent":{"name":"root","children":[{"name":"sibling"}]},"first":{"node":{"name":"deep"}}}"#
        var node = try JSONDecoder().decode(TreeNode.self, from: Data(json.utf8))
        XCTAssertEqual(node.parent?.name, "root")
        XCTAssertEqual(node.parent?.children?.first?.name, "sibling")
        XCTAssertEqual(node.first?.node.name, "deep")
        let copy = node
        node.parent?.name = "changed"
        XCTAssertEqual(copy.parent?.name, "root", "a boxed property keeps value semantics")
        XCTAssertEqual(node.parent?.name, "changed")
        let back = try JSONDecoder().decode(TreeNode.self, from: JSONEncoder().encode(copy))
        XCTAssertEqual(back, copy)

        let expression = try JSONDecoder().decode(Expression.self, from: Data(#"{"left":1,"right":{"left":2,"right":3}}"#.utf8))
        guard case .sum(let sum) = expression, case .sum(let inner) = sum.right else { return XCTFail("\(expression)") }
        XCTAssertEqual(sum.left, .double(1))
        XCTAssertEqual(inner.right, .double(3))
    }

    func testReadOnlyAndWriteOnlyAreOptionalWhereTheyAreNotSent() throws {
        // Account is both sent and received: `id` (readOnly) need not be sent, `password` (writeOnly) is never returned.
        let request = Account(password: "p", name: "n")
        XCTAssertEqual(try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? NSDictionary, ["name": "n", "password": "p"])
        let response = try JSONDecoder().decode(Account.self, from: Data(#"{"id":"a1","name":"n"}"#.utf8))
        XCTAssertEqual(response.id, "a1")
        XCTAssertNil(response.password)
    }
}

/// Generated structs write `==` out member by member (through the runtime's `_same`); it must
/// see a difference in every kind of member, and agree with `hashValue` on equal values.
final class GeneratedEqualityTests: XCTestCase {
    func testEveryKindOfMemberTakesPart() {
        let base = TreeNode(name: "root", parent: TreeNode(name: "up"), children: [TreeNode(name: "kid")])
        XCTAssertEqual(base, TreeNode(name: "root", parent: TreeNode(name: "up"), children: [TreeNode(name: "kid")]))
        XCTAssertEqual(base.hashValue, TreeNode(name: "root", parent: TreeNode(name: "up"), children: [TreeNode(name: "kid")]).hashValue)
        // A plain property, a boxed one, an array of structs.
        XCTAssertNotEqual(base, TreeNode(name: "other", parent: TreeNode(name: "up"), children: [TreeNode(name: "kid")]))
        XCTAssertNotEqual(base, TreeNode(name: "root", parent: TreeNode(name: "down"), children: [TreeNode(name: "kid")]))
        XCTAssertNotEqual(base, TreeNode(name: "root", parent: nil, children: [TreeNode(name: "kid")]))
        XCTAssertNotEqual(base, TreeNode(name: "root", parent: TreeNode(name: "up"), children: []))
        // Keys beyond the schema's.
        XCTAssertEqual(DataValue(total: 1, additionalProperties: ["a": 1]), DataValue(total: 1, additionalProperties: ["a": 1]))
        XCTAssertNotEqual(DataValue(total: 1, additionalProperties: ["a": 1]), DataValue(total: 1, additionalProperties: ["a": 2]))
        XCTAssertNotEqual(DataValue(total: 1), DataValue(total: 2))
    }

    /// `Thing` has enough properties for its `==` to be a `guard` over a condition list: a
    /// difference in the first, a middle or the last property is seen, and equal values are equal.
    func testGuardedEqualityComparesEveryProperty() {
        let id = UUID()
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        func thing(id: UUID, tags: [String]? = ["a"], nested: Thing.Nested? = Thing.Nested()) -> Thing {
            Thing(id: id, createdAt: date, kind: .leftTop, class: "c", tags: tags, nested: nested)
        }
        let base = thing(id: id)
        XCTAssertEqual(base, thing(id: id))
        XCTAssertEqual(base.hashValue, thing(id: id).hashValue)
        XCTAssertNotEqual(base, thing(id: UUID()))
        XCTAssertNotEqual(base, thing(id: id, tags: ["b"]))
        XCTAssertNotEqual(base, thing(id: id, nested: nil))
    }
}
