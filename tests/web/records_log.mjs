// The browser's full records log (clients/web/js/views.js recordWords, used by describeRecord and recordItem) reads a
// project's value as the view names its stage, as the report, the replay and the terminal do (RecordText's stageName),
// never as its position. Run by test_records_log.py as `node records_log.mjs LANG`; prints one JSON object of the texts.
import { language } from "./page_globals.mjs";

const { describeRecord } = await import("../../clients/web/js/views.js");

// The view as the server sends it in each language: koreanization's rail and road project and a track.
const view = {
  en: { projects: [{ id: "rail_road", name: "Inter-Korean rail and road reconnection", status: "groundbreaking", index: 2,
    statuses: ["blocked", "surveyed", "groundbreaking", "construction", "operating"] }],
  tracks: [{ id: "tension", name: "Military tension" }] },
  ko: { projects: [{ id: "rail_road", name: "남북 철도·도로 연결", status: "착공", index: 2, statuses: ["막힘", "조사 완료", "착공", "공사 중", "운영 중"] }],
  tracks: [{ id: "tension", name: "군사적 긴장" }] },
}[language];
const names = Object.fromEntries([...view.projects, ...view.tracks].map((x) => [x.id, x.name]));

const game = {
  records: [],
  view: { flags: [], deals: [], events: [], ...view },
  targetName: (id) => names[id] ?? id,
  actionName: (id) => id,
  team: () => null,
  teamName: (id) => id,
  action: () => null,
};

const cases = {
  effect: { kind: "effect", turn: 2, target: "rail_road", from: 2, to: 3, reason: "upkeep" },
  adjustment: { kind: "adjustment", turn: 2, target: "rail_road", from: 3, to: 1, reason: "the class agreed" },
  // A position the view has no stage for (a stale view): the number, not a blank.
  unknown: { kind: "effect", turn: 2, target: "rail_road", from: 4, to: 7 },
  // A track keeps its numbers.
  track: { kind: "effect", turn: 2, target: "tension", from: 2, to: 3 },
};
console.log(JSON.stringify(Object.fromEntries(Object.entries(cases).map(([k, r]) => [k, describeRecord(game, r).text]))));
