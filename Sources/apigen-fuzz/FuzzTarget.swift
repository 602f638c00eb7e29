import APIGenCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What the fuzzer feeds, from `APIGEN_FUZZ_TARGET`: `document` (the default), `config` (the
/// `apigen.yaml` reader) or `runtime` (the runtime's decoding of server bytes).
let fuzzTarget = getenv("APIGEN_FUZZ_TARGET").map { String(cString: $0) } ?? "document"

/// libFuzzer entry: the whole pipeline on arbitrary bytes (bytes → YAML → OpenAPI → IR → Swift),
/// the configuration reader, or the runtime. Any crash, sanitizer report or hang is a bug;
/// errors in the input are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch fuzzTarget {
    case "config": _ = try? Configuration.parse(bytes: bytes, file: "apigen.yaml")
    case "runtime": fuzzRuntime(bytes)
    default: _ = try? Generator().generate(bytes: bytes, file: "fuzz-input.yaml")
    }
    // Everything this input allocated is freed before returning, so libFuzzer's leak check sees
    // balanced counts (the pipeline frees its trees on another thread).
    Disposal.waitUntilIdle()
    return 0
}

#if FUZZING
/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point under this name; with `-parse-as-library` there is
/// no `main`, so this hands the command line to libFuzzer's driver.
@_cdecl("apigen_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#endif
