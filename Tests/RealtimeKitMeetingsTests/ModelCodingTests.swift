import XCTest
import Foundation
import RealtimeKitMeetings
import APIGenRuntime

/// The seed's list response (copied into Fixtures/) decodes into the generated types with a
/// plain JSONDecoder and encodes back to the same JSON.
final class ModelCodingTests: XCTestCase {
    private func fixture() throws -> Data {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "meetings-list", withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    func testSeedListResponseDecodes() throws {
        let list = try JSONDecoder().decode(MeetingListResponse.self, from: fixture())
        XCTAssertTrue(list.success)
        XCTAssertEqual(list.paging.totalCount, 30)
        XCTAssertEqual(list.paging.startOffset, 1)
        let meeting = try XCTUnwrap(list.data.first)
        XCTAssertEqual(meeting.id, UUID(uuidString: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"))
        XCTAssertEqual(meeting.status, .active)
        XCTAssertEqual(meeting.title, "title")
        XCTAssertEqual(meeting.sessionKeepAliveTimeInSecs, 60)
        // 2019-12-27T18:11:19.117Z, to the millisecond.
        XCTAssertEqual(meeting.createdAt.timeIntervalSince1970 * 1000, 1_577_470_279_117, accuracy: 0.5)
        let recording = try XCTUnwrap(meeting.recordingConfig)
        XCTAssertEqual(recording.audioConfig?.codec, .mp3)
        XCTAssertEqual(recording.audioConfig?.channel, .mono)
        XCTAssertEqual(recording.videoConfig?.codec, .h264)
        XCTAssertEqual(recording.videoConfig?.width, 1280)
        XCTAssertEqual(recording.videoConfig?.height, 720)
        XCTAssertEqual(recording.videoConfig?.watermark?.position, .leftTop)
        XCTAssertEqual(recording.videoConfig?.watermark?.size?.width, 1)
        XCTAssertEqual(recording.videoConfig?.watermark?.url, URL(string: "https://example.com"))
        XCTAssertEqual(recording.storageConfig?.type, .aws)
        XCTAssertEqual(recording.storageConfig?.authMethod, .key)
        XCTAssertEqual(recording.storageConfig?.region, "us-east-1")
        XCTAssertEqual(recording.liveStreamingConfig?.rtmpURL, URL(string: "rtmp://a.rtmp.youtube.com/live2"))
        XCTAssertEqual(recording.realtimekitBucketConfig?.enabled, true)
        XCTAssertEqual(recording.maxSeconds, 60)
    }

    func testEncodingGivesBackTheSameJSON() throws {
        let original = try fixture()
        let list = try JSONDecoder().decode(MeetingListResponse.self, from: original)
        let encoded = try JSONEncoder().encode(list)
        let a = try JSONSerialization.jsonObject(with: original) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        XCTAssertEqual(a, b, String(decoding: encoded, as: UTF8.self))
        let text = String(decoding: encoded, as: UTF8.self)
        XCTAssertTrue(text.contains(#""created_at":"2019-12-27T18:11:19.117Z""#), text)
    }

    func testUnknownEnumValueSurvivesARoundTrip() throws {
        var json = String(decoding: try fixture(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""status": "ACTIVE""#, with: #""status": "ARCHIVED""#)
        json = json.replacingOccurrences(of: #""codec": "MP3""#, with: #""codec": "OPUS""#)
        let list = try JSONDecoder().decode(MeetingListResponse.self, from: Data(json.utf8))
        let meeting = try XCTUnwrap(list.data.first)
        XCTAssertEqual(meeting.status, .unknown("ARCHIVED"))
        XCTAssertEqual(meeting.status?.rawValue, "ARCHIVED")
        XCTAssertEqual(meeting.status?.isUnknown, true)
        XCTAssertEqual(meeting.recordingConfig?.audioConfig?.codec, .unknown("OPUS"))
        let encoded = String(decoding: try JSONEncoder().encode(meeting), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""status":"ARCHIVED""#), encoded)
        XCTAssertTrue(encoded.contains(#""codec":"OPUS""#), encoded)
        XCTAssertEqual(Meeting.Status.allCases, [.active, .inactive], "allCases lists the known cases only")
    }

    func testDatesWithoutFractionAndWithOffsets() throws {
        let json = #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19Z","updated_at":"2019-12-27T20:11:19.5+02:00"}"#
        let meeting = try JSONDecoder().decode(Meeting.self, from: Data(json.utf8))
        XCTAssertEqual(meeting.createdAt.timeIntervalSince1970, 1_577_470_279)
        XCTAssertEqual(meeting.updatedAt.timeIntervalSince1970, 1_577_470_279.5)
        let encoded = String(decoding: try JSONEncoder().encode(meeting), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""updated_at":"2019-12-27T18:11:19.500Z""#), encoded)
    }

    func testMissingRequiredFieldAndBadDateFail() throws {
        XCTAssertThrowsError(try JSONDecoder().decode(Meeting.self, from: Data(#"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"}"#.utf8)))
        let badDate = #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"yesterday","updated_at":"2019-12-27T18:11:19Z"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Meeting.self, from: Data(badDate.utf8))) { error in
            XCTAssertTrue("\(error)".contains("yesterday"), "\(error)")
        }
    }

    func testMemberwiseInitAndDefaults() throws {
        let request = CreateMeetingRequest(title: "Standup", recordingConfig: .init(maxSeconds: 120, videoConfig: .init(codec: .vp8, width: 640)))
        let json = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        XCTAssertTrue(json.contains(#""max_seconds":120"#), json)
        XCTAssertTrue(json.contains(#""codec":"VP8""#), json)
        XCTAssertFalse(json.contains("persist_chat"), "unset optionals are left out: \(json)")
    }

    /// A number that does not fit its Swift type says so at its path, with the number.
    func testANumberThatDoesNotFitIsLocated() {
        for number in ["1.5", "99999999999999999999", "1e400"] {
            let json = #"{"success":true,"data":[],"paging":{"total_count":\#(number),"start_offset":1,"end_offset":1}}"#
            XCTAssertThrowsError(try JSONCoding.decode(MeetingListResponse.self, from: Data(json.utf8))) { error in
                guard case APIError.decoding(_, let path, let reason, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "paging.total_count", number)
                XCTAssertTrue(reason.contains("does not fit in Int"), reason)
            }
        }
    }
}
