/// Runs `body` for each item with at most `concurrency` at once; results in the items' order.
package func concurrently<Item: Sendable, Result: Sendable>(_ items: some Collection<Item>, concurrency: Int,
                                                       _ body: @escaping @Sendable (Item) async throws -> Result) async throws -> [Result] {
    let items = Array(items)
    var results = [Result?](repeating: nil, count: items.count)
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var next = 0
        while next < min(concurrency, items.count) {
            let i = next
            group.addTask { (i, try await body(items[i])) }
            next += 1
        }
        while let (i, result) = try await group.next() {
            results[i] = result
            if next < items.count {
                let j = next
                group.addTask { (j, try await body(items[j])) }
                next += 1
            }
        }
    }
    return results.map { $0! }
}
