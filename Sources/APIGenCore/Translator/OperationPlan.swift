/// What an operation's method is made of, decided once from the document: which parameters it
/// takes, which media types it sends and reads, and which schemas type its signature under which
/// names. The naming pass (`TopLevelNaming`) claims the names of `typed` from it, and
/// `OperationTranslator.translate` builds the method from it, so the two cannot disagree about
/// which schemas become top-level types.
struct OperationPlan {
    /// A schema that types the signature, and the name its type is made from when it is inline.
    struct Typed {
        var schema: Schema
        var hint: String
    }

    struct PlannedParameter {
        var parameter: Parameter
        /// The percent-encoded path segment, for a path parameter that allows one value: the
        /// caller does not pass a constant.
        var constant: String?
        /// Nil: the value is sent as the string the caller gives (a path segment or header whose
        /// schema is not a single scalar).
        var typed: Typed?
    }

    struct Body {
        var media: MediaType
        var encoding: OperationDecl.Body.Encoding
        /// Nil for text and bytes, and for a JSON body without a schema.
        var typed: Typed?
    }

    struct Stream {
        var media: MediaType
        var kind: OperationDecl.Stream.Kind
        /// Nil: each element is an event's text, or a JSON value.
        var typed: Typed?
        var status: String
    }

    var rawName: String
    var swiftName: String
    /// `UpperCamel` of `rawName`, which inline types are named after.
    var typePrefix: String
    /// Path parameters in template order, then the query and header ones in document order.
    var parameters: [PlannedParameter] = []
    var body: Body?
    var success: OperationTranslator.Success?
    var stream: Stream?
    /// What the document gives that the method leaves out (a header the client sets itself, an
    /// entry that is no media type), kept apart so `translate` reports each where it used to.
    var parameterWarnings: [Diagnostic] = []
    var bodyWarnings: [Diagnostic] = []
    var successWarnings: [Diagnostic] = []

    /// The typed schemas in the order `translate` meets them.
    var typed: [Typed] {
        parameters.compactMap(\.typed) + [body?.typed, success?.typed, stream?.typed].compactMap { $0 }
    }
}

extension OperationTranslator {
    /// The plan of one operation. It reads the settled components and writes nothing, so plans
    /// are made on all cores.
    func plan(_ operation: Operation) -> OperationPlan {
        let rawName = rawName(operation)
        let typePrefix = SwiftNaming.upperCamel(rawName)
        var plan = OperationPlan(rawName: rawName, swiftName: SwiftNaming.memberName(rawName), typePrefix: typePrefix)
        plan.parameters = orderedParameters(operation, warnings: &plan.parameterWarnings).map { parameter in
            if let constant = Self.constantPathSegment(parameter) { return .init(parameter: parameter, constant: constant) }
            guard let schema = parameter.schema, isTyped(parameter, schema) else { return .init(parameter: parameter) }
            return .init(parameter: parameter, typed: .init(schema: schema, hint: typePrefix + "_" + parameter.name))
        }
        if let body = operation.requestBody, let (media, picked) = pick(body.content, warnings: &plan.bodyWarnings) {
            var planned = OperationPlan.Body(media: media, encoding: picked)
            if let schema = media.schema {
                if picked == .json, isBinaryString(schema) {
                    planned.encoding = .binary
                } else if [.json, .form, .multipart].contains(picked) {
                    planned.typed = .init(schema: schema, hint: body.componentName ?? typePrefix + "Request")
                }
            }
            plan.body = planned
        }
        plan.success = successBody(operation, typePrefix: typePrefix, warnings: &plan.successWarnings)
        if let (media, kind, schema, status) = streamBody(operation) {
            plan.stream = .init(media: media, kind: kind, typed: schema.map { .init(schema: $0, hint: typePrefix + Self.streamElementSuffix(kind)) }, status: status)
        }
        return plan
    }

    /// Path parameters in template order, then the query and header ones in document order;
    /// `warnings` about those left out.
    private func orderedParameters(_ operation: Operation, warnings: inout [Diagnostic]) -> [Parameter] {
        var seenInTemplate: Set<String> = []
        let templateOrder = OperationReader.templateNames(operation.path).filter { seenInTemplate.insert($0).inserted }
        let pathParams = templateOrder.compactMap { n in operation.parameters.first { $0.location == .path && $0.name == n } }
        // A header named Accept, Content-Type or Authorization "SHALL be ignored": the client
        // sets those itself (the media types, the credentials).
        var headers: [String: String] = [:]
        var left: [Diagnostic] = []
        let others = operation.parameters.filter { parameter in
            guard parameter.location == .header else { return parameter.location != .path }
            if ["accept", "content-type", "authorization"].contains(parameter.name.lowercased()) {
                left.append(Diagnostic(.warning, "header parameter '\(parameter.name)' is ignored, as the specification says: the client sets \(parameter.name) itself", at: parameter.sourceLocation))
                return false
            }
            // Header names are case-insensitive (RFC 9110): `X-Id` and `x-id` are one header, and
            // sending both would join their values into one.
            if let first = headers[parameter.name.lowercased()] {
                left.append(Diagnostic(.warning, "header parameter '\(parameter.name)' is the header '\(first)' again (header names are case-insensitive); only '\(first)' is generated", at: parameter.sourceLocation))
                return false
            }
            headers[parameter.name.lowercased()] = parameter.name
            return true
        }
        warnings += left
        return pathParams + others
    }

    /// Whether a parameter gets its schema's type: a path segment or header holds text, so there
    /// only a single scalar does.
    private func isTyped(_ parameter: Parameter, _ schema: Schema) -> Bool {
        parameter.location == .query || types.isScalar(schema) || ["array", "object"].contains(types.kind(of: schema))
    }

    /// The media type a body is read or sent as; `warnings` about entries that are no media type.
    func pick(_ content: [MediaType], warnings: inout [Diagnostic]) -> (MediaType, OperationDecl.Body.Encoding)? {
        if let json = content.first(where: { Self.isJSON($0.contentType) }) { return (json, .json) }
        if let form = content.first(where: { $0.contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") }) { return (form, .form) }
        if let multipart = content.first(where: { $0.contentType.lowercased().hasPrefix("multipart/") }) { return (multipart, .multipart) }
        if let text = content.first(where: { $0.contentType.lowercased().hasPrefix("text/") }) { return (text, .text) }
        for media in content {
            let t = media.contentType.lowercased()
            if t.contains("/") { return (media, .binary) }
            warnings.append(Diagnostic(.warning, "content type '\(media.contentType)' is not a media type; ignored", at: media.location))
        }
        return nil
    }

    /// `pick`, where the warnings were given already.
    func pick(_ content: [MediaType]) -> (MediaType, OperationDecl.Body.Encoding)? {
        var ignored: [Diagnostic] = []
        return pick(content, warnings: &ignored)
    }

    /// `type: string, format: binary` under a JSON media type: the body's bytes as they are (a
    /// JSON document the schema does not describe), not a JSON string of base64 (`format: byte`).
    func isBinaryString(_ schema: Schema) -> Bool {
        var schema = schema
        if let ref = schema.ref, let target = types.resolvedTarget(ref) { schema = target }
        return schema.singleType == "string" && schema.format == "binary" && schema.enumValues == nil
    }
}
