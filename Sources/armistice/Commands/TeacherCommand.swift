import ArgumentParser
import ArmisticeLocale
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
        @Option(help: "The messages' language: ko or en (default: from LC_ALL, LC_MESSAGES or LANG).") var lang: String?
        var accounts: TeacherAccounts { TeacherAccounts(dataDirectory: data) }
        /// The messages, in `--lang` or the environment's language, as `join` and `instructor` decide it.
        var t: Catalog { Catalog(language: Prompt.language(lang)) }

        func validate() throws { try Prompt.checkLanguage(lang) }

        /// Runs a change to the accounts; an unknown id, or an accounts file that cannot be read (never written over),
        /// is said on standard error, with exit status 1.
        func change<T>(_ body: (TeacherAccounts) throws -> T) throws -> T {
            do { return try body(accounts) } catch let error as AccountError {
                try fail(error.description)
            } catch let error as AccountsFileError {
                Console.error(t.language == .en ? error.description
                              : Josa.resolvingParticles(t.text("teacher.cli.damaged", ["path": error.path, "problem": error.problem]), in: t.language))
                throw ExitCode(1)
            }
        }

        /// Says why an account could not be changed, where the accounts are and how to list them; exit status 1.
        func fail(_ problem: String) throws -> Never {
            Console.error(t.text("teacher.cli.failed", ["problem": problem, "path": TeacherAccounts.path(dataDirectory: data), "data": data]))
            throw ExitCode(1)
        }

        /// The account with this id, or a stop naming the id in the reader's language (`teacher remove`, `reset`).
        func existing(_ id: String) throws {
            let all = try change { try $0.accounts() }
            if !all.contains(where: { $0.id == id }) { try fail(t.text("teacher.cli.no_teacher", ["id": id])) }
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
            let t = options.t
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 80 else { throw ValidationError(t.text("teacher.cli.bad_name")) }
            if let id, !TeacherAccounts.isValidID(id) { throw ValidationError(t.text("teacher.cli.bad_id", ["id": id])) }
        }

        func run() async throws {
            let t = options.t
            if let id, let holder = try options.change({ try $0.accounts() }).first(where: { $0.id == id }) {
                try options.fail(t.text("teacher.cli.id_taken", ["name": holder.name, "id": id]))
            }
            let (account, secret) = try options.change { try $0.add(name: name, id: id) }
            print(t.text("teacher.cli.added", ["id": account.id, "name": account.name]))
            // Two teachers may share a name, but a teacher who lost her secret wants `reset`, not a second account.
            let namesakes = ((try? options.accounts.accounts()) ?? []).filter { $0.id != account.id && $0.name == account.name }
            for other in namesakes {
                Console.error(Josa.resolvingParticles(t.text("teacher.cli.namesake", ["other": other.id, "name": other.name, "id": account.id]), in: t.language))
            }
            print(Josa.resolvingParticles(t.text("teacher.cli.secret_new", ["secret": secret, "name": account.name, "id": account.id]), in: t.language))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the teachers (ids, names, when added; never secrets).")
        @OptionGroup var options: DataOption

        func run() async throws {
            let all = try options.change { try $0.accounts() }
            if all.isEmpty { print(options.t.text("teacher.cli.none", ["data": options.data])); return }
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
            try options.existing(id)
            let account = try options.change { try $0.remove(id: id) }
            print(options.t.text("teacher.cli.removed", ["id": account.id, "name": account.name]))
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a teacher a new secret (the old one stops working) and print it once.")
        @Argument(help: "The teacher's id (see `teacher list`).") var id: String
        @OptionGroup var options: DataOption

        func run() async throws {
            try options.existing(id)
            let secret = try options.change { try $0.reset(id: id) }
            print(options.t.text("teacher.cli.secret_reset", ["secret": secret]))
        }
    }
}
