#!/usr/bin/python3
"""The portal's string tables: assets/i18n/<language>/<area>.json, keys "<area>.<name>".

  i18n.py embed DIR OUT SYMBOL [--customer CONSOLE_SOURCE...]
                          writes one language's area files as a sorted C++ array (OUT, a .cpp file)
                          named SYMBOL, so the portal starts without parsing JSON (src/portal/i18n.cpp);
                          with --customer, without the keys that only the staff console's sources
                          (CONSOLE_SOURCE...) use: the customer's program, which leaves the console out
  i18n.py check           fails when a key used in src/portal is missing from a table, when the
                          languages do not have the same keys, or when a key sits in the wrong file
                          (a line ending in "// i18n: not a key" holds dotted literals that are not keys)

Areas are split into files so that screens can be written side by side without touching one table.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
LANGUAGES = ["zh-CN", "en"]
# A string literal that looks like a dotted key ("repair.step.product") is a key when its first
# segment names an area file; other dotted literals (file names, URLs) are not.
KEY_LITERAL = re.compile(r'"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"')
# A dotted literal that is not a string key although it starts like one (a policy field path such
# as "returns.no_reason_days" in the staff console's policy editor) is written /*not a key*/"...".
NOT_A_KEY = re.compile(r'/\*not a key\*/\s*"[^"]*"')
# A literal ending in a dot ("staff.action.") is the start of keys completed at run time
# (labels.cpp: "staff.action." + the action's wire name): it uses every key it starts.
PREFIX_LITERAL = re.compile(r'"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.)"')


def portal_sources():
    """The portal's C++ sources and headers, where keys are named."""
    return sorted((ROOT / "src" / "portal").rglob("*.[ch]*"))


def load_language(directory: pathlib.Path):
    table, problems = {}, []
    for path in sorted(directory.glob("*.json")):
        area = path.stem
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            problems.append(f"{path}: not valid JSON: {error}")
            continue
        if not isinstance(items, dict):
            problems.append(f"{path}: not a JSON object")
            continue
        for key, value in items.items():
            if not key.startswith(area + "."):
                problems.append(f"{path}: key {key!r} belongs in {key.split('.')[0]}.json")
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{path}: {key!r} is empty or not a string")
            if key in table:
                problems.append(f"{path}: {key!r} is defined twice")
            table[key] = value
    return table, problems


def cxx_literal(text: str) -> str:
    """A C++ string literal holding text as UTF-8: quotes, backslashes and control characters as
    three-digit octal escapes (never followed by a digit's ambiguity), everything else as is."""
    out = []
    for ch in text:
        if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):03o}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def key_literals(source: pathlib.Path):
    """(line number, literal, whether it is a prefix) of each literal in source that looks like a key."""
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        # Includes, and dotted literals that only look like keys (wire field names such as
        # "repair.visit", marked with a trailing "// i18n: not a key").
        if line.lstrip().startswith("#include") or "i18n: not a key" in line:
            continue
        line = NOT_A_KEY.sub("", line)
        for key in KEY_LITERAL.findall(line):
            yield number, key, False
        for prefix in PREFIX_LITERAL.findall(line):
            yield number, prefix, True


def keys_used(table, sources):
    """The keys of table that sources name, whole or by a prefix."""
    used = set()
    for source in sources:
        for _, literal, is_prefix in key_literals(source):
            if is_prefix:
                used.update(key for key in table if key.startswith(literal))
            elif literal in table:
                used.add(literal)
    return used


def embed(directory: str, out: str, symbol: str, console_sources):
    table, problems = load_language(pathlib.Path(directory))
    if problems:
        sys.exit("\n".join(problems))
    if console_sources is not None:
        console = {pathlib.Path(path).resolve() for path in console_sources}
        missing = [str(path) for path in console if not path.is_file()]
        if missing:
            sys.exit("no such console source: " + ", ".join(missing))
        portal = [path for path in portal_sources() if path.resolve() not in console]
        # Only what the console alone asks for is left out: a key no source names (or names in a
        # way this scan cannot see) stays, so the customer's program never shows a bare key.
        only_console = keys_used(table, console) - keys_used(table, portal)
        table = {key: value for key, value in table.items() if key not in only_console}
    # Sorted by key in byte order: the portal binary-searches it (keys are ASCII).
    rows = [f"    {{{cxx_literal(key)}, {cxx_literal(table[key])}}}," for key in sorted(table)]
    text = (f"// Generated by scripts/i18n.py from {pathlib.Path(directory).name}/*.json; do not edit.\n"
            '#include "i18n_embedded.h"\n\n'
            "namespace aftercare::portal {\n"
            f"extern const EmbeddedString {symbol}[] = {{\n" + "\n".join(rows) + "\n};\n"
            f"extern const std::size_t {symbol}Count = {len(rows)};\n"
            "} // namespace aftercare::portal\n")
    # The customer's table is remade whenever a portal source changes; left untouched when its
    # content is the same, it is not compiled again (CMake's Ninja rules check the output's time).
    path = pathlib.Path(out)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def check():
    tables, problems = {}, []
    for language in LANGUAGES:
        tables[language], found = load_language(I18N / language)
        problems += found
    areas = {path.stem for path in (I18N / LANGUAGES[0]).glob("*.json")}
    reference = set(tables[LANGUAGES[0]])
    for language in LANGUAGES[1:]:
        for key in sorted(reference - set(tables[language])):
            problems.append(f"{language}: missing {key!r} (present in {LANGUAGES[0]})")
        for key in sorted(set(tables[language]) - reference):
            problems.append(f"{LANGUAGES[0]}: missing {key!r} (present in {language})")
    used = 0
    for source in portal_sources():
        for number, literal, is_prefix in key_literals(source):
            if literal.split(".")[0] not in areas:
                continue
            used += 1
            for language in LANGUAGES:
                found = any(key.startswith(literal) for key in tables[language]) if is_prefix \
                    else literal in tables[language]
                if not found:
                    what = "no key starting with" if is_prefix else "missing"
                    problems.append(f"{source.relative_to(ROOT)}:{number}: {what} {literal!r} in {language}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"i18n: {len(reference)} keys in {len(LANGUAGES)} languages, {used} uses in src/portal all defined")


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "embed" and (len(sys.argv) == 5 or sys.argv[5] == "--customer"):
        embed(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[6:] if len(sys.argv) > 5 else None)
    elif len(sys.argv) == 2 and sys.argv[1] == "check":
        check()
    else:
        sys.exit(__doc__)
