import XCTest
import Foundation
@testable import APIGenCore

final class FileSystemTests: XCTestCase {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "apigen-fs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testJoin() {
        XCTAssertEqual(FileSystem.join("out", "A.swift"), "out/A.swift")
        XCTAssertEqual(FileSystem.join("out/", "A.swift"), "out/A.swift")
        XCTAssertEqual(FileSystem.join("/", "A.swift"), "/A.swift")
        XCTAssertEqual(FileSystem.join("", "A.swift"), "A.swift")
    }

    func testCreatesMissingFoldersAndRefusesAFileInTheWay() throws {
        let dir = try folder()
        XCTAssertNil(FileSystem.isDirectory(dir + "/a"))
        XCTAssertNil(FileSystem.createDirectories(dir + "/a/b//c/"))
        XCTAssertEqual(FileSystem.isDirectory(dir + "/a/b/c"), true)
        XCTAssertNil(FileSystem.createDirectories(dir + "/a/b"), "existing folders are fine")
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
        XCTAssertEqual(FileSystem.isDirectory(dir + "/file"), false)
        XCTAssertEqual(FileSystem.createDirectories(dir + "/file/sub"), "'\(dir)/file' exists and is not a folder")
        XCTAssertEqual(FileSystem.createDirectories(dir + "/file/sub/deeper"), "'\(dir)/file' exists and is not a folder")
        let relative = "apigen-fs-relative-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: relative) }
        XCTAssertNil(FileSystem.createDirectories(relative + "/x"))
        XCTAssertEqual(FileSystem.isDirectory(relative + "/x"), true)
    }

    func testEntriesListEveryNameButDotAndDotDot() throws {
        let dir = try folder()
        XCTAssertEqual(FileSystem.entries(of: dir), [])
        for name in ["A.swift", ".hidden", "été.swift"] {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data())
        }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        XCTAssertEqual(FileSystem.entries(of: dir)?.sorted(), [".hidden", "A.swift", "sub", "été.swift"])
        XCTAssertNil(FileSystem.entries(of: dir + "/missing"))
    }

    func testWriteAtomicallyReplacesAndReportsFailures() throws {
        let dir = try folder()
        XCTAssertNil(FileSystem.writeAtomically("one\n", to: dir + "/A.swift"))
        XCTAssertNil(FileSystem.writeAtomically("two ☕️\n", to: dir + "/A.swift"))
        XCTAssertEqual(try String(contentsOfFile: dir + "/A.swift", encoding: .utf8), "two ☕️\n")
        XCTAssertEqual(FileSystem.writeAtomically("x", to: dir + "/missing/A.swift"), "cannot write '\(dir)/missing/A.swift': No such file or directory")
        XCTAssertEqual(FileSystem.entries(of: dir), ["A.swift"], "no temporary file left")
        XCTAssertNil(FileSystem.remove(dir + "/A.swift"))
        XCTAssertEqual(FileSystem.remove(dir + "/A.swift"), "cannot remove '\(dir)/A.swift': No such file or directory")
    }

    #if os(Linux)
    /// The core count follows the affinity mask, as the kernel reports it for this process
    /// (`taskset -c 0 swift test --filter FileSystemTests` checks one core; Foundation's
    /// `activeProcessorCount` gives every online core there).
    func testCoresAreTheCoresThisProcessMayRunOn() throws {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
        let list = line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
        let count = list.split(separator: ",").reduce(0) { total, range in
            let ends = range.split(separator: "-").compactMap { Int($0) }
            return total + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
        XCTAssertEqual(ParallelMap.cores, count)
    }
    #endif
}
