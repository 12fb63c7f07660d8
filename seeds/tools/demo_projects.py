"""Demo projects (đề án) built on the demo records: make_demo.py calls make_projects() after the records are final.

Each project links records of one province and activity (r["project_code"]) and its amounts come from them: the approved budget
by source covers what its records carry (more while work remains), a settled project disbursed exactly its records' support.
A random stream of its own (SEED + 45), so the records, the plans and every figure of the article stay as they were.

Fixed projects (the codes the tests and the README use) keep their step, dates, province and activity; their facilities and
amounts are read from the records their selector finds. Generated projects are all settled (quyết toán): they add no open
project to a form's "Thuộc đề án nào?" question. No project is decided before 01/07/2024, so the article's half-year has none.
"""
import datetime as dt
import math
import random

FIRST_DECISION = dt.date(2024, 7, 1)
LAST_RECORD = dt.date(2026, 6, 30)  # generated projects settle before the demo ends
STEP = 5_000_000
SOURCES = ["kcqg", "kcdp", "counterpart", "other"]

# code, name template, decision number, decision date, programme, province (recorded unit), activity, planned end,
# steps (status, date), how the records are chosen, the share of the records' support approved, the share disbursed (None: all).
FIXED = [
    ("KC-2026-01", "Hỗ trợ {what} cho {facility}", "112/QĐ-BCT", "2026-03-10", "national", "Phú Thọ", "machinery", "2026-09-30",
     [("in_progress", "2026-04-01"), ("accepted", "2026-09-20")], "single", 1.0, 1.0),
    ("KC-2026-07", "Đoàn cơ sở Phú Thọ dự {fair}", "245/QĐ-BCT", "2026-04-15", "national", "Phú Thọ", "trade_fair", "2026-11-30",
     [("in_progress", "2026-05-02")], "fair", 1.3, 0.6),
    ("KCĐP-2026-03", "Hỗ trợ {what} cho {facility}", "56/QĐ-SCT", "2026-02-20", "local", "Phú Thọ", "machinery", "2026-08-31",
     [("in_progress", "2026-03-15")], "single", 1.2, 0.5),
    ("KC-2025-12", "{what} tại {facility}", "1890/QĐ-BCT", "2025-09-05", "national", "Bắc Ninh", "demo_model", "2026-06-30",
     [("in_progress", "2025-10-01"), ("accepted", "2026-06-25"), ("settled", "2026-09-15")], "single", 1.0, 1.0),
    ("KC-2026-04", "Hỗ trợ {what} cho {facility}", "198/QĐ-BCT", "2026-05-12", "national", "Bắc Ninh", "machinery", "2026-10-31",
     [("in_progress", "2026-06-01")], "single", 1.4, 0.4),
    # Approved only: the course has not started, so no record is linked yet.
    ("KCĐP-2026-09", "Đào tạo nghề đan lát cho lao động nông thôn Hà Nội", "3012/QĐ-UBND", "2026-08-01", "local", "Thành phố Hà Nội",
     "training", "2026-12-15", [], "none", 0, 0),
]
FIXED_BUDGET_KCDP_2026_09 = 250_000_000

# Generated projects: the activities of single-facility projects, and the group kinds (one fair delegation, one training course).
SINGLE_ACTIVITIES = ["machinery", "cleaner_production", "demo_model", "pollution", "trademark"]
WHAT = {"machinery": "thiết bị", "cleaner_production": "sản xuất sạch hơn", "demo_model": "mô hình trình diễn",
        "pollution": "xử lý ô nhiễm", "trademark": "đăng ký nhãn hiệu"}


def iso(text):
    return dt.date.fromisoformat(text)


def round_up(value, step=STEP):
    return int(math.ceil(value / step)) * step


def split_of(r):
    """The record's money by source, as records.csv carries it (a single amount is its source's part)."""
    if any(r.get(c + "_vnd") for c in SOURCES):
        return {s: int(r.get(s + "_vnd") or 0) for s in SOURCES}
    fund = int(r["funding_vnd"] or 0)
    return {"kcqg": fund if r["funding_source"] == "KCQG" else 0, "kcdp": fund if r["funding_source"] == "KCĐP" else 0,
            "counterpart": 0, "other": 0}


def totals(records):
    out = {s: 0 for s in SOURCES}
    for r in records:
        for s, v in split_of(r).items():
            out[s] += v
    return out


