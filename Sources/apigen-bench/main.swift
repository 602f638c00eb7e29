import Foundation

/// `swift run -c release apigen-bench [decode|generate|all] [--runs N]`: prints figures, asserts nothing.
let arguments = Array(CommandLine.arguments.dropFirst())
let runs = arguments.firstIndex(of: "--runs").flatMap { i in i + 1 < arguments.count ? Int(arguments[i + 1]) : nil } ?? 7
let what = arguments.first { !$0.hasPrefix("-") && Int($0) == nil } ?? "all"
#if DEBUG
print("note: a debug build; run with `swift run -c release apigen-bench` for figures that mean something")
#endif
if what == "decode" || what == "all" {
    try await DecodeBenchmark.run(runs: runs)
}
