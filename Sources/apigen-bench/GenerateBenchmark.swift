import Foundation
import CAPIGenYAML
import APIGenYAML
import APIGenCore

/// Times every stage of generation against a bare libyaml scan of the same bytes (the floor:
/// nothing that reads YAML with libyaml can be faster), and reports ratio, memory and output size.
enum GenerateBenchmark {
    struct Row {
        var name: String
        var bytes: Int
        var floor: Double
        var stages: [(String, Double)]
        var total: Double
        var peakMB: Double?
        var lines: Int
        var outputBytes: Int
    }

    /// The libyaml event loop alone: parse every event, build nothing.
    static func scan(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        var events = 0
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                events += 1
                if done { break }
            }
        }
        return events
    }

    static func run(files: [String], runs: Int) throws {
        var rows: [Row] = []
        for path in files {
            guard FileManager.default.fileExists(atPath: path) else {
                print("generate: skipped \(path) (absent)")
                continue
            }
            rows.append(try measure(path: path, runs: runs))
        }
        print("generate: median of \(runs) runs each, release build")
        print(String(repeating: " ", count: 26) + "size      floor   nodes   model      IR  render   write    total  ratio   peak    lines    bytes")
        for row in rows {
            var line = row.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            line += String(format: "%7.2f MB", Double(row.bytes) / 1e6)
            line += String(format: " %7.1f", row.floor * 1000)
            for (_, t) in row.stages { line += String(format: " %7.1f", t * 1000) }
            line += String(format: " %8.1f", row.total * 1000)
            line += String(format: " %5.2f×", row.total / row.floor)
            line += row.peakMB.map { String(format: " %5.0f MB", $0) } ?? "      ?"
            line += String(format: " %8d %8d", row.lines, row.outputBytes)
            print(line)
        }
        print("(times in ms; ratio = total ÷ floor; peak = resident memory of a fresh process generating that document)")
    }

    static func measure(path: String, runs: Int) throws -> Row {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let name = (path as NSString).lastPathComponent
        var configuration = Configuration()
        configuration.shards = SwiftRenderer.shardCount(documentBytes: bytes.count)
        let generator = Generator(configuration: configuration)
        let output = NSTemporaryDirectory() + "apigen-bench-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var files: [GeneratedFile] = []

        // Each round runs the scan, every stage and the whole pipeline back to back, so machine
        // noise falls on all columns alike; the figures are medians per column.
        var columns = [[Double]](repeating: [], count: 7)
        func time(_ column: Int, _ body: () throws -> Void) rethrows {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            columns[column].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        for round in 0..<(runs + 1) {
            if round == 1 { columns = [[Double]](repeating: [], count: 7) }  // round 0 warms up
            time(0) { _ = scan(bytes) }
            var root: YAMLNode?
            try time(1) { root = try generator.parse(bytes, file: name) }
            var document: OpenAPIDocument?
            try time(2) { document = try generator.read(root!, file: name, path: path, diagnostics: DiagnosticSink()) }
            var module: ModuleDecl?
            try time(3) {
                module = try generator.translate(document!, diagnostics: DiagnosticSink())
                try generator.refine(&module!, diagnostics: DiagnosticSink())
            }
            time(4) { files = generator.render(module!, file: name) }
            try time(5) {
                try? FileManager.default.removeItem(atPath: output)
                try OutputWriter.write(files, to: output)
            }
            try? FileManager.default.removeItem(atPath: output)
            try time(6) {
                let result = try generator.generate(bytes: bytes, file: name)
                try OutputWriter.write(result.files, to: output)
            }
            // The pipeline frees its intermediate trees on another thread; the CLI exits without
            // waiting, but here the next round must not pay for this one.
            Disposal.waitUntilIdle()
            try? FileManager.default.removeItem(atPath: output)
        }
        let medians = columns.map { $0.sorted()[$0.count / 2] }
        let floor = medians[0], total = medians[6]
        let (nodes, model, ir, render, write) = (medians[1], medians[2], medians[3], medians[4], medians[5])
        let lines = files.reduce(0) { $0 + $1.contents.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
        let outputBytes = files.reduce(0) { $0 + $1.contents.utf8.count }
        return Row(name: name, bytes: bytes.count, floor: floor,
                   stages: [("nodes", nodes), ("model", model), ("IR", ir), ("render", render), ("write", write)],
                   total: total, peakMB: peakInFreshProcess(path: path), lines: lines, outputBytes: outputBytes)
    }

    /// Runs `apigen-bench peak <file>` and reads the peak resident memory it reports.
    static func peakInFreshProcess(path: String) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["peak", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// One whole generation (read, generate, write), then the process's peak memory in MB.
    static func peak(path: String) throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var configuration = Configuration()
        configuration.shards = SwiftRenderer.shardCount(documentBytes: bytes.count)
        let result = try Generator(configuration: configuration).generate(bytes: bytes, file: path)
        let output = NSTemporaryDirectory() + "apigen-peak-\(ProcessInfo.processInfo.processIdentifier)"
        try OutputWriter.write(result.files, to: output)
        try? FileManager.default.removeItem(atPath: output)
        print(Measure.peakMemoryMB() ?? 0)
    }
}
