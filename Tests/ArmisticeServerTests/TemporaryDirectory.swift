import Foundation

/// A new empty directory under the system's temporary directory, for a test's files.
func makeTemporaryDirectory(_ prefix: String = "armistice-test-") -> String {
    let dir = NSTemporaryDirectory() + prefix + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
