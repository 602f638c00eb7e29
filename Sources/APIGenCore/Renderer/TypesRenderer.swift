/// Prints every generated type, dispatching each declaration to its renderer.
struct TypesRenderer: Sendable {
    let options: RenderOptions
    let index: TypeIndex

    func render(_ decl: Declaration, parent: [String], into p: inout CodePrinter) {
        let path = parent + [decl.name]
        let nested: (Declaration, [String], inout CodePrinter) -> Void = { d, parentPath, printer in
            render(d, parent: parentPath, into: &printer)
        }
        switch decl {
        case .structure(let s):
            StructRenderer(options: options, index: index, renderNested: nested).render(s, path: path, into: &p)
        case .enumeration(let e):
            EnumRenderer(options: options).render(e, path: path, into: &p)
        case .oneOf(let o):
            OneOfRenderer(options: options, index: index, renderNested: nested).render(o, path: path, into: &p)
        case .alias(let a):
            p.docs(a.docs)
            p.line("\(options.access) typealias \(a.name) = \(options.spell(a.target))")
        }
    }
}
