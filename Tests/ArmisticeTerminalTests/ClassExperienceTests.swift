import Foundation
import Testing
@testable import ArmisticeTerminal

/// Issue 13 in the terminal: deals in the draft, the turn summary, names in words and whole at 80×24.
@Suite struct ClassExperienceTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func update(_ s: inout ClientState, seq: Int, changes: String = "{}", records: String = "[]") {
        _ = s.apply(message: #"{"type":"update","seq":\#(seq),"prev":\#(seq - 1),"cause":{"type":"respond_deal","by":"s3"},"changes":\#(changes),"records":\#(records)}"#, now: Fixtures.now)
    }

    /// The fixture's open deal (Tervane shares its survey, Marisol fishes hard), agreed; the catalog names Tervane's action.
    static func agreed() -> ClientState {
        var s = Fixtures.seated()
        update(&s, seq: 58, changes: """
        {"deals":[{"id":1,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"patrol","params":{}}],"accepted":["tervane","marisol"],"status":"agreed","note":"fair share"}],
         "catalog":[{"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[]}]}
        """)
        return s
    }

    @Test func anAgreedDealsCommitmentIsALockedLineOfTheDraftCountedInTheBudget() {
        var s = Self.agreed()
        s.focus(.draft)
        let text = Self.screen(s)
        #expect(text.contains("🔒 Naval patrol (2) deal #1"))
        #expect(text.contains("Budget 3 · spent 3 (deals 2) · left 0"))
        #expect(s.committedCost(of: "marisol") == 2)
        #expect(s.commitments(of: "tervane").map(\.cost) == [1])
    }