def project_entry(code, name, number, decided, programme, ptype, province, activity, planned_end, steps, records, approved_share,
                  disbursed_share, rng, disbursed_at):
    t = totals(records)
    support = t["kcqg"] + t["kcdp"]
    approved = {s: round_up(v * approved_share) if v else 0 for s, v in t.items()}
    disbursed = []
    if records and disbursed_share:
        final = support if disbursed_share >= 1 else round_up(support * disbursed_share, 1_000_000)
        first = round_up(final * rng.uniform(0.3, 0.6), 1_000_000)
        first_at = min(r["date"] for r in records) + dt.timedelta(days=rng.randint(5, 30))
        if first < final and first_at < disbursed_at:
            disbursed.append({"amount": first, "asOf": first_at.isoformat()})
        disbursed.append({"amount": final, "asOf": disbursed_at.isoformat()})
    facilities = []
    for r in sorted(records, key=lambda r: r["date"]):
        if r["facility"] and r["facility"] not in facilities:
            facilities.append(r["facility"])
    for r in records:
        r["project_code"] = code
    return {"code": code, "name": name, "decisionNumber": number, "decisionDate": decided.isoformat(), "programme": programme,
            "type": ptype, "province": province, "activity": activity, "plannedEnd": planned_end.isoformat(),
            "kcqg": approved["kcqg"], "kcdp": approved["kcdp"], "counterpart": approved["counterpart"], "other": approved["other"],
            "facilities": facilities, "steps": [{"status": s, "date": d.isoformat()} for s, d in steps], "disbursed": disbursed}


def allowed(r, programme, single):
    """A local programme (KCĐP) has no national money; a national single-facility project has some (a group may be co-funded by
    the province)."""
    kcqg = split_of(r)["kcqg"]
    return not r.get("project_code") and (kcqg > 0 if programme == "national" and single else programme == "national" or not kcqg)


def fixed_projects(records, rng, end):
    out = []
    for code, template, number, decided, programme, province, activity, planned, steps, kind, a_share, d_share in FIXED:
        steps = [(s, iso(d)) for s, d in steps]
        start = steps[0][1] if steps else iso(decided)
        until = next((d for s, d in steps if s == "accepted"), end)
        pool = [r for r in records if r["province"] == province and r["activity"] == activity and start <= r["date"] <= until
                and r["facility"] and allowed(r, programme, kind == "single")]
        if kind == "single":
            chosen = [min(pool, key=lambda r: r["date"])]
        elif kind == "fair":
            fairs = {}
            for r in pool:
                fairs.setdefault((r["date"], r["note"]), []).append(r)
            chosen = max(fairs.values(), key=len)
        else:
            chosen = []
        names = {"what": chosen[0]["note"].replace("Hỗ trợ ", "") if chosen else "", "facility": chosen[0]["facility"] if chosen else "",
                 "fair": chosen[0]["note"] if chosen else ""}
        ptype = "local" if programme == "local" else "group" if kind == "fair" else "single"
        at = min(end, max([r["date"] for r in chosen] + [start]) + dt.timedelta(days=45))
        if any(s == "settled" for s, _ in steps):
            at = next(d for s, d in steps if s == "settled")
        entry = project_entry(code, template.format(**names), number, iso(decided), programme, ptype, province, activity, iso(planned),
                              steps, chosen, a_share, d_share, rng, at)
        if code == "KCĐP-2026-09":
            entry["kcdp"] = FIXED_BUDGET_KCDP_2026_09
        out.append(entry)
    return out


