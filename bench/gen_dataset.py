#!/usr/bin/env python3
"""Writes a synthetic dataset at national scale for the benchmark: 832 county plans (the number
of national poor counties) with 20,000 projects spread over them.

Each plan has the shape of shared/DATA_MODEL.md and passes the app's validation
(src/domain/dataset.rs): lowercase ASCII ids, years within 1990-2035, period 2016-2020, five
exit rows, and `lines` on every figure (all pointing at line 1: there is no source text).
The figures are made up but plausible, and the same on every run (fixed seed), so that runs
can be compared.

Usage: gen_dataset.py OUT.json [--counties 832] [--projects 20000]
"""

import argparse
import json
import random

COUNTIES = 832
PROJECTS = 20_000
YEARS = [2016, 2017, 2018, 2019, 2020]
LINE = [1]

PROVINCES = [
    "河北省", "山西省", "内蒙古自治区", "吉林省", "黑龙江省", "安徽省", "江西省", "河南省",
    "湖北省", "湖南省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
]
SYLLABLES = "安宁平和兴隆丰泰永清长乐康福源阳山川河林石桥新城东西南北中岭溪坪沟台湾塘坝营"
CATEGORIES = ["产业扶贫", "易地扶贫搬迁", "基础设施", "教育扶贫", "健康扶贫", "生态扶贫", "就业扶贫", "金融扶贫"]
SOURCES = ["中央财政专项扶贫资金", "省级财政专项扶贫资金", "县级财政配套", "统筹整合涉农资金", "社会帮扶资金"]
CAUSES = ["因病", "因残", "因学", "缺技术", "缺劳力", "缺资金"]
MEASURES = ["发展生产脱贫一批", "易地扶贫搬迁脱贫一批", "生态补偿脱贫一批", "发展教育脱贫一批", "社会保障兜底一批"]


def place_name(rng, suffix):
    return "".join(rng.choice(SYLLABLES) for _ in range(2)) + suffix


