import ArgumentParser
import ArmisticeServer
import Foundation

/// `armistice teacher`: the instructor accounts of a server's data folder. Each teacher's secret is printed once,
/// when it is made; only a salted hash of it is kept (`DATA/teachers.json`). A running server sees changes at once.
struct TeacherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teacher",
        abstract: "Manage the instructor accounts: each teacher signs in with their own secret and sees only their own rooms.",
        subcommands: [Add.self, List.self, Remove.self, Reset.self])

    struct DataOption: ParsableArguments {
        @Option(help: "The server's data folder.") var data = "./data"
        var accounts: TeacherAccounts { TeacherAccounts(dataDirectory: data) }

        /// Runs a change to the accounts; an unknown id, or an accounts file that cannot be read (never written over),
        /// is said on standard error, with exit status 1.
        func change<T>(_ body: (TeacherAccounts) throws -> T) throws -> T {
            do { return try body(accounts) } catch let error as AccountError {
                Console.error("\(error.description) in \(TeacherAccounts.path(dataDirectory: data)) (see `armistice teacher list --data \(data)`)")
                throw ExitCode(1)
            } catch let error as AccountsFileError {
                Console.error(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a teacher and print their secret (shown only this once).")
        @Argument(help: "The teacher's name, e.g. \"Ms Kim\".") var name: String
        @Option(help: ArgumentHelp("The teacher's id (a-z, 0-9, dashes; at most 32), as other teachers will type it to share a match.",
                                   discussion: "Without it, the id is made from the name: \"Ms Kim\" → ms-kim, 김지우 → gimjiu.",
                                   valueName: "id"))
        var id: String?
        @OptionGroup var options: DataOption

        func validate() throws {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 80 else { throw ValidationError("give a name of 1 to 80 characters") }
            if let id, !TeacherAccounts.isValidID(id) {
                throw ValidationError("an id is 1 to 32 lower-case letters (a-z), digits and dashes, e.g. kim-jiwoo; \"\(id)\" is not")
            }
        }

        func run() async throws {
            let (account, secret) = try options.change { try $0.add(name: name, id: id) }
            print("teacher \(account.id) (\(account.name)) added")
            // Two teachers may share a name, but a teacher who lost her secret wants `reset`, not a second account.
            let namesakes = ((try? options.accounts.accounts()) ?? []).filter { $0.id != account.id && $0.name == account.name }
            for other in namesakes {
                Console.error("note: teacher \(other.id) is also named \(other.name); if that is the same person, who lost "
                              + "the secret, remove this account (armistice teacher remove \(account.id)) and give a new secret "
                              + "to the old one instead (armistice teacher reset \(other.id)): its rooms stay with it")
            }
            print("secret: \(secret)  (shown only this once: give it to \(account.name); `armistice teacher reset \(account.id)` makes a new one)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the teachers (ids, names, when added; never secrets).")
        @OptionGroup var options: DataOption

        func run() async throws {
            let all = try options.change { try $0.accounts() }
            if all.isEmpty { print("no teachers yet: armistice teacher add NAME --data \(options.data)"); return }
            let format = ISO8601DateFormatter()
            for account in all {
                print("\(account.id)\t\(account.name)\t\(format.string(from: Date(timeIntervalSince1970: Double(account.created) / 1000)))")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a teacher: their secret stops working; their matches stay (the admin key sees them).")
        @Argument(help: "The teacher's id (see `teacher list`).") var id: String
        @OptionGroup var options: DataOption

        func run() async throws {
            let account = try options.change { try $0.remove(id: id) }
            print("teacher \(account.id) (\(account.name)) removed")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a teacher a new secret (the old one stops working) and print it once.")
        @Argument(help: "The teacher's id (see `teacher list`).") var id: String
        @OptionGroup var options: DataOption

        func run() async throws {
            let secret = try options.change { try $0.reset(id: id) }
            print("secret: \(secret)  (shown only this once)")
        }
    }
}
