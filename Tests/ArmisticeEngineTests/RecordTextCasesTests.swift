import ArmisticeBots
import ArmisticeEngine
import ArmisticeLocale
import Foundation
import Testing

/// The records renderer's cases (Tests/Fixtures/records/record-text-cases.json): records of a real Koreanization
/// game and of deals, adjustments and injected events, with the names a reader has and the words each language
/// must show. The browser's renderer runs the same file (tests/test_record_text.py).
///
/// To write the file again after a deliberate change of wording: `ARMISTICE_WRITE_RECORD_CASES=1 swift test --filter
/// RecordTextCasesTests`, then read the diff.
struct RecordTextCasesTests {
    static let file = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/records/record-text-cases.json")

    struct Names: Codable, RecordNames, Sendable {
        var teams: [String: String], actions: [String: String], targets: [String: String], events: [String: String]
        /// The targets that are flags, whose values read as yes and no.
        var flags: [String]
        /// Each project's stages, by position, as the reader reads them.
        var stages: [String: [String]]
        /// Each action's labelled parameters: action id → parameter id → label.
        var params: [String: [String: String]]
        var deals: [String: String]
        func teamName(_ id: String) -> String? { teams[id] }
        func actionName(_ id: String) -> String? { actions[id] }
        func targetName(_ id: String) -> String? { targets[id] }
        func isFlag(_ id: String) -> Bool { flags.contains(id) }
        func stageName(_ project: String, at index: Int) -> String? {
            stages[project].flatMap { $0.indices.contains(index) ? RecordText.readable($0[index]) : nil }
        }
        func parameterName(_ parameter: String, of action: String) -> String? { params[action]?[parameter] }
        func eventName(_ id: String) -> String? { events[id] }
        func dealProposer(_ id: Int) -> String? { deals[String(id)] }
    }

    struct Case: Codable {
        var language: String
        var record: Record
        var expected: RecordLine
    }

    struct Cases: Codable {
        var note: String
        var names: [String: Names]
        var cases: [Case]
    }

