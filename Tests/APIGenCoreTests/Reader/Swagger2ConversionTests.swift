import XCTest
@testable import APIGenCore

/// Each Swagger 2.0 construct generates the same Swift as its OpenAPI 3.0 equivalent, and its
/// diagnostics point into the 2.0 file.
final class Swagger2ConversionTests: XCTestCase {
    private func swift(_ text: String) throws -> String {
        try Generator().generate(bytes: Array(text.utf8), file: "api.yaml").files.map(\.contents).joined(separator: "\n")
    }

    private func assertSame(_ swagger: String, _ openapi: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let head2 = "swagger: '2.0'\ninfo: {title: T, version: '1'}\n"
        let head3 = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"
        let a = try swift(head2 + swagger), b = try swift(head3 + openapi)
        XCTAssertEqual(a, b, file: file, line: line)
        XCTAssertTrue(a.contains("public func") || a.contains("public struct"), "nothing generated", file: file, line: line)
    }

    func testDefinitionsAndReferences() throws {
        try assertSame("""
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters: [{name: id, in: path, required: true, type: integer, format: int64}]
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/Pet'}}}
        definitions:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
              tag: {type: string, x-nullable: true}
              x-trace: {type: string}
              photo: {type: file}
        """, """
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters: [{name: id, in: path, required: true, schema: {type: integer, format: int64}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                tag: {type: string, nullable: true}
                x-trace: {type: string}
                photo: {type: string, format: binary}
        """)
    }

    func testBodyParameterAndConsumesProduces() throws {
        try assertSame("""
        consumes: [application/json]
        produces: [application/json]
        paths:
          /pets:
            post:
              operationId: addPet
              parameters: [{name: pet, in: body, required: true, description: The pet, schema: {type: object, properties: {name: {type: string}}}}]
              responses: {'201': {description: made, schema: {type: object, properties: {id: {type: integer}}}}}
            put:
              operationId: putText
              consumes: [text/plain]
              produces: [text/plain]
              parameters: [{name: text, in: body, schema: {type: string}}]
              responses: {'200': {description: ok, schema: {type: string}}}
        """, """
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody: {description: The pet, required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses: {'201': {description: made, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}}
            put:
              operationId: putText
              requestBody: {content: {text/plain: {schema: {type: string}}}}
              responses: {'200': {description: ok, content: {text/plain: {schema: {type: string}}}}}
        """)
    }

    func testFormDataParameters() throws {
        try assertSame("""
        paths:
          /login:
            post:
              operationId: login
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: user, in: formData, type: string, required: true}
                - {name: scopes, in: formData, type: array, items: {type: string}}
              responses: {'204': {description: done}}
          /upload:
            post:
              operationId: upload
              consumes: [multipart/form-data]
              parameters:
                - {name: file, in: formData, type: file, required: true}
                - {name: note, in: formData, type: string}
              responses: {'204': {description: done}}
        """, """
        paths:
          /login:
            post:
              operationId: login
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: object, properties: {user: {type: string}, scopes: {type: array, items: {type: string}}}, required: [user]}
              responses: {'204': {description: done}}
          /upload:
            post:
              operationId: upload
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: {type: object, properties: {file: {type: string, format: binary}, note: {type: string}}, required: [file]}
              responses: {'204': {description: done}}
        """)
    }

    func testCollectionFormats() throws {
        try assertSame("""
        paths:
          /search:
            get:
              operationId: search
              parameters:
                - {name: a, in: query, type: array, items: {type: string}}
                - {name: b, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                - {name: c, in: query, type: array, items: {type: string}, collectionFormat: pipes}
                - {name: d, in: query, type: array, items: {type: integer}, collectionFormat: multi}
                - {name: X-Ids, in: header, type: array, items: {type: string}}
              responses: {'204': {description: done}}
        """, """
        paths:
          /search:
            get:
              operationId: search
              parameters:
                - {name: a, in: query, schema: {type: array, items: {type: string}}, style: form, explode: false}
                - {name: b, in: query, schema: {type: array, items: {type: string}}, style: spaceDelimited, explode: false}
                - {name: c, in: query, schema: {type: array, items: {type: string}}, style: pipeDelimited, explode: false}
                - {name: d, in: query, schema: {type: array, items: {type: integer}}, style: form, explode: true}
                - {name: X-Ids, in: header, schema: {type: array, items: {type: string}}, style: simple, explode: false}
              responses: {'204': {description: done}}
        """)
    }

