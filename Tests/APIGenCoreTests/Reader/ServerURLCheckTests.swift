import XCTest
@testable import APIGenCore

/// The first server is the client's default only when it is an absolute http(s) URL once its
/// variables take their defaults; otherwise a located warning, and `serverURL:` is required.
final class ServerURLCheckTests: XCTestCase {
    private func generate(_ server: String) throws -> (text: String, warnings: [String]) {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        servers:
          - url: '\(server)'
            variables: {region: {default: eu}, version: {default: v2, enum: [v1, v2]}}
          - url: https://second.example.com
        paths: {}
        """
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        return (output.files.map(\.contents).joined(), output.diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0): \($0.message)" })
    }

    func testUsableServersAreTheDefault() throws {
        for (written, used) in [
            ("https://api.example.com/v1", "https://api.example.com/v1"),
            ("https://{region}.example.com/{version}", "https://eu.example.com/v2"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
            ("HTTPS://api.example.com:443", "HTTPS://api.example.com:443"),
        ] {
            let (text, warnings) = try generate(written)
            XCTAssertEqual(warnings, [], written)
            XCTAssertTrue(text.contains("defaultServerURL = ServerURL.parse(\"\(used)\")"), written)
        }
    }

    func testOtherServersAreWarnedAboutAndRequireAServerURL() throws {
        for (written, problem) in [
            ("http://[broken", "has an IPv6 host without its ']'"),
            ("/v1", "is relative; a relative server URL is resolved against the document's own address, which the client does not know"),
            ("api.example.com/v1", "is relative; a relative server URL is resolved against the document's own address, which the client does not know"),
            ("https://{zone}.example.com", "names the variable 'zone', which 'variables' does not define"),
            ("https://{region.example.com", "has a '{' without its '}'"),
            ("https://api.example.com:99999", "has a port that is not a number up to 65535"),
            ("https://api.example.com:", "has a port that is not a number up to 65535"),
            ("ftp://files.example.com", "has the scheme 'ftp', not http or https"),
            ("https:api.example.com", "has no '//' and host after 'https:'"),
            ("https://", "has no host"),
            ("https://a b.example.com", "holds a character a URL cannot (\" \")"),
            ("https://example.com/%zz", "has a '%' that is not a percent-escape"),
        ] {
            let (text, warnings) = try generate(written)
            XCTAssertEqual(warnings, ["4: server URL \"\(written)\" \(problem); the client has no default server and its init requires serverURL:"], written)
            XCTAssertFalse(text.contains("defaultServerURL"), written)
            XCTAssertTrue(text.contains("serverURL: URL,") || text.contains("serverURL: URL\n"), written)
        }
    }

    func testAPasswordInAServerURLIsNotPrinted() throws {
        let (_, warnings) = try generate("https://admin:hunter2@api.example.com/v1")
        XCTAssertEqual(warnings, ["4: server URL \"https://…@api.example.com/v1\" carries user information before its host; credentials are given to the client, not written in a URL; the client has no default server and its init requires serverURL:"])
    }
}
