import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import APIGenRuntime
import MeetingsAPI
import MainActorMeetings
import TwoDocuments
import ConfiguredNamespace
import ConfiguredShards

/// A transport that records requests and answers with canned bytes.
final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [URLRequest] = []
    let status: Int
    let body: Data

    init(status: Int = 200, body: String) {
        self.status = status
        self.body = Data(body.utf8)
    }

    var requests: [URLRequest] { lock.withLock { seen } }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        lock.withLock { seen.append(request) }
        return (body, HTTPURLResponse(url: request.url!, statusCode: status, httpVersion: "HTTP/1.1", headerFields: nil)!)
    }
}

final class ConsumerTests: XCTestCase {
    let page = #"{"data":[{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","title":"Standup","status":"ACTIVE","recording_config":{"audio_config":{"codec":"MP3"}}}],"paging":{"total_count":1}}"#

    func testGeneratedClientBuildsRequestsAndDecodes() async throws {
        let transport = CannedTransport(body: page)
        let client = MeetingsAPI.Client(apiToken: "secret", transport: transport)
        let result = try await client.listMeetings(appID: "app 1", pageNo: 2, status: .active)
        XCTAssertEqual(result.data.first?.recordingConfig?.audioConfig?.codec, .mp3)
        XCTAssertTrue(result.data.first?.isOpen == true, "hand-written extension on a generated type")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.url?.absoluteString, "https://api.example.com/v1/apps/app%201/meetings?page_no=2&status=ACTIVE")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer secret")
    }

    func testCreateSendsJSON() async throws {
        let transport = CannedTransport(status: 201, body: #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19Z"}"#)
        let client = MeetingsAPI.Client(apiToken: "t", transport: transport)
        let meeting = try await client.createMeeting(appID: "a", body: .init(title: "Hi", recordOnStart: true))
        XCTAssertEqual(meeting.id.uuidString.lowercased(), "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")
        let body = try XCTUnwrap(transport.requests.first?.httpBody)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: body) as? NSDictionary, ["title": "Hi", "record_on_start": true])
    }

    func testMainActorTargetWorksOffTheMainActor() async throws {
        let meeting = try decodeMeetingInBackground(Data(#"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19Z","status":"LOCKED"}"#.utf8))
        XCTAssertEqual(meeting.status, .unknown("LOCKED"))
        let client = MainActorMeetings.Client(apiToken: "t", transport: CannedTransport(body: page))
        let count = try await countMeetings(client, appID: "a")
        XCTAssertEqual(count, 1)
        let names = try await titles(client, appID: "a")
        XCTAssertEqual(names, ["Standup"])
    }

    func testTwoDocumentsInOneTarget() async throws {
        let transport = CannedTransport(body: #"{"name":"Blue","meeting":{"starts_at":null}}"#)
        let room = try await Rooms.Client(transport: transport).getRoom(id: "r/1")
        XCTAssertEqual(room.name, "Blue")
        XCTAssertEqual(transport.requests.first?.url?.absoluteString, "https://rooms.example.com/rooms/r%2F1")
        let meeting = Meetings.Meeting(id: UUID(), createdAt: Date(), title: "Sync")
        XCTAssertEqual(describe(room, meeting), "Blue: Sync")
    }

    /// The plugin honours `namespace:` and `shards:` of the target's apigen.yaml.
    func testConfiguredTargets() async throws {
        let todos = #"[{"id":1,"title":"Write","done":false},{"id":2,"title":"Ship"}]"#
        let namespaced = Todos.Client(transport: CannedTransport(body: todos))
        let first = try await namespaced.listTodos()
        XCTAssertEqual(ConfiguredNamespace.titles(first), ["Write", "Ship"])
        let sharded = ConfiguredShards.Client(transport: CannedTransport(body: todos))
        let second = try await sharded.listTodos()
        XCTAssertEqual(ConfiguredShards.titles(second), ["Write", "Ship"])
    }

    /// The plugin honours `outputs:`: the mock stands in for the client, and the server answers.
    func testConfiguredProducts() async throws {
        var mock = ConfiguredShards.MockClient()
        mock.handlers.listTodos = { [ConfiguredShards.Todo(id: 7, title: "Test")] }
        let api: any ConfiguredShards.APIProtocol = mock
        let listed = try await api.listTodos()
        XCTAssertEqual(ConfiguredShards.titles(listed), ["Test"])
        let server = ConfiguredShards.APIServer(handler: TodoHandler())
        let answer = await server.respond(to: ServerRequest(method: "GET", target: "/todos"))
        XCTAssertEqual(answer.status, 200)
        let served = try JSONDecoder().decode([ConfiguredShards.Todo].self, from: answer.body)
        XCTAssertEqual(ConfiguredShards.titles(served), ["Serve"])
    }
}

private struct TodoHandler: ConfiguredShards.APIHandler {
    func listTodos() async throws -> ConfiguredShards.APIServer.ListTodosAnswer {
        .ok([ConfiguredShards.Todo(id: 3, title: "Serve")])
    }
}