    /// The file's records are as views carry them: `visible_to` in snake case (the engine's Codable says `visibleTo`).
    static func renamingVisibility(_ data: Data, from: String, to: String) throws -> Data {
        guard var top = try JSONSerialization.jsonObject(with: data) as? [String: Any], let list = top["cases"] as? [[String: Any]] else {
            throw CocoaError(.coderReadCorrupt)
        }
        top["cases"] = list.map { c -> [String: Any] in
            var c = c
            if var r = c["record"] as? [String: Any], let seen = r.removeValue(forKey: from) { r[to] = seen; c["record"] = r }
            return c
        }
        return try JSONSerialization.data(withJSONObject: top, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func read() throws -> Cases {
        try JSONDecoder().decode(Cases.self, from: renamingVisibility(Data(contentsOf: file), from: "visible_to", to: "visibleTo"))
    }

    @Test func everyCaseReadsAsExpected() throws {
        if ProcessInfo.processInfo.environment["ARMISTICE_WRITE_RECORD_CASES"] == "1" { try Self.write() }
        let cases = try Self.read()
        #expect(cases.cases.count >= 60)
        #expect(Set(cases.cases.map(\.record.kind)) == Set([.phase, .news, .intel, .order, .effect, .event, .draw, .deal, .adjustment, .locked, .outcome, .hash]))
        for c in cases.cases {
            let language = try #require(Language(rawValue: c.language))
            let names = try #require(cases.names[c.language])
            let line = RecordText(names: names, language: language).line(c.record)
            #expect(line == c.expected, "\(c.language) \(c.record.kind) turn \(c.record.turn)")
        }
    }

    /// A flag's change reads as words in every case, never as 0 and 1 (the file is written by the renderer it checks,
    /// so this holds the words themselves); a track's change keeps its numbers.
    @Test func flagChangesReadAsYesAndNoAndTracksAsNumbers() throws {
        let cases = try Self.read()
        let words: [String: (yes: String, no: String)] = ["en": ("yes", "no"), "ko": ("예", "아니요")]
        var flags = 0, tracks = 0
        for c in cases.cases where [.effect, .adjustment].contains(c.record.kind) && c.record.result != "revealed" {
            let names = try #require(cases.names[c.language]), w = try #require(words[c.language])
            guard let target = c.record.target, let from = c.record.from, let to = c.record.to, let name = names.targets[target] else { continue }
            if names.flags.contains(target) {
                flags += 1
                #expect(c.expected.text.hasSuffix("\(name): \(from != 0 ? w.yes : w.no) → \(to != 0 ? w.yes : w.no)"), "\(c.language): \(c.expected.text)")
            } else if c.record.kind == .effect, ["trust", "talks", "tension"].contains(target) {
                tracks += 1
                #expect(c.expected.text == "\(name): \(from) → \(to)", "\(c.language): \(c.expected.text)")
            }
        }
        #expect(flags >= 6, "flag set, cleared and adjusted, in both languages")
        #expect(tracks >= 2)
    }

    /// A project's change reads as its stages' names in the reader's language ("착공 → 공사 중"), never as positions;
    /// a parameter by its label from the scenario ("지원 규모: 2"), never its id; a reveal names the team it was for.
    @Test func projectStagesParameterLabelsAndRevealsReadAsTheScenarioNamesThem() throws {
        let cases = try Self.read()
        var projects = 0, labelled = 0, reveals = 0
        for c in cases.cases {
            let names = try #require(cases.names[c.language])
            let r = c.record
            if [.effect, .adjustment].contains(r.kind), r.result != "revealed", let target = r.target, let stages = names.stages[target],
               let from = r.from, let to = r.to {
                projects += 1
                let words = (RecordText.readable(stages[from]), RecordText.readable(stages[to]))
                #expect(c.expected.text.hasSuffix("\(names.targets[target]!): \(words.0) → \(words.1)"), "\(c.language): \(c.expected.text)")
            }
            if r.kind == .order, let action = r.action, let params = r.params, let labels = names.params[action] {
                for key in params.keys where labels[key] != nil {
                    labelled += 1
                    #expect(c.expected.text.contains("\(labels[key]!): ") && !c.expected.text.contains("\(key): "), "\(c.language): \(c.expected.text)")
                }
            }
            if r.result == "revealed", let team = r.visibleTo?.first, let name = names.teams[team] {
                reveals += 1
                #expect(c.expected.text.contains(name), "\(c.language): \(c.expected.text)")
            }
        }
        #expect(projects >= 4, "a project moved by an action and set by the instructor, in both languages")
        #expect(labelled >= 4, "orders with labelled parameters, in both languages")
        #expect(reveals >= 2)
    }

    /// A Korean record's particles fit the name before them, in every case, as both renderers must show them: the
    /// catalog's record texts (`{team}이(가)`, `합의 #{deal}을(를)`, `{target}이(가)`) and the scenario's news filled with
    /// a name (`{target}와(과)의`, `{project}(으)로`). Never both forms, never the wrong one.
    @Test func koreanRecordTextsFitTheirParticlesToTheNames() throws {
        let cases = try Self.read()
        let korean = cases.cases.filter { $0.language == "ko" }
        let texts = korean.map(\.expected.text)
        for c in korean {
            for marker in ["이(가)", "을(를)", "은(는)", "와(과)", "과(와)", "(으)로"] {
                #expect(!c.expected.text.contains(marker) && !c.expected.detail.contains(marker), "\(c.expected.text) (\(c.expected.detail))")
            }
        }
        for expected in ["한국이 북한의 합의 #1을 수락: 합의됨", "한국이 미국의 합의 #2를 거절: 거절됨", "유엔이 미국의 합의 #2를 수락: 수락됨",
                         "한국이 명령 확정", "북한의 은밀한 제재 회피가 미국에 공개: 30", "식량 부족 인구(백만 명)가 미국에 공개: 9",
                         "평양이 한국과의 연락을 끊는다.", "평양이 미국과의 연락을 끊는다.",
                         "유엔군사령부가 개성공단으로 향하는 한국 측 차량 행렬을 돌려보낸다.",
                         "유엔군사령부가 남북 철도·도로 연결로 향하는 한국 측 차량 행렬을 돌려보낸다."] {
            #expect(texts.contains(expected), "no Korean case reads \(expected)")
        }
        // The renderer itself, not only the file it wrote: a deal answered by a team whose name ends in a vowel.
        var names = try #require(cases.names["ko"])
        names.teams["mediator"] = "지역 수산 중재자"
        var answer = Record(kind: .deal, turn: 2)
        answer.deal = 2; answer.team = "mediator"; answer.result = "rejected"
        #expect(RecordText(names: names, language: .ko).line(answer).text == "지역 수산 중재자가 미국의 합의 #2를 거절: 거절됨")
        #expect(RecordText(names: try #require(cases.names["en"]), language: .en).line(answer).text == "mediator rejects deal #2 from United States: rejected")
    }

    /// Koreanization played by greedy bots (a fixed seed), the first records of each kind and result, in English
    /// and in Korean, and the records bots never make (deals and their answers, adjustments, injected events).
    static func write() throws {
        let ruleset = try Fixtures.scenario("koreanization")
        let game = Simulation(engine: Engine(ruleset: ruleset)).play(seed: 7, bots: ruleset.teams.map { _ in .greedy })
        let teams = ruleset.teams.map(\.id)
        var picked: [Record] = []
        var seen: [String: Int] = [:]
        for r in game.state.records {
            let key = "\(r.kind.rawValue)/\(r.result ?? "")/\(r.roll == nil ? 0 : 1)/\(r.modifiers?.isEmpty == false ? 1 : 0)"
            seen[key, default: 0] += 1
            if seen[key]! <= 2 { picked.append(r) }
        }
        func deal(_ id: Int, team: String, result: String, note: String? = nil) -> Record {
            var r = Record(kind: .deal, turn: 2, visibleTo: [teams[0], teams[1]])
            r.deal = id; r.team = team; r.result = result; r.text = note
            return r
        }
        picked += [
            deal(1, team: teams[0], result: "open", note: "Rail first, then the summit."),
            deal(1, team: teams[1], result: "agreed"),
            deal(2, team: teams[2], result: "open"),
            deal(2, team: teams[1], result: "rejected"),
            deal(1, team: teams[0], result: "carried_out"),
            deal(9, team: "nobody_known", result: "expired"),
        ]
        var adjustment = Record(kind: .adjustment, turn: 3)
        adjustment.target = ruleset.tracks[0].id; adjustment.from = 40; adjustment.to = 55; adjustment.reason = "The class argued well."
        var injected = Record(kind: .event, turn: 3)
        injected.event = ruleset.events[0].id; injected.result = "injected"
        var unnamed = Record(kind: .event, turn: 4)
        unnamed.event = "no_such_event"; unnamed.result = "triggered"; unnamed.roll = 12
        var intel = Record(kind: .intel, turn: 2, visibleTo: [teams[0]])
        intel.text = "Satellite images show new activity at Yongbyon."
        var unknownOrder = Record(kind: .order, turn: 2)
        unknownOrder.team = teams[3]; unknownOrder.action = "unknown_action"; unknownOrder.result = "some_new_result"
        unknownOrder.params = ["target_team": .id(teams[0]), "amount": .number(3), "where": .id("no_such_place")]
        unknownOrder.chance = 60
        picked += [adjustment, injected, unnamed, intel, unknownOrder]
        // Flags read as yes and no, set and cleared, by an action or the instructor; a track beside them keeps its numbers.
        func effect(_ target: String, _ from: Int, _ to: Int, by cause: String, turn: Int) -> Record {
            var r = Record(kind: .effect, turn: turn)
            r.target = target; r.from = from; r.to = to; r.reason = cause
            return r
        }
        var flagAdjustment = Record(kind: .adjustment, turn: 4)
        flagAdjustment.target = "exercises_suspended"; flagAdjustment.from = 0; flagAdjustment.to = 1
        flagAdjustment.reason = "The class agreed the exercises stop."
        picked += [
            effect("contact_cut", 0, 1, by: "action:cut_contact", turn: 3),
            effect("exercises_suspended", 1, 0, by: "action:resume_exercises", turn: 3),
            effect("tension", 3, 4, by: "action:resume_exercises", turn: 3),
            flagAdjustment,
        ]
        // Projects read as their stages; parameters by their labels; a reveal names the team it was for.
        var projectAdjustment = Record(kind: .adjustment, turn: 4)
        projectAdjustment.target = "kaesong"; projectAdjustment.from = 0; projectAdjustment.to = 2
        projectAdjustment.reason = "The owners' visit went well."
        var aid = Record(kind: .order, turn: 2)
        aid.team = "rok"; aid.action = "fund_aid"; aid.params = ["amount": .number(2)]; aid.result = "success"
        var exemption = Record(kind: .order, turn: 2)
        exemption.team = "rok"; exemption.action = "request_exemption"; exemption.params = ["project": .id("kaesong")]; exemption.result = "refused"
        exemption.reason = "blocked by United States"
        var revealed = Record(kind: .effect, turn: 2, visibleTo: ["usa"])
        revealed.target = "food_insecure"; revealed.result = "revealed"; revealed.to = 9; revealed.reason = "action:needs_assessment"
        picked += [effect("rail_road", 2, 3, by: "action:proceed_alone", turn: 3), effect("rail_road", 3, 2, by: "upkeep", turn: 4),
                   projectAdjustment, aid, exemption, revealed]
        // Korean particles after a name: a deal answered (합의 #1을, #2를), a team locking (한국이), a reveal (회피가), and
        // the scenario's news filled with a name (한국과의, 개성공단으로, 연결로).
        var revealedEvasion = Record(kind: .effect, turn: 3, visibleTo: ["usa"])
        revealedEvasion.target = "evasion"; revealedEvasion.result = "revealed"; revealedEvasion.to = 30; revealedEvasion.reason = "action:panel_report"
        var locked = Record(kind: .locked, turn: 3)
        locked.team = "rok"
        func news(_ action: String, failure: Bool = false, _ placeholder: String, _ value: String) throws -> Record {
            let a = try #require(ruleset.actions.first { $0.id == action })
            var r = Record(kind: .news, turn: 3)
            r.text = try #require(failure ? a.failureNews : a.news).replacingOccurrences(of: "{\(placeholder)}", with: value)
            return r
        }
        let team = { (id: String) in ruleset.teams.first { $0.id == id }!.name }
        let project = { (id: String) in ruleset.projects.first { $0.id == id }!.name }
        picked += [deal(2, team: teams[3], result: "accepted"), revealedEvasion, locked,
                   try news("cut_contact", "target", team("rok")), try news("cut_contact", "target", team("usa")),
                   try news("proceed_alone", failure: true, "project", project("kaesong")),
                   try news("proceed_alone", failure: true, "project", project("rail_road"))]

        var names: [String: Names] = [:]
        var cases: [Case] = []
        for language in [Language.en, .ko] {
            let read = language == .en ? ruleset : ruleset.localized(to: language.rawValue)
            let translator = RecordTranslator(ruleset: ruleset, language: language)
            let proposers = [teams[0], teams[2]]
            let n = Names(
                teams: Dictionary(uniqueKeysWithValues: read.teams.map { ($0.id, $0.name) }),
                actions: Dictionary(read.actions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                targets: Dictionary(read.tracks.map { ($0.id, $0.name) } + read.flags.map { ($0.id, $0.name) } + read.projects.map { ($0.id, $0.name) },
                                    uniquingKeysWith: { a, _ in a }),
                events: Dictionary(read.events.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                flags: read.flags.map(\.id).sorted(),
                stages: Dictionary(read.projects.map { ($0.id, $0.statuses) }, uniquingKeysWith: { a, _ in a }),
                params: Dictionary(read.actions.compactMap { a -> (String, [String: String])? in
                    let labels = Dictionary(a.parameters.compactMap { p in p.label.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
                    return labels.isEmpty ? nil : (a.id, labels)
                }, uniquingKeysWith: { a, _ in a }),
                deals: Dictionary(uniqueKeysWithValues: proposers.enumerated().map { (String($0.offset + 1), $0.element) }))
            names[language.rawValue] = n
            let text = RecordText(names: n, language: language)
            for r in picked {
                let record = language == .en ? r : translator.translate(r)
                cases.append(Case(language: language.rawValue, record: record, expected: text.line(record)))
            }
        }
        let out = Cases(note: "Records and the words each renderer must show for them: ArmisticeEngine's RecordText (terminal, report) and clients/web/js/records.js. Written by RecordTextCasesTests (ARMISTICE_WRITE_RECORD_CASES=1); read the diff before committing.",
                        names: names, cases: cases)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (renamingVisibility(JSONEncoder().encode(out), from: "visibleTo", to: "visible_to") + Data("\n".utf8)).write(to: file)
    }
}
