import Foundation
import APIGenRuntime
import RealtimeKitMeetings

/// The runtime's paths that read bytes from a server: the field reader (through the generated
/// meetings models), ISO 8601 dates and open enums. The first byte picks the path, the rest is
/// the input; errors are expected, crashes and broken round trips are bugs.
func fuzzRuntime(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let input = Data(bytes.dropFirst())
    let decoder = JSONDecoder()
    switch selector % 4 {
    case 0:
        _ = try? decoder.decode(MeetingListResponse.self, from: input)
    case 1:
        // A date that parses must format and parse back to the same instant.
        let text = String(decoding: input, as: UTF8.self)
        if let date = ISO8601.parse(text) {
            let again = ISO8601.parse(ISO8601.format(date))
            if again != date && !(again.map { abs($0.timeIntervalSince(date)) < 0.001 } ?? false) {
                fatalError("ISO 8601 round trip changed \(text.debugDescription): \(date) -> \(String(describing: again))")
            }
        }
    case 2:
        // Open enums: any string decodes, and what decodes encodes back to the same raw value.
        if let values = try? decoder.decode([Meeting.Status].self, from: input) {
            let encoded = try? JSONEncoder().encode(values)
            if let encoded, (try? decoder.decode([Meeting.Status].self, from: encoded)) != values {
                fatalError("open enum round trip changed \(values)")
            }
        }
    default:
        if let meeting = try? decoder.decode(Meeting.self, from: input) {
            // What decodes encodes, and from then on a round trip changes nothing (the first one
            // may round dates to the millisecond the runtime writes).
            guard let encoded = try? JSONEncoder().encode(meeting),
                  let again = try? decoder.decode(Meeting.self, from: encoded),
                  let reencoded = try? JSONEncoder().encode(again) else { fatalError("cannot round-trip \(meeting)") }
            if (try? decoder.decode(Meeting.self, from: reencoded)) != again { fatalError("round trip changed \(again)") }
        }
    }
}
