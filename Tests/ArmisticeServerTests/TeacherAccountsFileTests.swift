import ArmisticeTestSupport
import Foundation
import Logging
import Testing
@testable import ArmisticeServer

/// A damaged `teachers.json` is an error that names the file and says what to do, never "no teachers": the commands
/// do not write over it, `serve` does not start on it, and a running server keeps the accounts it last read.
@Suite struct TeacherAccountsFileTests {
    /// Two teachers, then the file cut 5 bytes short; returns the data folder, the secrets and the damaged bytes.
    private func damaged() throws -> (data: String, secrets: [String], bytes: Data) {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let (_, kim) = try accounts.add(name: "Ms Kim")
        let (_, park) = try accounts.add(name: "Mr Park")
        let path = TeacherAccounts.path(dataDirectory: data)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = whole.dropLast(5)
        try cut.write(to: URL(fileURLWithPath: path))
        return (data, [kim, park], Data(cut))
    }

    @Test func aDamagedFileIsAnErrorNamingItAndNothingWritesOverIt() throws {
        let (data, _, bytes) = try damaged()
        let path = TeacherAccounts.path(dataDirectory: data)
        let accounts = TeacherAccounts(dataDirectory: data)
        let error = try #require(throws: AccountsFileError.self) { try accounts.check() }
        #expect(error.path == path)
        #expect(error.description.contains(path) && error.description.contains("not valid JSON"))
        #expect(error.description.contains("Restore it") && error.description.contains("mv \(path) \(path).damaged"))
        #expect(throws: AccountsFileError.self) { try accounts.accounts() }
        #expect(throws: AccountsFileError.self) { try accounts.add(name: "Mr Lee") }
        #expect(throws: AccountsFileError.self) { try accounts.remove(id: "ms-kim") }
        #expect(throws: AccountsFileError.self) { try accounts.reset(id: "ms-kim") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the file is left as it was")

        // Moved aside, as the message says: no teachers, and a new one can be added.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".damaged")
        #expect(try accounts.accounts().isEmpty)
        _ = try accounts.add(name: "Mr Lee")
        #expect(try accounts.accounts().map(\.id) == ["mr-lee"])
    }

    @Test func anEmptyFileOrAnotherShapeIsDamageToo() throws {
        let data = makeTemporaryDirectory()
        let path = TeacherAccounts.path(dataDirectory: data)
        try Data().write(to: URL(fileURLWithPath: path))
        let empty = try #require(throws: AccountsFileError.self) { try TeacherAccounts(dataDirectory: data).check() }
        #expect(empty.problem == "it is empty")
        try Data(#"{"format":1,"teachers":[{"id":"kim"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        let shape = try #require(throws: AccountsFileError.self) { try TeacherAccounts(dataDirectory: data).check() }
        #expect(shape.problem.contains("not a teacher accounts file") && shape.problem.contains("teachers.[0]"), "\(shape.problem)")
        // No file at all is no teachers (a new server).
        try FileManager.default.removeItem(atPath: path)
        #expect(try TeacherAccounts(dataDirectory: data).accounts().isEmpty)
    }

    @Test func aRunningServerKeepsTheAccountsItLastReadWhenTheFileIsDamaged() throws {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let (_, kim) = try accounts.add(name: "Ms Kim")
        try accounts.check()
        let path = TeacherAccounts.path(dataDirectory: data)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try Data(whole.dropLast(5) + Data("  ".utf8)).write(to: URL(fileURLWithPath: path))   // another size: reread
        #expect(accounts.authenticate(kim)?.id == "ms-kim", "her secret still opens her rooms")
        #expect(accounts.all.map(\.id) == ["ms-kim"])
        #expect(throws: AccountsFileError.self) { try accounts.check() }
        try whole.write(to: URL(fileURLWithPath: path))
        try accounts.check()
    }

    @Test func serveDoesNotStartOnADamagedFile() throws {
        let (data, _, _) = try damaged()
        let configuration = LiveServer.configuration(data: data)
        let error = try #require(throws: AccountsFileError.self) { _ = try RoomServer(configuration: configuration, logger: Logger(label: "test")) }
        #expect(error.path == TeacherAccounts.path(dataDirectory: data))
    }

    /// `armistice teacher …` as the operator types it.
    private func teacher(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        let run = try await ChildProcess.run(ServerProcess.binary, ["teacher"] + arguments)
        return (run.status, run.out, run.err)
    }

    @Test(.timeLimit(.minutes(1))) func theTeacherCommandsRefuseADamagedFile() async throws {
        let (data, _, bytes) = try damaged()
        let path = TeacherAccounts.path(dataDirectory: data)
        let list = try await teacher(["list", "--data", data])
        #expect(list.status == 1 && !list.out.contains("no teachers yet"))
        #expect(list.err.contains(path) && list.err.contains("not valid JSON") && list.err.contains("Restore it"), "\(list.err)")
        for arguments in [["add", "Mr Lee"], ["remove", "ms-kim"], ["reset", "ms-kim"]] {
            let run = try await teacher(arguments + ["--data", data])
            #expect(run.status == 1 && run.err.contains(path) && !run.out.contains("secret"), "\(arguments): \(run.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }
}
