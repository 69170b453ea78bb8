import Foundation

/// Maps request paths to files under a static root, refusing anything that escapes it.
struct StaticFiles: Sendable {
    /// The directory served at `/`.
    let root: String

    /// The file for `path` and its Content-Type, or nil when there is none (or it is not allowed).
    /// Directories resolve to their `index.html`.
    func resolve(_ path: String) -> (file: String, contentType: String)? {
        let pathOnly = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard pathOnly.hasPrefix("/"), !pathOnly.contains("\0"), !pathOnly.contains("\\") else { return nil }
        var components: [Substring] = []
        for component in pathOnly.split(separator: "/") {
            if component == "." { continue }
            if component == ".." || component.hasPrefix(".") { return nil }  // no traversal, no dotfiles
            components.append(component)
        }
        // Symbolic links are followed only while they stay inside the root: the file served is the resolved one.
        guard let realRoot = Self.realPath(root) else { return nil }
        var file = realRoot
        for component in components { file += "/" + component }
        guard var resolved = Self.realPath(file), Self.isInside(resolved, realRoot) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            guard let index = Self.realPath(resolved + "/index.html"), Self.isInside(index, realRoot),
                  FileManager.default.fileExists(atPath: index, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            resolved = index
        }
        return (resolved, Self.contentType(forFile: resolved))
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The Content-Type for a file name, by extension.
    static func contentType(forFile file: String) -> String {
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "json", "map": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        case "wasm": return "application/wasm"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }
}
