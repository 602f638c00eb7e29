import XCTest
import Foundation

/// Every ```swift block of README.md and docs/ compiles, so that what a new user copies works.
///
/// A block of code is compiled as the body of an `async throws` function, its `import` lines
/// above it. The values it uses without defining them are that function's parameters, named in
/// an HTML comment on the line before the block (which Markdown does not show):
/// `<!-- snippet: parameters: token: String, id: UUID; imports: Foundation -->`.
/// A block that starts with `// swift-tools-version` is a whole manifest: SwiftPM must load it.
final class DocumentationSnippetTests: XCTestCase {
    struct Snippet {
        var file: String
        var line: Int
        var code: String
        var parameters = ""
        var imports: [String] = []
        /// `excerpt of <path>`: generated code shown as it is, found in that file of the repository.
        var excerptOf: String?

        var isManifest: Bool { code.hasPrefix("// swift-tools-version") }
        var modules: [String] {
            imports + code.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { line in
                String(line.dropFirst("import ".count).prefix { $0 != "/" }).trimmingCharacters(in: .whitespaces)
            }
        }

        /// The Swift file that compiles the block: from a nonisolated function and from main-actor
        /// code, as an app's view model would call it (Swift 6 checks the two differently).
        var source: String {
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            let importLines = lines.filter { $0.hasPrefix("import ") }
            let body = lines.filter { !$0.hasPrefix("import ") }.map { "    " + $0 }
            return (["import Foundation"] + imports.map { "import \($0)" } + importLines.map(String.init)
                + ["", "func snippet(\(parameters)) async throws {"] + body + ["}", ""]
                + ["@MainActor func snippetOnTheMainActor(\(parameters)) async throws {"] + body + ["}", ""]).joined(separator: "\n")
        }
    }

    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    static func documents() throws -> [URL] {
        let docs = repository.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return [repository.appendingPathComponent("README.md")] + names.map { docs.appendingPathComponent($0) }
    }

