import Foundation

// This module's code is MainActor-isolated by default; the generated models must still be
// usable off the main actor, as the Sendable values they are.
nonisolated public func decodeMeetingInBackground(_ data: Data) throws -> Meeting {
    try JSONDecoder().decode(Meeting.self, from: data)
}

nonisolated public func countMeetings(_ client: Client, appID: String) async throws -> Int {
    try await client.listMeetings(appID: appID).data.count
}

/// Main-actor code (the default here) uses the same client.
public func titles(_ client: Client, appID: String) async throws -> [String] {
    try await client.listMeetings(appID: appID).data.compactMap(\.title)
}