    @Test func draftingAPromisedActionIsRefusedAtOnceAndADraftedCopyIsFlagged() {
        var s = Self.agreed()
        let effects = s.perform(.add(action: "patrol", params: [:]))
        #expect(effects == [.notice("[error] Naval patrol is already promised in deal #1: it is carried out with your orders")])
        // A copy drafted before the deal was agreed says so on its line.
        Self.update(&s, seq: 59, changes: #"{"orders":{"marisol":{"orders":[{"action":"patrol","params":{}}],"consents":{}}},"spent":{"marisol":2}}"#)
        s.focus(.draft)
        let draft = Self.screen(s)
        #expect(draft.contains("1. Naval patrol (2) ⚠ also in deal"))
        #expect(draft.contains("#1: remove it"))
        #expect(draft.contains("Budget 3 · spent 4 (deals 2) · left -1"))
        // The Actions pane marks it too.
        s.focus(.actions)
        #expect(Self.screen(s).contains("🔒Naval patrol"))
    }

    @Test func dealCardsNameActionsAndParametersAndSayWhatWillHappen() {
        var s = Self.agreed()
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(text.contains("Kingdom of Tervane: Share the"))
        #expect(!text.contains("share survey") && !text.contains("share_survey"))
        #expect(text.contains("→ Agreed: carried out with this"))
        let plain = s.dealLines().joined()
        #expect(plain.contains("Republic of Marisol: Naval patrol"))
        #expect(plain.contains("do not draft it."))
    }

    static let turnRecords = """
    [{"kind":"phase","turn":1,"phase":"adjudication"},
     {"kind":"event","turn":1,"event":"storm","text":"Storm season","result":"random","roll":1},
     {"kind":"effect","turn":1,"target":"marisol_catch","from":8,"to":7,"reason":"event:storm"},
     {"kind":"deal","turn":1,"deal":1,"result":"carried_out","team":"tervane"},
     {"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"failure","chance":60,"roll":91,"modifiers":[{"reason":"calm seas","add":10}]},
     {"kind":"order","turn":1,"team":"marisol","action":"fish_hard","result":"success"},
     {"kind":"order","turn":1,"team":"tervane","action":"share_survey","result":"refused","reason":"blocked by Republic of Marisol"},
     {"kind":"effect","turn":1,"target":"marisol_catch","from":7,"to":10,"reason":"action:fish_hard"},
     {"kind":"effect","turn":1,"target":"goodwill","from":3,"to":2,"reason":"upkeep"},
     {"kind":"effect","turn":1,"target":"goodwill","from":2,"to":3,"reason":"upkeep"},
     {"kind":"effect","turn":1,"target":"fishing_accord","from":1,"to":2,"reason":"action:fish_hard"},
     {"kind":"adjustment","turn":1,"target":"friction","from":2,"to":4,"reason":"the class agreed"},
     {"kind":"phase","turn":1,"phase":"results"}]
    """

    @Test func theTurnSummaryGivesMyOrdersWhyThenOthersThenOneLinePerTrack() {
        var s = Self.agreed()
        Self.update(&s, seq: 59, changes: #"{"phase":"results"}"#, records: Self.turnRecords)
        let summary = TurnSummary(turn: 1, records: s.records, team: "marisol")
        #expect(summary.mine.count == 2 && summary.others.count == 1)
        #expect(summary.changes == [.init(target: "marisol_catch", from: 8, to: 10), .init(target: "fishing_accord", from: 1, to: 2),
                                    .init(target: "friction", from: 2, to: 4, reasons: ["the class agreed"])])
        #expect(summary.unchanged == ["goodwill"])
        let lines = summary.lines(in: s).map(\.text)
        #expect(lines.contains("Naval patrol → failed: rolled 91, needed 60 or less (+10 calm seas)"))
        #expect(lines.contains("Fish hard → succeeded: no dice: it always succeeds"))
        #expect(lines.contains("Kingdom of Tervane: Share the stock survey → refused: consent: blocked by Republic of Marisol"))
        #expect(lines.contains("Marisol's catch: 8 → 10 (+2)"))
        #expect(lines.contains("Coral Strait fishing accord: draft → initialled"))
        #expect(lines.contains("Event: Storm season (by chance)"))
        #expect(lines.contains("Friction at sea: 2 → 4 (+2) — set by the instructor: the class agreed"))
        #expect(lines.firstIndex(of: "Your orders:")! < lines.firstIndex(of: "Others, as far as you can see:")!)
        #expect(!lines.joined().contains("🎲 1"))

        // On screen: the summary first, the full log after f.
        s.focus(.results)
        let shown = Self.screen(s)
        #expect(shown.contains("Your orders:"))
        #expect(shown.contains("Naval patrol → failed"))
        #expect(!shown.contains("(upkeep"))
        _ = s.handle(key: .char("f"))
        let log = Self.screen(s)
        #expect(log.contains("full log"))
        #expect(log.contains("(upkeep, every turn)"))
        // The plain mode's `results` gives the same summary.
        let plain = s.perform(.results)
        #expect(plain.contains(.notice("Your orders:")))
    }

