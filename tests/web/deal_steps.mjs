// Runs the deal-step cases (Tests/Fixtures/deals/deal-steps-cases.json) through the browser's stepRecords
// (clients/web/js/commitments.js), as DealStepCasesTests runs them through the engine's Deal.stepRecords. Prints one
// JSON object: {cases, mismatches: [...]}.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { language } from "./page_globals.mjs";

const { stepRecords, stepsNotTaken, stepsFailed, failedItsRoll, wasNotTaken, dealOutcomeText, carriedOutInPart, dealBadgeKey } = await import("../../clients/web/js/commitments.js");

const root = fileURLToPath(new URL("../../", import.meta.url));
const file = JSON.parse(readFileSync(root + "Tests/Fixtures/deals/deal-steps-cases.json", "utf8"));
const mismatches = [];
for (const c of file.cases) {
  const got = stepRecords(c.deal, c.records).map((r) => (r ? (wasNotTaken(r) ? "not_taken" : "taken") : null));
  if (JSON.stringify(got) !== JSON.stringify(c.expected)) mismatches.push({ name: c.name, expected: c.expected, got });
  const missed = stepsNotTaken(c.deal, c.records).length;
  if (missed !== c.expected.filter((x) => x === "not_taken").length) mismatches.push({ name: c.name, stepsNotTaken: missed });
  // The steps taken whose die failed (Deal.stepsFailed): said beside "carried out" (outside tester qa5 #9).
  const failed = stepRecords(c.deal, c.records).flatMap((r, i) => (r && failedItsRoll(r) ? [i] : []));
  if (JSON.stringify(failed) !== JSON.stringify(c.failed)) mismatches.push({ name: c.name, failed: c.failed, got: failed });
  if (stepsFailed(c.deal, c.records).length !== c.failed.length) mismatches.push({ name: c.name, stepsFailed: stepsFailed(c.deal, c.records).length });
}

// The card of the report's deal (REPORT-browser, second class #3) in the reader's language (`node deal_steps.mjs LANG`).
const names = {
  en: { dprk: "DPRK", usa: "United States", rok: "ROK", offer_yongbyon: "Table Yongbyon", us_summit: "Hold a US-DPRK summit",
        propose_summit: "Propose an inter-Korean summit" },
  ko: { dprk: "북한", usa: "미국", rok: "한국", offer_yongbyon: "영변 제안", us_summit: "북미 정상회담 개최", propose_summit: "남북정상회담 제안" },
}[language];
const summit = file.cases.find((c) => c.name.startsWith("a step whose requirement failed"));
const game = (records) => ({ records, view: { deals: [summit.deal], actions: [], catalog: [] }, team: () => null,
  teamName: (id) => names[id] ?? id, actionName: (id) => names[id] ?? id });
const deal = { ...summit.deal, commitments: [{ team: "dprk", action: "offer_yongbyon" }, { team: "usa", action: "us_summit" }] };
const records = summit.records.map((r) => (r.action === "table_yongbyon" ? { ...r, action: "offer_yongbyon" } : r));
const full = records.map((r) => (r.action === "us_summit" ? { ...r, result: "success", reason: undefined } : r));
const covert = records.filter((r) => r.action !== "us_summit");
const card = (rs) => ({ inPart: carriedOutInPart(game(rs), deal), text: dealOutcomeText(game(rs), deal, "dprk") });
// The tester's deal (qa5 #9): ROK's summit, taken, failed its roll; with a step not taken beside it; and unseen.
const qa5 = file.cases.find((c) => c.name.includes("qa5 #9"));
const failedCard = (rs, d = qa5.deal) => ({ inPart: carriedOutInPart(game(rs), d), text: dealOutcomeText(game(rs), d, "rok") });
// The badge's word for each (a deal.status.* key).
const badges = { partly: dealBadgeKey(game(records), deal), full: dealBadgeKey(game(full), deal),
  failed: dealBadgeKey(game(qa5.records), qa5.deal), failedUnseen: dealBadgeKey(game(qa5.records.filter((r) => r.kind !== "order")), qa5.deal) };
const both = { ...qa5.deal, commitments: [...qa5.deal.commitments, { team: "usa", action: "us_summit" }] };
const bothRecords = [...qa5.records, { kind: "order", turn: 1, team: "usa", action: "us_summit", result: "precondition_failed", reason: "No working-level groundwork for a summit." }];
console.log(JSON.stringify({ cases: file.cases.length, mismatches, partly: card(records), full: card(full), unseen: card(covert),
  failed: failedCard(qa5.records), failedAndPartly: failedCard(bothRecords, both),
  failedUnseen: failedCard(qa5.records.filter((r) => r.kind !== "order")), badges }));
