/// The values a round trip sends: JSON the IR describes, decoded by the generated types.
extension RoundTripChecksRenderer {
    /// A JSON value of `type`: every property set, each optional one `null` when `seed` says so.
    func sample(_ type: TypeUsage, seed: Int, depth: Int = 0) -> Literal? {
        guard depth < 8 else { return nil }
        switch type {
        case .optional(let wrapped):
            if seed % 4 == 3 || depth > 4 { return .null }
            return sample(wrapped, seed: seed, depth: depth + 1)
        case .array(let element):
            return sample(element, seed: seed + 1, depth: depth + 1).map { .array([$0]) } ?? (depth > 0 ? .array([]) : nil)
        case .dictionary(let value):
            return sample(value, seed: seed + 1, depth: depth + 1).map { .object(["key\(seed)": $0]) }
        case .builtin(let builtin):
            switch builtin {
            case .string: return .string("text \(seed) ü/?&")
            case .int: return .int(seed * 7 + 1)
            case .double: return .double(Double(seed) + 0.5)
            case .bool: return .bool(seed % 2 == 0)
            case .date, .iso8601Date: return .string("2026-0\(1 + seed % 9)-1\(seed % 10)T03:04:05Z")
            case .uuid: return .string("9b2c4f1e-0a6d-4c1b-8e2f-3d5a7b9c1e0\(seed % 10)")
            case .url: return .string("https://example.test/\(seed)?q=1")
            case .data: return .string("AQID")
            // Text only: a form body writes JSON values as text, and a form holds no `null`.
            case .jsonValue: return .object(["k\(seed)": .string("v")])
            case .intOrString: return .int(seed)
            // A file's bytes, as JSON writes them (base64). The client names the part's file and
            // type when the value does not, so such a body is compared by its JSON (`holdsFile`).
            case .fileUpload: return .string("AQID")
            }
        case .named(let path):
            switch declarations.declaration(at: path) {
            case .structure(let s)?:
                var object: [String: Literal] = [:]
                for (i, property) in s.properties.enumerated() {
                    guard let value = sample(property.type, seed: seed + i + 1, depth: depth + 1) else {
                        if property.type.isOptional { continue }
                        return nil
                    }
                    object[property.wireName] = value
                }
                return .object(object)
            case .enumeration(let e)?:
                return e.cases.isEmpty ? nil : e.cases[seed % e.cases.count].value
            case .oneOf(let o)?:
                // Each union's cases in turn, by the seed: not only the first.
                guard !o.cases.isEmpty else { return nil }
                let first = o.cases[seed % o.cases.count]
                guard var value = sample(first.type, seed: seed, depth: depth + 1) else { return nil }
                if case .object(var object) = value {
                    if let discriminator = o.discriminator, let tag = first.tags.first { object[discriminator] = .string(tag) }
                    for pin in first.pins { object[pin.property] = .string(pin.value) }
                    value = .object(object)
                }
                return value
            case .alias(let a)?:
                return sample(a.target, seed: seed, depth: depth + 1)
            case nil:
                return nil
            }
        }
    }

    /// `try _value(Thing.self, "{…}")`.
    func value(_ type: TypeUsage, seed: Int) -> String? {
        sample(type, seed: seed).map { "try _value(\(options.spell(type)).self, \(SwiftSpelling.string(ExampleChecksRenderer.jsonText($0))))" }
    }

    /// Whether a value of `type` holds a `FileUpload` anywhere inside.
    func holdsFile(_ type: TypeUsage) -> Bool {
        var seen: Set<[String]> = []
        func walk(_ type: TypeUsage) -> Bool {
            switch type {
            case .builtin(let builtin): return builtin == .fileUpload
            case .array(let inner), .dictionary(let inner), .optional(let inner): return walk(inner)
            case .named(let path):
                guard seen.insert(path).inserted else { return false }
                switch declarations.declaration(at: path) {
                case .structure(let s)?: return s.properties.contains { walk($0.type) } || s.additionalProperties.map(walk) == true
                case .oneOf(let o)?: return o.cases.contains { walk($0.type) }
                case .alias(let a)?: return walk(a.target)
                case .enumeration?, nil: return false
                }
            }
        }
        return walk(type)
    }
}
