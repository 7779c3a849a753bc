#!/usr/bin/env python3
"""Joins data/plans/<id>.json into public/data/plans.json and copies the seed texts the app
quotes from into public/data/sources/. Run after editing a plan file; the native tests check
that the result matches the seeds."""
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["antu", "mianchi", "tianzhen", "fenxi", "shanxi"]
DATASET_VERSION = 1


def main():
    seeds = ROOT.parent / "shared" / "seeds"
    plans = [json.loads((ROOT / "data" / "plans" / f"{pid}.json").read_text(encoding="utf-8")) for pid in ORDER]
    out = ROOT / "public" / "data"
    (out / "sources").mkdir(parents=True, exist_ok=True)
    text = json.dumps({"dataset_version": DATASET_VERSION, "plans": plans}, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    (out / "plans.json").write_text(text + "\n", encoding="utf-8")
    for p in plans:
        src = seeds / p["source_file"]
        if src.is_file():
            shutil.copyfile(src, out / "sources" / p["source_file"])
    print(f"{len(plans)} plans, {len(text)} bytes")


if __name__ == "__main__":
    main()
