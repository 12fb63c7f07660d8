#!/usr/bin/env python3
"""Generates seeds/demo/records.csv, plans.csv and projects.json (deterministic: fixed seed, standard library only).

Usage: python3 seeds/tools/make_demo.py [--out seeds/demo]

The first half of 2024 reproduces the figures of the 18th Northern-region khuyến công conference
(Hà Nội, 16/5/2024) exactly; see seeds/demo/README.md for every guarantee.
"""
import argparse
import csv
import hashlib
import datetime as dt
import json
import os
import random
import sys
import unicodedata

from demo_projects import make_projects

SEED = 20240516  # the conference day
END = dt.date(2026, 11, 25)
MERGER = dt.date(2025, 7, 1)

# The 18 current Northern units (seeds/catalogue/regions.json) with the former provinces merged into them,
# a weight for the amount of activity, and real craft villages: (craft, village, commune).
UNITS = [
    ("ha-noi", "Thành phố Hà Nội", [
        ("Hà Nội", 10, [("gốm sứ", "Bát Tràng", "xã Bát Tràng"), ("lụa", "Vạn Phúc", "phường Vạn Phúc"),
                        ("mây tre đan", "Phú Vinh", "xã Phú Nghĩa"), ("sơn mài", "Hạ Thái", "xã Duyên Thái"),
                        ("khảm trai", "Chuyên Mỹ", "xã Chuyên Mỹ"), ("nón lá", "Chuông", "xã Phương Trung"),
                        ("tượng gỗ", "Sơn Đồng", "xã Sơn Đồng"), ("quạt giấy", "Chàng Sơn", "xã Chàng Sơn"),
                        ("miến", "Cự Đà", "xã Cự Khê"), ("hương", "Quảng Phú Cầu", "xã Quảng Phú Cầu")]),
    ]),
    ("cao-bang", "Cao Bằng", [
        ("Cao Bằng", 1.5, [("hương", "Phja Thắp", "xã Phúc Sen"), ("rèn", "Phúc Sen", "xã Phúc Sen"),
                           ("miến dong", "Phia Đén", "xã Thành Công")]),
    ]),
    ("tuyen-quang", "Tuyên Quang", [
        ("Tuyên Quang", 2, [("chè", "Mỹ Bằng", "xã Mỹ Bằng"), ("bánh gai", "Chiêm Hóa", "xã Vĩnh Quang"),
                            ("mộc", "Tân Trào", "xã Tân Trào")]),
        ("Hà Giang", 1.5, [("chè shan tuyết", "Hoàng Su Phì", "xã Nậm Ty"), ("dệt lanh", "Lùng Tám", "xã Lùng Tám")]),
    ]),
    ("dien-bien", "Điện Biên", [
        ("Điện Biên", 1, [("cà phê", "Mường Ảng", "thị trấn Mường Ảng"), ("thổ cẩm", "Pa Thơm", "xã Pa Thơm")]),
    ]),
    ("lai-chau", "Lai Châu", [
        ("Lai Châu", 1, [("chè", "San Thàng", "xã San Thàng"), ("thổ cẩm", "Bản Hon", "xã Bản Hon")]),
    ]),
    ("son-la", "Sơn La", [
        ("Sơn La", 2, [("chè", "Mộc Châu", "xã Tân Lập"), ("cà phê", "Chiềng Ban", "xã Chiềng Ban"),
                       ("thổ cẩm", "Chiềng Cang", "xã Chiềng Cang")]),
    ]),
    ("lao-cai", "Lào Cai", [
        ("Lào Cai", 2, [("rượu ngô", "Bắc Hà", "thị trấn Bắc Hà"), ("thổ cẩm", "Tả Van", "xã Tả Van")]),
        ("Yên Bái", 2, [("chè shan tuyết", "Suối Giàng", "xã Suối Giàng"), ("quế", "Văn Yên", "xã Đại Sơn")]),
    ]),
    ("thai-nguyen", "Thái Nguyên", [
        ("Thái Nguyên", 3, [("chè", "Tân Cương", "xã Tân Cương"), ("chè", "La Bằng", "xã La Bằng"),
                            ("chè", "Trại Cài", "xã Minh Lập"), ("mây tre đan", "Úc Kỳ", "xã Úc Kỳ")]),
        ("Bắc Kạn", 1.5, [("miến dong", "Na Rì", "xã Côn Minh"), ("chè", "Bằng Phúc", "xã Bằng Phúc")]),
    ]),
    ("lang-son", "Lạng Sơn", [
        ("Lạng Sơn", 2, [("tinh dầu hồi", "Văn Quan", "xã Tân Đoàn"), ("mây tre đan", "Hoàng Đồng", "xã Hoàng Đồng"),
                         ("thạch đen", "Tràng Định", "xã Đề Thám")]),
    ]),
    ("quang-ninh", "Quảng Ninh", [
        ("Quảng Ninh", 3, [("miến dong", "Bình Liêu", "xã Đồng Văn"), ("gốm", "Đông Triều", "phường Mạo Khê"),
                           ("chả mực", "Hạ Long", "phường Hồng Hà"), ("ba kích", "Ba Chẽ", "xã Thanh Sơn")]),
    ]),
    ("bac-ninh", "Bắc Ninh", [
        ("Bắc Ninh", 6, [("đồ gỗ mỹ nghệ", "Đồng Kỵ", "phường Đồng Nguyên"), ("gốm", "Phù Lãng", "xã Phù Lãng"),
                         ("đúc đồng", "Đại Bái", "xã Đại Bái"), ("tranh dân gian", "Đông Hồ", "xã Song Hồ"),
                         ("giấy", "Phong Khê", "phường Phong Khê"), ("thép", "Đa Hội", "phường Châu Khê"),
                         ("mộc", "Phù Khê", "phường Phù Khê")]),
        ("Bắc Giang", 4, [("mì gạo", "Chũ", "xã Nam Dương"), ("bánh đa", "Kế", "phường Dĩnh Kế"),
                          ("mây tre đan", "Tăng Tiến", "xã Tăng Tiến"), ("gốm", "Thổ Hà", "xã Vân Hà"),
                          ("rượu", "làng Vân", "xã Vân Hà")]),
    ]),
    ("phu-tho", "Phú Thọ", [
        ("Phú Thọ", 3, [("nón lá", "Sai Nga", "xã Thanh Nga"), ("chè", "Long Cốc", "xã Long Cốc"),
                        ("mây tre đan", "Hy Cương", "xã Hy Cương")]),
        ("Vĩnh Phúc", 3, [("gốm", "Hương Canh", "thị trấn Hương Canh"), ("mộc", "Thanh Lãng", "thị trấn Thanh Lãng"),
                          ("đá", "Hải Lựu", "xã Hải Lựu"), ("rèn", "Lý Nhân", "xã Lý Nhân"),
                          ("mộc", "Bích Chu", "xã An Tường")]),
        ("Hòa Bình", 2, [("thổ cẩm", "Mai Châu", "xã Chiềng Châu"), ("mây tre đan", "Trung Minh", "xã Trung Minh")]),
    ]),
    ("hai-phong", "Thành phố Hải Phòng", [
        ("Hải Phòng", 3, [("tạc tượng", "Bảo Hà", "xã Đồng Minh"), ("đúc", "Mỹ Đồng", "xã Mỹ Đồng"),
                          ("nước mắm", "Cát Hải", "thị trấn Cát Hải")]),
        ("Hải Dương", 4, [("gốm", "Chu Đậu", "xã Thái Tân"), ("mộc", "Thanh Hà", "thị trấn Thanh Hà"),
                          ("mộc", "Đông Giao", "xã Lương Điền"), ("vàng bạc", "Châu Khê", "xã Thúc Kháng"),
                          ("bánh gai", "Ninh Giang", "thị trấn Ninh Giang")]),
    ]),
    ("hung-yen", "Hưng Yên", [
        ("Hưng Yên", 3, [("tương", "Bần", "phường Bần Yên Nhân"), ("đồ gỗ", "Liêu Xá", "xã Liêu Xá"),
                         ("thêu ren", "Tiên Tiến", "xã Tiên Tiến")]),
        ("Thái Bình", 4, [("chạm bạc", "Đồng Xâm", "xã Hồng Thái"), ("chiếu cói", "Hới", "xã Tân Lễ"),
                          ("dệt", "Phương La", "xã Thái Phương"), ("bánh cáy", "Nguyễn", "xã Nguyên Xá")]),
    ]),
    ("ninh-binh", "Ninh Bình", [
        ("Ninh Bình", 3, [("thêu ren", "Văn Lâm", "xã Ninh Hải"), ("đá mỹ nghệ", "Ninh Vân", "xã Ninh Vân"),
                          ("cói", "Kim Sơn", "xã Kim Chính")]),
        ("Hà Nam", 3, [("trống", "Đọi Tam", "xã Đọi Sơn"), ("lụa", "Nha Xá", "xã Mộc Nam"),
                       ("mây giang đan", "Ngọc Động", "xã Hoàng Đông")]),
        ("Nam Định", 4, [("sơn mài", "Cát Đằng", "xã Yên Tiến"), ("đúc đồng", "Tống Xá", "thị trấn Lâm"),
                         ("mộc", "La Xuyên", "xã Yên Ninh"), ("ươm tơ", "Cổ Chất", "xã Phương Định")]),
    ]),
    ("thanh-hoa", "Thanh Hóa", [
        ("Thanh Hóa", 5, [("chiếu cói", "Nga Sơn", "xã Nga Văn"), ("đúc đồng", "Trà Đông", "xã Thiệu Trung"),
                          ("đá mỹ nghệ", "Nhồi", "phường An Hưng"), ("nem chua", "Thanh Hóa", "phường Đông Hương"),
                          ("mây tre đan", "Hoằng Thịnh", "xã Hoằng Thịnh")]),
    ]),
    ("nghe-an", "Nghệ An", [
        ("Nghệ An", 5, [("nước mắm", "Vạn Phần", "xã Diễn Vạn"), ("thổ cẩm", "Hoa Tiến", "xã Châu Tiến"),
                        ("chè", "Thanh Chương", "xã Thanh Mai"), ("mây tre đan", "Cát Ngạn", "xã Cát Văn"),
                        ("mộc", "Nghi Phong", "xã Nghi Phong")]),
    ]),
    ("ha-tinh", "Hà Tĩnh", [
        ("Hà Tĩnh", 3, [("kẹo cu đơ", "Thạch Trung", "phường Thạch Trung"), ("mộc", "Thái Yên", "xã Thái Yên"),
                        ("rèn", "Trung Lương", "phường Trung Lương"), ("nước mắm", "Cẩm Nhượng", "xã Cẩm Nhượng")]),
    ]),
]

