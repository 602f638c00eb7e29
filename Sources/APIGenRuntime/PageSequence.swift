/// Walks every page of a paginated list operation, one request per page, lazily.
///
/// It stops after a page with no items, or once the items seen reach the total count the
/// server reports (when it reports one).
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    private let firstPage: Int
    private let fetch: @Sendable (Int) async throws -> Page
    private let itemCount: @Sendable (Page) -> Int
    private let totalCount: @Sendable (Page) -> Int?

    public init(
        firstPage: Int,
        fetch: @escaping @Sendable (Int) async throws -> Page,
        itemCount: @escaping @Sendable (Page) -> Int,
        totalCount: @escaping @Sendable (Page) -> Int? = { _ in nil }
    ) {
        self.firstPage = firstPage
        self.fetch = fetch
        self.itemCount = itemCount
        self.totalCount = totalCount
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var page: Int
        var seen = 0
        var finished = false
        let sequence: PageSequence

        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            let result = try await sequence.fetch(page)
            let count = sequence.itemCount(result)
            if count == 0 {
                finished = true
                return nil
            }
            seen += count
            page += 1
            if let total = sequence.totalCount(result), seen >= total { finished = true }
            return result
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(page: firstPage, sequence: self)
    }
}
