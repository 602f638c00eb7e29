import XCTest
@testable import APIGenCore

final class SwiftNamingTests: XCTestCase {
    func testMemberNames() {
        let table: [(String, String)] = [
            ("rtmp_url", "rtmpURL"),
            ("account_id", "accountID"),
            ("app_id", "appID"),
            ("url", "url"),
            ("id", "id"),
            ("ID", "id"),
            ("meeting_id", "meetingID"),
            ("created_at", "createdAt"),
            ("session_keep_alive_time_in_secs", "sessionKeepAliveTimeInSecs"),
            ("ACTIVE", "active"),
            ("MP3", "mp3"),
            ("H264", "h264"),
            ("VP8", "vp8"),
            ("left top", "leftTop"),
            ("digitalocean", "digitalocean"),
            ("PASSWORD", "password"),
            ("get_all_meetings", "getAllMeetings"),
            ("get-v2-meetings-meetingId-active-livestream", "getV2MeetingsMeetingIDActiveLivestream"),
            ("GetActiveSession", "getActiveSession"),
            ("URLPath", "urlPath"),
            ("userIds", "userIDs"),
            ("image_urls", "imageURLs"),
            ("HTTPSConnection", "httpsConnection"),
            ("X-Auth-Email", "xAuthEmail"),
            ("default", "`default`"),
            ("class", "`class`"),
            ("self", "self_"),
            ("init", "init_"),
            ("Type", "type"),
            ("2xx", "_2xx"),
            ("404", "_404"),
            ("", "value"),
            ("$ref", "ref"),
            ("a.b.c", "aBC"),
            ("naïve café", "naïveCafé"),
            ("🎉 party", "party"),
        ]
        for (input, expected) in table {
            XCTAssertEqual(SwiftNaming.memberName(input), expected, "memberName(\(input.debugDescription))")
        }
    }

    func testTypeNames() {
        let table: [(String, String)] = [
            ("realtimekit_Meeting", "RealtimekitMeeting"),
            ("recording_config", "RecordingConfig"),
            ("audio_config", "AudioConfig"),
            ("rtmp_url", "RTMPURL"),
            ("meeting", "Meeting"),
            ("data", "DataValue"),
            ("type", "TypeValue"),
            ("error", "ErrorValue"),
            ("Protocol", "ProtocolValue"),
            ("2fa_config", "_2faConfig"),
            ("", "Value"),
            ("Self", "SelfValue"),
            ("CodingKeys", "CodingKeysValue"),
        ]
        for (input, expected) in table {
            XCTAssertEqual(SwiftNaming.typeName(input), expected, "typeName(\(input.debugDescription))")
        }
    }

    func testWords() {
        XCTAssertEqual(SwiftNaming.words("meetingIDValue"), ["meeting", "ID", "Value"])
        XCTAssertEqual(SwiftNaming.words("v2Meetings"), ["v2", "Meetings"])
        XCTAssertEqual(SwiftNaming.words("URLs"), ["URLs"])
        XCTAssertEqual(SwiftNaming.words("--a__b--"), ["a", "b"])
    }

    func testNameScopeDisambiguatesDeterministically() {
        var scope = NameScope()
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar")
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar2")
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar3")
        XCTAssertTrue(scope.claim("fooBar").clashed)
        var escaped = NameScope()
        XCTAssertEqual(escaped.claim("`default`").name, "`default`")
        XCTAssertEqual(escaped.claim("`default`").name, "default2")
    }
}
