@testable import ArmisticeEngine
import ArmisticeLocale
import Testing

/// The `map:` section: loaded, checked with located diagnostics, and shown to each viewer as far as it may see.
@Suite struct MapTests {
    /// The validation fixture with a flag, a project, a hidden track and a map that uses them.
    static let text = ValidationTests.base.replacingOccurrences(of: "actions:\n", with: """
      - id: secret
        name: Secret
        min: 0
        max: 10
        start: 2
        visible: [red]
    flags:
      - id: closed
        name: Closed
    projects:
      - id: bridge
        name: Bridge
        statuses: [planned, built]
    actions:

    """) + """

    map:
      box: [0, 0, 100, 80]
      title: Mini land
      shapes:
        - id: land
          kind: land
          path: "M 10 10 L 90 10 L 50 70 Z"
        - id: border
          kind: line
          path: "M 0 40 H 100"
      places:
        - id: capital
          name: Capital
          at: [50, 30]
        - id: front
          name: The front
          at: [20, 40]
          track: tension
          states:
            0: calm
            6: shooting
        - id: gate
          name: Gate
          at: [60, 40]
          flag: closed
          states:
            true: shut
            false: open
        - id: river
          name: River
          at: [70, 60]
          project: bridge
          states:
            built: a bridge stands
        - id: lab
          name: Lab
          at: [30, 60]
          track: secret
    """

