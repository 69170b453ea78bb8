// The browser's turn summary names each cause of a change with its share (clients/web/js/summary.js): the instructor's
// adjustment, an action, the upkeep, and a cause this seat is not shown. Run by test_summary_causes.py as
// `node summary_causes.mjs LANG`; prints one JSON object of the texts.
import { language } from "./page_globals.mjs";

const { turnSummary, changeText } = await import("../../clients/web/js/summary.js");

const names = {
  en: { tension: "Military tension", cut_contact: "Cut contact", dprk: "DPRK", rok: "ROK" },
  ko: { tension: "군사적 긴장", cut_contact: "연락 차단", dprk: "북한", rok: "한국" },
}[language];

function game(records) {
  return {
    records,
    view: { flags: [], projects: [], deals: [], events: [] },
    targetName: (id) => names[id] ?? id,
    actionName: (id) => names[id] ?? id,
    team: (id) => (names[id] ? { id, name: names[id] } : null),
    action: () => null,
  };
}

const adjust = (from, to, reason) => ({ kind: "adjustment", turn: 1, target: "tension", from, to, reason });
const effect = (from, to, reason) => ({ kind: "effect", turn: 1, target: "tension", from, to, ...(reason ? { reason } : {}) });

const cases = {
  // REPORT-terminal #1: the instructor set 4 → 6, DPRK's action 6 → 7, the upkeep 7 → 8.
  mixed: [adjust(4, 6, "DMZ 총격 사건 (수업용)"), effect(6, 7, "action:cut_contact"), effect(7, 8, "upkeep")],
  // A covert action's effect reaches this seat without its cause.
  hidden: [adjust(2, 3, "a drill"), effect(3, 6)],
  // Only the instructor moved it: said as before, the reason in quotes.
  instructor_only: [adjust(4, 6, "the class agreed")],
  // No adjustment: no causes listed.
  plain: [effect(4, 5, "action:cut_contact")],
};

const out = {};
for (const [name, records] of Object.entries(cases)) {
  const g = game(records);
  const s = turnSummary(g, 1, "rok");
  const change = s.changes.find((c) => c.target === "tension");
  out[name] = change ? changeText(g, change) : `no change in ${JSON.stringify(Object.keys(s))}`;
}
console.log(JSON.stringify(out));
