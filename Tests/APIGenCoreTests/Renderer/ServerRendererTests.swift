import XCTest
@testable import APIGenCore

/// What the server renderer decides from the document alone: which operations get a route.
final class ServerRendererTests: XCTestCase {
    private func server(_ yaml: String) throws -> String {
        let (module, _) = try Pipeline.module(yaml)
        var options = RenderOptions()
        options.outputs = [.server]
        return try XCTUnwrap(SwiftRenderer.render(module, options: options).first { $0.name == "APIGen.Server.swift" }).contents
    }

    /// Box writes `/files/{id}#update` beside `/files/{id}`: a URL's fragment is never sent, so
    /// both are one route, the first operation's; the other's handler method says why it is
    /// never called, and no second route is registered (a web framework would refuse it).
    func testOperationsWithTheSameMethodAndPathGetOneRoute() throws {
        let text = try server("""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /files/{id}:
            put:
              operationId: updateFile
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
          /files/{id}#lock:
            put:
              operationId: lockFile
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
          /files/{id}#meta:
            get:
              operationId: getFileMeta
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
        """)
        let routes = text.split(separator: "\n").filter { $0.contains("ServerRoute(method:") }
        XCTAssertEqual(routes.map { String($0.trimmingCharacters(in: .whitespaces).prefix(while: { $0 != ")" })) }, [
            "APIGenRuntime.ServerRoute(method: \"PUT\", template: \"/files/{id}\"",
            "APIGenRuntime.ServerRoute(method: \"GET\", template: \"/files/{id}\"",
        ])
        XCTAssertTrue(text.contains("/// Not called: `updateFile` has the same method and path, and its route answers every such request."), text)
    }

    /// The same document's client: the fragment is not part of the path it sends (its query
    /// would follow the fragment and be lost with it), and a located warning says so. A query
    /// written into the path is sent, and the route matches the path without it.
    func testAFragmentIsNotSentAndAQueryInThePathIsRoutedWithoutIt() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /files/{id}#lock:
            put:
              operationId: lockFile
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: fields, in: query, required: true, schema: {type: string}}
              responses: {'204': {description: ok}}
          /search?type=user:
            get:
              operationId: searchUsers
              responses: {'204': {description: ok}}
        """
        let (module, diagnostics) = try Pipeline.module(yaml)
        XCTAssertEqual(diagnostics.map(\.description), [
            "test.yaml:6:7: warning: the path's fragment '#lock' is not sent (no request carries a fragment): this operation is sent to '/files/{id}'",
        ])
        let client = try XCTUnwrap(SwiftRenderer.render(module, options: RenderOptions()).first { $0.name == "APIGen.swift" }).contents
        XCTAssertTrue(client.contains("path: \"/files/\\(PercentEncoding.segment(id, name: \"id\"))\", "), client)
        XCTAssertTrue(client.contains("path: \"/search?type=user\", "), client)
        let text = try server(yaml)
        let routes = text.split(separator: "\n").filter { $0.contains("ServerRoute(method:") }
        XCTAssertEqual(routes.map { String($0.trimmingCharacters(in: .whitespaces).prefix(while: { $0 != ")" })) }, [
            "APIGenRuntime.ServerRoute(method: \"PUT\", template: \"/files/{id}\"",
            "APIGenRuntime.ServerRoute(method: \"GET\", template: \"/search\"",
        ])
    }
}
