import XCTest
@testable import APIGenCore
import APIGenYAML

final class ConfigurationTests: XCTestCase {
    private func config(_ text: String) throws -> Configuration {
        try Configuration.parse(try YAMLParser().parse(Array(text.utf8), file: "apigen.yaml"), file: "apigen.yaml")
    }

    private func configErrors(_ text: String) -> [String] {
        do {
            _ = try config(text)
            XCTFail("expected errors")
            return []
        } catch let error as GenerationError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    private let api = """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    paths:
      /meetings:
        get: {operationId: listMeetings, tags: [Meetings], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/realtimekit_Meeting'}}}}}}
      /meetings/{id}:
        put:
          operationId: replaceMeeting
          tags: [Meetings]
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {'200': {description: ok}}
      /rooms:
        get: {operationId: listRooms, tags: [Rooms], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Room'}}}}}}
    components:
      schemas:
        Room: {type: object, properties: {name: {type: string}}}
        Poll: {type: object, properties: {question: {type: string}}}
        realtimekit_Meeting:
          type: object
          properties:
            created_at: {type: string, format: date-time}
    """

    func testReadsEveryKey() throws {
        let c = try config("""
        access: package
        imports: [Dispatch]
        namespace: Meetings
        nonisolated: true
        schema: ../schema/meetings.yaml
        operations:
          include: {tags: [Meetings]}
          exclude: {operationIds: [replaceMeeting], paths: [/old]}
        schemas: [Poll, realtimekit_Meeting]
        names:
          types: {realtimekit_Meeting: Meeting}
          properties: {Meeting.created_at: creationDate}
        """)
        XCTAssertEqual(c.access, "package")
        XCTAssertEqual(c.imports, ["Dispatch"])
        XCTAssertEqual(c.namespace, "Meetings")
        XCTAssertTrue(c.nonisolated)
        XCTAssertEqual(c.schema, "../schema/meetings.yaml")
        XCTAssertEqual(c.operations.include?.tags, ["Meetings"])
        XCTAssertEqual(c.operations.exclude?.pathPrefixes, ["/old"])
        XCTAssertEqual(c.keptSchemas, ["Poll", "realtimekit_Meeting"])
        XCTAssertEqual(c.keptSchemaLocations.map(\.description), ["apigen.yaml:9:11", "apigen.yaml:9:17"])
        XCTAssertEqual(c.typeNames, ["realtimekit_Meeting": "Meeting"])
        XCTAssertEqual(c.propertyNames, ["Meeting.created_at": "creationDate"])
    }

    /// `refRoots:` folders are relative to the configuration file, and must exist.
    func testRefRootsAreFoldersBesideTheConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-roots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shared"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("api/apigen.yaml").path
        let c = try Configuration.parse(bytes: Array("refRoots: [../shared]\n".utf8), file: file)
        XCTAssertEqual(c.refRoots, [folder.appendingPathComponent("shared").path])
        XCTAssertThrowsError(try Configuration.parse(bytes: Array("refRoots: [../absent]\n".utf8), file: file)) { error in
            XCTAssertEqual((error as? GenerationError)?.diagnostics.map(\.description), ["\(file):1:12: error: refRoots folder '../absent' does not exist"])
        }
    }

    func testUnknownKeysAndBadValuesAreLocatedErrors() {
        XCTAssertEqual(configErrors("access: open\nnamspace: X\n"), [
            "apigen.yaml:1:9: error: access must be public, package or internal, found 'open'",
            "apigen.yaml:2:1: error: unknown key 'namspace' (known keys: access, imports, namespace, nonisolated, shards, outputs, schema, refRoots, operations, schemas, names, paging)",
        ])
        XCTAssertEqual(configErrors("operations: {include: {tag: [a]}}\n"), ["apigen.yaml:1:24: error: unknown key 'tag' (known keys: tags, operationIds, paths)"])
        XCTAssertEqual(configErrors("names: {types: {A: my-type}}\n"), ["apigen.yaml:1:20: error: type name 'my-type' is not a valid Swift identifier"])
        XCTAssertEqual(configErrors("namespace: class\n"), ["apigen.yaml:1:12: error: namespace 'class' is not a valid Swift identifier"])
    }

