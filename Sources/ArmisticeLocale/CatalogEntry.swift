/// One message of a catalog: a plain text, or a text per plural category.
public enum CatalogEntry: Sendable, Hashable {
    case text(String)
    case plural([PluralCategory: String])
}
