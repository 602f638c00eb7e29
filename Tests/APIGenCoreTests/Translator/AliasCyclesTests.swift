import XCTest
@testable import APIGenCore

final class AliasCyclesTests: XCTestCase {
    func testFindsEveryCycleAndNothingElse() {
        // a → b → c → a is a cycle; d → a leads into it; e → f ends; g → g is a cycle of one.
        let next: [String: String] = ["a": "b", "b": "c", "c": "a", "d": "a", "e": "f", "g": "g"]
        let cycles = AliasCycles(["d", "a", "b", "c", "e", "f", "g"], next: { next[$0] })
        XCTAssertEqual(cycles.cycle(containing: "b"), ["a", "b", "c"])
        XCTAssertEqual(cycles.cycle(containing: "c"), ["a", "b", "c"])
        XCTAssertNil(cycles.cycle(containing: "d"), "a chain into a cycle is not on it")
        XCTAssertNil(cycles.cycle(containing: "e"))
        XCTAssertEqual(cycles.cycle(containing: "g"), ["g"])
    }

    func testALongChainIsOneWalk() {
        let n = 200_000
        var steps = 0
        let cycles = AliasCycles((0..<n).map(String.init), next: { name in
            steps += 1
            let i = Int(name)!
            return i + 1 < n ? String(i + 1) : "0"
        })
        XCTAssertEqual(cycles.cycle(containing: "12345")?.count, n)
        XCTAssertEqual(steps, n, "each alias is followed once")
    }
}
