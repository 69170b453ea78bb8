import ArmisticeLocale
import Foundation
import Testing

/// Korean particles fitted to the word before them, checked against the cases the browser's catalog.js is checked
/// against too (tests/web/test_particles.py), so the server and the browser follow the same rules.
@Suite struct JosaCasesTests {
    struct Case: Decodable { var text: String; var expected: String }
    struct Cases: Decodable { var cases: [Case] }

    static func cases() throws -> [Case] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/locale/particle-cases.json"))
        return try JSONDecoder().decode(Cases.self, from: data).cases
    }

    @Test func everySharedCaseResolvesAsTheBrowserResolvesIt() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 30)
        for c in cases {
            #expect(Josa.resolvingParticles(c.text) == c.expected, "\(c.text)")
        }
    }

    /// Codes and capitals are read letter by letter (UN: 유엔, 엔 → 은), a gloss in parentheses is passed over, and only
    /// an English word in small letters keeps both forms.
    @Test func capitalsAndParenthesesDecideAndSmallLettersCannot() throws {
        let texts = try Self.cases().map(\.text)
        #expect(texts.contains("UN은(는)") && texts.contains("국제원자력기구(IAEA)와(과)") && texts.contains("Jordan을(를)"))
        #expect(Josa.final(of: "Jordan") == nil)
        #expect(Josa.final(of: "UN")! == (consonant: true, rieul: false))
        #expect(Josa.final(of: "URL")! == (consonant: true, rieul: true))
        #expect(Josa.final(of: "4TZUMU")! == (consonant: false, rieul: false))
    }

    /// A team name ending in a Hangul parenthesis ("아르본 (상류)") is read to its end, so two such names with the same
    /// last word take the same particle; a gloss or unit glued to the word ("(IAEA)", "인구(백만 명)") is still passed over.
    @Test func aHangulParenthesisAtTheEndOfANameDecidesTheParticle() {
        #expect(Josa.resolvingParticles("아르본 (상류)와(과)") == "아르본 (상류)와")
        #expect(Josa.resolvingParticles("베레니 (하류)와(과)") == "베레니 (하류)와")
        #expect(Josa.resolvingParticles("칼리스 (삼각주)이(가)") == "칼리스 (삼각주)가")
        #expect(Josa.resolvingParticles("국제원자력기구(IAEA)을(를)") == "국제원자력기구(IAEA)를")
        #expect(Josa.resolvingParticles("봇(greedy)이(가)") == "봇(greedy)이")
        #expect(Josa.resolvingParticles("인구(백만 명)이(가)") == "인구(백만 명)가")
    }
}