def generated_projects(records, rng, current_of, counters):
    """Per current unit: maybe a trade-fair delegation, maybe a training course, and one or two single-facility projects; all settled."""
    out = []
    eligible = [r for r in records if FIRST_DECISION + dt.timedelta(days=60) <= r["date"] <= LAST_RECORD and r["facility"]]
    by_unit = {}
    for r in eligible:
        by_unit.setdefault(current_of(r), []).append(r)
    for unit in sorted(by_unit):
        rows = by_unit[unit]
        picks = []
        fairs = {}
        for r in rows:
            if r["activity"] == "trade_fair":
                fairs.setdefault((r["date"], r["province"], r["note"]), []).append(r)
        groups = [g for g in fairs.values() if len(g) >= 3]
        if groups and rng.random() < 0.7:
            picks.append(("fair", rng.choice(groups)))
        courses = {}
        for r in rows:
            if r["activity"] == "training":
                courses.setdefault((r["province"], r["date"].year, r["date"].month > 6), []).append(r)
        groups = [sorted(g, key=lambda r: r["date"])[:5] for g in courses.values() if len(g) >= 3]
        if groups and rng.random() < 0.5:
            picks.append(("course", rng.choice(groups)))
        singles = [r for r in rows if r["activity"] in SINGLE_ACTIVITIES]
        for r in rng.sample(singles, min(len(singles), rng.choice([1, 1, 2]))):
            picks.append(("single", [r]))
        for kind, chosen in picks:
            chosen = [r for r in chosen if not r.get("project_code")]
            if not chosen:
                continue
            first, last = min(r["date"] for r in chosen), max(r["date"] for r in chosen)
            programme = "national" if totals(chosen)["kcqg"] else "local"
            if programme == "local" and any(split_of(r)["kcqg"] for r in chosen):
                continue
            decided = max(FIRST_DECISION, first - dt.timedelta(days=rng.randint(20, 60)))
            started = min(first, decided + dt.timedelta(days=rng.randint(5, 15)))
            accepted = last + dt.timedelta(days=rng.randint(10, 40))
            settled = accepted + dt.timedelta(days=rng.randint(20, 60))
            planned = accepted + dt.timedelta(days=rng.randint(-15, 30))
            prefix = "KC" if programme == "national" else "KCĐP"
            counters[(prefix, decided.year)] = counters.get((prefix, decided.year), 19) + 1
            code = f"{prefix}-{decided.year}-{counters[(prefix, decided.year)]:02d}"
            issuer = "QĐ-BCT" if programme == "national" else rng.choice(["QĐ-SCT", "QĐ-UBND"])
            number = f"{rng.randint(100, 3500)}/{issuer}"
            province = chosen[0]["province"]
            if kind == "fair":
                name, ptype = f"Đoàn cơ sở {short(province)} dự {chosen[0]['note']}", "group"
            elif kind == "course":
                name, ptype = f"Đào tạo nghề cho lao động các cơ sở CNNT {short(province)} năm {first.year}", "group"
            else:
                r = chosen[0]
                name = f"{r['note'] or WHAT[r['activity']]} – {r['facility']}"
                ptype = "single"
            if programme == "local":
                ptype = "local"
            steps = [("in_progress", started), ("accepted", accepted), ("settled", settled)]
            out.append(project_entry(code, name, number, decided, programme, ptype, province, chosen[0]["activity"], planned, steps,
                                     chosen, rng.uniform(1.0, 1.1), 1.0, rng, settled))
    return out


def short(province):
    return province.replace("Thành phố ", "")


def make_projects(records, seed, end, current_of):
    """The demo projects (fixed, then generated), linking their records; returns the entries of projects.json."""
    rng = random.Random(seed + 45)
    fixed = fixed_projects(records, rng, end)
    counters = {}
    projects = fixed + generated_projects(records, rng, current_of, counters)
    check(projects, records, end)
    return projects


def check(projects, records, end):
    codes = [p["code"] for p in projects]
    assert len(codes) == len(set(codes)), "project codes are unique"
    by_code = {p["code"]: p for p in projects}
    for code, p in by_code.items():
        linked = [r for r in records if r.get("project_code") == code]
        t = totals(linked)
        for s in SOURCES:
            assert p[s] >= t[s], (code, s, "the approved budget covers the records")
        support = p["kcqg"] + p["kcdp"]
        final = p["disbursed"][-1]["amount"] if p["disbursed"] else 0
        assert final <= t["kcqg"] + t["kcdp"] <= support or not linked, (code, "disbursed within what the records carry")
        if p["steps"] and p["steps"][-1]["status"] == "settled":
            assert final == t["kcqg"] + t["kcdp"], (code, "a settled project disbursed its records' support")
        assert dt.date.fromisoformat(p["decisionDate"]) >= FIRST_DECISION
        for r in linked:
            assert r["date"] >= dt.date.fromisoformat(p["decisionDate"]) and r["activity"] == p["activity"], code
        assert all(dt.date.fromisoformat(d["asOf"]) <= end for d in p["disbursed"]), code
