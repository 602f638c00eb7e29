internal import CAPIGenYAML
internal import CAPIGenPOSIX

/// Turns YAML (or JSON) bytes into a `YAMLNode` tree with libyaml, the only YAML reader here.
///
/// Marks are converted once, here, from libyaml's 0-based marks to 1-based line and column.
/// Aliases are expanded (bounded, so an alias bomb fails fast) and nesting depth is bounded,
/// so hostile input gives an error instead of exhausting memory or the stack.
public struct YAMLParser: Sendable {
    /// Limits that keep hostile documents cheap to reject.
    public struct Limits: Sendable {
        /// Deepest nesting of sequences and mappings.
        public var maxDepth: Int = 512
        /// Most nodes that aliases may add to the document in total.
        public var maxAliasExpansion: Int = 1_000_000

        public init() {}
    }

    public var limits: Limits
    /// libyaml runs on a second thread while the tree is built (see `EventStream`); tests turn
    /// this off to check that both ways give the same tree and errors.
    var parsesOnSecondThread = true

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses the single document in `bytes`; `file` is used in error messages.
    public func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode {
        let result: Result<YAMLNode, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(buffer: buffer, file: file, limits: limits, threaded: parsesOnSecondThread)
            do throws(YAMLError) {
                return .success(try builder.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the document at `path`.
    public func parseFile(atPath path: String, displayName: String? = nil) throws(YAMLError) -> YAMLNode {
        let name = displayName ?? path
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch {
            throw YAMLError(file: name, mark: .wholeFile, message: error.message)
        }
        return try parse(bytes, file: name)
    }
}

/// Builds the node tree from libyaml's event stream with an explicit stack (no recursion).
private struct TreeBuilder {
    /// An open sequence or mapping; mutated in place at the top of the stack (no copies).
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: String?
        var pendingKeyMark = Mark(line: 0, column: 0)
        /// Keys seen, once the mapping is large enough for a set to beat a linear search.
        var keys: Set<String>?
        var mark: Mark
        var anchor: String?
        var size = 1
        /// The pending key is a plain `<<`: YAML's merge key.
        var pendingIsMerge = false
        /// Values of `<<` keys, merged in when the mapping ends.
        var merges: [(node: YAMLNode, mark: Mark)] = []
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let file: String
    let limits: YAMLParser.Limits
    let threaded: Bool
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasExpansion = 0
    private var root: YAMLNode?
    private var documents = 0

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLParser.Limits, threaded: Bool) {
        self.threaded = threaded
        self.buffer = buffer
        self.file = file
        self.limits = limits
    }

    private func error(_ message: String, at mark: Mark) -> YAMLError {
        YAMLError(file: file, mark: mark, message: message, sourceLine: lineText(in: buffer, line: mark.line))
    }

    private static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// `tag:yaml.org,2002:str`, compared without making a String.
    private static func isStringTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let pointer else { return false }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:str") == 0
    }

    mutating func run() throws(YAMLError) -> YAMLNode {
        guard buffer.count > 0 else {
            throw error("the document is empty", at: Mark(line: 1, column: 1))
        }
        guard let events = EventStream(buffer: buffer, threaded: threaded) else {
            throw error("libyaml could not be initialised", at: Mark(line: 1, column: 1))
        }
        defer { events.close() }
        while true {
            guard let pointer = events.next() else {
                throw parserError(events.state)
            }
            let event = pointer.pointee
            let start = Self.mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { throw error("the document is empty", at: start) }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw error("expected a single document, found another one", at: start)
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = Self.string(s.value, length: Int(s.length))
                let style = s.style
                let quoted = (style != YAML_PLAIN_SCALAR_STYLE && style != YAML_ANY_SCALAR_STYLE) || Self.isStringTag(s.tag)
                let node = YAMLNode(.scalar(YAMLScalar(text: text, isQuoted: quoted)), mark: start)
                try add(node, size: 1, anchor: s.anchor == nil ? nil : Self.string(s.anchor), at: start)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw error("unknown alias '*\(name)'", at: start)
                }
                aliasExpansion += target.size
                if aliasExpansion > limits.maxAliasExpansion {
                    throw error("aliases expand to more than \(limits.maxAliasExpansion) nodes (an alias bomb?)", at: start)
                }
                try add(target.node, size: target.size, anchor: nil, at: start)
            case YAML_SEQUENCE_START_EVENT:
                try push(at: start)
                stack.append(Frame(isMapping: false, mark: start, anchor: Self.string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                try push(at: start)
                stack.append(Frame(isMapping: true, mark: start, anchor: Self.string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { throw error("unbalanced collection end", at: start) }
                let pairs = frame.merges.isEmpty ? frame.pairs : try merged(frame)
                let node = YAMLNode(frame.isMapping ? .mapping(pairs) : .sequence(frame.items), mark: frame.mark)
                try add(node, size: frame.size, anchor: frame.anchor, at: frame.mark)
            default:
                break
            }
        }
    }

    private mutating func push(at mark: Mark) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw error("nesting is deeper than \(limits.maxDepth) levels", at: mark)
        }
        if let top = stack.last, top.isMapping, top.pendingKey == nil {
            throw error("mapping keys must be scalars, found a collection", at: mark)
        }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, at mark: Mark) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, size) }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            if stack[top].pendingIsMerge {
                stack[top].merges.append((node, mark))
                stack[top].pendingIsMerge = false
            } else {
                stack[top].pairs.append(YAMLPair(key: key, keyMark: stack[top].pendingKeyMark, value: node))
            }
            stack[top].pendingKey = nil
            return
        }
        guard case .scalar(let scalar) = node.content else {
            throw error("mapping keys must be scalars", at: mark)
        }
        let key = scalar.text
        if key == "<<" && !scalar.isQuoted {
            stack[top].pendingKey = key
            stack[top].pendingIsMerge = true
            return
        }
        if isDuplicate(key, frame: top) {
            throw error("duplicate key '\(key)'", at: mark)
        }
        stack[top].pendingKey = key
        stack[top].pendingKeyMark = mark
    }

    /// The pairs of a mapping with its merge keys (`<<: *base`, `<<: [*a, *b]`) applied as YAML
    /// 1.1 defines them: the mapping's own keys win, then earlier merged mappings over later ones.
    private func merged(_ frame: Frame) throws(YAMLError) -> [YAMLPair] {
        var pairs = frame.pairs
        var present = Set(pairs.map(\.key))
        for (value, mark) in frame.merges {
            let sources: [YAMLNode]
            switch value.content {
            case .mapping: sources = [value]
            case .sequence(let items): sources = items
            case .scalar: throw error("the merge key '<<' needs a mapping or a list of mappings", at: mark)
            }
            for source in sources {
                guard case .mapping(let more) = source.content else {
                    throw error("the merge key '<<' needs a mapping or a list of mappings", at: source.mark)
                }
                for pair in more where present.insert(pair.key).inserted { pairs.append(pair) }
            }
        }
        return pairs
    }

    /// Linear search for small mappings, a set once a mapping grows (large `paths` or `schemas`).
    private mutating func isDuplicate(_ key: String, frame top: Int) -> Bool {
        if stack[top].keys == nil {
            if stack[top].pairs.count < 16 {
                for pair in stack[top].pairs where pair.key == key { return true }
                return false
            }
            stack[top].keys = Set(stack[top].pairs.map(\.key))
        }
        return !stack[top].keys!.insert(key).inserted
    }

    private func parserError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = Self.cString(parser.problem) ?? "invalid YAML"
        let mark = Self.mark(parser.problem_mark)
        var message = problem
        if let context = Self.cString(parser.context) {
            message = "\(problem) (\(context))"
        }
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a line: find the line and column.
            let offset = Int(parser.problem_offset)
            return error(message, at: Self.markForOffset(offset, in: buffer))
        }
        return error(message, at: mark)
    }

    private static func cString(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func markForOffset(_ offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, buffer.count)
        while index < end {
            if buffer[index] == 10 { line += 1; column = 1 } else if buffer[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return Mark(line: line, column: column)
    }
}
