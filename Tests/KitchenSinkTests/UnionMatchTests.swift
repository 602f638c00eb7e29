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

    func testAValueNoAlternativeAcceptsSaysWhy() {
        XCTAssertThrowsError(try decode(#""text""#)) { error in
            XCTAssertTrue("\(error)".contains("no alternative of StateDetails matched"), "\(error)")
        }
    }
}
