import XCTest
import APIGenRuntime

/// The error a call that must fail throws, as an `APIError`; a call that succeeds fails the test.
func failure(_ call: () async throws -> Void) async -> APIError? {
    do {
        try await call()
        XCTFail("the call succeeded")
        return nil
    } catch {
        return error as? APIError
    }
}
