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
            ("default", "default"),
            ("class", "class"),
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

    /// The IR keeps a keyword as it is; Swift's spelling escapes it where a name is declared or
    /// referred to, and only `inout` where it is an argument label.
    func testIdentifierSpellings() {
        let table: [(String, swift: String, label: String)] = [
            ("default", "`default`", "default"),
            ("class", "`class`", "class"),
            ("inout", "`inout`", "`inout`"),
            ("Any", "`Any`", "Any"),
            ("rtmpURL", "rtmpURL", "rtmpURL"),
            ("default2", "default2", "default2"),
            ("self_", "self_", "self_"),
        ]
        for (name, swift, label) in table {
            XCTAssertEqual(Identifier(name).swift, swift, name)
            XCTAssertEqual(Identifier(name).label, label, name)
            XCTAssertEqual(Identifier(name).member, "." + swift, name)
        }
        // The spelling skips the keyword look-up for most names: never for a keyword.
        for keyword in SwiftNaming.keywords {
            XCTAssertEqual(Identifier(keyword).swift, "`\(keyword)`", keyword)
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
            // A name in its own casing that only the acronym rule makes a runtime type's keeps it.
            ("JsonValue", "JsonValue"),
            ("Url", "Url"),
            ("json_value", "JSONValueValue"),
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

    /// The one-pass ASCII casing must agree with the word-by-word definition on any input:
    /// random spellings built from the pieces that matter (acronyms, plurals, digits, case
    /// changes, separators), from a fixed seed so a failure reproduces.
    func testOnePassCasingMatchesTheWordByWordDefinition() {
        let pieces = ["id", "ID", "Ids", "IDs", "url", "URLs", "https", "HTTPS", "api", "apis", "v2", "H264", "MP3",
                      "meeting", "Meeting", "RTMPUrl", "a", "B", "s", "x9", "_", "-", " ", ".", "$", "2", "ssrf", "mtlsCert", "Ab", "aB"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<20_000 {
            let raw = (0..<(1 + next(5))).map { _ in pieces[next(pieces.count)] }.joined()
            XCTAssertEqual(SwiftNaming.upperCamel(raw), SwiftNaming.upperCamelByWords(raw), "upperCamel(\(raw.debugDescription))")
            XCTAssertEqual(SwiftNaming.lowerCamel(raw), SwiftNaming.lowerCamelByWords(raw), "lowerCamel(\(raw.debugDescription))")
            checked += 1
        }
        XCTAssertEqual(checked, 20_000)
        // Text with non-ASCII letters takes the Unicode path and still works.
        XCTAssertEqual(SwiftNaming.upperCamel("größe_id"), "GrößeID")
    }

    func testManyClashingNamesGetConsecutiveSuffixes() {
        var scope = NameScope(reserved: ["a3"])
        let names = (0..<100_000).map { _ in scope.claim("a").name }
        XCTAssertEqual(names.prefix(4), ["a", "a2", "a4", "a5"], "a reserved name is skipped")
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertEqual(names.last, "a100001")
        let again = scope.claim("a4").name
        XCTAssertTrue(again.hasPrefix("a4") && again != "a4" && !names.contains(again), "a taken name gets a free suffix: \(again)")
    }

    func testNameScopeDisambiguatesDeterministically() {
        var scope = NameScope()
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar")
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar2")
        XCTAssertEqual(scope.claim("fooBar").name, "fooBar3")
        XCTAssertTrue(scope.claim("fooBar").clashed)
        var keywords = NameScope()
        XCTAssertEqual(keywords.claim("default").name, "default")
        XCTAssertEqual(keywords.claim("default").name, "default2")
    }

    /// The generated code's own locals and internal members are spelled `_name`: no schema name may
    /// ever be handed that spelling, whatever the input (random spellings, including `_` runs).
    func testNamesNeverStartWithAnUnderscoreAndALetter() {
        let pieces = ["_", "__", "request", "Core", "w", "1", "-", " ", "é", "$", "self", "Type", "_x", "ü", "init", "🎉", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func reservedSpelling(_ name: String) -> Bool {
            name.hasPrefix("_") && name.dropFirst().first.map { $0.isLetter || $0 == "_" } == true
        }
        for _ in 0..<20_000 {
            let raw = (0..<(1 + next(4))).map { _ in pieces[next(pieces.count)] }.joined()
            XCTAssertFalse(reservedSpelling(SwiftNaming.memberName(raw)), "memberName(\(raw.debugDescription)) = \(SwiftNaming.memberName(raw))")
            XCTAssertFalse(reservedSpelling(SwiftNaming.typeName(raw)), "typeName(\(raw.debugDescription)) = \(SwiftNaming.typeName(raw))")
        }
    }
}
