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
    return fill(entry[category] ?? entry.other ?? "", params, num);
  }
  return fill(entry, params, num);
}
