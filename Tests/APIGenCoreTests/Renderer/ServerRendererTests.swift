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
}
