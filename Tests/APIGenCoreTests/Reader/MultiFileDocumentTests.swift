import XCTest
import Foundation
@testable import APIGenCore

/// A document split as real multi-file documents are: every operation a `$ref` to its own file
/// (which the specification does not allow, but bundlers accept), three folders deep, sharing
/// `responses/` and `parameters/` files through `../../`.
final class MultiFileDocumentTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-multi-\(UUID().uuidString)")
        try write("openapi.yaml", """
        openapi: 3.0.3
        info: {title: Split, version: '1'}
        servers:
          - $ref: 'shared/servers/production.yml'
        security:
          - $ref: 'shared/security/token.yml'
        paths:
          /v2/account/keys/{ssh_key_identifier}:
            get:
              $ref: 'resources/account/ssh_keys/sshKeys_get.yml'
            delete:
              $ref: 'resources/account/ssh_keys/sshKeys_delete.yml'
        components:
          securitySchemes:
            bearer_auth: {type: http, scheme: bearer}
        """)
        try write("shared/servers/production.yml", "url: 'https://api.example.com'\n")
        try write("shared/security/token.yml", "bearer_auth: []\n")
        try write("resources/account/ssh_keys/sshKeys_get.yml", """
        operationId: sshKeys_get
        parameters:
          - $ref: '../../../shared/parameters/ssh_key_identifier.yml'
        responses:
          '200':
            description: The key.
            content:
              application/json:
                $ref: 'media/key_json.yml'
          '401':
            $ref: '../../../shared/responses/unauthorized.yml'
        """)
        try write("resources/account/ssh_keys/media/key_json.yml", """
        schema:
          $ref: '../models/sshKey.yml'
        """)
        try write("resources/account/ssh_keys/models/sshKey.yml", """
        type: object
        required: [id]
        properties:
          id: {type: integer}
          fingerprint: {type: string}
        """)
        try write("resources/account/ssh_keys/sshKeys_delete.yml", """
        operationId: sshKeys_delete
        parameters:
          - $ref: '../../../shared/parameters/ssh_key_identifier.yml'
        responses:
          '204': {description: Deleted.}
          '401':
            $ref: '../../../shared/responses/unauthorized.yml'
        """)
        try write("shared/parameters/ssh_key_identifier.yml", """
        name: ssh_key_identifier
        in: path
        required: true
        schema: {type: string}
        """)
        try write("shared/responses/unauthorized.yml", """
        description: Unauthorized.
        content:
          application/json:
            schema: {$ref: '../models/error.yml'}
        """)
        try write("shared/models/error.yml", "type: object\nproperties:\n  message: {type: string}\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testOperationsAndMediaTypesReachedThroughRefsAreRead() throws {
        let output = try Generator().generate(path: folder.appendingPathComponent("openapi.yaml").path, displayName: "openapi.yaml")
        let warnings = output.diagnostics.map(\.description)
        // One warning per kind of object, not one per `$ref`.
        XCTAssertEqual(warnings.filter { $0.contains("allows no $ref for an operation") }.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.filter { $0.contains("allows no $ref for a media type") }.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.filter { $0.contains("allows no $ref for a server") }.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.filter { $0.contains("allows no $ref for a security requirement") }.count, 1, "\(warnings)")
        XCTAssertEqual(warnings.count, 4, "\(warnings)")
        let text = output.files.map(\.contents).joined()
        XCTAssertTrue(text.contains("func sshKeysGet(sshKeyIdentifier: String) async throws -> SSHKeysGetResponse"), text)
        XCTAssertTrue(text.contains("func sshKeysDelete(sshKeyIdentifier: String) async throws"))
        XCTAssertTrue(text.contains("public var id: Int"))
        XCTAssertTrue(text.contains("https://api.example.com"), "the server came from its own file")
        XCTAssertTrue(text.contains("security: [\"bearer_auth\"]"), "the security requirement came from its own file")
    }

    func testAnErrorInAReferencedFilePointsAtThatFile() throws {
        try write("resources/account/ssh_keys/sshKeys_delete.yml", """
        operationId: sshKeys_delete
        parameters:
          - $ref: '../../../shared/parameters/ssh_key_identifier.yml'
        responses:
          '204': {description: Deleted.}
          '401':
            $ref: '../../../shared/responses/missing.yml'
        """)
        try write("shared/parameters/ssh_key_identifier.yml", "in: path\nrequired: true\n")
        do {
            _ = try Generator().generate(path: folder.appendingPathComponent("openapi.yaml").path, displayName: "openapi.yaml")
            XCTFail("expected errors")
        } catch {
            let messages = error.diagnostics.map(\.description)
            XCTAssertTrue(messages.contains { $0.hasPrefix("shared/parameters/ssh_key_identifier.yml:1:1: error: parameter is missing 'name'") }, "\(messages)")
            // The `$ref` that led there is named too, in the file that holds it.
            XCTAssertTrue(messages.contains { $0.hasPrefix("resources/account/ssh_keys/sshKeys_delete.yml:3:11: note: the error above is in what $ref '../../../shared/parameters/ssh_key_identifier.yml' refers to") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("resources/account/ssh_keys/sshKeys_delete.yml:7:11: error:") && $0.contains("missing.yml") }, "\(messages)")
        }
    }

    /// A schema in a shared definitions file that contains itself through a file-local pointer
    /// (`items: {$ref: '#/apiAgent'}` inside `apiAgent`) is recursion, as a component's is.
    func testADefinitionsFileEntryMayContainItself() throws {
        try write("agents.yaml", """
        openapi: 3.0.3
        info: {title: Agents, version: '1'}
        paths:
          /agents:
            get:
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: 'definitions.yaml#/apiAgent'}}}}
        """)
        try write("definitions.yaml", """
        apiAgent:
          type: object
          properties:
            children: {type: array, items: {$ref: '#/apiAgent'}}
            tool: {$ref: '#/apiTool'}
        apiTool:
          type: object
          properties:
            owner: {$ref: '#/apiAgent'}
        """)
        let module = try Generator().module(path: folder.appendingPathComponent("agents.yaml").path, displayName: "agents.yaml")
        guard case .structure(let agent)? = module.types.first(where: { $0.name == "APIAgent" }),
              case .structure(let tool)? = module.types.first(where: { $0.name == "APITool" }) else { return XCTFail("\(module.types.map(\.name))") }
        XCTAssertEqual(agent.properties.map(\.type), [.array(.named(["APIAgent"])).optional, .named(["APITool"]).optional])
        XCTAssertEqual(tool.properties.map(\.type), [.named(["APIAgent"]).optional])
    }

    /// The properties map itself as a `$ref` into another file (a cloud provider's document).
    func testAPropertiesMapGivenAsARef() throws {
        try write("lb.yaml", """
        openapi: 3.0.3
        info: {title: LB, version: '1'}
        paths: {}
        components:
          schemas:
            LoadBalancer:
              type: object
              properties: {$ref: 'attributes.yml#/load_balancer'}
        """)
        try write("attributes.yml", """
        load_balancer:
          droplet_ids: {type: array, items: {type: integer}}
          name: {type: string}
        """)
        let sink = DiagnosticSink()
        let module = try Generator().module(path: folder.appendingPathComponent("lb.yaml").path, displayName: "lb.yaml", diagnostics: sink)
        guard case .structure(let lb)? = module.types.first(where: { $0.name == "LoadBalancer" }) else { return XCTFail() }
        XCTAssertEqual(lb.properties.map(\.wireName), ["droplet_ids", "name"])
        XCTAssertEqual(sink.diagnostics.map(\.message), ["the specification allows no $ref for a properties map; it is followed (here and wherever else a properties map is one)"])
    }

    /// A whole components section as a `$ref` (an e-mail API's 3.1 document): its entries are
    /// the document's components, by name from either file, and pointers into them resolve.
    func testAComponentsSectionGivenAsARef() throws {
        try write("mail.yaml", """
        openapi: 3.1.0
        info: {title: Mail, version: '1'}
        security: [{key: []}]
        paths:
          /messages:
            get:
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/MessageList'}}}}
                '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem/properties/detail'}}}}
        components:
          schemas: {$ref: './spec/schemas.json'}
          securitySchemes: {$ref: './spec/security.json'}
        """)
        try write("spec/schemas.json", """
        {"MessageList": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/Message"}}}},
         "Message": {"type": "object", "properties": {"thread": {"$ref": "../mail.yaml#/components/schemas/MessageList"}}},
         "Problem": {"type": "object", "properties": {"detail": {"type": "object", "properties": {"code": {"type": "integer"}}}}}}
        """)
        try write("spec/security.json", #"{"key": {"type": "apiKey", "name": "X-Key", "in": "header"}}"#)
        let sink = DiagnosticSink()
        let module = try Generator().module(path: folder.appendingPathComponent("mail.yaml").path, displayName: "mail.yaml", diagnostics: sink)
        XCTAssertEqual(module.types.map(\.name), ["MessageList", "Message", "Problem"])
        guard case .structure(let message)? = module.types.first(where: { $0.name == "Message" }) else { return XCTFail() }
        XCTAssertEqual(message.properties.first?.type, .named(["MessageList"]).optional)
        XCTAssertEqual(module.auth.map(\.schemeName), ["key"])
        XCTAssertEqual(sink.diagnostics.filter { $0.severity != .note }.map(\.message),
                       ["the specification allows no $ref for a components map; it is followed (here and wherever else a components map is one)"])
    }
}
