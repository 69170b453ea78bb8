import Foundation

/// C memory that libwebsockets keeps raw pointers into: protocol tables, names, paths, the retry
/// policy. lws does not copy these, so they must outlive the context.
///
/// Safety rule for `@unchecked Sendable`: filled by the thread that creates the context before
/// `lws_create_context`, freed exactly once after `lws_context_destroy` (or a failed create),
/// and never touched in between.
final class CAllocations: @unchecked Sendable {
    private var pointers: [UnsafeMutableRawPointer] = []

    /// A NUL-terminated copy of `string`.
    func string(_ string: String) -> UnsafePointer<CChar> {
        let copy = strdup(string)!
        pointers.append(UnsafeMutableRawPointer(copy))
        return UnsafePointer(copy)
    }

    /// `count` zero-filled values of `type`.
    func zeroed<T>(_ type: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
        let raw = calloc(max(1, count), MemoryLayout<T>.stride)!
        pointers.append(raw)
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// Frees everything. Idempotent.
    func freeAll() {
        for pointer in pointers { free(pointer) }
        pointers.removeAll()
    }
}
