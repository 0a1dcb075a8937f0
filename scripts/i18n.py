#!/usr/bin/python3
"""The portal's string tables: assets/i18n/<language>/<area>.json, keys "<area>.<name>".

  i18n.py merge DIR OUT   merges one language's area files into one JSON object (for embedding)
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


def merge(directory: str, out: str):
    table, problems = load_language(pathlib.Path(directory))
    if problems:
        sys.exit("\n".join(problems))
    pathlib.Path(out).write_text(json.dumps(table, ensure_ascii=False, sort_keys=True), encoding="utf-8")


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
    for source in sorted((ROOT / "src" / "portal").rglob("*.[ch]*")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            # Includes, and dotted literals that only look like keys (wire field names such as
            # "repair.visit", marked with a trailing "// i18n: not a key").
            if line.lstrip().startswith("#include") or "i18n: not a key" in line:
                continue
            for key in KEY_LITERAL.findall(NOT_A_KEY.sub("", line)):
                if key.split(".")[0] not in areas:
                    continue
                used += 1
                for language in LANGUAGES:
                    if key not in tables[language]:
                        problems.append(f"{source.relative_to(ROOT)}:{number}: {key!r} missing from {language}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"i18n: {len(reference)} keys in {len(LANGUAGES)} languages, {used} uses in src/portal all defined")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2 and sys.argv[1] == "check":
        check()
    else:
        sys.exit(__doc__)
