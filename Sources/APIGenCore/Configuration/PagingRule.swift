import APIGenYAML

/// `paging:` in `apigen.yaml`: how one operation pages, where the document's names do not say.
///
/// ```yaml
/// paging:
///   listJobs:                  # operationId, or "METHOD /path"
///     style: offset            # page, offset, cursor or link
///     parameter: start         # the query parameter or body property the position goes in
///     items: jobs              # the item array in the response (wire names, dotted)
///     total: meta.total_entries
///     next: meta.next_cursor   # cursor and link: where a page names the next one
///   "GET /audit": none         # no pager, whatever the names suggest
/// ```
/// A key left out is found as it is without configuration.
public struct PagingRule: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable, CaseIterable {
        case page, offset, cursor, link
    }

    /// Nil: `none`, the operation gets no pager.
    public var style: Style?
    public var parameter: String?
    public var items: [String]?
    public var total: [String]?
    public var next: [String]?
    public var location: SourceLocation

    static let keys = ["style", "parameter", "items", "total", "next"]
}

extension Configuration {
    static func readPaging(_ node: YAMLNode, into config: inout Configuration, _ context: ReaderContext) {
        guard let entries = context.mapping(node, "paging") else { return }
        for entry in entries {
            let location = context.location(entry.keyMark)
            config.overrideLocations["paging." + entry.key] = location
            if entry.value.scalar?.text == "none" {
                config.pagingRules[entry.key] = PagingRule(style: nil, location: location)
                continue
            }
            if let text = entry.value.scalar?.text {
                context.error("paging.\(entry.key) must be 'none' or a rule ({style: page, …}), found '\(text)'", at: entry.value)
                continue
            }
            guard let pairs = context.mapping(entry.value, "paging.\(entry.key)") else { continue }
            var rule = PagingRule(style: nil, location: location)
            var hasStyle = false
            for pair in pairs {
                let path = { context.string(pair.value, pair.key).map { $0.split(separator: ".").map(String.init) } }
                switch pair.key {
                case "style":
                    hasStyle = true
                    guard let text = context.string(pair.value, "style") else { continue }
                    guard let style = PagingRule.Style(rawValue: text) else {
                        context.error("style must be page, offset, cursor or link, found '\(text)'", at: pair.value)
                        continue
                    }
                    rule.style = style
                case "parameter": rule.parameter = context.string(pair.value, "parameter")
                case "items": rule.items = path()
                case "total": rule.total = path()
                case "next": rule.next = path()
                default:
                    context.diagnostics.error("unknown key '\(pair.key)' (known keys: \(PagingRule.keys.joined(separator: ", ")))", at: context.location(pair.keyMark))
                }
            }
            guard hasStyle else {
                context.diagnostics.error("paging.\(entry.key) needs a style: page, offset, cursor or link (or is 'none')", at: location)
                continue
            }
            if rule.style == .link, rule.parameter != nil {
                context.diagnostics.error("a link names the next page itself: paging.\(entry.key) takes no parameter", at: location)
            }
            config.pagingRules[entry.key] = rule
        }
    }
}
