/// `enum` and `const`: open enums, one case per distinct value.
extension TypeTranslator {
    func makeEnum(_ schema: Schema, name: String, path: [String]) -> Declaration {
        let values = (schema.enumValues ?? schema.constValue.map { [$0] } ?? []).filter { $0 != .null }
        let rawType: BuiltinType
        if values.allSatisfy({ if case .string = $0 { true } else { false } }) {
            rawType = .string
        } else if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
            rawType = .int
        } else if values.allSatisfy({ $0.number != nil }) {
            // `type: integer, enum: [1, 2.0]` is an integer enum: 2.0 is the integer 2.
            let integral = values.allSatisfy { value in
                guard case .double(let d) = value else { return true }
                return d == d.rounded() && abs(d) < 9.0e18
            }
            rawType = schema.singleType == "integer" && integral ? .int : .double
        } else if values.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            rawType = .bool
        } else {
            // Several JSON types, or arrays and objects: each value is kept as the JSON it is.
            rawType = .jsonValue
        }
        var names = NameScope(reserved: ["unknown", "rawValue", "allCases", "hashValue"])
        var cases: [EnumDecl.Case] = []
        var seen: Set<Literal> = []
        var caseByLiteral: [Literal: String] = [:]
        for value in values {
            // One spelling per value, so `1` and `1.0` are one case (and `"1"` in a mixed enum too).
            let normalized: Literal
            switch (rawType, value.number) {
            case (.string, _): normalized = .string(value.text)
            case (.int, let number?): normalized = .int(Int(number))
            case (.double, let number?): normalized = .double(number)
            default: normalized = value
            }
            guard seen.insert(normalized).inserted else {
                context.warning("enum value '\(value.text)' is listed twice; the duplicate is ignored", at: schema.location)
                continue
            }
            let raw = normalized.text
            var wanted = context.memberName(Self.caseWords(raw, numeric: rawType == .int || rawType == .double))
            if raw.isEmpty { wanted = "empty" }
            if rawType == .jsonValue, case .string = value {} else if rawType == .jsonValue {
                // `1`, `true`, `{…}`: named by what it is, apart from a string with the same text.
                wanted = context.memberName(Self.jsonCaseWords(value))
            }
            if rawType == .bool { wanted = raw == "true" ? "true" : "false" }
            let (caseName, clashed) = names.claim(wanted)
            if clashed {
                context.warning("enum value '\(raw)' is generated as case '\(caseName)' because '\(wanted)' is taken", at: schema.location)
            }
            if let other = names.lookalike(of: caseName) {
                context.warning("enum value '\(raw)' is generated as case '\(caseName)', which reads like '\(other)' in the same enum: one of them uses letters of another script", at: schema.location)
            }
            cases.append(EnumDecl.Case(name: Identifier(caseName), value: normalized, docs: []))
            caseByLiteral[normalized] = caseName
            caseByLiteral[value] = caseName
        }
        context.enumCases[path] = caseByLiteral
        return .enumeration(EnumDecl(name: name, docs: docs(for: schema), rawType: rawType, cases: cases))
    }

    /// The words a case is named by, so that the name says the value and no two values share
    /// one: a number's sign and decimal point are spelled (`-1` → `minus1`, `2.5` → `_2Point5`), as
    /// is a string's leading sign (`-created`, a descending sort, → `minusCreated`); and a
    /// documented `unknown` is `unknownValue`, never to be read as the catch-all `unknown(_)`.
    static func caseWords(_ raw: String, numeric: Bool) -> String {
        if numeric {
            let digits = raw.replacingOccurrences(".", with: "_point_")
            return digits.hasPrefix("-") ? "minus" + digits.dropFirst() : "_" + digits
        }
        if raw.count > 1, let sign = raw.first, sign == "-" || sign == "+" {
            return (sign == "-" ? "minus_" : "plus_") + raw.dropFirst()
        }
        if SwiftNaming.memberName(raw) == "unknown" { return raw + "_value" }
        return raw
    }

    /// Words naming a value that is not a string: `number_1`, `number_minus_2_5`, `true`, `array`, `object`.
    static func jsonCaseWords(_ value: Literal) -> String {
        switch value {
        case .int, .double: "number_" + value.text.replacingOccurrences("-", with: "minus_").replacingOccurrences(".", with: "_")
        case .bool(let b): b ? "true" : "false"
        case .array: "array"
        case .object: "object"
        case .null: "null"
        case .string(let s): s
        }
    }
}