def split(rng, total, parts):
    """`total` split into `parts` positive-ish integers that add up exactly."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    values = [int(w * scale) for w in weights]
    values[-1] += total - sum(values)
    return values


def exit_schedule(rng, poor_people, poor_households, poor_villages, exit_year):
    # Everyone exits by the county's exit year, as the plans' own rules require.
    active = exit_year - YEARS[0] + 1
    rest = [0] * (len(YEARS) - active)
    people = split(rng, poor_people, active) + rest
    households = split(rng, poor_households, active) + rest
    villages = split(rng, poor_villages, active) + rest
    return [
        {
            "year": year,
            "people": people[i],
            "households": households[i],
            "villages": villages[i],
            "counties": 1 if year == exit_year else None,
            "status": "actual" if year <= 2017 else "plan",
            "lines": LINE,
        }
        for i, year in enumerate(YEARS)
    ]


def project(rng, townships, villages):
    township = rng.choice(townships)
    village = rng.choice(villages) if villages and rng.random() < 0.8 else None
    category = rng.choice(CATEGORIES)
    start = rng.choice(YEARS)
    people = rng.randint(20, 3000) if rng.random() < 0.7 else None
    return {
        "name_zh": f"{(village or township)['name_zh']}{category}项目",
        "category_zh": category,
        "township_zh": township["name_zh"],
        "village_zh": village["name_zh"] if village else None,
        "year_start": start,
        "year_end": rng.choice([y for y in YEARS if y >= start]),
        "amount_wan_yuan": round(rng.uniform(5, 3000), 2),
        "funding_source_zh": rng.choice(SOURCES),
        "beneficiary_people": people,
        "beneficiary_households": people // 3 if people is not None else None,
        "lines": LINE,
    }


def plan(rng, index):
    name = place_name(rng, "县")
    poor_people = rng.randint(3_000, 60_000)
    poor_households = poor_people * 10 // 23
    poor_villages = rng.randint(10, 120)
    incidence = round(rng.uniform(6.0, 25.0), 2)
    rural = int(poor_people / incidence * 100)
    exit_year = rng.choice([2018, 2019, 2020])
    townships = []
    for _ in range(rng.randint(6, 15)):
        townships.append({
            "name_zh": place_name(rng, rng.choice(["镇", "乡"])), "name_en": None,
            "poor_people": None, "poor_households": None, "poor_villages": None,
            "exit_year": None, "lines": LINE,
        })
    villages = [
        {
            "name_zh": place_name(rng, "村"),
            "township_zh": rng.choice(townships)["name_zh"],
            "exit_year": rng.randint(YEARS[0], exit_year),
            "tags_zh": ["贫困村"] + (["深度贫困村"] if rng.random() < 0.2 else []),
            "lines": LINE,
        }
        for _ in range(poor_villages)
    ]
    by_year = [{"year": y, "amount_wan_yuan": round(rng.uniform(5_000, 80_000), 2), "lines": LINE} for y in YEARS]
    total = round(sum(r["amount_wan_yuan"] for r in by_year), 2)
    named = lambda names: [
        {"name_zh": n, "amount_wan_yuan": round(rng.uniform(1_000, 50_000), 2), "lines": LINE} for n in names
    ]
    return {
        "id": f"c{index:04d}",
        "source_file": "synthetic.txt",
        "level": "county",
        "name_zh": name,
        "name_en": f"Sample County {index}",
        "province_zh": rng.choice(PROVINCES),
        "title_zh": f"{name}脱贫攻坚规划（2016—2020年）",
        "period": [2016, 2020],
        "exit_year": exit_year,
        "exit_incidence_threshold_pct": 3,
        "lines": LINE,
        "baseline": {
            "year": 2015,
            "poor_people": poor_people, "poor_households": poor_households, "poor_villages": poor_villages,
            "rural_population": rural, "incidence_pct": incidence, "lines": LINE,
        },
        "exit_schedule": exit_schedule(rng, poor_people, poor_households, poor_villages, exit_year),
        "exit_schedule_alternatives": [],
        "funding": {
            "total_wan_yuan": total, "lines": LINE, "by_year": by_year,
            "by_source": named(rng.sample(SOURCES, 3)),
            "by_category": named(rng.sample(CATEGORIES, 4)),
            "by_township": named([t["name_zh"] for t in townships[:5]]),
        },
        "projects": [],
        "townships": townships,
        "villages": villages,
        "counties": [],
        "poverty_causes": [
            {"name_zh": c, "name_en": None, "people": rng.randint(100, 9000), "households": None, "lines": LINE}
            for c in rng.sample(CAUSES, 4)
        ],
        "measures": [{"name_zh": m, "name_en": None, "people": None, "households": None, "lines": LINE} for m in MEASURES],
        "indicators": [
            {"name_zh": "贫困发生率", "name_en": None, "unit_zh": "%", "baseline": incidence, "baseline_year": 2015,
             "targets": [{"year": 2020, "value": 0.0}], "lines": LINE},
            {"name_zh": "农村居民人均可支配收入", "name_en": None, "unit_zh": "元", "baseline": float(rng.randint(5000, 9000)),
             "baseline_year": 2015, "targets": [{"year": 2020, "value": float(rng.randint(10000, 14000))}], "lines": LINE},
        ],
        "checks": [],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--counties", type=int, default=COUNTIES)
    parser.add_argument("--projects", type=int, default=PROJECTS)
    args = parser.parse_args()
    rng = random.Random(832)
    plans = [plan(rng, i + 1) for i in range(args.counties)]
    # Uneven spread, as in real plans: some counties list many projects, some few.
    weights = [rng.lognormvariate(0, 0.6) for _ in plans]
    for target in rng.choices(plans, weights=weights, k=args.projects):
        target["projects"].append(project(rng, target["townships"], target["villages"]))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"dataset_version": 1, "plans": plans}, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{args.out}: {len(plans)} plans, {sum(len(p['projects']) for p in plans)} projects")


if __name__ == "__main__":
    main()
