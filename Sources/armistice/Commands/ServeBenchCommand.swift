import ArgumentParser

/// `armistice serve bench`: load figures for the room server (filled in below).
struct ServeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure the room server under load.")
    func run() async throws { print("not yet") }
}
