import APIGenCore

/// libFuzzer entry: the whole pipeline on arbitrary bytes (bytes → YAML → OpenAPI → IR → Swift).
/// Any crash, sanitizer report or hang is a bug; errors in the input are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? Generator().generate(bytes: bytes, file: "fuzz-input.yaml")
    return 0
}

#if !FUZZING
// Without libFuzzer (a plain build): run the pipeline on each file given, to reproduce a crash
// that the fuzzer saved: `swift run apigen-fuzz crash-…`.
import Foundation

for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("cannot read \(path)")
        continue
    }
    let result = data.withUnsafeBytes { buffer in
        fuzzOneInput(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), buffer.count)
    }
    print("\(path): ran (\(result))")
}
#endif
