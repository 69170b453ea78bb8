import ArmisticeWire
@testable import ArmisticeServer
import Foundation
import Testing

/// The view merge against the server itself: a Coral Strait (tutorial) match played through its phases (chat, a deal, drafts,
/// locks, adjudication, news, an adjustment, the clock, the end), watched by the instructor, a player and the
/// projector on armistice.v2 and a player on armistice.v1. After each step every watcher asks for a snapshot, and the
/// wire's merge of what it received must give that snapshot's view. With ARMISTICE_WRITE_MERGE_CASES=1 the steps
/// that show something new are written to Tests/Fixtures/wire/merge-cases.json, the cases the browser's and the
/// Python bot's merges run too.
@Suite struct MergeCaseCaptureTests {
    static let casesFile = CoreHarness.repoRoot + "/Tests/Fixtures/wire/merge-cases.json"

    struct Watcher {
        var name: String
        var client: ClientID
        /// The view of its last snapshot (records left out).
        var truth: [String: JSONValue]?
    }

    @Test func theWireMergeGivesTheSnapshotsViewThroughARealMatch() throws {
        let h = CoreHarness()
        let (instructor, code) = h.createRoom(ruleset: "coral_strait", seed: 11, phases: ["briefing": 30, "negotiation": 120, "orders": 120])
        let marisol = h.join(code, name: "Ana", team: "marisol", address: "10.2.0.1")
        let mediator = h.join(code, name: "Mo", team: "mediator", address: "10.2.0.2")
        let legacy = h.connect(address: "10.2.0.3", hello: false)
        h.send(legacy, ["type": "hello", "protocol": ProtocolVersion.legacy])
        #expect(h.send(legacy, ["type": "join", "code": code, "name": "Teo", "team": "tervane"]).contains { $0["type"] as? String == "joined" })
        let observer = h.join(code, name: "Projector", role: "observer")
        var watchers = [Watcher(name: "instructor", client: instructor.client), Watcher(name: "marisol", client: marisol.client),
                        Watcher(name: "tervane (armistice.v1)", client: legacy), Watcher(name: "projector", client: observer.client)]
        var cases: [JSONValue] = []

        func step(_ name: String, _ act: () -> Void) {
            let before = watchers.map { h.inbox[$0.client]?.count ?? 0 }
            act()
            for (w, start) in zip(watchers.indices, before) {
                let received = (h.inbox[watchers[w].client] ?? []).dropFirst(start).filter {
                    ["snapshot", "update", "chat", "clock", "roster"].contains($0["type"] as? String)
                }.compactMap { m -> JSONValue? in
                    var raw = m
                    if raw["changes"] != nil { raw["view"] = nil }   // the harness's merged copy, not what was sent
                    return ViewMerge.jsonValue(raw)
                }
                let old = watchers[w].truth
                let snapshot = h.send(watchers[w].client, ["type": "resync"]).first { $0["type"] as? String == "snapshot" }
                let truth = snapshot.flatMap(ViewMerge.jsonValue).flatMap { ViewMerge.apply($0, to: nil) }
                watchers[w].truth = truth
                guard !received.isEmpty else { continue }
                let merged = received.reduce(old) { ViewMerge.apply($1, to: $0) }
                #expect(merged == truth, "\(name), \(watchers[w].name)")
                cases.append(["name": .string("\(name) (\(watchers[w].name))"), "view": old.map(JSONValue.object) ?? .null,
                              "messages": .array(received), "expected": truth.map(JSONValue.object) ?? .null])
            }
        }
        func send(_ client: ClientID, _ request: [String: Any]) {
            #expect(CoreHarness.errorCode(h.send(client, request)) == nil, "\(request)")
        }

        step("the first snapshot") { for w in watchers { h.send(w.client, ["type": "resync"]) } }
        step("the instructor starts") { send(instructor.client, ["type": "start"]) }
        step("briefing to negotiation") { send(instructor.client, ["type": "skip"]) }
        step("chat to everyone") { send(marisol.client, ["type": "chat", "channel": "all", "text": "Shall we talk quotas?"]) }
        step("a deal proposed") {
            send(marisol.client, ["type": "propose_deal", "note": "both fleets stay home",
                                  "commitments": [["team": "marisol", "action": "marisol_patrol"], ["team": "tervane", "action": "tervane_show_of_force"]]])
        }
        step("the deal withdrawn") { send(marisol.client, ["type": "withdraw_deal", "deal": 1]) }
        step("a second deal proposed") {
            send(marisol.client, ["type": "propose_deal", "commitments": [["team": "marisol", "action": "marisol_fish_hard"], ["team": "tervane", "action": "tervane_fish_hard"]]])
        }
        step("the deal accepted") { send(legacy, ["type": "respond_deal", "deal": 2, "accept": true]) }
        step("negotiation to orders") { send(instructor.client, ["type": "skip"]) }
        step("the mediator drafts") { send(mediator.client, ["type": "set_orders", "orders": [["action": "draft_accord", "params": ["quota": 2]]]]) }
        step("the mediator redrafts") { send(mediator.client, ["type": "set_orders", "orders": [["action": "stock_survey"]]]) }
        step("marisol drafts and locks") {
            send(marisol.client, ["type": "set_orders", "orders": [["action": "marisol_fish_hard"]]])
            send(marisol.client, ["type": "lock"])
        }
        step("the instructor pauses") { send(instructor.client, ["type": "pause"]) }
        step("the instructor extends and resumes") {
            send(instructor.client, ["type": "extend", "seconds": 30])
            send(instructor.client, ["type": "unpause"])
        }
        step("orders to adjudication") { send(instructor.client, ["type": "skip"]) }
        step("adjudication to results") { send(instructor.client, ["type": "skip"]) }
        step("news injected") { send(instructor.client, ["type": "inject_news", "text": "A storm is coming"]) }
        step("a track adjusted") { send(instructor.client, ["type": "adjust", "target": "goodwill", "value": 4, "reason": "a good week"]) }
        step("results to the next turn") { send(instructor.client, ["type": "skip"]) }
        step("the clock runs out") { h.advance(seconds: 31) }
        step("the instructor ends the match") { send(instructor.client, ["type": "end", "reason": "time is up"]) }

        #expect(cases.count > 40)
        if ProcessInfo.processInfo.environment["ARMISTICE_WRITE_MERGE_CASES"] == "1" { try Self.write(Self.select(cases)) }
    }

