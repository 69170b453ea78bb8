import ArmisticeLocale
import Testing
@testable import ArmisticeTerminal

/// The header gives things up in one order when the line is short (`Renderer.HeaderCut`): a long name shortened, the
/// word ARMISTICE, the date, the name, the word "online", the room code; the team, the turn, the phase and the clock
/// stay, in English and in Korean, with Hangul names and team names.
@Suite struct HeaderOrderTests {
    static func header(_ s: ClientState, _ width: Int = 80) -> String {
        Fixtures.screen(s, width).split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func theTeamThePhaseAndTheClockAlwaysStay() {
        for language in Language.allCases {
            for name in ["Kim", "Alexandra Konstantinopoulou-Smith", "박서연 (3학년 2반 반장)"] {
                for team in ["Republic of Marisol", "대한민국", "지역 수산 중재자 위원회"] {
                    for width in [80, 60, 44] {
                        var s = Fixtures.seated()
                        s.language = language
                        s.you.name = name
                        s.view.teams[0].name = team
                        s.view.date = "1950년 6월 25일"
                        let line = Self.header(s, width)
                        let moment = s.phaseName("negotiation").uppercased() + " 4:00"
                        #expect(line.contains(moment), "\(line)")
                        #expect(line.contains(Renderer.headerTeamName("marisol", s)), "\(line)")
                        #expect(line.contains(language == .ko ? "1/4턴" : "T1/4"), "\(line)")
                        #expect(TerminalText.width(line) <= width)
                        // A name is never cut inside a Hangul syllable's cell: the line holds whole characters.
                        #expect(!line.contains("\u{FFFD}"))
                    }
                }
            }
        }
    }

    @Test func aLongNameIsShortenedBeforeTheWordArmisticeOrTheDateGoes() {
        var s = Fixtures.seated()
        s.language = .ko
        s.you.name = "Alexandra Konstantinopoulou-Smith"
        let line = Self.header(s)
        #expect(line.contains("ARMISTICE R4X95U │ 1/4턴 Season 1 │ 협상 4:00"), "\(line)")
        #expect(line.contains("Alexandra K…·Marisol"), "\(line)")
        // Short of room, the word ARMISTICE goes before the date, the date before the name, the name before the team.
        s.language = .en
        s.view.date = "1950년 6월"
        #expect(Self.header(s).contains(" R4X95U │ T1/4 1950년 6월 │ NEGOTIATION 4:00"), "\(Self.header(s))")
        #expect(!Self.header(s).contains("ARMISTICE"))
        #expect(Self.header(s, 68).contains(" R4X95U │ T1/4 │ NEGOTIATION 4:00"), "\(Self.header(s, 68))")
        #expect(Self.header(s, 68).contains("Alexandra K…·Marisol"), "\(Self.header(s, 68))")
        #expect(Self.header(s, 56).hasSuffix("● online │ Marisol"), "\(Self.header(s, 56))")
        // A short name keeps everything at 80 columns.
        s.you.name = "Kim"
        s.view.date = "Season 1"
        #expect(Self.header(s).hasPrefix(" ARMISTICE R4X95U │ T1/4 Season 1 │ NEGOTIATION 4:00"))
    }

    /// The default instructor name is the role's word in the language the seat was made in (`armistice instructor`
    /// without --name); read in the other language, the header says the word in the reader's ("교사", not "Instructor").
    @Test func anInstructorNamedByTheRoleIsNamedInTheReadersLanguage() {
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s1", name: "Instructor", role: "instructor", team: nil)
        s.language = .ko
        #expect(Self.header(s).hasSuffix("● 연결됨 │ 교사"), "\(Self.header(s))")
        #expect(!Self.header(s).contains("Instructor"))
        s.language = .en
        s.you.name = "교사"
        #expect(Self.header(s).hasSuffix("● online │ Instructor"), "\(Self.header(s))")
        s.you.name = "Ms Lee"
        #expect(Self.header(s).hasSuffix("● online │ Ms Lee (instructor)"), "\(Self.header(s))")
    }
}
