// Reading a message catalog: no DOM, no fetching, so Node runs it too (tests/web). i18n.js loads the catalogs and
// keeps the interface's language; this finds a key's text and fills its placeholders.

/** [entry, language it came from] for `key` in language `id`, English as the fallback; [undefined, id] if neither has it. */
export function lookup(catalogs, key, id) {
  const mine = catalogs[id]?.[key];
  if (mine !== undefined) return [mine, id];
  const en = catalogs.en?.[key];
  if (en !== undefined) return [en, "en"];
  return [undefined, id];
}

/** `text` with its {name} placeholders filled from `params`: numbers through `num`, strings as they are. */
export function fill(text, params, num = String) {
  return text.replace(/\{(\w+)\}/g, (all, name) => {
    if (!(name in params)) return all;
    const v = params[name];
    return typeof v === "number" ? num(v) : String(v ?? "");
  });
}

/** The text of `key` in language `id`, filled; a plural entry chosen by `params.count`; undefined for an unknown key. */
export function textOf(catalogs, key, params, id, num = String) {
  const [entry, from] = lookup(catalogs, key, id);
  if (entry === undefined) return undefined;
  if (typeof entry === "object" && entry !== null) {
    const category = new Intl.PluralRules(from).select(Number(params.count) || 0);
    return particles(fill(entry[category] ?? entry.other ?? "", params, num), from);
  }
  return particles(fill(entry, params, num), from);
}

// Korean particles that depend on the word before them: the catalog writes both forms, 을(를), 이(가), 은(는), 와(과),
// (으)로, and the one the filled-in word takes is kept (as the server does, ArmisticeLocale's Josa: the same rules).
const PARTICLES = [["을(를)", "을", "를"], ["이(가)", "이", "가"], ["은(는)", "은", "는"], ["와(과)", "과", "와"], ["(으)로", "으로", "로"]];
const SKIPPED = new Set(["”", "’", "\"", "'", "]", "」", "』", " "]);

/** Whether the text's last character, past closing quotes and spaces, is a Hangul syllable. */
function endsInHangul(text) {
  let i = text.length - 1;
  while (i >= 0 && SKIPPED.has(text[i])) i--;
  const code = i >= 0 ? text.charCodeAt(i) : 0;
  return code >= 0xAC00 && code <= 0xD7A3;
}

/** Where the parenthesis that closes `text` opens, or -1 when it does not. */
function openingParenthesis(text) {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth += 1;
    else if (text[i] === "(") { depth -= 1; if (depth === 0) return i; }
  }
  return -1;
}

/**
 * Whether the text ends in a final consonant (null when that can't be told), and whether it is ㄹ. Closing quotes are
 * skipped; a gloss or a unit in parentheses is not read aloud before the particle, so the word before it decides
 * ("국제원자력기구(IAEA)" takes 를, as 기구 does; "인구(백만 명)" as 인구), while a Hangul parenthesis set off by a space
 * is part of the name, read aloud, and decides ("아르본 (상류)" takes 와, as 상류 does). A code or an abbreviation in capitals ("4TZUMU", "IAEA", "UN") is
 * read letter by letter, as Korean reads them: only L and R (엘, 알) and M and N (엠, 엔) end in a consonant. An English
 * word in small letters can't be told (null).
 */
export function finalConsonant(text) {
  let rest = text;
  while (rest.length) {
    const last = rest[rest.length - 1];
    if (SKIPPED.has(last)) { rest = rest.slice(0, -1); continue; }
    if (last !== ")") break;
    const open = openingParenthesis(rest);
    if (open < 0) { rest = rest.slice(0, -1); continue; }
    const before = rest.slice(0, open);
    const inside = rest.slice(open + 1, -1);
    // A parenthesis with nothing before it is read for itself: "(IAEA)"; so is one set off by a space that ends in
    // Hangul, a part of the name: "아르본 (상류)". One glued to the word is a gloss or a unit: "인구(백만 명)".
    const partOfName = /\s$/.test(before) && endsInHangul(inside);
    rest = !/\S/.test(before) || partOfName ? inside : before;
  }
  const end = rest.length;
  const last = rest[end - 1];
  if (last === undefined) return null;
  if (/[A-Za-z]/.test(last)) {
    const word = rest.match(/[A-Za-z0-9]+$/)[0];
    if (/[a-z]/.test(word)) return null;
    if (last === "L" || last === "R") return { consonant: true, rieul: true };
    if (last === "M" || last === "N") return { consonant: true, rieul: false };
    return { consonant: false, rieul: false };
  }
  if (/[0-9]/.test(last)) {
    // A number read aloud: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구; 10, 20… 십, 100 백, 1000 천.
    const digit = Number(last);
    if (digit === 0 && /[0-9]/.test(rest[end - 2] || "")) return { consonant: true, rieul: false };
    return { consonant: [0, 1, 3, 6, 7, 8].includes(digit), rieul: [1, 7, 8].includes(digit) };
  }
  const code = last.charCodeAt(0);
  if (code < 0xAC00 || code > 0xD7A3) return null;
  const jong = (code - 0xAC00) % 28;
  return { consonant: jong !== 0, rieul: jong === 8 };
}

/** Korean text with every particle marker resolved by the word before it; an English word keeps both forms. */
export function particles(text, language = "ko") {
  if (language !== "ko" || typeof text !== "string" || !text.includes("(")) return text;
  let out = text;
  for (const [marker, consonant, vowel] of PARTICLES) {
    let from = 0;
    for (let at = out.indexOf(marker, from); at >= 0; at = out.indexOf(marker, from)) {
      const f = finalConsonant(out.slice(0, at));
      if (!f) { from = at + marker.length; continue; }
      const form = marker === "(으)로" ? (f.consonant && !f.rieul ? consonant : vowel) : (f.consonant ? consonant : vowel);
      out = out.slice(0, at) + form + out.slice(at + marker.length);
      from = at + form.length;
    }
  }
  return out;
}
