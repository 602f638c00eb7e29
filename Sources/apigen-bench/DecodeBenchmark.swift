import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) import APIGenRuntime
import RealtimeKitMeetings

/// Decodes a list response of 10,000 meetings through the generated client (canned transport)
/// and the same bytes with `JSONSerialization`, and prints the ratio.
enum DecodeBenchmark {
    /// Answers every request with the same bytes.
    struct CannedTransport: HTTPTransport {
        let body: Data

        func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
            (body, HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"])!)
        }
    }

    static let meeting = """
    {"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z",\
    "live_stream_on_start":true,"persist_chat":true,"record_on_start":true,"recording_config":{"audio_config":{"channel":"mono",\
    "codec":"MP3","export_file":true},"file_name_prefix":"file_name_prefix","live_streaming_config":{"rtmp_url":"rtmp://a.rtmp.youtube.com/live2"},\
    "max_seconds":60,"realtimekit_bucket_config":{"enabled":true},"storage_config":{"type":"aws","auth_method":"KEY","bucket":"bucket",\
    "host":"host","password":"password","path":"path","port":0,"private_key":"private_key","region":"us-east-1","secret":"secret",\
    "username":"username"},"video_config":{"codec":"H264","export_file":true,"height":720,"watermark":{"position":"left top",\
    "size":{"height":1,"width":1},"url":"https://example.com"},"width":1280}},"session_keep_alive_time_in_secs":60,"status":"ACTIVE",\
    "summarize_on_end":true,"title":"title","transcribe_on_end":true}
    """

    /// The seed example's element repeated `count` times, compact (~960 bytes each, ~9.6 MB in all).
    static func body(count: Int) throws -> Data {
        let element = try JSONSerialization.jsonObject(with: Data(meeting.utf8))
        let object: [String: Any] = [
            "success": true,
            "data": Array(repeating: element, count: count),
            "paging": ["total_count": count, "start_offset": 1, "end_offset": count],
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static func run(runs: Int) async throws {
        let data = try body(count: 10_000)
        let client = Client(serverURL: URL(string: "https://bench.invalid/v4")!, apiToken: "t", transport: CannedTransport(body: data))
        var decodedCount = 0
        var objectCount = 0
        // Interleaved rounds, so machine noise hits both sides alike; medians of each.
        var clientTimes: [Double] = [], serializationTimes: [Double] = []
        for round in 0..<(runs + 2) {
            let a = DispatchTime.now().uptimeNanoseconds
            let page = try await client.listMeetings(accountID: "acc", appID: "app")
            decodedCount = page.data.count
            let b = DispatchTime.now().uptimeNanoseconds
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            objectCount = (object?["data"] as? [Any])?.count ?? 0
            let c = DispatchTime.now().uptimeNanoseconds
            if round >= 2 {  // two warm-up rounds
                clientTimes.append(Double(b - a) / 1e9)
                serializationTimes.append(Double(c - b) / 1e9)
            }
        }
        let generated = clientTimes.sorted()[clientTimes.count / 2]
        let serialization = serializationTimes.sorted()[serializationTimes.count / 2]
        precondition(decodedCount == 10_000 && objectCount == 10_000)
        print("decode: 10,000 meetings, \(String(format: "%.1f", Double(data.count) / 1e6)) MB, median of \(runs) interleaved rounds")
        print("  generated client (listMeetings, canned transport) \(Measure.ms(generated))")
        print("  JSONSerialization.jsonObject                       \(Measure.ms(serialization))")
        print("  ratio client / JSONSerialization                   \(String(format: "%8.2f", generated / serialization))×  (target ≤ 1.2×)")
    }
}
