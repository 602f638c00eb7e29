/// Characters that change how source reads without being seen: bidirectional controls (the
/// "Trojan Source" attack, CVE-2021-42574) and invisible format characters (zero-width spaces
/// and joiners, word joiners, fillers, tags). Generated source never holds one raw: literals and
/// comments escape them, names drop them. Names also drop variation selectors, which text keeps
/// (they draw an emoji as an emoji, `☕️`).
enum HiddenCharacters {
    static func isHidden(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    private static func isInvisibleInName(_ v: UInt32) -> Bool {
        isHidden(v) || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
    }

    /// Whether a UTF-8 byte may start one of them: a test on bytes before any scalar is decoded.
    @inline(__always)
    static func mayStart(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xCD || byte == 0xD8 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF || byte == 0xF3
    }

    /// `text` without them, nor variation selectors: the characters a name is spelt with.
    static func removed(from text: String) -> String {
        guard text.utf8.contains(where: mayStart) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isInvisibleInName(scalar.value) { out.append(scalar) }
        return String(out)
    }
}
