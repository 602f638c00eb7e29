/// Names that read the same but are not: a Cyrillic `а` in `аb` beside a Latin `ab`. Each name's
/// skeleton maps the common lookalikes (Cyrillic and Greek letters shaped like Latin ones,
/// fullwidth Latin) to the Latin letter; two names of one scope with one skeleton are confusable.
enum Lookalikes {
    /// The Latin letter a character is drawn like, for those that are drawn like one.
    private static let table: [UInt32: Character] = {
        var table: [UInt32: Character] = [:]
        let pairs: [(String, String)] = [
            // Cyrillic
            ("аеорсухіјѕԁһԛԝӏ", "aeopcyxijsdhqwl"), ("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS"),
            // Greek
            ("οανιρκτυχ", "oavipktux"), ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),
        ]
        for (from, to) in pairs {
            for (f, t) in zip(from.unicodeScalars, to) { table[f.value] = t }
        }
        // Fullwidth Latin letters and digits (U+FF10…, U+FF21…, U+FF41…).
        for (start, base) in [(0xFF10, 0x30), (0xFF21, 0x41), (0xFF41, 0x61)] {
            for i in 0..<(start == 0xFF10 ? 10 : 26) { table[UInt32(start + i)] = Character(Unicode.Scalar(UInt8(base + i))) }
        }
        return table
    }()

    /// The name with every lookalike replaced; nil when it has none (the name is its own skeleton).
    static func skeleton(_ name: String) -> String? {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var changed = false
        var out = ""
        for scalar in name.unicodeScalars {
            if let latin = table[scalar.value] {
                out.append(latin)
                changed = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return changed ? out : nil
    }
}
