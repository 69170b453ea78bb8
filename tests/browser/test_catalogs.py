"""The message catalogs of the browser client (clients/web/locales/*.json): every language has the same keys, each
key a catalog holds is used by a page, every key a page uses is in every catalog, plurals have the CLDR categories
their language needs, and both languages' texts take the same {placeholders}. No browser needed: the pages' sources
are scanned for the keys they use."""

import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
WEB = ROOT / "clients" / "web"
LOCALES = WEB / "locales"

# The CLDR plural categories each language's Intl.PluralRules chooses among (cardinal numbers).
PLURALS = {"en": {"one", "other"}, "ko": {"other"}}
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


def catalogs():
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(LOCALES.glob("*.json"))}


def sources():
    files = sorted(WEB.glob("*.html")) + sorted(WEB.glob("js/*.js")) + sorted(WEB.glob("replay/*.js"))
    return {path.relative_to(WEB).as_posix(): path.read_text(encoding="utf-8") for path in files}


def placeholders(entry):
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return set().union(*(re.findall(r"\{(\w+)\}", text) for text in texts))


def used_keys(keys):
    """(keys used literally, prefixes of keys built at run time such as `phase.${p}`), from the HTML and the JS."""
    namespaces = {k.split(".")[0] for k in keys}
    literal, prefixes = set(), set()
    for name, text in sources().items():
        if not name.endswith(".html"):
            text = re.sub(r"^\s*(//|\*|/\*).*$", "", text, flags=re.M)  # comments name no keys
        for m in re.finditer(r'data-i18n="([^"]+)"', text):
            literal.add(m.group(1))
        for m in re.finditer(r'data-i18n-attr="([^"]+)"', text):
            literal.update(pair.split(":", 1)[1].strip() for pair in m.group(1).split(";"))
        # Any quoted string in a catalog namespace names a key (t("a.b"), t(x ? "a.b" : "a.c"), lists of keys).
        for m in re.finditer(r'["\']([a-z][\w-]*(?:\.[\w-]+)+)["\']', text):
            key = m.group(1)
            if key.split(".")[0] in namespaces and not re.search(r"\.(html|js|json|css|md|yaml)$", key):
                literal.add(key)
        # Keys built at run time: `prefix.${…}`.
        for m in re.finditer(r"`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{", text):
            if m.group(1).split(".")[0] in namespaces:
                prefixes.add(m.group(1))
    return literal, prefixes


def test_every_language_has_every_key():
    cats = catalogs()
    assert set(cats) >= {"en", "ko"}, f"catalogs: {sorted(cats)}"
    every = set().union(*cats.values())
    missing = {lang: sorted(every - set(cat)) for lang, cat in cats.items() if every - set(cat)}
    assert not missing, f"keys missing from a catalog: {missing}"


def test_plurals_and_placeholders_agree():
    cats = catalogs()
    problems = []
    for key in cats["en"]:
        for lang, cat in cats.items():
            entry = cat.get(key)
            if isinstance(entry, dict):
                if not set(entry) <= CATEGORIES:
                    problems.append(f"{lang} {key}: unknown plural categories {sorted(set(entry) - CATEGORIES)}")
                need = PLURALS.get(lang, {"other"})
                if not need <= set(entry):
                    problems.append(f"{lang} {key}: plural lacks {sorted(need - set(entry))}")
            elif not isinstance(entry, str):
                problems.append(f"{lang} {key}: neither a text nor a plural")
            if placeholders(entry or "") != placeholders(cats["en"][key]):
                problems.append(f"{lang} {key}: placeholders {sorted(placeholders(entry or ''))} ≠ English {sorted(placeholders(cats['en'][key]))}")
    assert not problems, "\n".join(problems)


def test_every_key_used_is_in_the_catalogs_and_every_key_is_used():
    cats = catalogs()
    keys = set(cats["en"])
    literal, prefixes = used_keys(keys)
    missing = sorted(k for k in literal if k not in keys)
    assert not missing, f"keys the pages use that the catalogs lack: {missing}"
    unused = sorted(k for k in keys if k not in literal and not any(k.startswith(p) for p in prefixes))
    assert not unused, f"keys in the catalogs that no page uses: {unused}"


def test_no_english_is_left_in_the_html():
    """The pages' HTML holds no words of its own: text comes from data-i18n (names, codes and symbols excepted)."""
    allowed = {"Armistice", "armistice serve", "--instructor-key", "armistice report LOG --format json --out FILE", "armistice teacher add",
               "한국어", "English"}
    left = []
    for name, text in sources().items():
        if not name.endswith(".html"):
            continue
        body = text[text.index("<body"):]
        for m in re.finditer(r">([^<>]+)<", body):
            words = m.group(1).strip()
            if words and re.search(r"[A-Za-z]{2,}", words) and words not in allowed:
                left.append(f"{name}: {words!r}")
        for m in re.finditer(r'\s(?:aria-label|title|placeholder|alt)="([^"]*)"', body):
            if re.search(r"[A-Za-z]{2,}", m.group(1)):
                left.append(f"{name}: attribute {m.group(0).strip()!r}")
    assert not left, "English left in the HTML:\n" + "\n".join(left)


def test_every_record_category_of_the_replay_has_a_label():
    """The replay viewer labels each record by the category the replay JSON gives it (MatchText.category: `dice` for
    a draw, `instructor` for an adjustment, …): every one of them, and every record kind of the log, has a word."""
    swift = (ROOT / "Sources/ArmisticeReplay/Replay/MatchText.swift").read_text(encoding="utf-8")
    body = swift[swift.index("func category("):]
    body = body[:body.index("\n    }\n")]
    categories = set(re.findall(r'case \.\w+: "(\w+)"', body))
    record = (ROOT / "Sources/ArmisticeEngine/Game/Record.swift").read_text(encoding="utf-8")
    kinds = set(re.search(r"enum Kind[^{]*\{\s*case ([^\n]+)", record).group(1).replace(" ", "").split(","))
    assert "dice" in categories and "draw" in kinds, (categories, kinds)
    for lang, cat in catalogs().items():
        missing = sorted(k for k in categories | kinds if f"replay.kind.{k}" not in cat)
        assert not missing, f"{lang}: record kinds with no replay.kind label: {missing}"


def test_no_korean_particle_follows_a_name_that_may_be_english():
    """A person's name or a teacher's id may be written in small Latin letters ("Jordan"), whose particle can't be told:
    "Jordan을(를) 옮겼습니다" would keep both forms. The Korean texts put such a name where no particle follows it
    ("Jordan 님의 자리를 옮겼습니다", "공유 중지: kim")."""
    ko = catalogs()["ko"]
    glued = re.compile(r"\{(name|id|names|players)\}(을\(를\)|이\(가\)|은\(는\)|와\(과\)|\(으\)로)")
    texts = {k: v for k, v in ko.items() if isinstance(v, str)}
    texts.update({f"{k}.{c}": v for k, e in ko.items() if isinstance(e, dict) for c, v in e.items()})
    found = sorted(f"{k}: {v}" for k, v in texts.items() if glued.search(v))
    assert not found, "a particle right after a name that may be English:\n" + "\n".join(found)
