import Foundation
import APIGenRuntime
import PrefectClient

// A workflow through the client generated from the document Prefect's server serves: create,
// list and page, get, PATCH with a null, delete, a 404 and a 422 read as bodies. Each step prints
// `ok` or `FAIL` with what happened; the exit status is the number of failures.

let serverURL = URL(string: CommandLine.arguments.dropFirst().first ?? "http://127.0.0.1:4299/api")!
let client = Client(serverURL: serverURL, retry: .none)
let run = UUID().uuidString.prefix(8).lowercased()
nonisolated(unsafe) var failures = 0

struct Failed: Error, CustomStringConvertible { var description: String }

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw Failed(description: message()) }
}

/// Any value as the JSON it writes, so values of different generated types compare.
func json(_ value: some Encodable) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
}

@MainActor func step(_ name: String, _ body: () async throws -> Void) async {
    do {
        try await body()
        print("ok    \(name)")
    } catch {
        failures += 1
        print("FAIL  \(name): \(error)")
    }
}

/// The status of an error that must be an HTTP answer.
@MainActor func status(of body: () async throws -> Void) async throws -> (Int, APIError) {
    do {
        try await body()
    } catch let error as APIError {
        guard case .http(let status, _, _) = error else { throw Failed(description: "expected an HTTP error, got \(error)") }
        return (status, error)
    }
    throw Failed(description: "expected an HTTP error, the call succeeded")
}

// MARK: Variables: values of any JSON type

let values: [VariableCreate.Value] = [.string("text"), .int(42), .dictionary(["rows": .int(3), "ok": .bool(true), "tags": .array([.string("a")])])]
nonisolated(unsafe) var ids: [UUID] = []

await step("create three variables whose values are a string, a number and an object") {
    for (index, value) in values.enumerated() {
        let made = try await client.createVariableVariablesPost(body: VariableCreate(name: "apigen_\(run)_\(index)", value: value, tags: ["apigen", String(run)]))
        try expect(made.name == "apigen_\(run)_\(index)", "name \(made.name)")
        try expect(try json(made.value) == json(value), "value \(String(describing: made.value)) for \(value)")
        ids.append(made.id)
    }
}

await step("list them in pages of two (offset and limit in the body), by name") {
    func page(_ offset: Int) async throws -> [Variable] {
        try await client.readVariablesVariablesFilterPost(body: BodyReadVariablesVariablesFilterPost(
            offset: offset, variables: VariableFilter(name: VariableFilterName(like: "apigen_\(run)_")), sort: .nameAsc, limit: 2))
    }
    let first = try await page(0), second = try await page(2), third = try await page(4)
    try expect(first.map(\.name) == ["apigen_\(run)_0", "apigen_\(run)_1"], "first page \(first.map(\.name))")
    try expect(second.map(\.name) == ["apigen_\(run)_2"], "second page \(second.map(\.name))")
    try expect(third.isEmpty, "third page \(third.map(\.name))")
}

await step("walk them with the generated pager: the offset in the body advances by the items read") {
    let filter = BodyReadVariablesVariablesFilterPost(variables: VariableFilter(name: VariableFilterName(like: "apigen_\(run)_")), sort: .nameAsc, limit: 2)
    var pages: [[String]] = []
    for try await page in client.readVariablesVariablesFilterPostPages(body: filter) { pages.append(page.map(\.name)) }
    try expect(pages == [["apigen_\(run)_0", "apigen_\(run)_1"], ["apigen_\(run)_2"]], "pages \(pages)")
    var names: [String] = []
    for try await variable in client.readVariablesVariablesFilterPostPages(body: filter, startingAt: 1).items { names.append(variable.name) }
    try expect(names == ["apigen_\(run)_1", "apigen_\(run)_2"], "from offset 1: \(names)")
}

await step("page numbers in the body, up to the page count the server reports (pages)") {
    let flows = FlowFilter(name: FlowFilterName(like: "apigen-pages-\(run)-"))
    var made: [UUID] = []
    for index in 0..<3 { made.append(try await client.createFlowFlowsPost(body: FlowCreate(name: "apigen-pages-\(run)-\(index)")).id) }
    var pages: [[String]] = []
    for try await page in client.paginateFlowsFlowsPaginatePostPages(body: .init(flows: flows, sort: .nameAsc, limit: 2)) {
        pages.append(page.results.map(\.name))
    }
    try expect(pages == [["apigen-pages-\(run)-0", "apigen-pages-\(run)-1"], ["apigen-pages-\(run)-2"]], "pages \(pages)")
    for id in made { try await client.deleteFlowFlowsIDDelete(id: id) }
}

