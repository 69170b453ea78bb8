import ArmisticeLocale
/// What `armistice join` checks before it asks for a team or starts the interface, so that a wrong address or a
/// wrong code is said at once, in words, instead of after a prompt and on a screen that waits for ever.
public enum JoinCheck {
    public enum Room: Sendable, Equatable {
        /// The room exists; its teams (id and name).
        case teams([TeamChoice])
        /// The server refused: the code names no room (`unknown_room`), or another refusal, with its message.
        case refused(code: String, message: String)
        /// The room exists, but the instructor has closed it to new students: a new seat would be refused.
        case closed
        /// Nothing answered at the address.
        case unreachable
        /// Not asked (a `wss://` address: the probe speaks plain HTTP only).
        case unchecked
    }

    public struct TeamChoice: Sendable, Equatable {
        /// The id, and the name in the reader's language.
        public var id, name: String
        /// Every name the room gives the team, in each of its languages (`DPRK (North Korea)`, `북한`).
        public var names: [String]
        public init(id: String, name: String, names: [String] = []) {
            self.id = id
            self.name = name
            self.names = names.contains(name) ? names : [name] + names
        }
    }

    /// Asks the server about the room; team names in `language` where the scenario has them.
    public static func room(url: String, code: String, language: Language = .en) async -> Room {
        guard TeamProbe.endpoint(url) != nil else { return .unchecked }
        switch await TeamProbe.lookUp(url: url, code: code, language: language.rawValue) {
        case .teams(let list)?: return .teams(list)
        case .refused(let code, let message)?: return .refused(code: code, message: message)
        case .closed?: return .closed
        case nil: return .unreachable
        }
    }

    /// The team a student meant: its id or one of its names in any language (`North Korea` or `북한` as well as
    /// `dprk`), in any case and spacing; a name's part before or inside brackets (`DPRK (North Korea)`) counts when
    /// no other team has it. Nil when none matches.
    public static func team(_ answer: String, among teams: [TeamChoice]) -> String? {
        let wanted = folded(answer)
        guard !wanted.isEmpty else { return nil }
        if let whole = teams.first(where: { folded($0.id) == wanted || $0.names.contains { folded($0) == wanted } }) { return whole.id }
        let partly = teams.filter { $0.names.contains { parts($0).contains(wanted) } }
        return partly.count == 1 ? partly[0].id : nil
    }

    /// Lower case, with runs of spaces as one: how a typed team is compared.
    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A name's parts outside and inside brackets, folded: `DPRK (North Korea)` → `dprk`, `north korea`.
    static func parts(_ name: String) -> [String] {
        name.split(whereSeparator: { "()[]".contains($0) }).map { folded(String($0)) }.filter { !$0.isEmpty }
    }

    /// The teams as a student reads them, for a sentence: `dprk — DPRK (North Korea); rok — ROK (South Korea); …`.
    public static func list(_ teams: [TeamChoice]) -> String { teams.map(entry).joined(separator: "; ") }

    /// The teams one a line, indented, under the catalog's heading: a long name is never cut by the terminal's edge
    /// in the middle of a word.
    public static func lines(_ teams: [TeamChoice], _ t: Catalog) -> String {
        ([t.text("terminal.join.teams")] + teams.map { "  " + entry($0) }).joined(separator: "\n")
    }

    /// One team: `dprk — DPRK (North Korea)` (a name may have brackets of its own), or its id alone when the name is
    /// the id.
    static func entry(_ team: TeamChoice) -> String { team.name == team.id ? team.id : "\(team.id) — \(team.name)" }

    /// What to say when nothing answered at the address.
    public static func unreachableMessage(url: String, _ t: Catalog = Catalog(language: .en)) -> String {
        let address = TeamProbe.endpoint(url).map { "\($0.0):\($0.1)" } ?? url
        return t.text("terminal.join.unreachable", ["address": address, "url": url])
    }
}
