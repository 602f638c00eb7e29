import XCTest
import Foundation
@testable import APIGenCore
import APIGenYAML

final class APIDiffTests: XCTestCase {
    private let old = """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    paths:
      /items/{id}:
        get:
          operationId: getItem
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - {name: verbose, in: query, schema: {type: boolean}}
            - {name: page_size, in: query, schema: {type: integer}}
            - {name: gone, in: query, schema: {type: string}}
          responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}}
        delete:
          operationId: deleteItem
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: gone}}
        put:
          operationId: putItem
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
          responses: {'204': {description: ok}}
    components:
      schemas:
        Item:
          type: object
          required: [id]
          properties:
            id: {type: string}
            name: {type: string}
            count: {type: integer}
            old_field: {type: string}
            color: {type: string, enum: [red, green, BLUE]}
        Legacy: {type: object, properties: {x: {type: string}}}
        Shape: {type: object, properties: {side: {type: number}}}
        Alias: {type: string}
        Kind: {type: string, enum: [a]}
    """

    private let new = """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    paths:
      /items/{id}:
        get:
          operationId: fetchItem
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
            - {name: verbose, in: query, required: true, schema: {type: boolean}}
            - {name: page_size, in: query, schema: {type: integer}}
            - {name: extra, in: query, schema: {type: string}}
            - {name: must, in: query, required: true, schema: {type: string}}
          responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}}
        put:
          operationId: putItem
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}
          responses: {'204': {description: ok}}
      /new:
        post:
          operationId: createThing
          responses: {'204': {description: ok}}
    components:
      schemas:
        Item:
          type: object
          required: [id, name, size]
          properties:
            id: {type: integer}
            name: {type: string}
            count: {type: integer}
            size: {type: integer}
            note: {type: string}
            color: {type: string, enum: [red, yellow, Blue]}
        Other: {type: object, properties: {y: {type: string}}}
        Block: {type: object, properties: {side: {type: number}}}
        Alias: {type: integer}
        Kind: {type: object, properties: {a: {type: string}}}
    """

    func testEveryKindOfChange() throws {
        var configuration = Configuration()
        configuration.propertyNames = ["Item.count": "total"]
        configuration.overrideLocations = [:]
        let (before, _) = try Pipeline.module(old)
        let (after, _) = try Pipeline.module(new, file: "new.yaml", configuration: configuration)
        let diff = APIDiff(old: before, new: after)
        let breaking = Set(diff.breaking.map { "\($0.kind.rawValue): \($0.path)" + ($0.detail.isEmpty ? "" : " (\($0.detail))") })
        let expectedBreaking: Set<String> = [
            "operation renamed: Client.getItem (now fetchItem)",
            "operation removed: Client.deleteItem (DELETE /items/{id})",
            "parameter type changed: Client.getItem(id:) (String → Int)",
            "parameter became required: Client.getItem(verbose:) (Bool? → Bool)",
            "parameter removed: Client.getItem(gone:) (String?)",
            "parameter became required: Client.getItem(must:) (new required parameter String)",
            "return type changed: Client.getItem (Item → Other)",
            "body type changed: Client.putItem (Item? → Other?)",
            "property type changed: Item.id (String → Int)",
            "property became required: Item.name (String? → String)",
            "property became required: Item.size (new required property Int)",
            "property renamed: Item.count (now total)",
            "property removed: Item.oldField (String?)",
            "case removed: Item.Color.green",
            "case raw value changed: Item.Color.blue (\"BLUE\" → \"Blue\")",
            "type removed: Legacy (struct)",
            "type renamed: Shape (now Block)",
            "alias target changed: Alias (String → Int)",
            "type kind changed: Kind (enum → struct)",
        ]
        XCTAssertEqual(breaking.subtracting(expectedBreaking), [], "unexpected")
        XCTAssertEqual(expectedBreaking.subtracting(breaking), [], "missing")
        let additive = Set(diff.additive.map { "\($0.kind.rawValue): \($0.path)" })
        XCTAssertEqual(additive, [
            "operation added: Client.createThing",
            "parameter added: Client.getItem(extra:)",
            "property added: Item.note",
            "case added: Item.Color.yellow",
            "type added: Other",
        ])
        XCTAssertEqual(diff.text.split(separator: "\n").last, "\(expectedBreaking.count) breaking, 5 additive")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.json.utf8)) as? [String: [[String: String]]])
        XCTAssertEqual(json["breaking"]?.count, expectedBreaking.count)
        XCTAssertEqual(json["additive"]?.first?.keys.sorted(), ["detail", "kind", "path"])
    }

    /// A streamed answer's method is part of the API: losing it breaks callers, gaining it adds,
    /// and a new element type changes what they read.
    func testStreamMethodsAreCompared() throws {
        func document(_ content: String) -> String {
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /chat:
                post:
                  operationId: chat
                  responses: {'200': {description: ok, content: {\(content)}}}
            """
        }
        let json = "application/json: {schema: {type: object, properties: {a: {type: string}}}}"
        let (plain, _) = try Pipeline.module(document(json))
        let (streamed, _) = try Pipeline.module(document(json + ", text/event-stream: {schema: {type: object, properties: {a: {type: string}}}}"))
        let (text, _) = try Pipeline.module(document(json + ", text/event-stream: {schema: {type: string}}"))
        // (The event's struct comes and goes with it, and is reported as a type.)
        func methods(_ changes: [APIDiff.Change]) -> [APIDiff.Change] { changes.filter { $0.path.hasPrefix("Client.") } }
        XCTAssertEqual(methods(APIDiff(old: plain, new: streamed).additive).map(\.path), ["Client.chatStream"])
        XCTAssertEqual(methods(APIDiff(old: streamed, new: plain).breaking).map(\.kind), [.operationRemoved])
        let changed = methods(APIDiff(old: streamed, new: text).breaking)
        XCTAssertEqual(changed.map(\.kind), [.returnTypeChanged])
        XCTAssertEqual(changed.first?.detail, "ChatEvent → String")
    }

    func testSameDocumentHasNoChanges() throws {
        let (module, _) = try Pipeline.module(old)
        let diff = APIDiff(old: module, new: module)
        XCTAssertEqual(diff.breaking, [])
        XCTAssertEqual(diff.additive, [])
    }

    func testJSONQuotingEscapesControlCharactersAsFourHexDigits() throws {
        let text = "a\u{1}b\u{1f}c\"d\\e\nf\u{7f}é"
        let quoted = APIDiff.quote(text)
        XCTAssertEqual(quoted, #""a\u0001b\u001fc\"d\\e\nf\#u{7f}é""#)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        XCTAssertEqual(decoded, [text])
    }
}
