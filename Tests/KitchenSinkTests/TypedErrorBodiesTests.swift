import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// Each operation's documented error bodies through `errorBody(of: .operation)`: its type is the
/// compiler's to check, and an error of another operation reads as nil.
final class TypedErrorBodiesTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    func testEachStatusReadsAsTheTypeTheOperationDocuments() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        server.setHandler { _ in .json(409, #"{"state":"finished"}"#) }
        let conflictFailure = await failure { try await client.cancelJob(jobID: 1) }
        let conflict = try XCTUnwrap(conflictFailure)
        XCTAssertEqual(conflict.errorBody(of: .cancelJob), .jobConflict(JobConflict(state: "finished")))

        server.setHandler { _ in .json(500, #"{"error":{"code":7,"message":"down"}}"#) }
        let otherFailure = await failure { try await client.cancelJob(jobID: 1) }
        let other = try XCTUnwrap(otherFailure)
        guard case .problem(let problem)? = other.errorBody(of: .cancelJob) else { return XCTFail("\(other)") }
        XCTAssertEqual(problem.error?.message, "down")

        // The same answer to another operation is that operation's: not cancelJob's.
        let readFailure = await failure { _ = try await client.getThing(thingID: "ab") }
        let read = try XCTUnwrap(readFailure)
        XCTAssertNil(read.errorBody(of: .cancelJob))
        XCTAssertEqual(read.errorBody(of: .getThing)?.error?.code, 7)

        // A body that is not the documented type is no body, and the error is still thrown.
        server.setHandler { _ in .json(409, #"{"unrelated":true}"#) }
        let unreadableFailure = await failure { try await client.cancelJob(jobID: 1) }
        let unreadable = try XCTUnwrap(unreadableFailure)
        XCTAssertNil(unreadable.errorBody(of: .cancelJob))
        XCTAssertEqual(unreadable.status, 409)
    }
}
