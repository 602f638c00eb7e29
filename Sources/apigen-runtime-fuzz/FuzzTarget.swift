import Foundation
import APIGenRuntime
import RealtimeKitMeetings

/// libFuzzer entry for the runtime's paths that read bytes from a server: the field reader
/// (through the generated meetings models), ISO 8601 dates and open enums. The first byte picks
/// the path, the rest is the input; errors are expected, crashes and hangs are bugs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let input = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let decoder = JSONDecoder()
    switch data[0] % 4 {
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
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// With `-parse-as-library` there is no `main`; this hands the command line to libFuzzer.
@_cdecl("apigen_runtime_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// A plain build replays saved inputs: `swift run apigen-runtime-fuzz Scripts/fuzz-out/crash-…`.
@main
enum Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            let result = data.withUnsafeBytes { buffer in
                fuzzOneInput(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            }
            print("\(path): ran (\(result))")
        }
    }
}
#endif
