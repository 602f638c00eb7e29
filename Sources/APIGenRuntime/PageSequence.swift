/// Walks every page of a paginated list operation, one request per page, lazily; `items`
/// walks the items of those pages.
///
/// What the next request asks for depends on how the API pages (a page number, an offset, a
/// cursor or a link to the next page); each has its own initializer. The walk stops when there
/// is no next position, after a page with no items (page numbers and offsets), or once the items
/// seen reach the total count the server reports (when it reports one). A server that ignores
/// the position cannot make it run forever: a page equal to the one before it throws
/// `APIError.repeatedPage`, and more than `maxPages` pages throw `APIError.limitExceeded(.pages)`.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    /// One request of the walk, and how to make the one after it.
    struct Step: Sendable {
        let fetch: @Sendable () async throws -> (page: Page, next: @Sendable (_ itemCount: Int) -> Step?)
    }

    private let first: Step
    private let maxPages: Int
    private let endsAtEmptyPage: Bool
    fileprivate let pageItems: @Sendable (Page) -> [Item]
    private let totalCount: @Sendable (Page) -> Int?

    /// The general walk: `next` reads the position after a page (given its items' count), or
    /// nil when that page was the last.
    public init<Position: Sendable>(
        startingAt start: Position,
        maxPages: Int = Limits.default.maxPages,
        endsAtEmptyPage: Bool,
        fetch: @escaping @Sendable (Position) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil },
        next: @escaping @Sendable (_ page: Page, _ position: Position, _ itemCount: Int) -> Position?
    ) {
        @Sendable func step(_ position: Position) -> Step {
            Step {
                let page = try await fetch(position)
                return (page, { count in next(page, position, count).map(step) })
            }
        }
        self.first = step(start)
        self.maxPages = maxPages
        self.endsAtEmptyPage = endsAtEmptyPage
        self.pageItems = items
        self.totalCount = totalCount
    }

    /// Pages numbered `firstPage`, `firstPage + 1`, … up to the number of pages the server
    /// reports (`pageCount`), when it reports one.
    public init(
        firstPage: Int,
        maxPages: Int = Limits.default.maxPages,
        fetch: @escaping @Sendable (Int) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil },
        pageCount: @escaping @Sendable (Page) -> Int? = { _ in nil }
    ) {
        self.init(startingAt: firstPage, maxPages: maxPages, endsAtEmptyPage: true, fetch: fetch, items: items,
                  totalCount: totalCount) { result, page, _ in
            if let last = pageCount(result), page >= last { return nil }
            return page == Int.max ? nil : page + 1
        }
    }

    /// Pages that start at an item offset: each one after the items of the pages before it.
    public init(
        firstOffset: Int,
        maxPages: Int = Limits.default.maxPages,
        fetch: @escaping @Sendable (Int) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil }
    ) {
        self.init(startingAt: firstOffset, maxPages: maxPages, endsAtEmptyPage: true, fetch: fetch, items: items,
                  totalCount: totalCount) { _, offset, count in
            let (next, overflow) = offset.addingReportingOverflow(count)
            return overflow ? nil : next
        }
    }

    /// Pages that each name the one after them by an opaque cursor (`nil`: the first page); a
    /// page without a cursor (or with an empty one) is the last.
    public init(
        cursor: String?,
        maxPages: Int = Limits.default.maxPages,
        fetch: @escaping @Sendable (String?) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil },
        nextCursor: @escaping @Sendable (Page) -> String?
    ) {
        self.init(startingAt: cursor, maxPages: maxPages, endsAtEmptyPage: false, fetch: fetch, items: items,
                  totalCount: totalCount) { page, _, _ in
            nextCursor(page).flatMap { $0.isEmpty ? nil : Optional($0) }
        }
    }

    /// Pages that each link to the one after them (`next`, `next_page_uri`). The link is never
    /// requested as such: `fetch` gets its query (`PageLink`), to read the operation's own
    /// parameters from, so every request goes to the client's server with its checked arguments,
    /// whatever host a link names.
    public init(
        link: PageLink?,
        maxPages: Int = Limits.default.maxPages,
        fetch: @escaping @Sendable (PageLink?) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil },
        nextLink: @escaping @Sendable (Page) -> String?
    ) {
        self.init(startingAt: link, maxPages: maxPages, endsAtEmptyPage: false, fetch: fetch, items: items,
                  totalCount: totalCount) { page, _, _ in nextLink(page).flatMap(PageLink.init) }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var pending: Step?
        var seen = 0
        var fetched = 0
        var previous: Page?
        let sequence: PageSequence

        public mutating func next() async throws -> Page? {
            guard let step = pending else { return nil }
            pending = nil
            guard fetched < sequence.maxPages else {
                throw APIError.limitExceeded(.pages(sequence.maxPages))
            }
            let (page, after) = try await step.fetch()
            fetched += 1
            let count = sequence.pageItems(page).count
            if count == 0, sequence.endsAtEmptyPage { return nil }
            if let previous, Self.same(previous, page) {
                throw APIError.repeatedPage(page: fetched)
            }
            previous = page
            seen += count
            if let total = sequence.totalCount(page), seen >= total { return page }
            pending = after(count)
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pending: first, sequence: self)
    }

    /// The items of every page, in order, fetched a page at a time.
    public var items: Items { Items(pages: self) }

    public struct Items: AsyncSequence, Sendable {
        public typealias Element = Item
        let pages: PageSequence

        public struct AsyncIterator: AsyncIteratorProtocol {
            var pages: PageSequence.AsyncIterator
            var buffered: IndexingIterator<[Item]>?

            public mutating func next() async throws -> Item? {
                while true {
                    if let item = buffered?.next() { return item }
                    guard let page = try await pages.next() else { return nil }
                    buffered = pages.sequence.pageItems(page).makeIterator()
                }
            }
        }

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(pages: pages.makeAsyncIterator())
        }
    }
}

extension PageSequence.AsyncIterator {
    /// Pages are generated models, and so `Equatable`; any other page type is never "the same".
    static func same(_ a: Page, _ b: Page) -> Bool {
        guard let a = a as? any Equatable else { return false }
        return isEqual(a, b)
    }

    private static func isEqual<T: Equatable>(_ a: T, _ b: Any) -> Bool {
        (b as? T).map { $0 == a } ?? false
    }
}
