import Foundation

/// The catalogs embedded in the binary, parsed once.
enum CatalogStore {
    static let entries: [Language: [String: CatalogEntry]] = {
        var result: [Language: [String: CatalogEntry]] = [:]
        result[.en] = (try? parse(PackageResources.en_json)) ?? [:]
        result[.ko] = (try? parse(PackageResources.ko_json)) ?? [:]
        return result
    }()

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses a catalog's JSON: an object of keys to strings or to objects of plural categories to strings.
    static func parse(_ bytes: [UInt8]) throws -> [String: CatalogEntry] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw ParseError(description: "a catalog must be a JSON object")
        }
        var result: [String: CatalogEntry] = [:]
        for (key, value) in object {
            if let text = value as? String {
                result[key] = .text(text)
            } else if let forms = value as? [String: Any] {
                var plural: [PluralCategory: String] = [:]
                for (name, form) in forms {
                    guard let category = PluralCategory(rawValue: name), let text = form as? String else {
                        throw ParseError(description: "\(key): \"\(name)\" is not a plural category with a text")
                    }
                    plural[category] = text
                }
                guard plural[.other] != nil else { throw ParseError(description: "\(key): a plural needs \"other\"") }
                result[key] = .plural(plural)
            } else {
                throw ParseError(description: "\(key): a value must be a string or an object of plural forms")
            }
        }
        return result
    }
}

extension Catalog {
    /// Parses catalog JSON as the embedded catalogs are parsed (for checks and tests).
    public static func parse(json bytes: [UInt8]) throws -> [String: CatalogEntry] {
        try CatalogStore.parse(bytes)
    }
}