BRANDS = ["Hưng Thịnh", "Phúc Lộc", "An Khang", "Thành Đạt", "Hoàng Gia", "Tân Phát", "Đức Minh", "Việt Hưng",
          "Quang Vinh", "Bảo Ngọc", "Thiên Phú", "Hải Anh", "Nam Tiến", "Trường Sơn", "Kim Long", "Đại Phát",
          "Gia Huy", "Hồng Phúc", "Minh Khai", "Sao Mai", "Tiến Đạt", "Phú Cường", "Ánh Dương", "Bình Minh"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Đinh",
            "Phan", "Trịnh", "Lương", "Nông", "Hà", "Triệu"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Quang", "Xuân", "Thu"]
GIVEN = ["Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Mai", "Hải", "Thắng", "Hòa", "Bình", "Nga", "Phương",
         "Sơn", "Long", "Thủy", "Hạnh", "Cường", "Tâm", "Khánh", "Hiền", "Toàn", "Yến", "Quý", "Lộc"]

ACTIVITIES = ["machinery", "cleaner_production", "trade_fair", "product_award", "trademark", "consulting",
              "training", "demo_model", "pollution", "market", "information", "cluster"]
# Records per half-year in an ordinary period (the first half of 2024 is fixed by the article).
BASE = {"machinery": 55, "cleaner_production": 12, "trade_fair": 280, "product_award": 230, "trademark": 7,
        "consulting": 55, "training": 30, "demo_model": 8, "pollution": 4, "market": 18, "information": 12,
        "cluster": 3}
YEAR_FACTOR = {2023: 0.92, 2024: 1.0, 2025: 1.03, 2026: 1.08}

# The article (first 6 months of 2024, Northern region, estimate).
H1_2024 = {"machinery": (57, 5), "cleaner_production": (11, 1), "trademark": (5, 1)}  # (distinct facilities, repeats)
H1_2024_FAIR_RECORDS, H1_2024_BOOTHS = 296, 701
H1_2024_AWARDS = 245
H1_2024_CONSULTING, H1_2024_REVENUE = 62, 4_870_000_000
H1_2023_CONSULTING, H1_2023_REVENUE = 50, 3_168_500_000
PLAN_2024_REVENUE = 9_920_000_000

# The facility that proves identity across the merger: Vĩnh Phúc in 2024, Phú Thọ in 2026.
ANCHOR = "HTX gốm Hương Canh"

PLAN_METRICS = ["machinery.facilities", "cleaner_production.facilities", "trade_fair.booths",
                "trade_fair.participations", "product_award.participations", "trademark.facilities",
                "consulting.projects", "consulting.revenue_vnd"]

FAIRS = [
    "Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc",
    "Hội chợ Hàng Việt Nam chất lượng cao",
    "Hội chợ thương mại, du lịch và sản phẩm OCOP",
    "Triển lãm hàng thủ công mỹ nghệ, quà tặng",
    "Tuần hàng CNNT, làng nghề truyền thống",
    "Hội chợ quốc tế hàng thủ công mỹ nghệ Hà Nội",
    "Hội chợ xúc tiến thương mại \"Kết nối cung cầu\"",
    "Festival nông sản và sản phẩm làng nghề",
]
AWARD_GROUPS = ["thủ công mỹ nghệ", "chế biến nông-lâm-thủy sản và thực phẩm", "thiết bị, máy móc, dụng cụ cơ khí",
                "sản phẩm khác"]
MACHINES = ["máy sấy", "dây chuyền chế biến", "máy CNC", "lò nung tiết kiệm năng lượng", "máy dệt",
            "máy ép", "máy đóng gói", "hệ thống lò sấy", "máy chà nhám", "máy trộn", "máy cắt laser"]


def fold(text):
    """As VnText.FoldWords: no diacritics, đ -> d, lower case, letters/digits and single spaces."""
    text = unicodedata.normalize("NFD", text)
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        ch = "d" if ch in "đĐ" else ch.lower()
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


class Facility:
    def __init__(self, name, former, current_id, commune, craft):
        self.name, self.former, self.current_id, self.commune, self.craft = name, former, current_id, commune, craft


def make_facilities(rng):
    used = set()
    facilities = []

    def person():
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def add(name, former, current_id, commune, craft):
        key = fold(name)
        if key in used:
            return False
        used.add(key)
        facilities.append(Facility(name, former, current_id, commune, craft))
        return True

    for current_id, _, formers in UNITS:
        for former, weight, villages in formers:
            if former == "Vĩnh Phúc":
                add(ANCHOR, former, current_id, "thị trấn Hương Canh", "gốm")
            per_village = max(4, round(weight * 2.6))
            for craft, village, commune in villages:
                cap = craft[0].upper() + craft[1:]
                templates = [
                    lambda: f"Công ty TNHH {cap} {rng.choice(BRANDS)}",
                    lambda: f"Công ty CP {cap} {village}",
                    lambda: f"HTX {craft} {village}",
                    lambda: f"HTX {craft} {rng.choice(BRANDS)}",
                    lambda: f"Hộ kinh doanh {person()}",
                    lambda: f"Hộ kinh doanh {person()}",
                    lambda: f"Cơ sở {craft} {person()}",
                    lambda: f"Cơ sở {craft} {person()}",
                    lambda: f"Tổ hợp tác {craft} {village}",
                ]
                made, tries = 0, 0
                while made < per_village and tries < 200:
                    tries += 1
                    if add(rng.choice(templates)(), former, current_id, commune, craft):
                        made += 1
    return facilities


# Beneficiaries (Decree 235/2025, seeds/catalogue/beneficiaries.json): each facility's legal form from its name, a tax code for
# some enterprises and cooperatives, and its priority groups. Drawn from a hash of the name, not from the random generator,
# so the records and every figure above stay exactly as they were.
MOUNTAIN_UNITS = {"cao-bang", "tuyen-quang", "dien-bien", "lai-chau", "son-la", "lao-cai", "thai-nguyen", "lang-son"}
TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3]


