import ArgumentParser

/// `armistice serve`: runs the room server. (Filled in by the server issue.)
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the room server.")

    func run() async throws {
        throw ValidationError("the server is not built yet; try `armistice simulate rulesets/koreanization.yaml`")
    }
}
