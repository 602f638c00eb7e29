/// The statements that put each parameter into `_request` (query, header, cookie) or its text
/// into the path, by its value's shape (the refiner's) and its style.
enum ParameterCalls {
    /// The call for a query, header or cookie parameter.
    static func call(_ parameter: OperationDecl.Parameter) -> String {
        let name = SwiftSpelling.string(parameter.wireName), value = parameter.name.swift
        let style = parameter.style == .form ? "" : ", style: .\(parameter.style.rawValue)"
        let reserved = parameter.allowReserved ? ", allowReserved: true" : ""
        switch (parameter.location, parameter.shape) {
        case (.query, .primitive): return "_request.addQuery(\(name), \(value)\(reserved))"
        case (.query, .array): return "_request.addQuery(\(name), \(value)\(style), explode: \(parameter.explode)\(reserved))"
        case (.query, .object): return "try _request.addQuery(\(name), object: \(value)\(style), explode: \(parameter.explode)\(reserved))"
        case (.query, _): return "try _request.addQueryJSON(\(name), \(value))"
        case (.header, .primitive), (.header, .array): return "_request.addHeader(\(name), \(value))"
        case (.header, .object): return "try _request.addHeader(\(name), object: \(value), explode: \(parameter.explode))"
        case (.header, _): return "try _request.addHeaderJSON(\(name), \(value))"
        case (.cookie, .primitive): return "_request.addCookie(\(name), \(value))"
        case (.cookie, .array): return "_request.addCookie(\(name), \(value), explode: \(parameter.explode))"
        case (.cookie, .json): return "try _request.addCookieJSON(\(name), \(value))"
        case (.cookie, _): return "try _request.addCookie(\(name), object: \(value), explode: \(parameter.explode))"
        case (.querystring, _):
            return "try _request.setQueryString(\(value), mediaType: \(SwiftSpelling.string(parameter.queryStringMediaType ?? "")))"
        case (.path, _): return ""
        }
    }

    /// The interpolated text of a path parameter.
    static func pathText(_ parameter: OperationDecl.Parameter) -> String {
        let label = SwiftSpelling.string(parameter.name.name)
        let value = parameter.name.swift
        let styled: String
        switch parameter.shape {
        case .primitive where parameter.style == .simple:
            return "PercentEncoding.segment(\(value), name: \(label))"
        case .primitive, .array: styled = "StyledValue(\(value))"
        case .object: styled = "try StyledValue(object: \(value))"
        case .json: return "PercentEncoding.segment(String(decoding: try JSONCoding.encode(\(value)), as: UTF8.self), name: \(label))"
        }
        return "PercentEncoding.segment(\(styled), name: \(label), wireName: \(SwiftSpelling.string(parameter.wireName)), style: .\(parameter.style.rawValue), explode: \(parameter.explode))"
    }
}
