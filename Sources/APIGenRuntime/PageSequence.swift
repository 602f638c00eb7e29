/// Walks every page of a paginated list operation, one request per page, lazily.
///
/// It stops after a page with no items, or once the items seen reach the total count the
/// server reports (when it reports one). A server that ignores the page number cannot make it
/// run forever: a page equal to the one before it throws `APIError.repeatedPage`, and more than
/// `maxPages` pages throw `APIError.limitExceeded(.pages)`.
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    private let firstPage: Int
    private let fetch: @Sendable (Int) async throws -> Page
    private let itemCount: @Sendable (Page) -> Int
    private let totalCount: @Sendable (Page) -> Int?
    private let maxPages: Int

    public init(
        firstPage: Int,
        maxPages: Int = Limits.default.maxPages,
        fetch: @escaping @Sendable (Int) async throws -> Page,
        itemCount: @escaping @Sendable (Page) -> Int,
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil }
    ) {
        self.firstPage = firstPage
        self.maxPages = maxPages
        self.fetch = fetch
        self.itemCount = itemCount
        self.totalCount = totalCount
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var page: Int
        var seen = 0
        var fetched = 0
        var finished = false
        var previous: Page?
        let sequence: PageSequence

        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            guard fetched < sequence.maxPages else {
                finished = true
                throw APIError.limitExceeded(.pages(sequence.maxPages))
            }
            let result = try await sequence.fetch(page)
            fetched += 1
            let count = sequence.itemCount(result)
            if count == 0 {
                finished = true
                return nil
            }
            if let previous, Self.same(previous, result) {
                finished = true
                throw APIError.repeatedPage(page: page)
            }
            previous = result
            seen += count
            page = page == Int.max ? page : page + 1
            if let total = sequence.totalCount(result), seen >= total { finished = true }
            return result
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(page: firstPage, sequence: self)
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
