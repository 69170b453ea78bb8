import ArgumentParser

/// The one command-line tool: serves, joins, replays, reports, simulates and checks scenarios.
@main
struct Armistice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "armistice",
        abstract: "A multiplayer classroom wargame server and its tools.",
        subcommands: [ServeCommand.self, JoinCommand.self, PracticeCommand.self, InstructorCommand.self, RulesetCommand.self, SimulateCommand.self,
                      ReplayCommand.self, ReportCommand.self, BenchCommand.self, ReplayBenchCommand.self, LoadtestCommand.self,
                      CampaignCommand.self, TeacherCommand.self, ClusterCommand.self,
                      // Hidden: `armistice check FILE` and the like say to type `armistice ruleset check FILE`.
                      RulesetSlipCommand.Check.self, RulesetSlipCommand.Show.self, RulesetSlipCommand.Case.self]
    )
}
