#!/usr/bin/env python3
"""Generates seeds/catalogue/commune-former.json: the former province (before 1/7/2025) of each commune of a merged unit.

Usage: python3 seeds/tools/make_commune_former.py path/to/old/ImportData_vn_units.sql [--out seeds/catalogue/commune-former.json]

The input is the list of the 63 provinces, their districts and wards before the 2025 merger, as published by
github.com/thanglequoc/vietnamese-provinces-database (the same source as communes.json, MIT licence) at commit
fac63085 (12/3/2025, the last data before the merger):
    git -C <clone> show fac63085:postgresql/ImportData_vn_units.sql > ImportData_vn_units.sql
(its INSERT INTO provinces / districts / wards statements: ward code -> district code -> old province code).

A commune of 2025 keeps the code of one of the old wards it was formed from, and the old GSO ward codes run in one
contiguous range per old province. So, for each commune of a current unit that has more than one former province:
  1. its code is an old ward's code: the former province is that ward's province ("code");
  2. else, its code falls inside the code range of exactly one old province, with no other province's ward inside
     the gap around it: that province ("range");
  3. else, a special zone (đặc khu) named like an old island district that had no wards (Bạch Long Vĩ, Côn Đảo):
     that district's province ("district");
  4. else it is written under "unknown" (the bot then keeps the current province and says so).
A facility registered before the merger often names its old commune ("xã Chiềng Châu", merged into xã Mai Châu): the
file also lists, per merged unit and former province, the names of the old communes and wards (without their type)
that belong to only one of the unit's former provinces ("oldNames"); a name found in two of them is left out.
The old province must be one of the current unit's former provinces (provinces.json, names compared without
diacritics), otherwise the script stops. Running it again on the same input gives a byte-identical file.
Do not edit commune-former.json by hand.
"""
import argparse
import bisect
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_communes import fold, SEEDS  # noqa: E402

SOURCE = ("github.com/thanglequoc/vietnamese-provinces-database, postgresql/ImportData_vn_units.sql at commit fac63085 "
          "(12/3/2025, units before the 1/7/2025 merger), MIT licence (units-2025.LICENSE beside this file)")
ROW = re.compile(r"^\('([^']*)','([^']*)'.*,'([0-9]+)',\d+\),?;?$")


def fail(message):
    sys.stderr.write("make_commune_former: " + message + "\n")
    sys.exit(1)


def read_old(path):
    """Old provinces {code: name}, districts {code: province code}, wards [(code, province code)] from the SQL dump."""
    provinces, districts, names, wards, ward_names = {}, {}, {}, [], []
    table = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r"INSERT INTO (\w+)\(", line)
            if m:
                table = m.group(1)
                continue
            if not line.startswith("("):
                continue
            if table == "provinces":
                p = re.match(r"^\('(\d\d)','([^']*)'", line)
                provinces[p.group(1)] = p.group(2)
            elif table in ("districts", "wards"):
                r = ROW.match(line)
                if not r:
                    fail(f"cannot read the {table} row: {line[:80]}")
                if table == "districts":
                    districts[r.group(1)] = r.group(3)
                    names[r.group(1)] = r.group(2)
                else:
                    wards.append((r.group(1), r.group(3)))
                    ward_names.append((r.group(1), r.group(2), r.group(3)))
    if len(provinces) != 63:
        fail(f"expected the 63 provinces before the merger, found {len(provinces)}")
    out = []
    for code, district in wards:
        if district not in districts:
            fail(f"ward {code}: unknown district {district}")
        out.append((code, districts[district]))
    with_wards = {d for _, d in wards}
    islands = {}
    for d, name in names.items():
        if d not in with_wards:
            islands.setdefault(fold(name), []).append(districts[d])
    old_names = [(districts[d], name) for _, name, d in ward_names]
    return provinces, sorted(out), {n: ps[0] for n, ps in islands.items() if len(ps) == 1}, old_names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("--out", default=os.path.join(SEEDS, "catalogue", "commune-former.json"))
    args = parser.parse_args()
    old_provinces, wards, islands, old_names = read_old(args.input)
    ward_province = dict(wards)
    codes = [int(c) for c, _ in wards]
    owners = [p for _, p in wards]

    with open(os.path.join(SEEDS, "catalogue", "provinces.json"), encoding="utf-8") as f:
        catalogue = json.load(f)
    with open(os.path.join(SEEDS, "catalogue", "communes.json"), encoding="utf-8") as f:
        communes = {p["province"]: p["communes"] for p in json.load(f)["provinces"]}
    by_name = {fold(n): c for c, n in old_provinces.items()}

    out, summary = [], []
    for unit in catalogue:
        former = unit["former"]
        if len(former) < 2:
            continue
        names = {}
        for f in former:
            code = by_name.get(fold(f["name"]))
            if code is None:
                fail(f"{unit['name']}: former province '{f['name']}' is not in the old list")
            names[code] = f["name"]
        lists = {code: [] for code in names}
        unknown = []
        how = {"code": 0, "range": 0, "district": 0}
        for c in communes[unit["code"]]:
            code = c["code"]
            old = ward_province.get(code)
            kind = "code"
            if old is None:
                # Between the two old wards around it: both of one province, so inside that province's range.
                i = bisect.bisect_left(codes, int(code))
                below = owners[i - 1] if i > 0 else None
                above = owners[i] if i < len(owners) else None
                old = below if below is not None and below == above else None
                kind = "range"
                if old is None and c["type"] == "Đặc khu":
                    old = islands.get(fold(c["name"]))
                    kind = "district"
            if old is None or old not in names:
                if old is not None and ward_province.get(code) is not None:
                    fail(f"{unit['name']}: commune {code} {c['name']} was a ward of {old_provinces[old]}, not of a former province")
                unknown.append(code)
                continue
            how[kind] += 1
            lists[old].append(code)
        lines = [f"        {json.dumps(names[p], ensure_ascii=False)}: {json.dumps(lists[p])}" for p in names]
        owners_of = {}
        for p, n in old_names:
            if p in names:
                owners_of.setdefault(fold(n), {}).setdefault(p, n)
        unique = {p: sorted({ps[p] for ps in owners_of.values() if len(ps) == 1 and p in ps}) for p in names}
        old_lines = [f"        {json.dumps(names[p], ensure_ascii=False)}: {json.dumps(unique[p], ensure_ascii=False)}" for p in names]
        out.append("    { \"province\": " + json.dumps(unit["code"]) + ", \"name\": " + json.dumps(unit["name"], ensure_ascii=False)
                   + ",\n      \"former\": {\n" + ",\n".join(lines) + "\n      },\n      \"unknown\": " + json.dumps(unknown) + ",\n      \"oldNames\": {\n"
                   + ",\n".join(old_lines) + "\n      } }")
        summary.append(f"{unit['code']} {unit['name']}: " + ", ".join(f"{names[p]} {len(lists[p])}" for p in names)
                       + f"; unknown {len(unknown)}; old names {sum(len(v) for v in unique.values())} (by code {how['code']}, by range {how['range']}, by island district {how['district']})")

    text = ("{\n"
            "  \"source\": " + json.dumps(SOURCE, ensure_ascii=False) + ",\n"
            "  \"licence\": \"MIT, Copyright (c) 2021 Thang Le Quoc: see units-2025.LICENSE beside this file\",\n"
            "  \"generatedBy\": \"seeds/tools/make_commune_former.py (do not edit by hand)\",\n"
            "  \"units\": [\n" + ",\n".join(out) + "\n  ]\n}\n")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.out}: {len(out)} merged units")
    for line in summary:
        print("  " + line)


if __name__ == "__main__":
    main()