    func testServersSecurityAndSharedComponents() throws {
        try assertSame("""
        host: api.example.com
        basePath: /v2
        schemes: [http, https]
        securityDefinitions:
          basic: {type: basic}
          key: {type: apiKey, name: X-Key, in: header}
          oauth: {type: oauth2, flow: implicit, authorizationUrl: 'https://example.com/auth', scopes: {read: read}}
        security: [{key: []}]
        parameters:
          limit: {name: limit, in: query, type: integer, default: 10}
        responses:
          NotFound: {description: missing, schema: {$ref: '#/definitions/Error'}}
        paths:
          /items:
            get:
              operationId: listItems
              security: [{basic: []}, {oauth: [read]}]
              parameters: [{$ref: '#/parameters/limit'}]
              responses: {'200': {description: ok, schema: {type: array, items: {type: string}}}, '404': {$ref: '#/responses/NotFound'}}
        definitions:
          Error: {type: object, properties: {message: {type: string}}}
        """, """
        servers: [{url: 'https://api.example.com/v2'}, {url: 'http://api.example.com/v2'}]
        security: [{key: []}]
        paths:
          /items:
            get:
              operationId: listItems
              security: [{basic: []}, {oauth: [read]}]
              parameters: [{$ref: '#/components/parameters/limit'}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}, '404': {$ref: '#/components/responses/NotFound'}}
        components:
          schemas:
            Error: {type: object, properties: {message: {type: string}}}
          parameters:
            limit: {name: limit, in: query, schema: {type: integer, default: 10}}
          responses:
            NotFound: {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
          securitySchemes:
            basic: {type: http, scheme: basic}
            key: {type: apiKey, name: X-Key, in: header}
            oauth: {type: oauth2, flows: {}}
        """)
    }

    func testFileResponseHeadersAndDiscriminator() throws {
        try assertSame("""
        produces: [application/octet-stream]
        paths:
          /download:
            get:
              operationId: download
              responses:
                '200':
                  description: the file
                  schema: {type: file}
                  headers: {X-Rate-Limit: {type: integer, description: calls left}}
        definitions:
          Pet: {type: object, discriminator: kind, required: [kind], properties: {kind: {type: string}}}
          Cat: {allOf: [{$ref: '#/definitions/Pet'}, {type: object, properties: {purrs: {type: boolean}}}]}
        """, """
        paths:
          /download:
            get:
              operationId: download
              responses:
                '200':
                  description: the file
                  content: {application/octet-stream: {schema: {type: string, format: binary}}}
                  headers: {X-Rate-Limit: {description: calls left, schema: {type: integer}}}
        components:
          schemas:
            Pet: {type: object, discriminator: {propertyName: kind}, required: [kind], properties: {kind: {type: string}}}
            Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {purrs: {type: boolean}}}]}
        """)
    }

    /// Diagnostics of a converted document point at the 2.0 text that caused them.
    func testDiagnosticsAreLocatedInTheSwaggerFile() throws {
        let text = """
        swagger: '2.0'
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              parameters:
                - {name: t, in: query, type: array, items: {type: string}, collectionFormat: tsv}
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/Missing'}}}
        """
        let diagnostics = Pipeline.errors(text, file: "two.yaml")
        let tsv = diagnostics.first { $0.message.contains("collectionFormat 'tsv'") }
        XCTAssertEqual(tsv?.location?.description, "two.yaml:7:86")
        let missing = diagnostics.first { $0.severity == .error }
        XCTAssertEqual(missing?.location?.file, "two.yaml")
        XCTAssertEqual(missing?.location?.line, 8)
    }

    func testUnknownSwaggerVersionIsRefused() {
        let diagnostics = Pipeline.errors("swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n")
        XCTAssertTrue(diagnostics.contains { $0.message.contains("unsupported Swagger version '1.2'") }, "\(diagnostics)")
    }
}