    /// `outputs:`: known products only, at least one; a mock brings the protocol it implements.
    func testOutputsNameTheProducts() throws {
        XCTAssertEqual(try config("outputs: [server, mock]\n").outputs, [.server, .mock])
        XCTAssertEqual(try config("outputs: [server, mock]\n").renderOptions.outputs, [.server, .mock, .protocol])
        XCTAssertEqual(try config("access: public\n").outputs, [.client], "the client by default")
        XCTAssertEqual(configErrors("outputs: [client, graphql]\n"),
                       ["apigen.yaml:1:19: error: unknown output 'graphql' (known outputs: client, protocol, mock, server)"])
        XCTAssertEqual(configErrors("outputs: []\n"), ["apigen.yaml:1:10: error: outputs must name at least one of client, protocol, mock, server"])
        XCTAssertEqual(configErrors("outputs: server\n").count, 1, "a list, not a word")
    }

    func testFilterAndOverridesShapeTheOutput() throws {
        var c = try config("""
        operations:
          include: {tags: [Meetings]}
          exclude: {operationIds: [replaceMeeting]}
        names:
          types: {realtimekit_Meeting: Meeting, Missing: Nope}
          properties: {Meeting.created_at: creationDate}
        """)
        c.namespace = "API"
        let output = try Generator(configuration: c).generate(bytes: Array(api.utf8), file: "api.yaml")
        XCTAssertEqual(output.files.map(\.name), ["API.APIGen.swift"])
        let types = output.files[0].contents, client = types
        XCTAssertTrue(types.contains("public struct Meeting: Codable"), types)
        XCTAssertTrue(types.contains("public var creationDate: Date?"), types)
        XCTAssertTrue(types.contains("creationDate: c.dateIfPresent(\"created_at\")"), types)
        XCTAssertTrue(types.contains("public enum API {}"), types)
        XCTAssertTrue(client.contains("func listMeetings("))
        XCTAssertFalse(client.contains("func replaceMeeting("), "excluded by operationId")
        XCTAssertFalse(client.contains("func listRooms("), "not included by tag")
        XCTAssertFalse(types.contains("struct Room:"), "only the kept operations' types")
        XCTAssertFalse(types.contains("struct Poll:"), "only the kept operations' types")
        XCTAssertEqual(output.diagnostics.map(\.description), ["apigen.yaml:5:41: warning: name override 'Missing' matches nothing in the document"])
    }

    /// `names.operations` renames a method (and the types named after it) by operationId or by
    /// `METHOD /path`; one that matches nothing is warned about like any other override.
    func testOperationsAreRenamed() throws {
        let c = try config("""
        names:
          operations: {listMeetings: meetings, "GET /rooms": rooms, nothing: x}
        """)
        let output = try Generator(configuration: c).generate(bytes: Array(api.utf8), file: "api.yaml")
        let code = output.files[0].contents
        XCTAssertTrue(code.contains("public func meetings("), code)
        XCTAssertTrue(code.contains("public func rooms("), code)
        XCTAssertFalse(code.contains("func listMeetings("))
        XCTAssertEqual(output.diagnostics.map(\.description), ["apigen.yaml:2:61: warning: name override 'nothing' matches nothing in the document"])
        XCTAssertEqual(configErrors("names: {operations: {a: my-method}}\n"), ["apigen.yaml:1:25: error: method name 'my-method' is not a valid Swift identifier"])
    }

    /// The opt-in rule for FastAPI's operationIds: the path and method they repeat are dropped,
    /// in snake or camel case; an id that does not end so is kept.
    func testShortenedOperationIds() throws {
        let document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /variables/name/{name}:
            get:
              operationId: read_variable_by_name_variables_name__name__get
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
            delete:
              operationId: deleteVariableByNameVariablesNameNameDelete
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
          /health:
            get: {operationId: health_check, responses: {'204': {description: ok}}}
          /ping:
            get: {operationId: ping_get, responses: {'204': {description: ok}}}
        """
        let short = try Generator(configuration: config("names: {shortenOperationIds: true}\n")).generate(bytes: Array(document.utf8), file: "api.yaml")
        let code = short.files[0].contents
        for method in ["readVariableByName(", "deleteVariableByName(", "healthCheck(", "pingGet("] {
            XCTAssertTrue(code.contains("public func " + method), "\(method)\n\(code)")
        }
        let plain = try Generator().generate(bytes: Array(document.utf8), file: "api.yaml").files[0].contents
        XCTAssertTrue(plain.contains("public func readVariableByNameVariablesNameNameGet("), "off by default")
    }
}