    /// The ```swift blocks of a Markdown text, each with the comment before it read.
    static func snippets(in text: String, file: String) -> [Snippet] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Snippet] = []
        var i = 0
        while i < lines.count {
            guard lines[i].trimmingCharacters(in: .whitespaces) == "```swift" else { i += 1; continue }
            let start = i
            var code: [String] = []
            i += 1
            while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) != "```" {
                code.append(lines[i])
                i += 1
            }
            var snippet = Snippet(file: file, line: start + 1, code: code.joined(separator: "\n"))
            if start > 0, let comment = lines[start - 1].firstRange(of: "<!-- snippet:").map({ lines[start - 1][$0.upperBound...] }) {
                for part in comment.replacingOccurrences(of: "-->", with: "").split(separator: ";") {
                    let field = part.trimmingCharacters(in: .whitespaces)
                    if field.hasPrefix("parameters:") { snippet.parameters = field.dropFirst("parameters:".count).trimmingCharacters(in: .whitespaces) }
                    if field.hasPrefix("excerpt of ") { snippet.excerptOf = String(field.dropFirst("excerpt of ".count)) }
                    if field.hasPrefix("imports:") {
                        snippet.imports = field.dropFirst("imports:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                }
            }
            result.append(snippet)
            i += 1
        }
        return result
    }

    /// The text's lines without indentation or blank lines, as one string to search in.
    static func lines(of text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    func testTheExtractionReadsBlocksAndTheirComments() {
        let markdown = """
        Text
        <!-- snippet: parameters: token: String, id: UUID; imports: Foundation, APIGenRuntime -->
        ```swift
        import RealtimeKitMeetings
        let client = Client(apiToken: token)
        ```
        ```sh
        swift build
        ```
        ```swift
        // swift-tools-version: 6.1
        ```
        """
        let found = Self.snippets(in: markdown, file: "x.md")
        XCTAssertEqual(found.map(\.line), [3, 10])
        XCTAssertEqual(found[0].parameters, "token: String, id: UUID")
        XCTAssertEqual(found[0].modules, ["Foundation", "APIGenRuntime", "RealtimeKitMeetings"])
        XCTAssertTrue(found[0].source.contains("func snippet(token: String, id: UUID) async throws {\n    let client = Client(apiToken: token)\n}"), found[0].source)
        XCTAssertTrue(found[0].source.contains("@MainActor func snippetOnTheMainActor(token: String, id: UUID) async throws {\n    let client = Client(apiToken: token)\n}"))
        XCTAssertTrue(found[1].isManifest)
    }

    func testEverySwiftBlockCompiles() throws {
        try XCTSkipUnless(TypeCheck.isAvailable, "the package's modules were not built beside apigen")
        let snippets = try Self.documents().flatMap { url in
            Self.snippets(in: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        }
        XCTAssertGreaterThanOrEqual(snippets.count, 3, "the manifest, the generated API (README.md) and the transports (docs/transports.md)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snippets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, snippet) in snippets.enumerated() {
            let where_ = "\(snippet.file):\(snippet.line)"
            if let source = snippet.excerptOf {
                let text = try String(contentsOf: Self.repository.appendingPathComponent(source), encoding: .utf8)
                XCTAssertTrue(Self.lines(of: text).contains(Self.lines(of: snippet.code)), "\(where_) is not what \(source) holds now:\n\(snippet.code)")
                continue
            }
            guard !snippet.isManifest else {
                let dir = folder.appendingPathComponent("\(index)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try Data(snippet.code.utf8).write(to: dir.appendingPathComponent("Package.swift"))
                XCTAssertEqual(try TypeCheck.manifestProblems(in: dir, repository: Self.repository), [], "\(where_): the manifest does not load")
                continue
            }
            let unbuilt = snippet.modules.filter { !TypeCheck.hasModule($0) }
            if !unbuilt.isEmpty {
                // The transports' modules exist only with their traits on (the README's test command).
                print("skipped \(where_): \(unbuilt.joined(separator: ", ")) not built (run swift test --enable-all-traits)")
                continue
            }
            let dir = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(snippet.source.utf8).write(to: dir.appendingPathComponent("snippet.swift"))
            let errors = try TypeCheck.problems(in: dir, withPackageModuleMaps: true).filter { $0.contains("error:") }
            XCTAssertEqual(errors, [], "\(where_) does not compile:\n\(snippet.source)")
        }
    }

    /// The configuration example of the README, copied beside the meetings document as its
    /// comment says, generates without a warning (every name it gives matches) and compiles.
    func testTheReadmeConfigurationWorksAsWritten() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("<!-- config:") }, "README.md marks its configuration example")
        XCTAssertEqual(lines[start + 1], "```yaml")
        let end = try XCTUnwrap(lines[(start + 2)...].firstIndex { $0 == "```" })
        let config = lines[(start + 2)..<end].joined(separator: "\n") + "\n"

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Generated"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("schema"), withDestinationURL: Self.repository.appendingPathComponent("schema"))
        let configURL = folder.appendingPathComponent("Generated/apigen.yaml")
        try Data(config.utf8).write(to: configURL)
        let output = folder.appendingPathComponent("out")
        let result = try ApigenProcess.run(["generate", "--config", configURL.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertFalse(result.err.contains("warning:"), result.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), [
            "Meetings.Shard01.Client.swift", "Meetings.Shard01.Types.swift", "Meetings.Shard02.Client.swift", "Meetings.Shard02.Types.swift",
        ])
        if TypeCheck.isAvailable {
            XCTAssertEqual(try TypeCheck.problems(in: output), [])
        }
    }

    /// What only generated code uses is the runtime's SPI: a user who imports the generated
    /// module and the runtime sees the API (`Codable`, `==`, the client) and none of it.
    func testWhatOnlyGeneratedCodeUsesIsHiddenFromUsers() throws {
        try XCTSkipUnless(TypeCheck.hasModule("RealtimeKitMeetings"), "the meetings module was not built")
        let hidden = [
            "_ = try Meeting.RecordingConfig.AudioConfig(_fields: reader)",
            "try audio._encode(writer)",
            "_ = Meeting.RecordingConfig.AudioConfig._equal(audio, audio)",
            "try meeting.validate(path: \"x\")",
            "_ = _same(1, 1)",
            "_ = \"x\".parameterValue",
            "_ = 1.parameterValue",
            "_ = PercentEncoding.self",
            "_ = ErrorBodies.self",
            "_ = AnyCodingKey(\"x\")",
            "_ = ClientCore.self",
            "_ = APIRequest.self",
            "_ = HTTPURLResponse(url: URL(string: \"https://x\")!, status: 200, fields: [(String, String)]())",
        ]
        let visible = [
            "let data = try JSONEncoder().encode(audio)",
            "_ = try JSONDecoder().decode(Meeting.RecordingConfig.AudioConfig.self, from: data) == audio",
            "_ = Set([audio]).count",
            "_ = Meeting.Status(rawValue: \"ACTIVE\").isUnknown",
            "_ = Client(apiToken: \"t\")",
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hidden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let prelude = ["import Foundation", "#if canImport(FoundationNetworking)", "import FoundationNetworking", "#endif", "import APIGenRuntime", "import RealtimeKitMeetings", "",
                       "func use(audio: Meeting.RecordingConfig.AudioConfig, meeting: Meeting, reader: Int, writer: Int) throws {"]
        let source = prelude + (visible + hidden).map { "    " + $0 } + ["}", ""]
        try Data(source.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("user.swift"))
        let errors = try TypeCheck.problems(in: folder).filter { $0.hasPrefix("/") && $0.contains("error:") }
        // A line fails for the right reason: what it names is SPI, so not found without it.
        let reasons = ["@_spi", "cannot find", "it is SPI", "extra argument '_fields'", "extra arguments at positions #2, #3"]
        let failing = Set(errors.filter { error in reasons.contains { error.contains($0) } }
            .compactMap { Int($0.split(separator: ":")[1]) })
        let anyError = Set(errors.compactMap { Int($0.split(separator: ":")[1]) })
        for (offset, line) in (visible + hidden).enumerated() {
            let number = prelude.count + offset + 1
            if offset < visible.count {
                XCTAssertFalse(anyError.contains(number), "a user cannot write: \(line)\n\(errors.joined(separator: "\n"))")
            } else {
                XCTAssertTrue(failing.contains(number), "a user can still write: \(line)\n\(errors.joined(separator: "\n"))")
            }
        }
    }
}
