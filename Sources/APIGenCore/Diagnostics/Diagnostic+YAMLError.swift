import APIGenYAML

extension Diagnostic {
    /// A YAML syntax or limit error, located, with the source line and a caret under the column.
    init(_ error: YAMLError) {
        self.init(.error, error.message, at: SourceLocation(file: error.file, mark: error.mark),
                  detail: YAMLError.snippet(line: error.sourceLine, column: error.mark.column))
    }
}
