import Testing
@testable import ArmisticeTerminal

/// The terminal's text map (Board pane, key m) and the instructor's event preview in the Control pane.
@Suite struct MapTextTests {
    static let map = """
    {"box":[0,0,400,260],"title":"The Coral Strait","description":"","shapes":[],
     "places":[{"id":"harbour","name":"Marisol harbour","x":110,"y":130,"label":"right","shows":{"kind":"track","id":"marisol_catch"},
                "states":[{"value":"0","text":"boats tied up"},{"value":"5","text":"a fair catch"},{"value":"12","text":"a record catch"}]},
               {"id":"patrol_line","name":"Patrol line","x":205,"y":150,"label":"right","shows":{"kind":"track","id":"friction"},
                "states":[{"value":"0","text":"boats fish in peace"},{"value":"2","text":"boats shadowed"},{"value":"4","text":"a standoff at sea"}]},
               {"id":"capital","name":"Port Royal","x":50,"y":50,"label":"right"},
               {"id":"talks","name":"Accord talks","x":200,"y":240,"label":"right","shows":{"kind":"project","id":"fishing_accord"},
                "states":[{"value":"signed","text":"accord signed"}]},
               {"id":"seized","name":"Impounded trawler","x":235,"y":215,"label":"right","shows":{"kind":"flag","id":"boat_seized"},
                "states":[{"value":"false","text":"no boat held"},{"value":"true","text":"a boat is held"}]}]}
    """

    /// The seated fixture after turn 1's results: friction went from 2 to 4, the map and two events came in an update.
    static func afterTheTurn(instructor: Bool = false) -> ClientState {
        var s = Fixtures.seated()
        let events = instructor ? #","events":[{"id":"storm","name":"A storm in the strait","kind":"random","fired":0,"effects":["Friction at sea −1","Marisol's catch −2"],"condition":"Goodwill between the islands ≥ 3","news":"A storm keeps the fleets in port."}]"# : ""
        let update = """
        {"type":"update","room":"R4X95U","seq":58,"prev":57,"cause":{"type":"advance","by":"clock","reason":"all_locked"},
         "records":[{"kind":"effect","turn":1,"target":"friction","from":2,"to":3,"reason":"order:marisol:patrol"},
                    {"kind":"effect","turn":1,"target":"friction","from":3,"to":4,"reason":"order:tervane:show_force"}],
         "changes":{"phase":"results","map":\(map)\(events)},
         "patches":{"tracks":{"0":{"value":4,"level":"Standoff"}}},"clock":{"phase":"results","turn":1,"paused":false,"remaining":60000}}
        """
        _ = s.apply(message: update, now: Fixtures.now)
        return s
    }

    @Test func eachPlaceSaysItsStateInTheScenariosWordsAndWhatItWas() throws {
        let s = Self.afterTheTurn()
        let map = try #require(s.view.map)
        let lines = map.lines(view: s.view, records: s.records, t: s.t)
        #expect(lines.map(\.text) == ["Marisol harbour ▸ a fair catch", "Patrol line ▸ a standoff at sea (was: boats shadowed)",
                                      "Accord talks ▸ draft", "Impounded trawler ▸ no boat held"])
        #expect(lines.map(\.changed) == [false, true, false, false])
    }

    @Test func theBoardPaneShowsTheMapOnMAt80x24WithNoWordCut() {
        var s = Self.afterTheTurn()
        _ = s.handle(key: .char("1"))
        #expect(RenderTests.screen(s).contains("The map of places: m"))
        _ = s.handle(key: .char("m"))
        let text = RenderTests.screen(s)
        #expect(text.contains("The Coral Strait (m: back to the tracks)"))
        #expect(text.contains("Patrol line ▸ a standoff at sea"))
        #expect(text.contains("Patrol line ▸ a standoff at sea (was:"))
        #expect(text.contains("boats shadowed)"))
        #expect(!text.contains("…"))
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        _ = s.handle(key: .char("m"))
        #expect(RenderTests.screen(s).contains("Friction at sea"))
    }

    @Test func theInstructorsControlPaneSaysWhatAnEventWillDo() {
        let s = Self.afterTheTurn(instructor: true)
        #expect(s.view.events.first?.effects == ["Friction at sea −1", "Marisol's catch −2"])
        let lines = Renderer.eventLines(s, width: 40).map(\.text)
        #expect(lines.first == "Events (fire with :event ID):")
        #expect(lines.contains { $0.contains("A storm in the strait") })
        #expect(lines.contains { $0.contains("does: Friction at sea −1;") })
        #expect(lines.contains { $0.contains("by itself only when Goodwill") })
        for line in lines { #expect(TerminalText.width(line) <= 40) }
    }
}
