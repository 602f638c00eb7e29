import XCTest
import Foundation

/// Documents composed at random from the schema constructs APIGen supports, with hostile names
/// and values: every one that generates (exit 0) must type-check without a warning, and every one
/// that does not must fail with a located error, never a crash. A fixed seed in CI;
/// `APIGEN_GENERATIVE_SEED` and `APIGEN_GENERATIVE_COUNT` explore more.
final class GenerativeDocumentTests: XCTestCase {
    func testRandomDocumentsGenerateCodeThatCompiles() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        try XCTSkipUnless(TypeCheck.isAvailable, "APIGenRuntime was not built beside apigen (run the whole test suite)")
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["APIGEN_GENERATIVE_SEED"].flatMap(UInt64.init) ?? 20_261_201
        let count = environment["APIGEN_GENERATIVE_COUNT"].flatMap(Int.init) ?? 24
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-generative-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var composer = DocumentComposer(seed: seed)
        var generated = 0
        for i in 0..<count {
            let name = "doc\(i).json"
            try composer.document().write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let result = try ApigenProcess.run(["generate", name, "--output", output.path, "--name", "Doc\(i)", "--quiet"], in: folder, killAfter: 30)
            XCTAssertFalse(result.killed, "\(name) (seed \(seed)) hangs")
            XCTAssertTrue(result.status == 0 || result.status == 1, "\(name) (seed \(seed)) exits \(result.status): \(result.err)")
            if result.status == 0 {
                generated += 1
            } else {
                XCTAssertTrue(result.err.contains("\(name):") && result.err.contains(": error: "), "\(name): a failure is a located error: \(result.err)")
            }
        }
        XCTAssertGreaterThan(generated, count / 2, "most random documents are sound and generate")
        // The constructs are exercised, not only allowed for: each appears in what was compiled.
        let text = try FileManager.default.contentsOfDirectory(atPath: output.path).map {
            try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        for construct in ["ServerSentEvents<", "JSONLines<", "errors: [", "struct ResponseHeaders", "{ _status, _data in", "bodyFile: URL", "sendingNull("] {
            XCTAssertTrue(text.contains(construct), "seed \(seed): no document used \(construct)")
        }
        // A generated type declares no operator: each would be weighed by every model's `Equatable`
        // check in the module (`ModuleLookupTests`).
        XCTAssertNil(text.range(of: #"func [-=+*/%<>!&|^~?.]"#, options: .regularExpression), "seed \(seed): an operator function")
        let problems = try TypeCheck.problems(in: output)
        // Each document has its own namespace, `DocN`: the file names say which one failed.
        XCTAssertEqual(problems, [], "seed \(seed): the documents are kept in \(folder.path) when APIGEN_KEEP=1")
        if !problems.isEmpty, environment["APIGEN_KEEP"] == "1" {
            let kept = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("apigen-generative-kept")
            try? FileManager.default.removeItem(at: kept)
            try? FileManager.default.copyItem(at: folder, to: kept)
        }
    }
}

/// JSON text built by hand, so that a number can be any token YAML reads (`1e999`).
indirect enum JSON {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    var text: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Composes OpenAPI documents from a seeded generator (SplitMix64: the same seed, the same documents).
struct DocumentComposer {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Names that have tripped generators: the generated code's own, keywords, clashes, odd text.
    static let names = [
        "w", "c", "a", "b", "path", "value", "newValue", "decoder", "encoder", "container", "tag", "failures",
        "request", "core", "body", "firstPage", "startingAt", "serverURL", "description", "timeout", "transport",
        "additionalProperties", "additional_properties", "rawValue", "allCases", "unknown", "hashValue", "validate",
        "self", "Self", "Type", "init", "class", "default", "protocol", "in", "_", "1st", "", "🎉", "naïve café",
        "String", "Int", "Date", "URL", "UUID", "Data", "Box", "Client", "APIError", "FieldReader", "FieldWriter",
        "Validation", "JSONValue", "Optional", "Error", "user_id", "userId", "USER_ID", "x-y", "a.b", "with space",
        "line\nbreak", "nul\u{0}char", "bell\u{7}", "_request", "_core",
    ]

    private mutating func name() -> String { pick(Self.names) }

    private mutating func literal() -> JSON {
        switch int(9) {
        case 0: return .number(pick(["1e999", "-1e999", "99999999999999999999", "0", "-1", "2.5", "1.0"]))
        case 1: return .string(name())
        case 2: return .bool(chance(50))
        case 3: return .null
        case 4: return .array([.number("1"), .string("x")])
        default: return .number(String(int(1000)))
        }
    }

    private mutating func scalarSchema() -> [(String, JSON)] {
        var schema: [(String, JSON)]
        switch int(6) {
        case 0: schema = [("type", .string("string")), ("format", .string(pick(["date-time", "uuid", "uri", "byte", "binary", "date", "email"])))]
        case 1: schema = [("type", .string("integer"))]
        case 2: schema = [("type", .string("number"))]
        case 3: schema = [("type", .string("boolean"))]
        case 4: schema = [("type", .string("string")), ("enum", .array((0..<(1 + int(4))).map { _ in .string(name()) }))]
        default: schema = [("type", .string("string"))]
        }
        if chance(20) { schema.append((pick(["minimum", "maximum"]), .number(pick(["1", "1e999", "-1e999", "2.5", "99999999999999999999"])))) }
        if chance(10) { schema.append((pick(["minLength", "maxLength"]), .number(pick(["0", "1", "10"])))) }
        if chance(15) { schema.append(("default", literal())) }
        if chance(10) { schema.append(("nullable", .bool(true))) }
        if chance(10) { schema.append(("description", .string(name()))) }
        return schema
    }

    private mutating func schema(_ components: [String], depth: Int) -> JSON {
        if depth > 2 { return .object(scalarSchema()) }
        switch int(12) {
        case 0, 1: return .object([("$ref", .string("#/components/schemas/" + pick(components)))])
        case 2: return .object([("type", .string("array")), ("items", schema(components, depth: depth + 1))])
        case 3: return .object([("type", .string("object")), ("additionalProperties", chance(50) ? .bool(true) : schema(components, depth: depth + 1))])
        case 4: return object(components, depth: depth + 1)
        case 5:
            let values: [JSON] = (0..<(1 + int(4))).map { _ in chance(50) ? .number(pick(["1", "1.0", "2", "1e999"])) : .string(name()) }
            return .object([("type", .string(chance(50) ? "integer" : "string")), ("enum", .array(values))])
        case 6: return .object([("allOf", .array([.object([("$ref", .string("#/components/schemas/" + pick(components)))]), object(components, depth: depth + 1)]))])
        case 7: return .object([("oneOf", .array([.object(scalarSchema()), schema(components, depth: depth + 1)]))])
        default: return .object(scalarSchema())
        }
    }

    private mutating func object(_ components: [String], depth: Int) -> JSON {
        var properties: [(String, JSON)] = []
        var seen: Set<String> = []
        for _ in 0..<int(6) {
            let key = name()
            guard seen.insert(key).inserted else { continue }
            properties.append((key, schema(components, depth: depth)))
        }
        var result: [(String, JSON)] = [("type", .string("object")), ("properties", .object(properties))]
        if !properties.isEmpty, chance(50) { result.append(("required", .array([.string(properties[0].0)]))) }
        if chance(20) { result.append(("additionalProperties", .bool(true))) }
        return .object(result)
    }

    /// A oneOf of component objects with a discriminator, its values pinned, mapped or implicit.
    private mutating func discriminated(_ variants: [String]) -> JSON {
        var discriminator: [(String, JSON)] = [("propertyName", .string("kind"))]
        if chance(40) { discriminator.append(("mapping", .object(variants.map { ($0.lowercased(), .string("#/components/schemas/" + $0)) }))) }
        return .object([("oneOf", .array(variants.map { .object([("$ref", .string("#/components/schemas/" + $0))]) })), ("discriminator", .object(discriminator))])
    }

    private func variant(_ tag: String) -> JSON {
        .object([("type", .string("object")), ("required", .array([.string("kind")])),
                 ("properties", .object([("kind", .object([("type", .string("string")), ("enum", .array([.string(tag)]))])), ("size", .object([("type", .string("integer"))]))]))])
    }

    mutating func document() -> String {
        let componentNames = (0..<(2 + int(6))).map { i in i % 3 == 0 ? name() + "\(i)" : "Model\(i)" }
        var schemas: [(String, JSON)] = []
        var used: Set<String> = []
        for component in componentNames where used.insert(component).inserted {
            schemas.append((component, chance(60) ? object(componentNames, depth: 0) : schema(componentNames, depth: 0)))
        }
        if chance(50) {
            schemas.append(("VariantA", variant("a")))
            schemas.append(("VariantB", variant("b")))
            schemas.append(("Union", discriminated(["VariantA", "VariantB"])))
        }
        var paths: [(String, JSON)] = []
        for i in 0..<(1 + int(4)) {
            let pathName = name()
            let path = "/items\(i)/{\(pathName)}"
            var parameters: [JSON] = [.object([("name", .string(pathName)), ("in", .string("path")), ("required", .bool(true)), ("schema", .object(scalarSchema()))])]
            for _ in 0..<int(4) {
                parameters.append(.object([("name", .string(name())), ("in", .string(pick(["query", "header"]))), ("schema", schema(componentNames, depth: 2))]))
            }
            var operation: [(String, JSON)] = [("parameters", .array(parameters))]
            if chance(60) { operation.insert(("operationId", .string(name())), at: 0) }
            let method = pick(["get", "post", "put", "patch", "delete"])
            if method != "get", chance(60) {
                let media = chance(75) ? "application/json" : "application/octet-stream"
                operation.append(("requestBody", .object([("content", .object([(media, .object([("schema", schema(componentNames, depth: 1))]))]))])))
            }
            // One to three 2xx answers (different bodies, streams beside JSON, none at all),
            // with declared headers, and error answers typed by a component or inline.
            var responses: [(String, JSON)] = []
            for status in ["200", "201", "202", "204", "2XX"] where responses.isEmpty || chance(25) {
                guard responses.count < 3 else { break }
                var response: [(String, JSON)] = [("description", .string("ok"))]
                if !chance(20) {
                    var content: [(String, JSON)] = []
                    for media in ["application/json", "text/event-stream", "application/x-ndjson", "text/plain", "application/octet-stream"] where content.isEmpty || chance(20) {
                        if chance(50) || media == "text/plain" { content.append((media, .object([("schema", schema(componentNames, depth: 1))]))) }
                    }
                    if !content.isEmpty { response.append(("content", .object(content))) }
                }
                if chance(30) {
                    let headers = (0..<(1 + int(3))).map { _ in (name(), JSON.object([("schema", .object(scalarSchema()))])) }
                    response.append(("headers", .object(headers)))
                }
                responses.append((status, .object(response)))
            }
            for status in ["404", "4XX", "default"] where chance(30) {
                let body = chance(50) ? JSON.object([("$ref", .string("#/components/schemas/\(pick(componentNames))"))]) : schema(componentNames, depth: 1)
                responses.append((status, .object([("description", .string("failed")), ("content", .object([("application/json", .object([("schema", body)]))]))])))
            }
            operation.append(("responses", .object(responses)))
            paths.append((path, .object([(method, .object(operation))])))
        }
        let document: JSON = .object([
            ("openapi", .string(chance(50) ? "3.1.0" : "3.0.3")),
            ("info", .object([("title", .string(name())), ("version", .string("1"))])),
            ("servers", .array([.object([("url", .string("https://example.com/v1"))])])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(schemas))])),
        ])
        return document.text + "\n"
    }
}