def name_hash(name, salt):
    return int(hashlib.sha256((salt + "|" + fold(name)).encode("utf-8")).hexdigest(), 16)


def tax_code(name):
    """A 10-digit tax code whose last digit checks (TaxIds.CheckDigitOk), drawn from the name."""
    for attempt in range(50):
        digits = str(name_hash(name, f"mst{attempt}") % 10**8).zfill(8)
        first9 = "0" + digits
        check = 10 - sum(w * int(d) for w, d in zip(TAX_WEIGHTS, first9)) % 11
        if check < 10:
            return first9 + str(check)
    raise AssertionError(name)


def profile(f):
    """(legal_form, tax_id, priority_groups) of a facility, as records.csv carries them."""
    lower = f.name.lower()
    legal = ("sme" if lower.startswith("công ty") else "cooperative" if lower.startswith("htx")
             else "cooperative_group" if lower.startswith("tổ hợp tác") else "household_business")
    tax = tax_code(f.name) if legal in ("sme", "cooperative") and name_hash(f.name, "has-mst") % 10 < 6 else ""
    groups = []
    if name_hash(f.name, "women") % 100 < 30:
        groups.append("women_owned")
    if name_hash(f.name, "dtts") % 100 < (45 if f.current_id in MOUNTAIN_UNITS else 4):
        groups.append("ethnic_minority_owned")
    return legal, tax, ";".join(groups) if groups else "none"


