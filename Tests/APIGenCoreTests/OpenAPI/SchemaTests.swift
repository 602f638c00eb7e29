import XCTest
@testable import APIGenCore

final class SchemaTests: XCTestCase {
    /// A chain of pointer `$ref`s is as long as a document makes it (each component pointing at
    /// the previous one's property): letting go of its head frees it in a loop. Freed by
    /// recursive deinits, 300,000 links overflow the stack (the test process would crash).
    func testALongPointerChainIsFreedWithoutRecursion() {
        var head: Schema? = Schema(location: SourceLocation(file: "t.yaml", line: 1, column: 1), types: ["string"])
        for i in 0..<300_000 {
            head = Schema(location: SourceLocation(file: "t.yaml", line: i + 2, column: 1), ref: .pointer("#/x\(i)", target: head!))
        }
        weak var tail: Schema?
        var walk = head
        while case .pointer(_, let target)? = walk?.ref { walk = target }
        tail = walk
        walk = nil
        XCTAssertNotNil(tail)
        head = nil
        XCTAssertNil(tail, "the whole chain is freed")
    }
}
