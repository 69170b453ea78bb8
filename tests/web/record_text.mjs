// Runs the records renderer's cases (Tests/Fixtures/records/record-text-cases.json) through the browser's renderer
// (clients/web/js/records.js) with the browser's catalogs. Prints each mismatch; exits 1 if there is one.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordText } from "../../clients/web/js/records.js";
import { textOf } from "../../clients/web/js/catalog.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const json = (path) => JSON.parse(readFileSync(root + path, "utf8"));
const catalogs = { en: json("clients/web/locales/en.json"), ko: json("clients/web/locales/ko.json") };
const file = json("Tests/Fixtures/records/record-text-cases.json");

function names(n) {
  const of = (map) => (id) => map[id] ?? null;
  const stage = (id, i) => { const s = n.stages[id]?.[i]; return s == null ? null : s.replace(/_/g, " "); };
  return { teamName: of(n.teams), actionName: of(n.actions), targetName: of(n.targets), isFlag: (id) => n.flags.includes(id), eventName: of(n.events),
    dealProposer: (d) => n.deals[String(d)] ?? null, stageName: stage, paramName: (action, id) => n.params[action]?.[id] ?? null };
}

let failures = 0;
for (const c of file.cases) {
  const words = {
    t: (key, params = {}) => textOf(catalogs, key, params, c.language) ?? key,
    knows: (key) => key in catalogs[c.language] || key in catalogs.en,
  };
  const got = recordText(names(file.names[c.language]), words).line(c.record);
  for (const field of ["label", "text", "detail"]) {
    if (got[field] !== c.expected[field]) {
      failures += 1;
      console.log(`${c.language} ${c.record.kind} turn ${c.record.turn} ${field}:\n  expected ${JSON.stringify(c.expected[field])}\n  got      ${JSON.stringify(got[field])}`);
    }
  }
}
console.log(`${file.cases.length} cases, ${failures} mismatches`);
process.exit(failures ? 1 : 0);
