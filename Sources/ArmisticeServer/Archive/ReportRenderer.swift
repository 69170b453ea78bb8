import ArmisticeLocale

/// How the server turns a finished match's log into the after-action report and the replay viewer's JSON, the way
/// `armistice report` does. Given by the `armistice` tool (which links the report module); the server module itself
/// does not depend on it.
public struct ReportRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// The self-contained HTML page (`armistice report LOG`).
        case html
        /// The replay viewer's JSON (`armistice report LOG --format json`).
        case replayJSON
    }

    /// Renders a log (its path) in a format; `viewer` is the replay viewer's address for the page's links to moments;
    /// `language` is the texts' language (nil: the room's, as the log's header has it).
    public var render: @Sendable (_ logPath: String, _ format: Format, _ viewer: String, _ language: Language?) throws -> String

    public init(render: @escaping @Sendable (_ logPath: String, _ format: Format, _ viewer: String, _ language: Language?) throws -> String) {
        self.render = render
    }
}
