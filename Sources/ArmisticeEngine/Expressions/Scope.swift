/// The names an expression may use, as declared by the ruleset (and the enclosing action's parameters).
struct Scope {
    enum ParameterKind: Equatable {
        case number
        case team
        case project
    }

    var tracks: [String: Int] = [:]
    var flags: [String: Int] = [:]
    var projects: [String: Int] = [:]
    var projectStatuses: [[String]] = []
    var teams: [String: Int] = [:]
    /// Names that exist but are not values (actions, events), for clearer errors.
    var otherNames: [String: String] = [:]
    var parameters: [String: (index: Int, kind: ParameterKind)] = [:]
    /// Parameters whose declaration has an error already reported: their uses are not reported again.
    var brokenParameters: Set<String> = []

    var allValueNames: [String] {
        Array(tracks.keys) + Array(flags.keys) + Array(projects.keys) + Array(teams.keys) + ["turn", "turns"]
    }
}
