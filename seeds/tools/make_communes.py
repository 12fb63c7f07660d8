#!/usr/bin/env python3
"""Generates seeds/catalogue/communes.json from the official 2025 list of units (standard library only).

Usage: python3 seeds/tools/make_communes.py [path/to/units-2025.json] [--out seeds/catalogue/communes.json]

The input is the list of the 34 provincial units and their 3.321 communes, wards and special zones in force from
1/7/2025 (../shared/domain/units-2025/units-2025.json beside the main checkout; MIT licence, source named in the
file). The script checks that the 34 units are exactly those of seeds/catalogue/provinces.json (same codes, same
names once diacritics are folded), that commune codes are five digits and unique, and that no province lists the
same name twice; then it writes one line per commune, grouped by province in the order of provinces.json.
Running it again on the same input gives a byte-identical file. Do not edit communes.json by hand.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.dirname(HERE)
REPO = os.path.dirname(SEEDS)
DEFAULT_INPUT = os.path.join(REPO, "..", "shared", "domain", "units-2025", "units-2025.json")
TYPES = {"Xã", "Phường", "Đặc khu"}


def fold(text):
    """Lower case, no diacritics, đ -> d, words separated by single spaces (like VnText.FoldWords)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def fail(message):
    sys.stderr.write("make_communes: " + message + "\n")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", nargs="?", default=DEFAULT_INPUT)
    parser.add_argument("--out", default=os.path.join(SEEDS, "catalogue", "communes.json"))
    args = parser.parse_args()
    if not os.path.exists(args.input):
        fail(f"cannot find {args.input}; pass the path of units-2025.json")

    with open(args.input, encoding="utf-8") as f:
        units = json.load(f)
    with open(os.path.join(SEEDS, "catalogue", "provinces.json"), encoding="utf-8") as f:
        catalogue = json.load(f)

    by_code = {p["code"]: p for p in units["provinces"]}
    if len(by_code) != len(units["provinces"]):
        fail("a province code appears twice in the input")
    ours = {p["code"]: p for p in catalogue}
    if set(by_code) != set(ours):
        fail(f"province codes differ: only in the input {sorted(set(by_code) - set(ours))}, "
             f"only in provinces.json {sorted(set(ours) - set(by_code))}")
    for code, p in by_code.items():
        mine = ours[code]
        names = {fold(n) for n in [mine["name"], mine.get("shortName", mine["name"])] + mine.get("aliases", [])}
        names |= {fold(re.sub(r"^(Thành phố|Tỉnh)\s+", "", n)) for n in [mine["name"]]}
        if fold(p["name"]) not in names and fold(p["fullName"]) not in names:
            fail(f"province {code}: '{p['fullName']}' in the input is '{mine['name']}' in provinces.json")

    seen_codes = set()
    out = []
    total = 0
    for mine in catalogue:
        p = by_code[mine["code"]]
        names = set()
        lines = []
        for c in sorted(p["communes"], key=lambda c: c["code"]):
            if not re.fullmatch(r"\d{5}", c["code"]):
                fail(f"commune code '{c['code']}' ({c['name']}) is not five digits")
            if c["code"] in seen_codes:
                fail(f"commune code {c['code']} appears twice")
            if c["type"] not in TYPES:
                fail(f"commune {c['code']}: unknown type '{c['type']}'")
            if c["name"] in names:
                fail(f"province {mine['code']} lists '{c['name']}' twice")
            seen_codes.add(c["code"])
            names.add(c["name"])
            lines.append("      " + json.dumps({"code": c["code"], "type": c["type"], "name": c["name"].strip()}, ensure_ascii=False))
        if not lines:
            fail(f"province {mine['code']} has no commune")
        total += len(lines)
        out.append("    { \"province\": " + json.dumps(mine["code"]) + ", \"name\": " + json.dumps(p["fullName"], ensure_ascii=False)
                   + ", \"communes\": [\n" + ",\n".join(lines) + "\n    ] }")

    source = units.get("source", "").strip()
    if not source:
        fail("the input names no source")
    text = ("{\n"
            "  \"source\": " + json.dumps(source, ensure_ascii=False) + ",\n"
            "  \"licence\": \"MIT, Copyright (c) 2021 Thang Le Quoc: see units-2025.LICENSE beside this file\",\n"
            "  \"generatedBy\": \"seeds/tools/make_communes.py (do not edit by hand)\",\n"
            "  \"total\": " + str(total) + ",\n"
            "  \"provinces\": [\n" + ",\n".join(out) + "\n  ]\n}\n")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.out}: {len(out)} provinces, {total} communes, wards and special zones")


if __name__ == "__main__":
    main()
