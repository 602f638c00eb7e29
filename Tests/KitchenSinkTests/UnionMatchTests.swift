import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// A union without a discriminator chooses by what the JSON is (`StateDetails`: three objects of
/// optional fields, two of them told apart only by a pinned `type`), not by which alternative
/// happens to decode first.
final class UnionMatchTests: XCTestCase {
    private func decode(_ json: String) throws -> StateDetails {
        try JSONDecoder().decode(StateDetails.self, from: Data(json.utf8))
    }

    func testAPinnedValueRulesAnAlternativeOut() throws {
        XCTAssertEqual(try decode(#"{"type":"abort_details","reason":"gone"}"#), .abortDetails(AbortDetails(type: .abortDetails, reason: "gone")))
        XCTAssertEqual(try decode(#"{"type":"abort_details"}"#), .abortDetails(AbortDetails(type: .abortDetails)))
        XCTAssertEqual(try decode(#"{"type":"accept_details","note":"n"}"#), .acceptDetails(AcceptDetails(type: .acceptDetails, note: "n")))
    }

    /// Among alternatives that all decode, the one that keeps most of the fields wins.
    func testTheAlternativeThatKeepsMostOfTheJSONWins() throws {
        XCTAssertEqual(try decode(#"{"after":3,"reason":"busy"}"#), .retryDetails(RetryDetails(after: 3, reason: "busy")))
        XCTAssertEqual(try decode(#"{"note":"n"}"#), .acceptDetails(AcceptDetails(note: "n")))
    }

    /// Bytes in a union are base64 text both ways, as anywhere else in JSON (the alternative's
    /// own `Data(from:)` would read and write an array of numbers).
    func testBytesAreBase64Text() throws {
        let bytes = BytesOrCount.data(Data([1, 2, 3]))
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(bytes), as: UTF8.self), #""AQID""#)
        XCTAssertEqual(try JSONDecoder().decode(BytesOrCount.self, from: Data(#""AQID""#.utf8)), bytes)
        XCTAssertEqual(try JSONDecoder().decode(BytesOrCount.self, from: Data("7".utf8)), .int(7))
        XCTAssertEqual(try JSONDecoder().decode(BytesOrCount.self, from: Data("[1,2,3]".utf8)), .unknown(.array([.int(1), .int(2), .int(3)])))
    }

    /// The same through aliases (`typealias RawBytes = Data`, `typealias Stamp = Date`): the
    /// alias's target's own `Codable` would read an array of numbers and a number of seconds.
    func testAliasedBytesAndDatesAreText() throws {
        let bytes = AliasedBytesOrDate.rawBytes(Data([1, 2, 3]))
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(bytes), as: UTF8.self), #""AQID""#)
        XCTAssertEqual(try JSONDecoder().decode(AliasedBytesOrDate.self, from: Data(#""AQID""#.utf8)), bytes)
        let stamp = AliasedBytesOrDate.stamp(Date(timeIntervalSince1970: 1_767_323_045))
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(stamp), as: UTF8.self), #""2026-01-02T03:04:05.000Z""#)
        XCTAssertEqual(try JSONDecoder().decode(AliasedBytesOrDate.self, from: Data(#""2026-01-02T03:04:05Z""#.utf8)), stamp)
    }

    /// Each value written from one alternative reads back as that alternative.
    func testEveryAlternativeRoundTrips() throws {
        let values: [StateDetails] = [
            .acceptDetails(AcceptDetails(type: .acceptDetails, note: "n")),
            .abortDetails(AbortDetails(type: .abortDetails, reason: "r")),
            .abortDetails(AbortDetails(type: .abortDetails)),
            .retryDetails(RetryDetails(after: 1)),
            .retryDetails(RetryDetails(after: 1, reason: "r")),
        ]
        for value in values {
            XCTAssertEqual(try JSONDecoder().decode(StateDetails.self, from: JSONEncoder().encode(value)), value)
        }
    }

    /// A value no alternative accepts, a `type` no alternative pins (which the others would
    /// drop), or an object of which the closest keeps nothing: a variant this client does not
    /// know, kept as it came. A new field beside known ones is not: servers add fields.
    func testAValueNoAlternativeAcceptsIsKeptRaw() throws {
        XCTAssertEqual(try decode(#""text""#), .unknown(.string("text")))
        XCTAssertEqual(try decode(#"{"type":"pause_details","after":3}"#), .unknown(.object(["type": .string("pause_details"), "after": .int(3)])))
        XCTAssertEqual(try decode(#"{"color":"red"}"#), .unknown(.object(["color": .string("red")])))
        XCTAssertEqual(try decode(#"{"after":3,"color":"red"}"#), .retryDetails(RetryDetails(after: 3)))
        let raw = #"{"type":"pause_details","after":3}"#
        let again = try JSONEncoder().encode(try decode(raw))
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: again), try JSONDecoder().decode(JSONValue.self, from: Data(raw.utf8)))
    }

    /// Generated values of overlapping alternatives (objects of optional fields, a pinned open
    /// enum, a union inside a union, arrays of unions, a string enum): each encodes and decodes
    /// back without losing anything, and to the very same alternative whenever its JSON holds
    /// something only that alternative has.
    func testGeneratedOverlappingValuesRoundTrip() throws {
        var random = SplitMix64(seed: 29)
        func maybe<T>(_ make: () -> T) -> T? { random.next() % 2 == 0 ? make() : nil }
        let words = ["a", "abort_details", "accept_details", "done", "", "x y", "retry"]
        func word() -> String { words[Int(random.next() % UInt64(words.count))] }
        func number() -> Int { Int(random.next() % 7) - 3 }
        func details() -> StateDetails {
            switch random.next() % 3 {
            case 0: .acceptDetails(AcceptDetails(type: maybe { .acceptDetails }, note: maybe(word)))
            case 1: .abortDetails(AbortDetails(type: maybe { .abortDetails }, reason: maybe(word)))
            default: .retryDetails(RetryDetails(after: maybe(number), reason: maybe(word)))
            }
        }
        func outcome() -> Outcome {
            switch random.next() % 4 {
            case 0: .stateDetails(details())
            case 1: .point(Point(x: maybe(number), y: maybe(number), label: maybe(word)))
            case 2: .array((0..<Int(random.next() % 3)).map { _ in details() })
            default: .case4(random.next() % 2 == 0 ? .done : .failed)
            }
        }
        /// Whether the JSON of a value holds a field or a pin only its alternative has.
        func distinguishable(_ value: StateDetails) -> Bool {
            switch value {
            case .acceptDetails(let d): d.type != nil || d.note != nil
            case .abortDetails(let d): d.type != nil
            case .retryDetails(let d): d.after != nil
            case .unknown: false
            }
        }
        func distinguishable(_ value: Outcome) -> Bool {
            switch value {
            case .stateDetails(let d): distinguishable(d)
            case .point(let p): p.x != nil || p.y != nil || p.label != nil
            case .array(let items): items.allSatisfy(distinguishable)
            case .case4: true
            case .unknown: false
            }
        }
        var exact = 0
        for _ in 0..<2000 {
            let value = outcome()
            let sent = try JSONEncoder().encode(value)
            let back = try JSONDecoder().decode(Outcome.self, from: sent)
            XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(back)), try JSONDecoder().decode(JSONValue.self, from: sent),
                           "\(value) lost something: \(back)")
            if distinguishable(value) {
                XCTAssertEqual(back, value, String(decoding: sent, as: UTF8.self))
                exact += 1
            }
            if case .unknown = back { XCTFail("\(value) was written by an alternative, yet read as unknown") }
        }
        XCTAssertGreaterThan(exact, 1000, "most generated values are told apart")
    }
}

/// A small seeded generator: the same values on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
