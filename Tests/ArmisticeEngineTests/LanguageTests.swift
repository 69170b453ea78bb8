import ArmisticeBots
@testable import ArmisticeEngine
import ArmisticeLocale
import Testing

/// Per-language texts in rulesets, and views in a language built from the very same state.
@Suite struct LanguageTests {
    /// The small fixture with Korean texts: some as maps, one left English on purpose.
    static let bilingual = Fixtures.small
        .replacingOccurrences(of: "title: Small\n", with: "title: {en: Small, ko: 작은 시나리오}\nlanguages: [en, ko]\n")
        .replacingOccurrences(of: "name: Red,", with: "name: {en: Red, ko: 빨강},")
        .replacingOccurrences(of: "name: Blue,", with: "name: {en: Blue, ko: 파랑},")
        .replacingOccurrences(of: "{id: trust, name: Trust,", with: "{id: trust, name: {en: Trust, ko: 신뢰},")
        .replacingOccurrences(of: "levels: {0: Calm, 5: Tense, 10: War}", with: "levels: {0: {en: Calm, ko: 평온}, 5: {en: Tense, ko: 긴장}, 10: {en: War, ko: 전쟁}}")
        .replacingOccurrences(of: "name: Bridge, statuses: [planned, building, open]",
                              with: "name: {en: Bridge, ko: 다리}, statuses: [{en: planned, ko: 계획}, {en: building, ko: 건설 중}, {en: open, ko: 개통}]")
        .replacingOccurrences(of: "    name: Build\n", with: "    name: {en: Build, ko: 건설}\n")
        .replacingOccurrences(of: "news: \"{team} builds on the {project}.\"", with: "news: {en: \"{team} builds on the {project}.\", ko: \"{team}이(가) {project} 공사를 진행한다.\"}")
        .replacingOccurrences(of: "reason: \"too tense\"", with: "reason: {en: too tense, ko: 긴장이 너무 높다}")
        .replacingOccurrences(of: "news: \"Talks open.\"", with: "news: {en: \"Talks open.\", ko: \"회담이 열린다.\"}")
        .replacingOccurrences(of: "{id: opening, name: Opening,", with: "{id: opening, name: {en: Opening, ko: 개막},")

    @Test func aPlainStringIsEnglishAndLoadsAsBefore() throws {
        let r = try Fixtures.smallRuleset()
        #expect(r.languages == ["en"])
        #expect(r.translations.isEmpty)
        #expect(r.missingTranslations.isEmpty, "a file that declares no other language misses nothing")
    }

    @Test func mapsGiveEachLanguageAndEnglishStaysTheRules() throws {
        let r = try RulesetLoader.load(text: Self.bilingual, file: "b.yaml")
        #expect(r.languages == ["en", "ko"])
        #expect(r.title == "Small")
        #expect(r.teams[0].name == "Red")
        #expect(r.projects[0].statuses == ["planned", "building", "open"], "statuses stay English: expressions name them")
        let ko = r.localized(to: "ko")
        #expect(ko.title == "작은 시나리오")
        #expect(ko.teams.map(\.name) == ["빨강", "파랑"])
        #expect(ko.projects[0].statuses == ["계획", "건설 중", "개통"])
        #expect(ko.tracks[2].levels[5] == "긴장")
        #expect(ko.actions[0].name == "건설")
        #expect(ko.actions[2].requirements[0].reason == "긴장이 너무 높다")
        #expect(ko.sourceHash == r.sourceHash)
    }

    @Test func everyTextMissingADeclaredLanguageIsReportedWithItsPosition() throws {
        let r = try RulesetLoader.load(text: Self.bilingual, file: "b.yaml")
        let missing = r.missingTranslations
        #expect(missing.allSatisfy { $0.code == "missing_translation" && $0.file == "b.yaml" && $0.line > 0 && $0.column > 0 })
        // "Stockpile" is on its own line: name: Stockpile.
        let lines = Self.bilingual.split(separator: "\n", omittingEmptySubsequences: false)
        let stockpileLine = try #require(lines.firstIndex { $0.contains("name: Stockpile") }) + 1
        let stockpile = try #require(missing.first { $0.message.contains("Stockpile") })
        #expect(stockpile.line == stockpileLine)
        #expect(stockpile.column == lines[stockpileLine - 1].distance(from: lines[stockpileLine - 1].startIndex, to: lines[stockpileLine - 1].range(of: "Stockpile")!.lowerBound) + 1)
        #expect(stockpile.description.hasPrefix("b.yaml:\(stockpileLine):"))
        #expect(!missing.contains { $0.message.contains("\"Small\"") }, "the title has its Korean")
    }