    func diagnostics(_ text: String) -> [Diagnostic] {
        do { _ = try RulesetLoader.load(text: text, file: "mini.yaml"); return [] } catch { return error.diagnostics }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.text.contains(old), "fixture has no \(old)")
        return Self.text.replacingOccurrences(of: old, with: new)
    }

    @Test func theMapLoadsWithItsPlacesAndWords() throws {
        let ruleset = try RulesetLoader.load(text: Self.text, file: "mini.yaml")
        let map = try #require(ruleset.map)
        #expect(map.box == [0, 0, 100, 80])
        #expect(map.shapes.map(\.kind) == [.land, .line])
        #expect(map.places.map(\.id) == ["capital", "front", "gate", "river", "lab"])
        #expect(map.places[1].shows == .track(0))
        #expect(map.places[1].states == [.init(value: "0", text: "calm"), .init(value: "6", text: "shooting")])
        #expect(map.places[2].states.map(\.value) == ["true", "false"])
        #expect(map.places[3].shows == .project(0))
    }

    @Test(arguments: [
        // (old text, new text, code, line, column)
        ("      track: tension", "      track: tensoin", "unknown_track", 65, 14),
        ("      flag: closed", "      flag: open", "unknown_flag", 72, 13),
        ("      project: bridge", "      project: tunnel", "unknown_project", 79, 16),
        ("      at: [60, 40]", "      at: [160, 40]", "outside_box", 71, 11),
        ("      at: [70, 60]", "      at: [70, -1]", "outside_box", 78, 11),
        ("    - id: gate", "    - id: front", "duplicate_id", 69, 11),
        ("    - id: border", "    - id: land", "duplicate_id", 55, 11),
        ("path: \"M 0 40 H 100\"", "path: \"M 0 40 H 100 Q 5\"", "bad_path", 57, 27),
        ("path: \"M 10 10 L 90 10 L 50 70 Z\"", "path: \"L 10 10 M 90 10\"", "bad_path", 54, 14),
        ("path: \"M 10 10 L 90 10 L 50 70 Z\"", "path: \"M 10 10 X 90 10\"", "bad_path", 54, 22),
        ("        6: shooting", "        16: shooting", "out_of_range", 68, 9),
        ("        built: a bridge stands", "        finished: a bridge stands", "unknown_status", 81, 9),
        ("        true: shut", "        maybe: shut", "bad_state", 74, 9),
        ("      kind: line", "      kind: river", "unknown_kind", 56, 13),
        ("  box: [0, 0, 100, 80]", "  box: [0, 0, 100]", "wrong_type", 49, 8),
    ] as [(String, String, String, Int, Int)])
    func eachMapProblemIsLocated(old: String, new: String, code: String, line: Int, column: Int) {
        let found = diagnostics(replacing(old, new))
        let match = found.first { $0.code == code }
        #expect(match != nil, "expected \(code), got \(found)")
        if let match {
            #expect(match.line == line && match.column == column, "\(match)")
            #expect(match.description.hasPrefix("mini.yaml:\(line):\(column): error: "))
        }
    }

    /// Found by the campaign's damaged scenarios: a map whose `places` key was mangled crashed `ruleset check`.
    @Test func aMapWithoutPlacesIsAnErrorNotACrash() {
        let found = diagnostics(replacing("  places:", "  placse:"))
        #expect(found.contains { $0.message.contains("map needs \"places\"") }, "\(found)")
    }

    @Test func anUnknownTrackSuggestsTheRightName() {
        let found = diagnostics(replacing("      track: tension", "      track: tensoin"))
        #expect(found.first?.hint == "did you mean \"tension\"?")
    }

    @Test(arguments: ["M 0 0 L 1 1 Z", "m0,0l1-1z", "M 1e2 .5 C 1 2 3 4 5 6 S 1 2 3 4 A 5 5 0 0 1 9 9 Q 1 1 2 2 T 3 3 V 4 h -2 Z"])
    func goodPathDataPasses(path: String) { #expect(SVGPathCheck.problem(in: path) == nil) }

    @Test(arguments: ["", "L 1 1", "M 1", "M 1 1 L 2", "M 1 1 Z 3", "M 1 1 B 2 2", "M 1 1 L 2 x"])
    func badPathDataIsRefused(path: String) { #expect(SVGPathCheck.problem(in: path) != nil) }

    @Test func aPlaceShowingAHiddenTrackIsLeftOutForTeamsThatCannotSeeIt() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "mini.yaml"))
        var state = engine.newGame(seed: 1)
        try engine.apply(.start, to: &state)
        let red = try #require(engine.view(of: state, for: .team(0)).map)
        let blue = try #require(engine.view(of: state, for: .team(1)).map)
        let board = try #require(engine.view(of: state, for: .observer).map)
        let instructor = try #require(engine.view(of: state, for: .instructor).map)
        #expect(red.places.map(\.id).contains("lab"))
        #expect(instructor.places.first { $0.id == "lab" }?.shows == .init(kind: "track", id: "secret"))
        #expect(!blue.places.map(\.id).contains("lab"))
        #expect(!board.places.map(\.id).contains("lab"))
        #expect(blue.places.map(\.id) == ["capital", "front", "gate", "river"])
        #expect(blue.places[1].shows == .init(kind: "track", id: "tension"))
        #expect(blue.places[1].states?.map(\.text) == ["calm", "shooting"])
        #expect(blue.places[0].shows == nil)
    }

    @Test func bothScenariosDrawAMapWhosePlacesAllShowSomething() throws {
        for name in ["koreanization", "tutorial"] {
            let map = try #require(try Fixtures.scenario(name).map, "\(name) has no map")
            #expect(map.places.count >= 6)
            #expect(map.shapes.contains { $0.kind == .land })
        }
        let korea = try #require(try Fixtures.scenario("koreanization").map)
        for id in ["yongbyon", "kaesong", "jsa", "guard_posts", "mt_kumgang", "rail_links", "west_sea"] {
            #expect(korea.places.contains { $0.id == id && $0.shows != nil }, "no \(id)")
        }
        #expect(korea.shapes.contains { $0.id == "dmz" && $0.kind == .line })
    }

    @Test func aKoreanViewShowsTheMapInKoreanWithProjectStatesMatchingTheTranslatedStatuses() throws {
        let engine = Engine(ruleset: try Fixtures.scenario("koreanization"))
        var state = engine.newGame(seed: 1)
        try engine.apply(.start, to: &state)
        let view = ViewLocalizer(engine, language: .ko).view(of: state, for: .team(1))
        let map = try #require(view.map)
        #expect(map.title == "한반도")
        let kaesong = try #require(map.places.first { $0.id == "kaesong" })
        #expect(kaesong.name == "개성")
        let project = try #require(view.projects.first { $0.id == "kaesong" })
        let words = kaesong.states?.first { $0.value == project.statuses[project.index] }?.text
        #expect(words == "2016년부터 공단 폐쇄", "the status \(project.statuses[project.index]) has no words")
        #expect(map.places.first { $0.id == "yongbyon" }?.states?.contains { $0.value == "4" && $0.text == "사찰 중" } == true)
    }

    @Test func aKoreanInstructorReadsTheEventPreviewInKorean() throws {
        let engine = Engine(ruleset: try Fixtures.scenario("koreanization"))
        var state = engine.newGame(seed: 1)
        try engine.apply(.start, to: &state)
        let english = try #require(engine.view(of: state, for: .instructor).events?.first { $0.id == "dmz_incident" })
        #expect(english.effects == ["Military tension +1", "Inter-Korean trust −10", "Comprehensive Military Agreement measures in force −1"])
        #expect(english.condition == "Military tension ≥ 8")
        let korean = try #require(ViewLocalizer(engine, language: .ko).view(of: state, for: .instructor).events)
        let retaliation = try #require(korean.first { $0.id == "leaflet_retaliation" })
        let effects = retaliation.effects?.joined(separator: "; ") ?? ""
        #expect(effects.contains(": 예"), "a flag set in Korean: \(effects)")
        #expect(!effects.contains("yes") && !effects.contains("set to"), "\(effects)")
        #expect(retaliation.condition?.contains("그리고") == true, "\(retaliation.condition ?? "")")
    }
}
