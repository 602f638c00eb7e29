import XCTest
import Foundation

/// The build plugin runs one `apigen` per document, at once, into one folder: the runs must
/// not touch each other's files, temporary or generated.
final class ConcurrentRunTests: XCTestCase {
    func testRunsIntoOneFolderAtOnceAllSucceed() throws {
        try XCTSkipUnless(ApigenProcess.isBuilt, "apigen was not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for i in 0..<3000 { text += "    Model\(i): {type: object, properties: {a: {type: string}, b: {type: integer}}}\n" }
        let documents = ["One", "Two", "Three", "Four"].map { name -> (String, URL) in
            let url = folder.appendingPathComponent("\(name).openapi.yaml")
            try? text.replacingOccurrences(of: "title: Big", with: "title: \(name)").write(to: url, atomically: true, encoding: .utf8)
            return (name, url)
        }
        let output = folder.appendingPathComponent("out")
        for round in 0..<4 {
            // A change each round, so that every run writes.
            for (name, url) in documents {
                try text.replacingOccurrences(of: "title: Big", with: "title: \(name) \(round)").write(to: url, atomically: true, encoding: .utf8)
            }
            let results = ParallelRuns.run(documents.map { ["generate", $0.1.path, "--output", output.path, "--name", $0.0, "--shards", "2", "--quiet"] })
            for (i, result) in results.enumerated() {
                XCTAssertEqual(result?.status, 0, "round \(round), \(documents[i].0): \(result?.err ?? "did not run")")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            XCTAssertEqual(names.count, 16, "every run's files and no temporary ones: \(names)")
        }
    }
}

/// Runs several `apigen` processes at the same time.
enum ParallelRuns {
    static func run(_ argumentLists: [[String]]) -> [ApigenProcess.Result?] {
        let results = Results(count: argumentLists.count)
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { i in
            results.set(i, try? ApigenProcess.run(argumentLists[i], killAfter: 60))
        }
        return results.values
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [ApigenProcess.Result?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: ApigenProcess.Result?) { lock.lock(); storage[i] = value; lock.unlock() }
        var values: [ApigenProcess.Result?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