await step("get one by ID and by name: dates with microseconds decode") {
    let byID = try await client.readVariableVariablesIDGet(id: ids[2])
    try expect(try json(byID.value) == json(values[2]), "value \(String(describing: byID.value))")
    let created = try byID.created ?? { throw Failed(description: "no created date") }()
    try expect(abs(created.timeIntervalSinceNow) < 3600, "created \(created) is not about now")
    let byName = try await client.readVariableByNameVariablesNameNameGet(name: "apigen_\(run)_2")
    try expect(byName.id == byID.id && byName.created == byID.created, "by name \(byName) differs from by ID \(byID)")
}

await step("PATCH a value to null (sent as null, not left out), then read it back") {
    try await client.updateVariableVariablesIDPatch(id: ids[1], body: VariableUpdate().sendingNull(.value))
    let patched = try await client.readVariableVariablesIDGet(id: ids[1])
    try expect(patched.value == nil, "value after PATCH null: \(String(describing: patched.value))")
    try expect(patched.name == "apigen_\(run)_1", "PATCH changed the name: \(patched.name)")
}

await step("PATCH tags only: the other fields are left as they were") {
    try await client.updateVariableVariablesIDPatch(id: ids[0], body: VariableUpdate(tags: ["patched"]))
    let patched = try await client.readVariableVariablesIDGet(id: ids[0])
    try expect(patched.tags == ["patched"], "tags \(String(describing: patched.tags))")
    try expect(try json(patched.value) == json(values[0]), "value changed: \(String(describing: patched.value))")
}

// Prefect documents its 422 body as HTTPValidationError (`detail`), but answers with
// `exception_message` and `exception_detail`: the documented type is not claimed for a body it
// reads nothing of, and the body is there as JSON.
await step("a name over maxLength is refused before sending; unchecked, the server's 422 is read as the body it really is") {
    let tooLong = VariableCreate(name: String(repeating: "n", count: 300), value: .string("x"))
    do {
        _ = try await client.createVariableVariablesPost(body: tooLong)
        throw Failed(description: "a 300-character name was sent")
    } catch APIError.invalidArgument(let name, _) {
        try expect(name == "body.name", "argument \(name)")
    }
    let unchecked = Client(serverURL: serverURL, validatesArguments: false, retry: .none)
    let (code, error) = try await status { _ = try await unchecked.createVariableVariablesPost(body: tooLong) }
    try expect(code == 422, "status \(code)")
    if let typed = error.errorBody(as: HTTPValidationError.self) {
        // A later Prefect that answers as documented.
        try expect(typed.detail?.isEmpty == false, "documented body without detail: \(typed)")
    } else {
        guard case .array(let details)? = error.errorJSON?["exception_detail"], case .object(let first)? = details.first else {
            throw Failed(description: "neither the documented body nor exception_detail: \(String(describing: error.errorJSON))")
        }
        try expect(first["loc"] == .array([.string("body"), .string("name")]) && first["type"] == .string("too_long"), "detail \(first)")
    }
}

await step("delete them; a deleted one is a 404 whose body is readable as JSON") {
    for id in ids { try await client.deleteVariableVariablesIDDelete(id: id) }
    let (code, error) = try await status { _ = try await client.readVariableVariablesIDGet(id: ids[0]) }
    try expect(code == 404, "status \(code)")
    try expect(error.errorJSON?["detail"] != nil, "body \(String(describing: error.errorJSON))")
}

// MARK: Flows

await step("flows: create, get, PATCH tags, list by name, delete, then 404") {
    let flow = try await client.createFlowFlowsPost(body: FlowCreate(name: "apigen-\(run)", tags: ["a"]))
    let read = try await client.readFlowFlowsIDGet(id: flow.id)
    try expect(read.name == "apigen-\(run)" && read.tags == ["a"], "read \(read)")
    try await client.updateFlowFlowsIDPatch(id: flow.id, body: FlowUpdate(tags: ["a", "b"]))
    let listed = try await client.readFlowsFlowsFilterPost(body: BodyReadFlowsFlowsFilterPost(flows: FlowFilter(name: FlowFilterName(any: ["apigen-\(run)"])), limit: 5))
    try expect(listed.map(\.id) == [flow.id] && listed.first?.tags == ["a", "b"], "listed \(listed)")
    try await client.deleteFlowFlowsIDDelete(id: flow.id)
    let (code, _) = try await status { _ = try await client.readFlowFlowsIDGet(id: flow.id) }
    try expect(code == 404, "status \(code)")
}

print(failures == 0 ? "all steps passed" : "\(failures) step(s) failed")
exit(Int32(failures))
