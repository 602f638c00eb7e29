import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// Form and multipart bodies through the generated client, to a real server on 127.0.0.1:
/// each field as the document's `encoding` object says (`createCharge`, `uploadReport`).
final class FormBodiesTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer { _ in TestHTTPServer.Response(status: 204, body: Data()) }
    }

    override func tearDown() {
        server.stop()
    }

    func testNestedFormFieldsAreWrittenAsTheEncodingSays() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        try await client.createCharge(body: CreateChargeRequest(
            amount: 2000, captureAt: Date(timeIntervalSince1970: 1_700_000_000), metadata: ["order_id": "6735", "note": "a&b"],
            items: [.init(price: "price_1", quantity: 2), .init(price: "price_2")], expand: ["customer"], tags: ["x", "y,z"]))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.header("Content-Type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self).components(separatedBy: "&"), [
            "amount=2000",
            "capture_at=2023-11-14T22%3A13%3A20.000Z",
            "metadata%5Bnote%5D=a%26b", "metadata%5Border_id%5D=6735",
            "items%5B0%5D%5Bprice%5D=price_1", "items%5B0%5D%5Bquantity%5D=2", "items%5B1%5D%5Bprice%5D=price_2",
            "expand%5B%5D=customer",
            "tags=x,y%2Cz",
        ])
    }

    func testMultipartPartsCarryFilesJSONAndTheDocumentsHeaders() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        try await client.uploadReport(body: UploadReportRequest(
            attributes: .init(name: "q3.csv", parent: .init(id: "0")),
            file: FileUpload(data: Data("a,b\n".utf8), fileName: "q3.csv"),
            pages: [FileUpload(data: Data([0xFF]), fileName: "p1.bin", contentType: "application/x-page")],
            note: "thanks"))
        let request = try XCTUnwrap(server.requests.first)
        let type = try XCTUnwrap(request.header("Content-Type"))
        let boundary = try XCTUnwrap(type.components(separatedBy: "boundary=").last)
        XCTAssertTrue(type.hasPrefix("multipart/form-data; boundary="))
        var expected = Data()
        func part(_ head: String, _ body: Data) {
            expected.append(Data("--\(boundary)\r\n\(head)\r\n\r\n".utf8))
            expected.append(body)
            expected.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"attributes\"\r\nContent-Type: application/json", Data(#"{"name":"q3.csv","parent":{"id":"0"}}"#.utf8))
        part("Content-Disposition: form-data; name=\"file\"; filename=\"q3.csv\"\r\nContent-Type: text/csv\r\nX-Upload-Kind: report", Data("a,b\n".utf8))
        part("Content-Disposition: form-data; name=\"pages\"; filename=\"p1.bin\"\r\nContent-Type: application/x-page", Data([0xFF]))
        part("Content-Disposition: form-data; name=\"note\"", Data("thanks".utf8))
        expected.append(Data("--\(boundary)--\r\n".utf8))
        XCTAssertEqual(request.body, expected, String(decoding: request.body, as: UTF8.self))
    }
}
