/// The statements that put each parameter into `_request` (query, header, cookie) or its text
/// into the path, by its value's shape and its style.
struct ParameterCalls {
    let index: TypeIndex

    /// What a parameter's value is, as the styles see it.
    enum Shape { case primitive, array, object, json }

    func shape(_ parameter: OperationDecl.Parameter) -> Shape {
        if parameter.isJSON { return .json }
        let resolved = index.resolved(parameter.type).unwrapped
        switch resolved {
        case .builtin(let b): return b == "JSONValue" ? .json : .primitive
        // Items that may be null have no text in the styles: such arrays go as JSON.
        case .array(let element): return isScalar(element) ? .array : .json
        case .dictionary(let value): return isScalar(value) ? .object : .json
        case .named:
            switch index.kind(of: resolved) {
            case .enumeration: return .primitive
            case .structure: return .object
            default: return .json
            }
        case .optional: return .json
        }
    }

    private func isScalar(_ type: TypeUsage) -> Bool {
        switch index.resolved(type) {
        case .builtin(let b): b != "JSONValue"
        case .named(let path): index.isEnum(.named(path))
        default: false
        }
    }

    /// The call for a query, header or cookie parameter.
    func call(_ parameter: OperationDecl.Parameter) -> String {
        let name = SwiftSpelling.string(parameter.wireName), value = parameter.name
        let style = parameter.style == .form ? "" : ", style: .\(parameter.style.rawValue)"
        let reserved = parameter.allowReserved ? ", allowReserved: true" : ""
        switch (parameter.location, shape(parameter)) {
        case (.query, .primitive): return "_request.addQuery(\(name), \(value)\(reserved))"
        case (.query, .array): return "_request.addQuery(\(name), \(value)\(style), explode: \(parameter.explode)\(reserved))"
        case (.query, .object): return "try _request.addQuery(\(name), object: \(value)\(style), explode: \(parameter.explode)\(reserved))"
        case (.query, _): return "try _request.addQueryJSON(\(name), \(value))"
        case (.header, .primitive), (.header, .array): return "_request.addHeader(\(name), \(value))"
        case (.header, .object): return "try _request.addHeader(\(name), object: \(value), explode: \(parameter.explode))"
        case (.header, _): return "try _request.addHeaderJSON(\(name), \(value))"
        case (.cookie, .primitive): return "_request.addCookie(\(name), \(value))"
        case (.cookie, .array): return "_request.addCookie(\(name), \(value), explode: \(parameter.explode))"
        case (.cookie, _): return "try _request.addCookie(\(name), object: \(value), explode: \(parameter.explode))"
        case (.querystring, _):
            return "try _request.setQueryString(\(value), mediaType: \(SwiftSpelling.string(parameter.queryStringMediaType ?? "")))"
        case (.path, _): return ""
        }
    }

    /// The interpolated text of a path parameter.
    func pathText(_ parameter: OperationDecl.Parameter) -> String {
        let label = SwiftSpelling.string(SwiftNaming.unescaped(parameter.name))
        let value = parameter.name
        let styled: String
        switch shape(parameter) {
        case .primitive where parameter.style == .simple:
            return "PercentEncoding.segment(\(value), name: \(label))"
        case .primitive, .array: styled = "StyledValue(\(value))"
        case .object: styled = "try StyledValue(object: \(value))"
        case .json: return "PercentEncoding.segment(String(decoding: try JSONCoding.encode(\(value)), as: UTF8.self), name: \(label))"
        }
        return "PercentEncoding.segment(\(styled), name: \(label), wireName: \(SwiftSpelling.string(parameter.wireName)), style: .\(parameter.style.rawValue), explode: \(parameter.explode))"
    }
}