    /// The cases that show something no earlier case showed: a step as the player saw it, a message type, a field
    /// changed, patched or gone, a property gone, a phase, a watcher's first case. Keeps the file a few hundred kilobytes.
    static func select(_ cases: [JSONValue]) -> [JSONValue] {
        var seen: Set<String> = []
        return cases.filter { c in
            let name = c["name"]?.string ?? ""
            let step = name.components(separatedBy: " (").first ?? name
            var features: Set<String> = ["watcher " + name.dropFirst(step.count)]
            // Every step once, as the player saw it (a player's view is the smallest that has drafts and deals).
            if name.hasSuffix("(marisol)") { features.insert("step " + step) }
            for m in c["messages"]?.array ?? [] {
                features.insert("type " + (m["type"]?.string ?? ""))
                if m["type"]?.string == "update", m["view"] != nil { features.insert("armistice.v1 update") }
                for (field, value) in m["changes"]?.object ?? [:] { features.insert((value.isNull ? "gone " : "changed ") + field) }
                for (field, elements) in m["patches"]?.object ?? [:] {
                    features.insert("patched " + field)
                    for p in elements.object.values.flatMap(\.object) where p.value.isNull { features.insert("property gone \(field).\(p.key)") }
                }
            }
            features.insert("phase " + (c["expected"]?["phase"]?.string ?? ""))
            let new = !features.isSubset(of: seen)
            seen.formUnion(features)
            return new
        }
    }

    static func write(_ cases: [JSONValue]) throws {
        let about = "Cases for a client's armistice.v2 view merge (docs/protocol.md), written by MergeCaseCaptureTests from a "
            + "tutorial match: `view` is the view held (without records; null: none yet), `messages` what the server sent "
            + "next, `expected` the view of the snapshot the server sent right after. Run by the Swift, browser and Python merges."
        let text = "{\"about\":" + JSONValue.string(about).text + ",\n\"cases\":[\n" + cases.map(\.text).joined(separator: ",\n") + "\n]}\n"
        try text.write(toFile: casesFile, atomically: true, encoding: .utf8)
    }
}
