/// Both documents' `Meeting` and `Client` live side by side, each in its namespace.
public func describe(_ room: Rooms.Room, _ meeting: Meetings.Meeting) -> String {
    "\(room.name): \(meeting.title ?? "untitled")"
}
