import ArmisticeLocale
/// What `armistice join` checks before it asks for a team or starts the interface, so that a wrong address or a
/// wrong code is said at once, in words, instead of after a prompt and on a screen that waits for ever.
public enum JoinCheck {
    public enum Room: Sendable, Equatable {
        /// The room exists; its teams (id and name).
        case teams([TeamChoice])
        /// The server refused: the code names no room (`unknown_room`), or another refusal, with its message.
        case refused(code: String, message: String)
        /// Nothing answered at the address.
        case unreachable
        /// Not asked (a `wss://` address: the probe speaks plain HTTP only).
        case unchecked
    }

    public struct TeamChoice: Sendable, Equatable {
        public var id, name: String
        public init(id: String, name: String) { self.id = id; self.name = name }
    }

    /// Asks the server about the room; team names in `language` where the scenario has them.
    public static func room(url: String, code: String, language: Language = .en) async -> Room {
        guard TeamProbe.endpoint(url) != nil else { return .unchecked }
        switch await TeamProbe.lookUp(url: url, code: code, language: language.rawValue) {
        case .teams(let list)?: return .teams(list.map { TeamChoice(id: $0.id, name: $0.name) })
        case .refused(let code, let message)?: return .refused(code: code, message: message)
        case nil: return .unreachable
        }
    }

    /// The team a student meant: its id or its name, in any case, with spaces trimmed; nil when none matches.
    public static func team(_ answer: String, among teams: [TeamChoice]) -> String? {
        let wanted = answer.trimmingSpaces.lowercased()
        guard !wanted.isEmpty else { return nil }
        return teams.first { $0.id.lowercased() == wanted || $0.name.lowercased() == wanted }?.id
    }

    /// The teams as a student reads them: `dprk (DPRK), rok (ROK), …`.
    public static func list(_ teams: [TeamChoice]) -> String { teams.map(entry).joined(separator: ", ") }

    /// The teams one a line, indented, under the catalog's heading: a long name is never cut by the terminal's edge
    /// in the middle of a word.
    public static func lines(_ teams: [TeamChoice], _ t: Catalog) -> String {
        ([t.text("terminal.join.teams")] + teams.map { "  " + entry($0) }).joined(separator: "\n")
    }

    /// One team: `dprk (DPRK)`, or its id alone when the name is the id.
    static func entry(_ team: TeamChoice) -> String { team.name == team.id ? team.id : "\(team.id) (\(team.name))" }

    /// What to say when nothing answered at the address.
    public static func unreachableMessage(url: String, _ t: Catalog = Catalog(language: .en)) -> String {
        let address = TeamProbe.endpoint(url).map { "\($0.0):\($0.1)" } ?? url
        return t.text("terminal.join.unreachable", ["address": address, "url": url])
    }
}
