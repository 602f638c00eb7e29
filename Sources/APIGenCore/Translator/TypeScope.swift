/// The declaration being built and the nested types it collects.
struct TypeScope {
    /// Path of the enclosing type (`["Meeting", "RecordingConfig"]`); empty at top level.
    var path: [String]
    var nested: [Declaration] = []
    var names: NameScope

    init(path: [String], reserved: Set<String>) {
        self.path = path
        self.names = NameScope(reserved: reserved)
    }
}
