#if !FUZZING
import Foundation

/// Without libFuzzer (a plain build), runs the pipeline on each file given, to reproduce a crash
/// the fuzzer saved: `swift run apigen-fuzz Scripts/fuzz-out/crash-…`. Under libFuzzer
/// (`-DFUZZING`), libFuzzer provides `main` instead.
@main
enum Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            let result = data.withUnsafeBytes { buffer in
                fuzzOneInput(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            }
            print("\(path): ran (\(result))")
        }
    }
}
#endif
