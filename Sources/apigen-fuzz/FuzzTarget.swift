import APIGenCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Which input the fuzzer feeds: the document (default) or, with `APIGEN_FUZZ_TARGET=config`,
/// the `apigen.yaml` configuration.
let fuzzesConfiguration = getenv("APIGEN_FUZZ_TARGET").map { String(cString: $0) } == "config"

/// libFuzzer entry: the whole pipeline on arbitrary bytes (bytes → YAML → OpenAPI → IR → Swift),
/// or the configuration reader. Any crash, sanitizer report or hang is a bug; errors in the
/// input are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if fuzzesConfiguration {
        _ = try? Configuration.parse(bytes: bytes, file: "apigen.yaml")
    } else {
        _ = try? Generator().generate(bytes: bytes, file: "fuzz-input.yaml")
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
