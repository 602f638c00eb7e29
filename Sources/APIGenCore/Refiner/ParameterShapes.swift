/// The refiner's parameter step: each parameter's shape (a value, an array, an object, or JSON
/// text), which decides how the client writes it and the server reads it. A type may name an
/// alias or a declaration anywhere in the module, so this needs every type at once.
enum ParameterShapes {
    static func apply(_ operations: inout [OperationDecl], _ index: DeclarationIndex) {
        for i in operations.indices {
            for j in operations[i].parameters.indices {
                operations[i].parameters[j].shape = shape(operations[i].parameters[j], index)
            }
        }
    }

    static func shape(_ parameter: OperationDecl.Parameter, _ index: DeclarationIndex) -> OperationDecl.Parameter.Shape {
        if parameter.isJSON { return .json }
        let resolved = index.resolved(parameter.type).unwrapped
        switch resolved {
        case .builtin(let b): return b == .jsonValue ? .json : .primitive
        // Items that may be null have no text in the styles: such arrays go as JSON.
        case .array(let element): return isScalar(element, index) ? .array : .json
        case .dictionary(let value): return isScalar(value, index) ? .object : .json
        case .named(let path):
            switch index.declaration(at: path) {
            case .enumeration?: return .primitive
            case .structure?: return .object
            default: return .json
            }
        case .optional: return .json
        }
    }

    private static func isScalar(_ type: TypeUsage, _ index: DeclarationIndex) -> Bool {
        switch index.resolved(type) {
        case .builtin(let b): b != .jsonValue
        case .named(let path): if case .enumeration? = index.declaration(at: path) { true } else { false }
        default: false
        }
    }
}
