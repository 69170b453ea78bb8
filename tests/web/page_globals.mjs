// What the browser's modules (clients/web/js) ask of the page, for Node: the reader's language (`node SCRIPT LANG`),
// no stored choice, and fetch reading the catalogs from disk. Import it before them, then import them with `await import`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const language = process.argv[2] || "en";
globalThis.navigator = { languages: [language], language };
globalThis.localStorage = { getItem: () => null, setItem: () => {} };
globalThis.fetch = async (url) => ({ ok: true, status: 200, json: async () => JSON.parse(readFileSync(fileURLToPath(url), "utf8")) });