    @Test func newsGetsAnUnreadMarkUntilItIsShown() {
        var s = Fixtures.seated()
        s.focus(.news)
        s.focus(.board)
        #expect(!Self.screen(s).contains("News("))
        Self.update(&s, seq: 58, records: #"[{"kind":"news","turn":1,"text":"A trawler ran aground."}]"#)
        let marked = Self.screen(s).split(separator: "\n")[1]
        #expect(marked.contains("6 News(1)"))
        #expect(marked.contains("8 Brief"))
        s.focus(.news)
        #expect(!Self.screen(s).split(separator: "\n")[1].contains("News("))
    }

    @Test func theBriefPaneShowsTheBriefAndTheObjectivesWithTheirPoints() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: """
        {"objectives":[{"id":"catch","team":"marisol","text":"Land a catch of 30 or more","points":3},{"id":"accord","team":"all","text":"The accord is signed","points":0}]}
        """)
        _ = s.handle(key: .char("8"))
        let text = Self.screen(s)
        #expect(text.contains("Your fishing fleet feeds the island."))
        #expect(text.contains("Land a catch of 30 or more — 3"))
        #expect(text.contains("• The accord is signed — points"))
        #expect(text.contains("counted at the end"))
        #expect(!text.contains("— 0 points"))
    }

    @Test func longTrackNamesAndConsentStatesAreNeverCutMidWord() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: """
        {"tracks":[{"id":"military","name":"Military tension on the peninsula","description":"","value":3,"min":0,"max":10,"level":"Armed standoff along the line"}],
         "consents":[{"action":"tervane_survey","name":"Publish the stock survey","teams":["tervane"],"rule":"veto"}]}
        """)
        let text = Self.screen(s)
        #expect(text.contains("Military tension on the peninsula"))
        #expect(text.contains("Armed standoff along the line"))
        #expect(text.contains("? Kingdom of Tervane: Publish the"), "\(text)")
        #expect(text.contains("undecided"))
        #expect(!text.contains("…"))
    }

    @Test func withoutARoomTheScreenNamesTheServerItRetriesAndQuittingPromisesNoSeat() {
        var s = ClientState()
        s.server = "ws://10.0.0.9:8080/ws"
        s.connection = .reconnecting(attempt: 4)
        let text = Self.screen(s)
        #expect(text.contains("Cannot reach ws://10.0.0.9:8080/ws: retrying (4)… q quits"))
        _ = s.handle(key: .char("q"))
        let quit = Self.screen(s)
        #expect(quit.contains("You have not taken a seat"))
        #expect(!quit.contains("Your seat is kept"))
    }

    @Test func everyTeamLockedIsSaidAndAFinishedMatchCountsNothingDown() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: """
        {"teams":[{"id":"marisol","name":"Republic of Marisol","colour":"#d35400","locked":true,"brief":"Your fishing fleet feeds the island.","budget":3},
                  {"id":"tervane","name":"Kingdom of Tervane","colour":"#16a085","locked":true},
                  {"id":"mediator","name":"Regional Fisheries Mediator","colour":"#7f8c8d","locked":false}]}
        """)
        #expect(s.everyPlayedTeamLocked, "the mediator has no players: it does not hold the phase up")
        #expect(Self.screen(s).contains("Every team has locked in"))
        Self.update(&s, seq: 59, changes: #"{"phase":"results","outcome":{"id":"accord","name":"An accord","text":"Signed.","reason":"","scores":{"marisol":3}}}"#)
        // The ending is decided, but the last turn's results still run on their clock: not yet "MATCH OVER".
        let decided = Self.screen(s).split(separator: "\n")[0]
        #expect(decided.contains("LAST TURN'S RESULTS") && !decided.contains("MATCH OVER"), "\(decided)")
        Self.update(&s, seq: 60, changes: #"{"phase":"ended"}"#)
        let header = Self.screen(s).split(separator: "\n")[0]
        #expect(header.contains("MATCH OVER"))
        #expect(!header.contains(":00") && !header.contains("RESULTS"))
    }

    @Test func aConsentADealPromisesIsSettledAndCannotBeChangedInTheDraft() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: """
        {"consents":[{"action":"tervane_survey","name":"Publish the stock survey","teams":["tervane"],"rule":"veto"}],
         "deals":[{"id":2,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"commitments":[{"team":"marisol","consent":"tervane_survey","decision":"approve"}],"accepted":["tervane","marisol"],"status":"agreed","note":""}]}
        """)
        s.focus(.draft)
        _ = s.handle(key: .down) // the order, then the consent
        let effects = s.handle(key: .enter)
        #expect(effects == [.notice("[error] deal #2 settles this decision: approve")])
        let text = Self.screen(s)
        #expect(text.contains("approve (deal #2)"))
    }

    @Test func typingADealListsWhatItMayNameWithNames() {
        var s = Self.agreed()
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        let text = Self.screen(s)
        #expect(text.contains("marisol:patrol — Naval patrol (2)"))
        #expect(text.contains("tervane:share_survey — Share the"))
    }
}
