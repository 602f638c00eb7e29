import XCTest
import Foundation
import APIGenRuntime
import KitchenSink

/// `outputs: [protocol, mock]`: code written against `APIProtocol` runs with the client or the
/// mock, and the mock answers with the document's examples unless a test says otherwise.
final class MockClientTests: XCTestCase {
    /// App code: knows the protocol only.
    private func describeThing(_ api: some APIProtocol, _ id: String) async throws -> String {
        let thing = try await api.getThing(thingID: id, include: nil, xRequestID: nil, since: nil)
        return "\(thing.class) \(thing.kind.rawValue)"
    }

    func testTheDefaultAnswersAreTheDocumentsExamples() async throws {
        let mock = MockClient()
        let description = try await describeThing(mock, "anything")
        XCTAssertEqual(description, "sample left top")
        let thing = try await mock.getThing(thingID: "x", include: nil, xRequestID: nil, since: nil)
        XCTAssertEqual(thing.id, UUID(uuidString: "9b2c4f1e-0a6d-4c1b-8e2f-3d5a7b9c1e0f"))
        XCTAssertEqual(thing.seenAt, [Date(timeIntervalSince1970: 1_767_323_045.25)])
        let jobs = try await mock.listJobs(offset: nil, limit: nil)
        XCTAssertEqual(jobs.jobs, [])
        XCTAssertEqual(jobs.meta?.totalEntries, 0)
        try await mock.cancelJob(jobID: 1)   // no body: returns
        let account = try await mock.putAccount(id: "a", body: Account(name: "a"))
        XCTAssertNil(account, "an optional answer without an example is nil")
    }

    func testAnOperationWithoutAnExampleThrowsUntilATestAnswersIt() async throws {
        var mock = MockClient()
        do {
            _ = try await mock.getTree(id: "root")
            XCTFail("no example")
        } catch let error as MockError {
            XCTAssertEqual(error.operation, "getTree")
            XCTAssertTrue(error.description.contains("handlers.getTree"), error.description)
        }
        let seen = Seen()
        mock.handlers.getTree = { id in
            await seen.add(id)
            return TreeNode(name: id)
        }
        mock.handlers.getThing = { _, _, _, _ in throw APIError.http(status: 404, error: nil, body: Data()) }
        let tree = try await mock.getTree(id: "root")
        XCTAssertEqual(tree.name, "root")
        let names = await seen.names
        XCTAssertEqual(names, ["root"])
        do {
            _ = try await describeThing(mock, "x")
            XCTFail("the handler throws")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 404)
        }
    }

    func testTheClientIsAnAPIProtocol() {
        let api: any APIProtocol = Client(serverURL: URL(string: "https://api.example.test")!, apiToken: "t")
        XCTAssertTrue(api is Client)
    }
}

private actor Seen {
    var names: [String] = []
    func add(_ name: String) { names.append(name) }
}
