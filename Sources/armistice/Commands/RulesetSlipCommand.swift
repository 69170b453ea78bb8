import ArgumentParser

/// `armistice check FILE`, `armistice show FILE`, `armistice case FILE`: a natural slip for `armistice ruleset …`.
/// Hidden from the help; each says what to type instead and exits with status 64, as a usage error does.
struct RulesetSlipCommand {
    static func refuse(_ name: String, _ arguments: [String]) throws -> Never {
        let rest = arguments.isEmpty ? "FILE" : arguments.joined(separator: " ")
        Console.error("Error: \"\(name)\" is a subcommand of ruleset: did you mean `armistice ruleset \(name) \(rest)`?")
        throw ExitCode(64)
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Did you mean `armistice ruleset check`?",
                                                        shouldDisplay: false)
        @Argument(parsing: .allUnrecognized) var arguments: [String] = []
        func run() throws { try RulesetSlipCommand.refuse("check", arguments) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Did you mean `armistice ruleset show`?",
                                                        shouldDisplay: false)
        @Argument(parsing: .allUnrecognized) var arguments: [String] = []
        func run() throws { try RulesetSlipCommand.refuse("show", arguments) }
    }

    struct Case: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "case", abstract: "Did you mean `armistice ruleset case`?",
                                                        shouldDisplay: false)
        @Argument(parsing: .allUnrecognized) var arguments: [String] = []
        func run() throws { try RulesetSlipCommand.refuse("case", arguments) }
    }
}