def periods():
    """(label, from, to, exact) per half-year, 2023 to 25/11/2026."""
    out = []
    for year in range(2023, 2027):
        out.append((f"H1-{year}", dt.date(year, 1, 1), dt.date(year, 6, 30), year))
        out.append((f"H2-{year}", dt.date(year, 7, 1), min(dt.date(year, 12, 31), END), year))
    return out


def partition(rng, count, total, low, high, step=1):
    """count integers in [low, high] (multiples of step) that sum to exactly total."""
    units_total, lo, hi = total // step, low // step, high // step
    assert total % step == 0 and count * lo <= units_total <= count * hi
    values = [rng.randint(lo, hi) for _ in range(count)]
    while sum(values) != units_total:
        i = rng.randrange(count)
        if sum(values) < units_total and values[i] < hi:
            values[i] += 1
        elif sum(values) > units_total and values[i] > lo:
            values[i] -= 1
    return [v * step for v in values]


def round_to(value, step):
    return max(step, int(round(value / step)) * step)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo"))
    args = parser.parse_args()
    rng = random.Random(SEED)
    facilities = make_facilities(rng)
    by_former = {}
    for f in facilities:
        by_former.setdefault(f.former, []).append(f)
    former_weight = {former: w for _, _, formers in UNITS for former, w, _ in formers}
    current_name = {cid: name for cid, name, _ in UNITS}
    formers = list(by_former)
    weights = [former_weight[f] for f in formers]
    records = []

    def pick_facility(exclude=()):
        while True:
            former = rng.choices(formers, weights)[0]
            f = rng.choice(by_former[former])
            if f not in exclude:
                return f

    def day(start, end):
        return start + dt.timedelta(days=rng.randrange((end - start).days + 1))

    def status(date, label):
        if label == "H1-2024" or (date.year == 2026 and date.month == 11):
            return "uoc"
        return "chinh thuc"

    def emit(date, activity, f, label, booths=0, revenue=0, funding=0, source="", note="", former=None):
        unit_former = f.former if f else former
        current_id = f.current_id if f else next(cid for cid, _, fs in UNITS if any(x[0] == former for x in fs))
        province = unit_former if date < MERGER else current_name[current_id]
        records.append({
            "date": date, "province": province, "activity": activity, "facility": f.name if f else "",
            "commune": f.commune if f else "", "booths": booths, "revenue_vnd": revenue, "funding_vnd": funding,
            "funding_source": source, "status": status(date, label), "note": note, "current_id": current_id,
        })

    def funding_for(activity, f, booths=0):
        src = rng.choice(["KCQG", "KCĐP", "KCĐP"])
        if activity == "machinery":
            return round_to(rng.uniform(80, 500) * 1e6, 5_000_000), src, f"Hỗ trợ {rng.choice(MACHINES)}"
        if activity == "cleaner_production":
            return round_to(rng.uniform(50, 200) * 1e6, 5_000_000), src, "Đánh giá sản xuất sạch hơn, tư vấn giải pháp"
        if activity == "trade_fair":
            return booths * round_to(rng.uniform(12, 16) * 1e6, 500_000), src, ""
        if activity == "product_award":
            return 0, "", ""
        if activity == "trademark":
            return round_to(rng.uniform(20, 80) * 1e6, 1_000_000), src, rng.choice(
                ["Đăng ký nhãn hiệu", "Hỗ trợ phòng trưng bày, giới thiệu sản phẩm", "Quảng bá sản phẩm, nhãn hiệu"])
        if activity == "consulting":
            return round_to(rng.uniform(10, 50) * 1e6, 1_000_000), "KCĐP", ""
        if activity == "training":
            n = rng.randint(20, 35)
            return round_to(rng.uniform(60, 200) * 1e6, 1_000_000), src, f"Đào tạo nghề {f.craft}, {n} học viên"
        if activity == "demo_model":
            return round_to(rng.uniform(300, 1500) * 1e6, 10_000_000), "KCQG", f"Mô hình trình diễn kỹ thuật sản xuất {f.craft}"
        if activity == "pollution":
            return round_to(rng.uniform(200, 800) * 1e6, 10_000_000), src, "Hỗ trợ xử lý nước thải, khí thải"
        if activity == "market":
            return round_to(rng.uniform(10, 50) * 1e6, 1_000_000), src, rng.choice(
                ["Đưa sản phẩm lên sàn thương mại điện tử", "Kết nối xuất khẩu", "Hỗ trợ mở rộng thị trường"])
        return 0, "", ""

    def fair_records(label, start, end, count, booths_list):
        fairs = sorted(day(start + dt.timedelta(days=9), end) for _ in range(max(3, count // 40)))
        seen = set()
        for i in range(count):
            when = rng.choice(fairs)
            f = pick_facility()
            while (when, f.name) in seen:  # a facility takes part in a given fair once
                f = pick_facility()
            seen.add((when, f.name))
            fund, src, _ = funding_for("trade_fair", f, booths_list[i])
            name = FAIRS[(when.toordinal() // 7) % len(FAIRS)]
            emit(when, "trade_fair", f, label, booths=booths_list[i], funding=fund, source=src, note=f"{name} {when.year}")

    def simple(label, start, end, activity, count, distinct=None):
        chosen = []
        if distinct is not None:
            n, repeats = distinct
            pool = []
            while len(pool) < n:
                f = pick_facility(exclude=pool)
                pool.append(f)
            chosen = pool + rng.sample(pool, repeats)
        else:
            chosen = [pick_facility() for _ in range(count)]
        for f in chosen:
            fund, src, note = funding_for(activity, f)
            if activity == "product_award":
                level = rng.choices(["cấp tỉnh", "cấp khu vực", "cấp quốc gia"], [75, 20, 5])[0]
                note = f"Bình chọn sản phẩm CNNT tiêu biểu {level}, nhóm {rng.choice(AWARD_GROUPS)}"
            emit(day(start, end), activity, f, label, funding=fund, source=src, note=note)

    def consulting(label, start, end, count, revenues):
        for i in range(count):
            f = pick_facility()
            fund, src, _ = funding_for("consulting", f)
            emit(day(start, end), "consulting", f, label, revenue=revenues[i], funding=fund, source=src,
                 note=rng.choice(["Tư vấn lập dự án đầu tư", "Tư vấn quản lý sản xuất", "Tư vấn thiết kế mẫu mã",
                                  "Tư vấn chuyển đổi số", "Tư vấn marketing, xây dựng thương hiệu"]))

    def information(label, start, end, count):
        for _ in range(count):
            former = rng.choices(formers, weights)[0]
            fund = round_to(rng.uniform(20, 150) * 1e6, 1_000_000)
            note = rng.choice(["Chuyên mục khuyến công trên Đài Phát thanh - Truyền hình",
                               "Bản tin khuyến công", "Phóng sự về làng nghề", "Tọa đàm \"Phát triển CNNT\""])
            emit(day(start, end), "information", None, label, funding=fund, source="KCĐP", note=note, former=former)

    def cluster(label, start, end, count):
        for _ in range(count):
            f = pick_facility()
            fund = round_to(rng.uniform(1000, 4000) * 1e6, 50_000_000)
            emit(day(start, end), "cluster", f, label, funding=fund, source="KCĐP",
                 note="Hỗ trợ đầu tư hạ tầng cụm công nghiệp, liên kết sản xuất")

    for label, start, end, year in periods():
        scale = YEAR_FACTOR[year] * ((end - start).days + 1) / 182
        n = {a: max(1, round(BASE[a] * scale * rng.uniform(0.9, 1.1))) for a in ACTIVITIES}
        if label == "H1-2024":
            for activity, (distinct, repeats) in H1_2024.items():
                simple(label, start, end, activity, 0, (distinct, repeats))
            fair_records(label, start, end, H1_2024_FAIR_RECORDS,
                         partition(rng, H1_2024_FAIR_RECORDS, H1_2024_BOOTHS, 1, 6))
            simple(label, start, end, "product_award", H1_2024_AWARDS)
            consulting(label, start, end, H1_2024_CONSULTING,
                       partition(rng, H1_2024_CONSULTING, H1_2024_REVENUE, 20_000_000, 150_000_000, 500_000))
        else:
            for activity in ["machinery", "cleaner_production", "product_award", "trademark"]:
                simple(label, start, end, activity, n[activity])
            booths = [rng.choices([1, 2, 3, 4, 6], [30, 30, 25, 10, 5])[0] for _ in range(n["trade_fair"])]
            fair_records(label, start, end, n["trade_fair"], booths)
            if label == "H1-2023":
                revenues = partition(rng, H1_2023_CONSULTING, H1_2023_REVENUE, 20_000_000, 130_000_000, 500_000)
                consulting(label, start, end, H1_2023_CONSULTING, revenues)
            else:
                count = n["consulting"]
                consulting(label, start, end, count,
                           [round_to(rng.uniform(25, 140) * 1e6 * YEAR_FACTOR[year], 500_000) for _ in range(count)])
        for activity in ["training", "demo_model", "pollution", "market"]:
            simple(label, start, end, activity, n[activity])
        information(label, start, end, n["information"])
        cluster(label, start, end, n["cluster"])

    anchor = next(f for f in facilities if f.name == ANCHOR)
    emit(dt.date(2024, 9, 18), "machinery", anchor, "H2-2024", funding=320_000_000, source="KCQG",
         note="Hỗ trợ lò nung gốm tiết kiệm năng lượng")
    emit(dt.date(2026, 4, 10), "trade_fair", anchor, "H1-2026", booths=2, funding=28_000_000, source="KCĐP",
         note="Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026")

    records.sort(key=lambda r: (r["date"], r["province"], r["activity"], r["facility"]))
    check(records)
    add_splits(records, anchor)
    projects = make_projects(records, SEED, END, lambda r: r["current_id"])
    check(records)
    os.makedirs(args.out, exist_ok=True)
    columns = ["date", "province", "activity", "facility", "commune", "booths", "revenue_vnd", "funding_vnd",
               "funding_source", "status", "note"] + SPLIT_COLUMNS + ["project_code"]
    profiles = {f.name: profile(f) for f in facilities}
    with open(os.path.join(args.out, "records.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns + ["legal_form", "tax_id", "priority_groups", "fair_name"])
        for r in records:
            # A fair's name is the trade-fair form's own answer (column fair_name, "Tên hội chợ/triển lãm"), not a note.
            fair = r["note"] if r["activity"] == "trade_fair" else ""
            w.writerow([r["date"].strftime("%d/%m/%Y")] + [
                ("" if c == "note" and fair else (r.get(c) or "")) if c not in NUMBER_COLUMNS else (str(r[c]) if r.get(c) else "")
                for c in columns[1:]] + list(profiles.get(r["facility"], ("", "", ""))) + [fair])
    with open(os.path.join(args.out, "projects.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(projects_json(projects))
    plans = make_plans(rng, records)
    with open(os.path.join(args.out, "plans.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["year", "province", "metric", "target"])
        w.writerows(plans)
    linked = sum(1 for r in records if r.get("project_code"))
    print(f"{len(records)} records ({linked} in {len(projects)} projects), {len(facilities)} facilities, {len(plans)} plans"
          f" -> {os.path.abspath(args.out)}")


def projects_json(projects):
    """projects.json: one project a line, so a diff shows which project changed."""
    note = ("Demo projects (đề án), generated by seeds/tools/make_demo.py (demo_projects.py): invented codes and decisions on demo"
            " facilities; each links demo records (records.csv, column project_code) and its amounts come from them.")
    lines = [json.dumps(p, ensure_ascii=False) for p in projects]
    return "{\n  \"note\": " + json.dumps(note, ensure_ascii=False) + ",\n  \"projects\": [\n    " + ",\n    ".join(lines) + "\n  ]\n}\n"


SPLIT_COLUMNS = ["kcqg_vnd", "kcdp_vnd", "counterpart_vnd", "other_vnd"]
NUMBER_COLUMNS = ["booths", "revenue_vnd", "funding_vnd"] + SPLIT_COLUMNS

# Activities where the facility invests its own money beside the support (vốn đối ứng).
COUNTERPART_SHARE = {"machinery": 0.7, "demo_model": 0.8, "pollution": 0.6, "cleaner_production": 0.5,
                     "digital_transformation": 0.5, "market": 0.2, "training": 0.1}


def add_splits(records, anchor):
    """Funding split by source, with its own random stream so the records themselves (and the article's figures) stay as
    they were: each funded record's amount is its source's part; some facilities add counterpart funding, a few projects
    are funded by both KCQG and KCĐP, and a few pollution projects have another source. funding_vnd stays KCQG + KCĐP."""
    rng = random.Random(SEED + 15)
    for r in records:
        fund = r["funding_vnd"]
        kcqg, kcdp = (fund, 0) if r["funding_source"] == "KCQG" else (0, fund) if r["funding_source"] == "KCĐP" else (0, 0)
        counterpart = other = 0
        if r["activity"] in ("machinery", "demo_model") and fund >= 100_000_000 and rng.random() < 0.2:
            kcqg = round_to(fund * rng.uniform(0.3, 0.7), 5_000_000)
            kcdp = fund - kcqg
            r["funding_source"] = ""
        if fund > 0 and rng.random() < COUNTERPART_SHARE.get(r["activity"], 0):
            counterpart = round_to(fund * rng.uniform(0.4, 2.5), 5_000_000)
        if r["activity"] == "pollution" and rng.random() < 0.1:
            other = round_to(rng.uniform(50, 300) * 1e6, 10_000_000)
        if r["facility"] == anchor.name and r["activity"] == "machinery":
            counterpart = 480_000_000
        if counterpart or other or (kcqg and kcdp):
            r.update(kcqg_vnd=kcqg, kcdp_vnd=kcdp, counterpart_vnd=counterpart, other_vnd=other)


def achieved(records, year, current_id, metric, half=False):
    activity, measure = metric.split(".")
    rows = [r for r in records if r["date"].year == year and r["current_id"] == current_id
            and r["activity"] == activity and (not half or r["date"].month <= 6)]
    if measure == "facilities":
        return len({fold(r["facility"]) for r in rows})
    if measure in ("participations", "projects"):
        return len(rows)
    if measure == "booths":
        return sum(r["booths"] for r in rows)
    return sum(r["revenue_vnd"] for r in rows)


def make_plans(rng, records):
    plans = []
    for year in range(2023, 2027):
        full = 1.0 if year < 2026 else 365 / 329  # 2026 data stops at 25/11
        revenue_2024 = {}
        for current_id, name, _ in UNITS:
            for metric in PLAN_METRICS:
                done = achieved(records, year, current_id, metric) * full
                if metric == "consulting.revenue_vnd":
                    target = round_to(max(done, 60e6) * rng.uniform(1.0, 1.25), 10_000_000)
                    if year == 2024:
                        half = achieved(records, 2024, current_id, metric, half=True)
                        revenue_2024[current_id] = max(half, 40e6) * rng.uniform(1.8, 2.3)
                        continue
                else:
                    target = max(1, round(done * rng.uniform(1.0, 1.25)))
                plans.append([year, name, metric, target])
        if year == 2024:
            # Scale the 2024 revenue plans to 9.920.000.000 exactly, in steps of 10 million (largest remainder).
            units = PLAN_2024_REVENUE // 10_000_000
            total = sum(revenue_2024.values())
            raw = {k: v / total * units for k, v in revenue_2024.items()}
            alloc = {k: int(v) for k, v in raw.items()}
            for k in sorted(raw, key=lambda k: raw[k] - alloc[k], reverse=True)[:units - sum(alloc.values())]:
                alloc[k] += 1
            for current_id, name, _ in UNITS:
                plans.append([2024, name, "consulting.revenue_vnd", alloc[current_id] * 10_000_000])
    plans.sort(key=lambda p: (p[0], PLAN_METRICS.index(p[2]), [u[1] for u in UNITS].index(p[1])))
    return plans


def former_of_commune():
    """The former province a commune named in a merged unit lies in, as the bot reads it (CommuneFormerMap.FormerOfName): a 2025
    commune of that name in the unit first (seeds/catalogue/communes.json, commune-former.json by code), else an old commune name
    only one former province had; None when it cannot be told. Keyed by the former province's name."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "catalogue")
    with open(os.path.join(here, "communes.json"), encoding="utf-8") as fh:
        communes = {p["province"]: p["communes"] for p in json.load(fh)["provinces"]}
    with open(os.path.join(here, "commune-former.json"), encoding="utf-8") as fh:
        units = json.load(fh)["units"]
    by_former = {}
    for u in units:
        of_code = {code: f for f, codes in u["former"].items() for code in codes}
        named = {}
        for c in communes.get(u["province"], []):
            named.setdefault(fold(c["name"]), []).append(of_code.get(c["code"]))
        old = {fold(n): f for f, names in u["oldNames"].items() for n in names}
        for f in u["former"]:
            by_former[f] = (named, old)

    def former(province, commune):
        if province not in by_former or not commune:
            return province
        named, old = by_former[province]
        key = fold(commune)
        for kind in ("xa ", "phuong ", "thi tran ", "dac khu "):
            if key.startswith(kind):
                key = key[len(kind):]
                break
        return named[key][0] if len(named.get(key, [])) == 1 else old.get(key)
    return former


def check_communes(records):
    """A record dated before the merger names a commune of its former province, or one the bot cannot place; never a commune the
    bot reads as another former province's ("phường Đồng Kỵ" of old Bắc Ninh folds to Bắc Giang's "xã Đồng Kỳ": the village is
    now in phường Đồng Nguyên, named so)."""
    former = former_of_commune()
    wrong = [(r["province"], r["commune"]) for r in records if r["date"] < MERGER and former(r["province"], r["commune"]) not in (None, r["province"])]
    assert not wrong, f"pre-merger rows with a commune of another former province: {sorted(set(wrong))}"


def check(records):
    """Asserts the article's figures before anything is written."""
    check_communes(records)
    def sel(a, start, end):
        return [r for r in records if r["activity"] == a and start <= r["date"] <= end]
    s, e = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
    assert len({(r["current_id"], fold(r["facility"])) for r in sel("machinery", s, e)}) == 57
    assert len(sel("machinery", s, e)) > 57
    assert len({(r["current_id"], fold(r["facility"])) for r in sel("cleaner_production", s, e)}) == 11
    fairs = sel("trade_fair", s, e)
    assert len(fairs) == 296 and sum(r["booths"] for r in fairs) == 701
    assert len(sel("product_award", s, e)) == 245
    assert len({(r["current_id"], fold(r["facility"])) for r in sel("trademark", s, e)}) == 5
    cons = sel("consulting", s, e)
    assert len(cons) == 62 and sum(r["revenue_vnd"] for r in cons) == 4_870_000_000
    cons23 = sel("consulting", dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    assert sum(r["revenue_vnd"] for r in cons23) == 3_168_500_000
    assert all(r["status"] == "uoc" for r in records if s <= r["date"] <= e)
    assert set(r["activity"] for r in records) == set(ACTIVITIES)
    assert max(r["date"] for r in records) <= END


if __name__ == "__main__":
    sys.exit(main())