    @Test func aLanguageNotDeclaredOrAMapWithoutEnglishIsAnError() {
        let undeclared = Fixtures.small.replacingOccurrences(of: "title: Small\n", with: "title: {en: Small, ko: 작은}\n")
        #expect(throws: RulesetLoadError.self) { try RulesetLoader.load(text: undeclared, file: "u.yaml") }
        let noEnglish = Self.bilingual.replacingOccurrences(of: "{en: Red, ko: 빨강}", with: "{ko: 빨강}")
        do {
            _ = try RulesetLoader.load(text: noEnglish, file: "n.yaml")
            Issue.record("a text without English loaded")
        } catch {
            #expect(error.diagnostics.contains { $0.code == "missing_key" && $0.message.contains("English") })
        }
    }

    @Test func anEnglishTextKeepsOneTranslationPerLanguage() throws {
        // "Red" is also the Opening event's name: the same translation twice is one entry, a different one an error.
        let same = Self.bilingual.replacingOccurrences(of: "name: {en: Opening, ko: 개막}", with: "name: {en: Red, ko: 빨강}")
        let r = try RulesetLoader.load(text: same, file: "s.yaml")
        #expect(r.translations["ko"]?["Red"] == "빨강")
        #expect(r.translations["ko"]?["Blue"] == "파랑", "every text stays in the table")
        let before = try RulesetLoader.load(text: Self.bilingual, file: "b.yaml")
        #expect(r.translations["ko"]?.count == before.translations["ko"]!.count - 1, "the same translation twice is one entry; \"Opening\" is gone")
        let other = Self.bilingual.replacingOccurrences(of: "name: {en: Opening, ko: 개막}", with: "name: {en: Red, ko: 적색}")
        do {
            _ = try RulesetLoader.load(text: other, file: "o.yaml")
            Issue.record("two different translations of one text loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["conflicting_translation"])
        }
    }

    @Test func placeholdersAreCheckedInEveryLanguage() {
        let bad = Self.bilingual.replacingOccurrences(of: "{team}이(가) {project} 공사", with: "{team}이(가) {projet} 공사")
        do {
            _ = try RulesetLoader.load(text: bad, file: "p.yaml")
            Issue.record("a Korean placeholder that names nothing loaded")
        } catch {
            #expect(error.diagnostics.contains { $0.code == "unknown_placeholder" })
        }
    }

    @Test func variantsKeepTheTranslations() throws {
        let text = Self.bilingual + """

        variants:
          - id: short
            name: {en: Short, ko: 짧은 경기}
            override:
              calendar: {turns: 2}
              tracks:
                - {id: trust, name: {en: Confidence, ko: 신뢰도}}
        """
        let v = try RulesetLoader.load(text: text, file: "v.yaml", variant: "short")
        #expect(v.calendar.turns == 2)
        #expect(v.localized(to: "ko").tracks[0].name == "신뢰도")
        #expect(v.localized(to: "ko").teams[0].name == "빨강")
        #expect(v.localized(to: "ko").variants[0].name == "짧은 경기")
    }

    /// Plays a seeded match with bots, returning the engine, the final state and every state hash on the way.
    static func play(_ engine: Engine, seed: UInt64) throws -> (GameState, [String]) {
        var state = engine.newGame(seed: seed)
        var hashes: [String] = []
        try engine.apply(.start, to: &state)
        var guardCount = 0
        while state.phase != .ended, guardCount < 100 {
            guardCount += 1
            if state.phase == .orders {
                for t in engine.ruleset.teams.indices {
                    let orders = TeamOrders(orders: engine.ruleset.actions.filter { $0.teams.contains(t) && $0.parameters.isEmpty }.prefix(1)
                        .map { Order(action: $0.id, params: [:]) })
                    try? engine.apply(.setOrders(team: engine.ruleset.teams[t].id, orders: orders), to: &state)
                }
            }
            try engine.apply(.advance, to: &state)
            hashes.append(engine.stateHash(state))
        }
        return (state, hashes)
    }

    @Test func aKoreanViewIsBuiltFromTheSameStateAndHash() throws {
        let r = try RulesetLoader.load(text: Self.bilingual, file: "b.yaml")
        let engine = Engine(ruleset: r)
        let (state, hashes) = try Self.play(engine, seed: 7)
        let (again, againHashes) = try Self.play(engine, seed: 7)
        #expect(hashes == againHashes)
        #expect(engine.stateHash(state) == engine.stateHash(again))
        let korean = ViewLocalizer(engine, language: .ko)
        let view = korean.view(of: state, for: .instructor)
        #expect(view.title == "작은 시나리오")
        #expect(view.teams.map(\.name) == ["빨강", "파랑"])
        #expect(view.date.contains("년"), "the date is Korean: \(view.date)")
        let english = engine.view(of: state, for: .instructor)
        #expect(english.title == "Small")
        #expect(view.records.count == english.records.count)
        #expect(view.records.map(\.kind) == english.records.map(\.kind))
        if let opening = view.records.first(where: { $0.kind == .news && $0.event == "opening" }) {
            #expect(opening.text == "회담이 열린다.")
        } else { Issue.record("no opening news") }
        if let event = view.records.first(where: { $0.kind == .event && $0.event == "opening" }) { #expect(event.text == "개막") }
        // The state itself still holds the English texts.
        #expect(state.records.contains { $0.text == "Talks open." })
    }

    @Test func filledNewsIsTranslatedWithItsValues() throws {
        let r = try RulesetLoader.load(text: Self.bilingual, file: "b.yaml")
        let translator = RecordTranslator(ruleset: r, language: .ko)
        // The particle written after a placeholder with both forms fits the name filled in (빨강이, never 빨강이(가)).
        #expect(translator.translate(text: "Red builds on the Bridge.") == "빨강이 다리 공사를 진행한다.")
        #expect(translator.translate(text: "Something else") == "Something else")
        #expect(translator.translate(reason: "blocked by Blue", kind: .order) == "파랑의 거부로 무산되었습니다")
        #expect(translator.translate(reason: "costs 3, only 1 left", kind: .order) == "비용 3, 남은 예산 1뿐입니다")
        #expect(translator.translate(reason: "too tense", kind: .order) == "긴장이 너무 높다")
    }

    @Test func datesFollowTheReadersLanguage() throws {
        let tutorial = Engine(ruleset: try Fixtures.scenario("tutorial"))
        #expect(tutorial.view(of: tutorial.newGame(seed: 1), for: .observer).date == "Season 1, turn 1", "English as before")
        #expect(ViewLocalizer(tutorial, language: .ko).view(of: tutorial.newGame(seed: 1), for: .observer).date == "첫 어획기, 1턴")
        let korea = Engine(ruleset: try Fixtures.scenario("koreanization"))
        #expect(korea.view(of: korea.newGame(seed: 1), for: .observer).date == "Jan 2019")
        #expect(ViewLocalizer(korea, language: .ko).view(of: korea.newGame(seed: 1), for: .observer).date == "2019년 1월")
    }

    @Test func theScenariosHaveNoMissingTranslation() throws {
        for name in ["koreanization", "tutorial"] {
            let r = try Fixtures.scenario(name)
            #expect(r.languages.contains("ko"), "\(name) declares Korean")
            #expect(r.missingTranslations.isEmpty, "\(name): \(r.missingTranslations.prefix(5).map(\.description))")
            for variant in r.variants {
                let v = try RulesetLoader.load(text: try Fixtures.rulesetText(name), file: name, variant: variant.id)
                #expect(v.missingTranslations.isEmpty, "\(name) variant \(variant.id): \(v.missingTranslations.prefix(3).map(\.description))")
            }
        }
    }
}

/// A whole Koreanization game played by bots, read in Korean: no English text left in what a person reads.
@Suite struct KoreanViewTests {
    static func hasHangul(_ text: String) -> Bool { text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }

    /// English words of three letters or more outside ids and acronyms (CVID, JSA, IAEA…): what a Korean reader
    /// should not see.
    static func englishLeft(_ text: String) -> Bool {
        !hasHangul(text) && text.contains { $0.isLetter }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func aKoreanReaderSeesKoreanEverywhere(seed: UInt64) throws {
        let ruleset = try Fixtures.scenario("koreanization")
        let engine = Engine(ruleset: ruleset)
        let game = Simulation(engine: engine).play(seed: seed, bots: Simulation.bots(for: ruleset, kinds: [.greedy, .random, .greedy, .random]))
        let korean = ViewLocalizer(engine, language: .ko)
        let view = korean.view(of: game.state, for: .instructor)
        var left: [String] = []
        func check(_ text: String?, _ what: String) { if let text, Self.englishLeft(text) { left.append("\(what): \(text)") } }
        check(view.title, "title")
        check(view.date, "date")
        for t in view.teams { check(t.name, "team"); check(t.brief, "brief") }
        for t in view.tracks { check(t.name, "track"); check(t.description, "track description"); check(t.level, "level") }
        for f in view.flags { check(f.name, "flag") }
        for p in view.projects { check(p.name, "project"); check(p.status, "status") }
        for a in view.actions ?? [] { check(a.name, "action"); check(a.description, "action description"); check(a.reason, "reason") }
        for o in view.objectives ?? [] { check(o.text, "objective") }
        for e in view.events ?? [] { check(e.name, "event") }
        check(view.outcome?.name, "outcome"); check(view.outcome?.text, "outcome text"); check(view.outcome?.reason, "outcome reason")
        for r in view.records {
            if r.kind == .news || r.kind == .intel || r.kind == .event || r.kind == .outcome { check(r.text, "\(r.kind) record") }
            if r.kind == .order || r.kind == .outcome { check(r.reason, "\(r.kind) reason") }
            for m in r.modifiers ?? [] { check(m.reason, "modifier") }
        }
        #expect(left.isEmpty, "English left for a Korean reader: \(left.prefix(8))")
        #expect(game.state.records.contains { $0.kind == .news }, "the game had news")
        #expect(view.records.count == game.state.records.count)
    }
}
