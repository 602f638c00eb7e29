import Foundation

/// Fast ISO 8601 date-times with no formatter: parses `2019-12-27T18:11:19Z`,
/// `…19.117Z` and `…19+05:30`; writes UTC with milliseconds (`2019-12-27T18:11:19.117Z`).
public enum ISO8601 {
    /// Parses an RFC 3339 / ISO 8601 date-time; nil when the text is not one.
    public static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        let n = b.count
        guard n >= 19 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let c = b[i] &- 48
                guard c < 10 else { return nil }
                value = value * 10 + Int(c)
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45, let day = digits(8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = digits(11, 2), b[13] == 58, let minute = digits(14, 2), b[16] == 58, let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < n, b[i] == 46 || b[i] == 44 {
            i += 1
            var scale = 0.1
            let start = i
            while i < n, b[i] &- 48 < 10 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < n else { return nil }
        var offset = 0
        switch b[i] {
        case 90, 122: // Z z
            i += 1
        case 43, 45: // + -
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard i + 2 <= n, let oh = digits(i, 2) else { return nil }
            i += 2
            var om = 0
            if i < n, b[i] == 58 { i += 1 }
            if i + 2 <= n, let m = digits(i, 2) { om = m; i += 2 }
            offset = sign * (oh * 3600 + om * 60)
        default:
            return nil
        }
        guard i == n else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
        // Round to the microsecond so that `.117` stays `.117` when written back with milliseconds.
        return Date(timeIntervalSince1970: seconds + (fraction * 1_000_000).rounded() / 1_000_000)
    }

    /// Writes `date` in UTC with milliseconds.
    /// UTC, with milliseconds, or microseconds when the date has them (a value read from a
    /// server that sent microseconds is written back as it came). Dates outside the years 1 to
    /// 9999, which the format cannot write, are written at those bounds.
    public static func format(_ date: Date) -> String {
        let seconds = min(max(date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799.999)
        let totalMicros = Int64((seconds * 1_000_000).rounded())
        var totalMillis = totalMicros / 1000
        var micros = Int(totalMicros % 1000)
        if micros < 0 { micros += 1000; totalMillis -= 1 }
        var days = Int(totalMillis / 86_400_000)
        var millisOfDay = Int(totalMillis % 86_400_000)
        if millisOfDay < 0 { millisOfDay += 86_400_000; days -= 1 }
        let (y, m, d) = civilFromDays(days)
        let h = millisOfDay / 3_600_000, mi = millisOfDay / 60_000 % 60, s = millisOfDay / 1000 % 60, ms = millisOfDay % 1000
        var out = [UInt8](repeating: 48, count: micros == 0 ? 24 : 27)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var v = value
            for k in stride(from: at + width - 1, through: at, by: -1) { out[k] = UInt8(48 + v % 10); v /= 10 }
        }
        put(y, 0, 4); out[4] = 45; put(m, 5, 2); out[7] = 45; put(d, 8, 2); out[10] = 84
        put(h, 11, 2); out[13] = 58; put(mi, 14, 2); out[16] = 58; put(s, 17, 2); out[19] = 46
        put(ms, 20, 3)
        if micros != 0 { put(micros, 23, 3) }
        out[out.count - 1] = 90
        return String(decoding: out, as: UTF8.self)
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes an ISO 8601 date-time string, whatever the decoder's date strategy.
    public func decodeDate(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = ISO8601.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "Expected an ISO 8601 date-time, found '\(text)'")
        }
        return date
    }

    /// nil for a missing key, `null`, or `""` (what some servers send for a date not set).
    public func decodeDateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = ISO8601.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "Expected an ISO 8601 date-time, found '\(text)'")
        }
        return date
    }

    public func decodeDates(forKey key: Key) throws -> [Date] {
        try decode([ISO8601Date].self, forKey: key).map(\.date)
    }

    public func decodeDatesIfPresent(forKey key: Key) throws -> [Date]? {
        try decodeIfPresent([ISO8601Date].self, forKey: key)?.map(\.date)
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    public mutating func encodeDate(_ date: Date, forKey key: Key) throws {
        try encode(ISO8601.format(date), forKey: key)
    }

    public mutating func encodeDateIfPresent(_ date: Date?, forKey key: Key) throws {
        if let date { try encode(ISO8601.format(date), forKey: key) }
    }

    public mutating func encodeDates(_ dates: [Date], forKey key: Key) throws {
        try encode(dates.map(ISO8601.format), forKey: key)
    }

    public mutating func encodeDatesIfPresent(_ dates: [Date]?, forKey key: Key) throws {
        if let dates { try encode(dates.map(ISO8601.format), forKey: key) }
    }
}

/// A `Date` that codes itself as an ISO 8601 string.
public struct ISO8601Date: Codable, Hashable, Sendable {
    public var date: Date

    public init(_ date: Date) {
        self.date = date
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISO8601.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an ISO 8601 date-time, found '\(text)'")
        }
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ISO8601.format(date))
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    /// Writes a UUID in lower case, as RFC 4122 asks (JSONEncoder would write upper case).
    public mutating func encodeUUID(_ uuid: UUID, forKey key: Key) throws {
        try encode(uuid.uuidString.lowercased(), forKey: key)
    }

    public mutating func encodeUUIDIfPresent(_ uuid: UUID?, forKey key: Key) throws {
        if let uuid { try encode(uuid.uuidString.lowercased(), forKey: key) }
    }

    public mutating func encodeUUIDs(_ uuids: [UUID], forKey key: Key) throws {
        try encode(uuids.map { $0.uuidString.lowercased() }, forKey: key)
    }

    public mutating func encodeUUIDsIfPresent(_ uuids: [UUID]?, forKey key: Key) throws {
        if let uuids { try encode(uuids.map { $0.uuidString.lowercased() }, forKey: key) }
    }
}
