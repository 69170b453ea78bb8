import ArmisticeTestSupport
import Testing
@testable import ArmisticeServer

/// A teacher's id is what colleagues type to share a match: Korean names get readable, distinct ids (not "teacher",
/// "teacher-2"), and the admin may choose one (`teacher add NAME --id ID`).
@Suite struct TeacherIDTests {
    @Test func koreanNamesGetTheirRomanizedSpellingNotTeacherN() throws {
        let accounts = TeacherAccounts(dataDirectory: makeTemporaryDirectory())
        let (kim, _) = try accounts.add(name: "김선생")
        let (lee, _) = try accounts.add(name: "이선생")
        let (park, _) = try accounts.add(name: "박지우 선생님")
        let (ryu, _) = try accounts.add(name: "류한결")
        #expect(kim.id == "gimseonsaeng")
        #expect(lee.id == "iseonsaeng")
        #expect(park.id == "bakjiu-seonsaengnim")
        #expect(ryu.id == "ryuhangyeol")
        let (again, _) = try accounts.add(name: "김선생")
        #expect(again.id == "gimseonsaeng-2")
        let (english, _) = try accounts.add(name: "Ms. Kim Ji-woo")
        #expect(english.id == "ms-kim-ji-woo")
        let (symbols, _) = try accounts.add(name: "★★")
        #expect(symbols.id == "teacher")
    }

    @Test func theAdminMayChooseAnIdButNotATakenOrMalformedOne() throws {
        let accounts = TeacherAccounts(dataDirectory: makeTemporaryDirectory())
        let (kim, _) = try accounts.add(name: "김지우", id: "kim-jiwoo")
        #expect(kim.id == "kim-jiwoo" && kim.name == "김지우")
        #expect(throws: AccountError.self) { try accounts.add(name: "김지우", id: "kim-jiwoo") }
        for bad in ["", "Kim", "kim jiwoo", "-kim", "kim-", "김", String(repeating: "a", count: 33)] {
            #expect(!TeacherAccounts.isValidID(bad), "\(bad)")
            #expect(throws: AccountError.self) { try accounts.add(name: "Someone", id: bad) }
        }
        #expect(try accounts.accounts().map(\.id) == ["kim-jiwoo"])
    }
}
