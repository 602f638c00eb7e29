/// A parameter's `style` and `explode` as the specification defines them for its location and
/// value, with a located warning wherever the document asks for a combination the
/// specification leaves undefined, and what is sent instead.
enum ParameterStyles {
    typealias Style = OperationDecl.Parameter.Style

    static func decide(_ parameter: Parameter, kind: String, nested: Bool, context: TranslationContext) -> (Style, Bool) {
        let allowed: [Style]
        switch parameter.location {
        case .path: allowed = [.simple, .label, .matrix]
        case .query: allowed = [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: allowed = [.simple]
        case .cookie, .querystring: allowed = [.form]
        }
        func warn(_ message: String) {
            context.warning("\(parameter.location.rawValue) parameter '\(parameter.name)': \(message)", at: parameter.sourceLocation)
        }
        var style = allowed[0]
        if let written = parameter.style {
            if let known = Style(rawValue: written), allowed.contains(known) {
                style = known
            } else {
                warn("style '\(written)' is not defined for a \(parameter.location.rawValue) parameter; '\(style.rawValue)' is used")
            }
        }
        var explode = parameter.explode ?? (style == .form)
        if parameter.contentType != nil { return (style, explode) }   // JSON text (or text): no style applies
        let isObject = kind == "object", isArray = kind == "array"
        switch style {
        case .deepObject:
            if isArray {
                warn("deepObject is defined for objects only; this array is sent in brackets, \(parameter.name)[]=a&\(parameter.name)[]=b")
            } else if !isObject {
                warn("deepObject is defined for objects only; this \(kind) is sent as form")
            } else if parameter.explode == false {
                warn("deepObject with explode: false is undefined; it is sent as explode: true")
            }
            explode = true
        case .spaceDelimited, .pipeDelimited:
            if explode {
                warn("\(style.rawValue) with explode: true is undefined; it is sent as form, exploded")
            } else if !isObject && !isArray {
                warn("\(style.rawValue) is defined for arrays and objects; this \(kind) is sent as form")
            }
        case .form where parameter.location == .cookie && explode && (isArray || isObject):
            warn("form cookies with several values are undefined (the specification calls them incorrect); each value is sent as its own name=value pair")
        default:
            break
        }
        if isObject && nested && style == .deepObject {
            warn("deepObject does not define nested arrays or objects; those fields are sent in brackets, \(parameter.name)[field][0]=v")
        } else if isObject && nested {
            warn("the styles do not define nested arrays or objects inside an object; those fields are sent as JSON text")
        }
        // 3.2 allows it for path and form cookies too, where the client still percent-encodes;
        // elsewhere the specification's rule itself was reported by the reader.
        if parameter.allowReserved == true, [.path, .cookie].contains(parameter.location), context.document.version.hasPrefix("3.2") {
            warn("allowReserved is applied to query parameters only; reserved characters of this one are percent-encoded")
        }
        return (style, explode)
    }
}

extension TypeTranslator {
    /// Whether an object schema has a property that is itself an array or an object.
    func hasNestedValues(_ schema: Schema) -> Bool {
        var target = schema
        var seen: Set<SourceLocation> = [schema.location]
        while let reference = target.ref {
            // A component's chain is one lookup: N parameters that name it cost N.
            let next: Schema?
            switch reference {
            case .component(let raw): next = chainEnd(raw)
            case .pointer(_, let target): next = target
            }
            guard let next, seen.insert(next.location).inserted else { break }
            target = next
        }
        return target.properties.contains { ["array", "object"].contains(kind(of: $0.schema)) }
    }
}
