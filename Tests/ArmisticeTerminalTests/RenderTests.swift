import Foundation
import Testing
@testable import ArmisticeTerminal

@Suite struct RenderTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    @Test func studentScreenAt80x24() {
        let text = Self.screen(Fixtures.seated())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        for line in lines { #expect(TerminalText.width(String(line)) <= 80) }
        #expect(lines[0].contains("ARMISTICE R4X95U"))
        #expect(lines[0].contains("T1/4 Season 1"))
        #expect(lines[0].contains("NEGOTIATION 4:00"))
        #expect(lines[0].contains("online"))
        #expect(lines[1].contains("1 Board") && lines[1].contains("2 Actions") && lines[1].contains("5 Deals(1)"))
        #expect(text.contains("Friction at sea"))
        #expect(text.contains("2 Shadowing"))
        #expect(text.contains("███"))
        #expect(text.contains("◆ Coral Strait fishing accord: draft"))
        #expect(text.contains("(2\u{00A0}of\u{00A0}4)"))
        #expect(text.contains("Budget 3 · spent 1 · left 2"))
        #expect(text.contains("1. Fish hard (1)"))
        #expect(text.contains("Naval patrol"))
        #expect(text.contains("✗ Seize a trawler"))
        #expect(lines[23].contains("? help"))
    }

    @Test func theSelectedUnavailableActionSaysWhy() {
        var s = Fixtures.seated()
        s.focus(.actions)
        _ = s.handle(key: .down)
        _ = s.handle(key: .down)
        #expect(Self.screen(s).contains("✗ Not now: needs friction"))
    }

    @Test func otherPanesAt80x24() {
        var s = Fixtures.seated()
        s.focus(.talk)
        #expect(Self.screen(s).contains("Ari: Hello, neighbours"))
        s.focus(.deals)
        #expect(Self.screen(s).contains("#1 OPEN from Kingdom of Tervane"))
        s.focus(.news)
        let news = Self.screen(s)
        #expect(news.contains("News: Patrol boats shadow"))
        #expect(news.contains("Intelligence: Tervane's admiral"))
    }

    @Test func narrowAndWideScreens() {
        let s = Fixtures.seated()
        let narrow = Self.screen(s, 40, 20)
        #expect(narrow.contains("‹ 2 Actions ›"))
        for line in narrow.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 40) }
        let wide = Self.screen(s, 160, 40)
        #expect(wide.contains("Friction at sea") && wide.contains("Naval patrol") && wide.contains("Hello, neighbours")
                && wide.contains("News: Patrol boats"))
        // Wide enough to show why an action is not available in the list itself.
        #expect(wide.contains("Seize a trawler — needs friction"))
    }

    @Test func helpAndQuitDialogs() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char("?"))
        #expect(Self.screen(s).contains("Help — any key closes"))
        _ = s.handle(key: .char("x"))
        _ = s.handle(key: .char("q"))
        #expect(Self.screen(s).contains("Leave Armistice? (y/n)"))
    }

    @Test func hostileTextCannotReachTheScreen() {
        var s = Fixtures.seated()
        let evil = #"{"type":"chat","seq":58,"prev":57,"message":{"seq":58,"seat":"s9","name":"\u001b[2J\u001b[HEve\u001b]0;owned\u0007","channel":"all","text":"hi\u001b[31m there\u009b1;1H\u001b[?1049l\r\nbye"}}"#
        _ = s.apply(message: evil, now: Fixtures.now)
        s.focus(.talk)
        let grid = Renderer.render(s, width: 80, height: 24, now: Fixtures.now)
        #expect(grid.text.contains("Eve: hi there bye"))
        for cell in grid.cells {
            for scalar in cell.character.unicodeScalars { #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)) }
        }
    }

    @Test func connectionStateShows() {
        var s = Fixtures.seated()
        s.connection = .reconnecting(attempt: 3)
        #expect(Self.screen(s).split(separator: "\n")[0].contains("reconnecting (3)…"))
    }

    @Test func seatFileIsPrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seats-\(UUID().uuidString)").path
        let store = SeatStore.standard(environment: ["XDG_STATE_HOME": dir])
        try store.save(.init(url: "ws://h:1/ws", room: "R4X95U", token: "R4X95U.abc", name: "Kim", team: "marisol", role: "player"))
        #expect(store.find(url: "ws://h:1/ws", room: "R4X95U")?.token == "R4X95U.abc")
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try store.remove(url: "ws://h:1/ws", room: "R4X95U", token: "R4X95U.abc")
        #expect(store.find(url: "ws://h:1/ws", room: "R4X95U") == nil)
        try? FileManager.default.removeItem(atPath: dir)
    }
}
