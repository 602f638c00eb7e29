import XCTest
@testable import APIGenCore

final class DocumentReaderTests: XCTestCase {
    func testReadsInfoServersAndVersion() throws {
        let (doc, diagnostics) = try Pipeline.document("""
        openapi: 3.1.0
        info:
          title: Meetings
          version: 1.10
        servers:
          - url: https://api.example.com/v4
        paths: {}
        """)
        XCTAssertEqual(doc.version, "3.1.0")
        XCTAssertTrue(doc.isVersion31)
        XCTAssertEqual(doc.info.title, "Meetings")
        XCTAssertEqual(doc.info.version, "1.10", "a plain 1.10 stays the string 1.10")
        XCTAssertEqual(doc.servers.map(\.url), ["https://api.example.com/v4"])
        XCTAssertTrue(diagnostics.isEmpty)
    }

    func testUnresolvedRefIsLocated() throws {
        let errors = Pipeline.errors("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                meeting:
                  $ref: '#/components/schemas/Meetin'
        """, file: "meetings.yaml")
        XCTAssertEqual(errors.map(\.description), ["meetings.yaml:10:17: error: $ref '#/components/schemas/Meetin' does not resolve"])
    }

    func testMissingAndUnsupportedVersions() throws {
        XCTAssertEqual(Pipeline.errors("info: {title: T, version: '1'}\npaths: {}\n").first?.message, "missing 'openapi' version field")
        let wrong = Pipeline.errors("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
        XCTAssertEqual(wrong.first?.message, "unsupported OpenAPI version '4.0.0'; APIGen reads Swagger 2.0 and OpenAPI 3.0.x to 3.2.x")
        XCTAssertEqual(wrong.first?.location?.line, 1)
        XCTAssertEqual(wrong.first?.location?.column, 10)
        XCTAssertEqual(Pipeline.errors("swagger: '1.2'\n").first?.message, "unsupported Swagger version '1.2'; APIGen reads Swagger 2.0 and OpenAPI 3.0.x to 3.2.x")
    }

    func testPathParametersMergeAndOperationWins() throws {
        let (doc, _) = try Pipeline.document(document(paths: """

          /m/{id}:
            parameters:
              - {name: id, in: path, required: true, description: shared, schema: {type: string}}
              - {name: q, in: query, schema: {type: string}}
            get:
              operationId: getM
              parameters:
                - {name: id, in: path, required: true, description: own, schema: {type: string, format: uuid}}
                - {name: id, in: header, schema: {type: string}}
              responses: {'200': {description: ok}}
        """))
        let operation = try XCTUnwrap(doc.operations.first)
        XCTAssertEqual(operation.parameters.map { "\($0.location.rawValue):\($0.name)" }, ["path:id", "query:q", "header:id"])
        XCTAssertEqual(operation.parameters[0].description, "own")
        XCTAssertEqual(operation.parameters[0].schema?.format, "uuid")
    }

    func testComponentRefsWithPointerEscapes() throws {
        let (doc, _) = try Pipeline.document(document(paths: """

          /a:
            get:
              parameters:
                - $ref: '#/components/parameters/a~1b'
              requestBody: {$ref: '#/components/requestBodies/Body'}
              responses:
                '200': {$ref: '#/components/responses/Ok'}
                '201':
                  description: made
                  headers:
                    Location: {$ref: '#/components/headers/Location'}
                    X-Rate: {schema: {type: integer}}
                2xx: {description: range}
                default: {description: other}
        """, components: """

          parameters:
            a/b: {name: limit, in: query, schema: {type: integer}}
          requestBodies:
            Body: {required: true, content: {application/json: {schema: {type: string}}}}
          responses:
            Ok: {description: fine, content: {application/json: {schema: {type: boolean}}}}
          headers:
            Location: {description: Where it is., required: true, schema: {type: string, format: uri}}
        """))
        let operation = try XCTUnwrap(doc.operations.first)
        XCTAssertEqual(operation.parameters.first?.name, "limit")
        XCTAssertEqual(operation.requestBody?.required, true)
        XCTAssertEqual(operation.requestBody?.componentName, "Body")
        XCTAssertEqual(operation.responses.map(\.status), ["200", "201", "2XX", "default"])
        XCTAssertEqual(operation.responses[0].componentName, "Ok")
        let headers = operation.responses[1].headers
        XCTAssertEqual(headers.map(\.name), ["Location", "X-Rate"])
        XCTAssertEqual(headers[0].required, true)
        XCTAssertEqual(headers[0].description, "Where it is.")
        XCTAssertEqual(headers[0].schema?.format, "uri")
        XCTAssertEqual(headers[1].schema?.types, ["integer"])
    }

    func testCyclicParameterRefIsAnError() throws {
        let errors = Pipeline.errors(document(paths: """

          /a:
            get:
              parameters: [{$ref: '#/components/parameters/A'}]
              responses: {'200': {description: ok}}
        """, components: """

          parameters:
            A: {$ref: '#/components/parameters/B'}
            B: {$ref: '#/components/parameters/A'}
        """))
        XCTAssertTrue(errors.contains { $0.message.hasPrefix("cyclic $ref") }, "\(errors)")
    }

    func testPathTemplateAndParametersMustAgree() throws {
        let errors = Pipeline.errors(document(paths: """

          /a/{id}/{sub}:
            get:
              parameters:
                - {name: other, in: path, required: true, schema: {type: string}}
                - {name: more, in: path, required: true, schema: {type: string}}
              responses: {'200': {description: ok}}
        """))
        XCTAssertEqual(Set(errors.filter { $0.severity == .error }.map(\.message)), [
            "path parameter '{id}' of '/a/{id}/{sub}' is not declared",
            "path parameter '{sub}' of '/a/{id}/{sub}' is not declared",
            "path parameter 'other' is not in the path template '/a/{id}/{sub}'",
            "path parameter 'more' is not in the path template '/a/{id}/{sub}'",
        ])
        XCTAssertTrue(errors.allSatisfy { $0.location != nil })
    }

    /// One undeclared name and one parameter the template lacks (the specification's own example
    /// writes `{id}` and declares `petId`): the parameter fills the name, with a warning.
    func testOneMisnamedPathParameterFillsTheTemplate() throws {
        let (module, diagnostics) = try Pipeline.module(document(paths: """

          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: petId, in: path, required: true, schema: {type: string}}
              responses: {'204': {description: ok}}
        """))
        XCTAssertEqual(diagnostics.map(\.message), ["path parameter 'petId' is not in the path template '/pets/{id}', whose '{id}' is not declared; it fills '{id}'"])
        XCTAssertEqual(module.operations.first?.parameters.map(\.wireName), ["id"])
    }

    func testParameterWithoutInOrName() throws {
        let errors = Pipeline.errors(document(paths: """

          /a:
            get:
              parameters:
                - {name: x, schema: {type: string}}
                - {in: query}
              responses: {'200': {description: ok}}
        """))
        XCTAssertEqual(errors.map(\.message), ["parameter is missing 'in'", "parameter is missing 'name'"])
        XCTAssertEqual(errors.map { $0.location!.line }, [7, 8])
    }

    func testMessyInputWarnsAndGoesOn() throws {
        let (doc, diagnostics) = try Pipeline.document(document(paths: """

          /a:
            get:
              deprecated: "true"
              responses:
                4xx: {description: lower case range}
                '200': {description: ok, content: {string: {schema: {type: string}}}}
        """))
        XCTAssertEqual(doc.operations.first?.deprecated, true)
        XCTAssertEqual(doc.operations.first?.responses.map(\.status), ["4XX", "200"])
        let messages = diagnostics.map(\.message)
        XCTAssertTrue(messages.contains("deprecated should be a boolean, found the string \"true\"; read as true"), "\(messages)")
        XCTAssertTrue(messages.contains("response range '4xx' should be upper case ('4XX')"), "\(messages)")
    }

    func testSchemaDetails() throws {
        let (doc, _) = try Pipeline.document(document(components: """

          schemas:
            S:
              type: [string, 'null']
              enum: [yes, no, 1.0, null]
              maxLength: 5
              pattern: '^[a-z]+$'
            N:
              type: number
              minimum: 0
              exclusiveMaximum: 10
        """))
        let s = try XCTUnwrap(doc.schemas.first { $0.name == "S" }?.schema)
        XCTAssertEqual(s.types, ["string", "null"])
        XCTAssertTrue(s.nullable)
        XCTAssertEqual(s.enumValues, [.string("yes"), .string("no"), .string("1.0"), .null], "string enums keep the text as written")
        XCTAssertEqual(s.maxLength, 5)
        XCTAssertEqual(s.pattern, "^[a-z]+$")
        let n = try XCTUnwrap(doc.schemas.first { $0.name == "N" }?.schema)
        XCTAssertEqual(n.maximum, 10)
        XCTAssertTrue(n.exclusiveMaximum, "3.1 numeric exclusiveMaximum")
    }
}

/// `$ref`s in the shapes real documents write them where the specification is silent or strict.
final class ReferenceShapeTests: XCTestCase {
    /// A name used 200 times that does not exist is one mistake: one error, at its first use.
    func testAMissingTargetIsOneError() throws {
        let errors = Pipeline.errors(document(paths: """

          /a:
            get:
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
                '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
                '202': {description: ok, content: {application/json: {schema: {items: {$ref: '#/components/schemas/Missing'}}}}}
                '404': {$ref: '#/components/responses/Gone'}
                '410': {$ref: '#/components/responses/Gone'}
        """))
        XCTAssertEqual(errors.filter { $0.severity == .error }.map(\.message), [
            "$ref '#/components/schemas/Missing' does not resolve",
            "$ref '#/components/responses/Gone' does not resolve",
        ])
        XCTAssertEqual(errors.first?.location?.line, 7)
    }

    /// Documentation never stops generation: a `$ref` to text is followed, anything else dropped.
    func testADescriptionThatIsNotTextIsFollowedOrDropped() throws {
        let (document, diagnostics) = try Pipeline.document("""
        openapi: 3.0.3
        info: {title: T, version: '1', description: {$ref: '#/x-texts/intro'}}
        x-texts: {intro: A long introduction.}
        paths:
          /a:
            get:
              description: {$ref: '#/x-texts/missing'}
              responses: {'204': {description: [not, text]}}
        """)
        XCTAssertEqual(document.info.description, "A long introduction.")
        XCTAssertNil(document.operations.first?.description)
        XCTAssertEqual(Set(diagnostics.map(\.message)), [
            "description is a $ref '#/x-texts/missing' that leads to no text; the description is left out",
            "description must be a string, found a sequence; it is left out",
        ])
    }

    /// A Request Body Object has a Response Object's fields: referenced as a response, it is read as one.
    func testAResponseThatNamesARequestBody() throws {
        let (document, diagnostics) = try Pipeline.document("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              responses: {'200': {$ref: '#/components/requestBodies/Thing'}}
        components:
          requestBodies:
            Thing: {description: a thing, content: {application/json: {schema: {type: string}}}}
        """)
        let response = try XCTUnwrap(document.operations.first?.responses.first)
        XCTAssertEqual(response.description, "a thing")
        XCTAssertEqual(response.content.map(\.contentType), ["application/json"])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].message.contains("names one of components.requestBodies where a response belongs"))
    }
}
