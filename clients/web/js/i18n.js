// The interface's language: one catalog per language (locales/LANG.json, flat keys → strings with {name}
// placeholders; a plural is an object keyed by CLDR plural categories, chosen with Intl.PluralRules), numbers and
// times through Intl, and the 한국어/English switch every page shows. The choice is kept per browser (localStorage)
// and defaults to the browser's languages. English is the fallback for a key a catalog lacks.
//
// Static text in the HTML carries data-i18n="key" (its text) and data-i18n-attr="attr:key;attr:key" (attributes);
// translatePage() fills both, and sets <html lang>. Pages re-render their own dynamic text when onLanguage() fires.

import { textOf } from "./catalog.js";

/** The languages offered, each named in itself. */
export const LANGUAGES = [{ id: "ko", name: "한국어" }, { id: "en", name: "English" }];
const IDS = LANGUAGES.map((l) => l.id);
const STORE = "armistice.lang";

const catalogs = {};
const listeners = new Set();

function stored() {
  try { const v = localStorage.getItem(STORE); return IDS.includes(v) ? v : null; } catch { return null; }
}

/** The first of the browser's languages that we have, else English. */
export function browserLanguage(list = navigator.languages || [navigator.language]) {
  for (const tag of list || []) {
    const base = String(tag || "").toLowerCase().split("-")[0];
    if (IDS.includes(base)) return base;
  }
  return "en";
}

let current = stored() || browserLanguage();

async function load(id) {
  if (catalogs[id]) return catalogs[id];
  const r = await fetch(new URL(`../locales/${id}.json`, import.meta.url), { cache: "no-cache" });
  if (!r.ok) throw new Error(`locales/${id}.json: ${r.status}`);
  catalogs[id] = await r.json();
  return catalogs[id];
}

await load("en");
if (current !== "en") { try { await load(current); } catch (e) { console.error(e); current = "en"; } }

/** The interface language now: "ko" or "en". */
export function lang() { return current; }

/** True when this browser's person chose a language (rather than it coming from the browser's settings). */
export function chosen() { return stored() !== null; }

/** Whether the catalog (or the English fallback) has the key. */
export function has(key) { return key in (catalogs[current] || {}) || key in catalogs.en; }

const numberFormats = new Map();
/** A number in the interface's language (grouping, digits). */
export function num(n, options = {}) {
  const k = `${current}:${JSON.stringify(options)}`;
  if (!numberFormats.has(k)) numberFormats.set(k, new Intl.NumberFormat(current, options));
  return numberFormats.get(k).format(n);
}

/** A clock time (hours and minutes) in the interface's language. */
export function time(t) {
  if (!t) return "";
  return new Intl.DateTimeFormat(current, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(t));
}

/** A list of names: "a, b, c" in both languages (Intl.ListFormat's Korean unit lists drop the commas, and its
 * conjunctions add "및"/"and" where a list of teams wants none). */
export function list(items) {
  return items.map(String).join(", ");
}

/** A text shown as a sentence of its own starts with a capital letter ("The last turn was played"): a server's
 * reason may come as the middle of a sentence. Scripts without case (Hangul) are left as they are. */
export function sentence(text) {
  const s = String(text ?? "");
  return s ? s[0].toLocaleUpperCase(current) + s.slice(1) : s;
}

/**
 * The text of `key` in the interface's language, with {name} placeholders filled from `params` (numbers through
 * Intl.NumberFormat, strings as they are). A plural entry is chosen by `params.count`. An unknown key shows itself.
 * `id` asks for another loaded language than the interface's (English is always loaded).
 */
export function t(key, params = {}, id = current) {
  const text = textOf(catalogs, key, params, id, num);
  if (text === undefined) { console.warn(`i18n: no text for ${key}`); return key; }
  return text;
}

/** Whether a text is already written in the interface's language (the server's messages are English unless it was
 * asked for another language, and then Korean ones hold Hangul). */
function inLanguage(text) {
  return current === "ko" ? /[\uAC00-\uD7A3]/.test(text) : current === "en";
}

/**
 * A server error in words. The server's own message is the most precise (it names the field, the phase, the team):
 * it is shown when it is in the interface's language; else the catalog's text for the error's stable code; else the
 * server's message as it is.
 */
export function errorText(code, message) {
  if (message && inLanguage(message)) return message;
  if (code && has(`error.${code}`)) return t(`error.${code}`);
  return message || code || t("error.unknown");
}

/** Fills every [data-i18n] and [data-i18n-attr] under root, and sets <html lang>. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of node.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) node.setAttribute(attr, t(key));
    }
  }
  for (const box of root.querySelectorAll(".lang-switch button[data-lang]")) box.setAttribute("aria-pressed", String(box.dataset.lang === current));
  for (const box of root.querySelectorAll(".lang-switch")) box.setAttribute("aria-label", t("lang.switch"));
}

/** Calls fn(lang, {remember}) after every change of language (`remember`: a person chose it). */
export function onLanguage(fn) { listeners.add(fn); }

/**
 * Changes the interface language. `remember` keeps it for this browser (a person's choice); the projector following
 * its room's language does not remember it.
 */
export async function setLanguage(id, { remember = true } = {}) {
  if (!IDS.includes(id)) return;
  if (remember) { try { localStorage.setItem(STORE, id); } catch { /* private mode */ } }
  if (id === current) return;
  await load(id);
  current = id;
  numberFormats.clear();
  translatePage();
  for (const fn of listeners) { try { fn(id, { remember }); } catch (e) { console.error(e); } }
}

/** The 한국어/English switch: two buttons, each named in its own language (and marked with its lang). */
export function languageSwitch() {
  const box = document.createElement("div");
  box.className = "lang-switch";
  box.setAttribute("role", "group");
  for (const l of LANGUAGES) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "small";
    b.dataset.lang = l.id;
    b.lang = l.id;
    b.textContent = l.name;
    b.addEventListener("click", () => setLanguage(l.id));
    box.append(b);
  }
  return box;
}

/** Puts the switch into every [data-lang-switch] slot of the page and translates the page. */
export function startPage() {
  for (const slot of document.querySelectorAll("[data-lang-switch]")) slot.replaceChildren(languageSwitch());
  translatePage();
}
