import ArmisticeEngine
import ArmisticeLocale
import Foundation
import Testing
@testable import ArmisticeTerminal

/// The terminal in Korean at 80×24: the Koreanization scenario's own Korean texts (ViewLocalizer, as the server sends
/// them to a `lang: ko` connection) in a Korean interface. Wide characters take two columns: no line may pass 80.
@Suite struct KoreanRenderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A student of the first team in the negotiation of turn 1, seated, with a chat line and the view in Korean.
    static func koreanStudent() throws -> ClientState {
        let text = try String(contentsOf: root.appendingPathComponent("rulesets/koreanization.yaml"), encoding: .utf8)
        let ruleset = try RulesetLoader.load(text: text, file: "koreanization.yaml")
        let engine = Engine(ruleset: ruleset)
        var state = engine.newGame(seed: 7)
        _ = try engine.apply(.start, to: &state)
        while state.phase != .negotiation { _ = try engine.apply(.advance, to: &state) }
        let team = ruleset.teams[0].id
        let view = ViewLocalizer(engine, language: .ko).view(of: state, for: .team(0))
        let viewJSON = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        let snapshot = """
        {"type":"snapshot","room":"K0R3AN","seq":9,"language":"ko","you":{"seat":"s2","name":"김민준","role":"player","team":"\(team)"},
         "settings":{"ruleset":"koreanization","seed":7,"language":"ko"},"view":\(viewJSON),
         "roster":[{"seat":"s1","name":"이 선생님","role":"instructor","online":true},{"seat":"s2","name":"김민준","role":"player","team":"\(team)","online":true}],
         "chat":[{"seq":5,"t":\(Fixtures.now - 60_000),"seat":"s1","name":"이 선생님","channel":"all","text":"협상을 시작하세요. 남북정상회담을 준비합시다."}],
         "clock":{"phase":"negotiation","turn":1,"paused":false,"remaining":241000,"now":\(Fixtures.now)}}
        """
        var s = ClientState()
        s.language = .ko
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"K0R3AN","seat":"s2","token":"K0R3AN.x","role":"player","team":"\#(team)"}"#, now: Fixtures.now)
        _ = s.apply(message: snapshot, now: Fixtures.now)
        return s
    }

    /// English words of the interface that must not be left on a Korean screen (scenario ids and keys aside).
    static let englishUIWords = ["Board", "Actions", "Draft", "Talk", "Deals", "News", "Results", "Brief", "Budget", "spent",
                                 "left", "LOCKED", "Teams", "Objectives", "online", "connecting", "pane", "move", "choose",
                                 "command", "quit", "cost", "chance", "No orders", "No deals", "No news", "No messages",
                                 "NEGOTIATION", "negotiation", "turn", "Turn", "deal #", "undecided", "waiting", "channel", "write"]

    static func check(_ screen: String, _ what: String) {
        for (i, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(TerminalText.width(String(line)) <= 80, "\(what): line \(i + 1) is \(TerminalText.width(String(line))) columns: \(line)")
        }
        for word in englishUIWords {
            #expect(!screen.contains(word), "\(what): English \"\(word)\" left on the Korean screen:\n\(screen)")
        }
    }

    static func screen(_ s: ClientState) -> String { Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000).text }

    @Test func everyPaneIsKoreanAndFitsIn80Columns() throws {
        var s = try Self.koreanStudent()
        #expect(s.view.title.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "the scenario's title is in Hangul")
        var screens: [String] = []
        for pane in s.panes {
            s.ui.focus = pane
            let text = Self.screen(s)
            Self.check(text, "pane \(pane)")
            screens.append(text)
        }
        let board = screens[0]
        #expect(board.contains("현황") && board.contains("명령안") && board.contains("대화"))
        #expect(board.contains("연결됨"), "the connection state in Korean")
        #expect(board.contains("협상"), "the phase in Korean")
        let dir = Self.root.appendingPathComponent("test-output/terminal")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try screens.joined(separator: "\n\n").write(to: dir.appendingPathComponent("korean-render-80x24.txt"), atomically: true, encoding: .utf8)
    }

    @Test func helpAndQuitDialogsAreKorean() throws {
        var s = try Self.koreanStudent()
        s.ui.modal = .help
        let help = Self.screen(s)
        Self.check(help, "help")
        #expect(help.contains("도움말"))
        s.ui.modal = .confirmQuit
        let quit = Self.screen(s)
        Self.check(quit, "quit")
        #expect(quit.contains("나갈까요"))
    }

    @Test func langCommandSwitchesTheInterfaceAndAsksTheServer() throws {
        var s = try Self.koreanStudent()
        let effects = s.perform(line: "lang en")
        #expect(s.language == .en)
        guard case .send(let message)? = effects.first else { Issue.record("no request: \(effects)"); return }
        #expect(message["type"]?.string == "set_language" && message["lang"]?.string == "en")
        #expect(Self.screen(s).contains("Board"))
        _ = s.perform(line: "lang ko room")
        #expect(s.language == .ko)
        #expect(Self.screen(s).contains("현황"))
    }
}
