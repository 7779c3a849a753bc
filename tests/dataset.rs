//! The bundled dataset against its sources: it parses and validates with the app's own code,
//! every figure is printed on the lines it cites, the copied sources are the seeds, and the
//! recorded conflicts agree with those the app computes.

use plan_explorer::domain::checks::{computed_check_ids, is_computed_id};
use plan_explorer::domain::dataset::{parse_dataset, Dataset};
use plan_explorer::domain::printed::lines_printing;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn raw() -> String {
    std::fs::read_to_string(root().join("public/data/plans.json")).expect("public/data/plans.json")
}

fn dataset() -> Dataset {
    parse_dataset(&raw()).unwrap_or_else(|e| panic!("dataset invalid: {e}"))
}

/// The plan texts as the app ships them (public/data/sources), one entry per line.
fn source_lines(file: &str) -> Vec<String> {
    let path = root().join("public/data/sources").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}", path.display())).lines().map(str::to_string).collect()
}

/// Keys whose numbers are years or structure, not figures printed in the plan.
const EXEMPT: &[&str] = &["year", "year_start", "year_end", "period", "exit_year", "baseline_year", "dataset_version"];

/// Ways a figure may be printed: as is (with or without thousands separators), in 万 or 亿
/// (÷10⁴, ÷10⁸), or in 元 where the file keeps 万元 (×10⁴), to 1–6 decimals.
fn spellings(v: f64) -> Vec<String> {
    let mut out = Vec::new();
    for c in [v, v / 1e4, v / 1e8, v * 1e4] {
        if c.abs() < 1e-4 {
            continue;
        }
        if (c - c.round()).abs() < 1e-9 {
            let i = c.round() as i64;
            out.push(i.to_string());
            out.push(plan_explorer::domain::format::thousands(i));
        }
        for d in 1..=6 {
            let s = format!("{c:.d$}");
            out.push(s.trim_end_matches('0').trim_end_matches('.').to_string());
            out.push(s);
        }
    }
    out.retain(|s| !s.is_empty() && s != "0");
    out
}

struct Walk<'a> {
    text: &'a [String],
    checked: usize,
    problems: Vec<String>,
}

impl Walk<'_> {
    fn visit(&mut self, value: &Value, inherited: &[u64], path: &str) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.visit(item, inherited, &format!("{path}[{i}]"));
                }
            }
            Value::Object(map) => {
                let own: Option<Vec<u64>> = map.get("lines").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_u64).collect());
                let lines = own.as_deref().unwrap_or(inherited);
                for &n in lines {
                    if n == 0 || n as usize > self.text.len() {
                        self.problems.push(format!("{path}: line {n} does not exist"));
                    }
                }
                let joined: String = lines
                    .iter()
                    .filter_map(|&n| self.text.get((n as usize).wrapping_sub(1)))
                    .flat_map(|l| l.chars())
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let spelled: BTreeSet<&str> = map.get("spelled_zh").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
                for (key, v) in map {
                    if key == "lines" {
                        continue;
                    }
                    match v {
                        Value::Object(_) | Value::Array(_) => self.visit(v, lines, &format!("{path}.{key}")),
                        Value::Number(n) if !EXEMPT.contains(&key.as_str()) && !spelled.contains(key.as_str()) => {
                            let x = n.as_f64().unwrap_or(0.0);
                            if x == 0.0 {
                                continue;
                            }
                            self.checked += 1;
                            if lines.is_empty() {
                                self.problems.push(format!("{path}.{key} = {x}: no lines cited"));
                            } else if !spellings(x).iter().any(|s| joined.contains(s.as_str())) {
                                self.problems.push(format!("{path}.{key} = {x}: not found on lines {lines:?}"));
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn dataset_parses_and_validates_with_the_apps_code() {
    let d = dataset();
    let ids: Vec<&str> = d.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["antu", "mianchi", "tianzhen", "fenxi", "shanxi"]);
}

#[test]
fn every_figure_is_printed_on_its_cited_lines() {
    let value: Value = serde_json::from_str(&raw()).unwrap();
    let mut total = 0;
    let mut problems = Vec::new();
    for plan in value["plans"].as_array().unwrap() {
        let text = source_lines(plan["source_file"].as_str().unwrap());
        let mut walk = Walk { text: &text, checked: 0, problems: Vec::new() };
        walk.visit(plan, &[], plan["id"].as_str().unwrap());
        assert!(walk.checked > 40, "{}: only {} figures", plan["id"], walk.checked);
        total += walk.checked;
        problems.extend(walk.problems);
    }
    assert!(problems.is_empty(), "{} of {total} figures not found:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn shipped_sources_are_the_seed_files() {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("shared/seeds not beside the checkout; comparing skipped");
        return;
    }
    for plan in dataset().plans {
        let shipped = std::fs::read(root().join("public/data/sources").join(&plan.source_file)).unwrap();
        let seed = std::fs::read(Path::new(&seeds).join(&plan.source_file)).unwrap();
        assert!(shipped == seed, "{} differs from its seed", plan.source_file);
    }
}

#[test]
fn recorded_checks_agree_with_computed_ones() {
    for plan in dataset().plans {
        let computed = computed_check_ids(&plan);
        let recorded: BTreeSet<String> = plan.checks.iter().map(|c| c.id.clone()).filter(|id| is_computed_id(id)).collect();
        assert_eq!(recorded, computed, "{}: recorded computed-kind checks differ from the computed list", plan.id);
    }
}

#[test]
fn every_check_quotes_lines_that_exist_and_has_both_languages() {
    for plan in dataset().plans {
        let text = source_lines(&plan.source_file);
        let mut ids = BTreeSet::new();
        for c in &plan.checks {
            assert!(ids.insert(c.id.as_str()), "{}: check id {} twice", plan.id, c.id);
            assert!(!c.lines.is_empty(), "{}: check {} cites no line", plan.id, c.id);
            assert!(c.lines.iter().all(|&n| n >= 1 && n as usize <= text.len()), "{}: check {} cites a missing line", plan.id, c.id);
            assert!(!c.message_zh.trim().is_empty() && !c.message_en.trim().is_empty(), "{}: check {} lacks a message", plan.id, c.id);
            let quoted: BTreeSet<u32> = c.values.iter().flat_map(|v| v.lines.iter().copied()).collect();
            assert!(quoted.iter().all(|n| (*n as usize) <= text.len()), "{}: check {} value cites a missing line", plan.id, c.id);
        }
    }
}

#[test]
fn antu_and_mianchi_headline_figures_match_the_plans() {
    let d = dataset();
    let antu = d.plan("antu").unwrap();
    assert_eq!(antu.baseline.poor_people, Some(10146));
    assert_eq!(antu.baseline.poor_households, Some(5646));
    assert_eq!(antu.baseline.poor_villages, Some(80));
    assert_eq!(antu.baseline.incidence_pct, Some(10.29));
    assert_eq!(antu.exit_year, Some(2019));
    assert_eq!(antu.exit_incidence_threshold_pct, Some(3.0));
    let people: Vec<Option<i64>> = antu.exit_schedule.iter().map(|r| r.people).collect();
    assert_eq!(people, [Some(1885), Some(2823), Some(2114), Some(3324), Some(0)]);
    assert_eq!(antu.funding.total_wan_yuan, Some(308503.29));
    let mianchi = d.plan("mianchi").unwrap();
    assert_eq!(mianchi.baseline.poor_people, Some(13319));
    let people: Vec<Option<i64>> = mianchi.exit_schedule.iter().map(|r| r.people).collect();
    assert_eq!(people, [Some(5500), Some(5437), Some(2382)]);
}

#[test]
fn a_corrupted_copy_is_refused_with_the_field_named() {
    let text = raw().replacen("\"poor_people\":10146", "\"poor_people\":\"many\"", 1);
    let err = parse_dataset(&text).unwrap_err();
    assert!(err.path.contains("baseline.poor_people"), "{err}");
    let text = raw().replacen("\"period\":[2016,2020]", "\"period\":[2016,2090]", 1);
    let err = parse_dataset(&text).unwrap_err();
    assert!(err.path.ends_with("period[1]"), "{err}");
}

/// The source panel marks, among a record's lines, the ones that print the figure clicked. For
/// the baseline cards (each citing all the baseline's lines) such a line is found in every plan,
/// and is never all of them.
#[test]
fn each_baseline_card_points_at_the_lines_that_print_it() {
    let d = dataset();
    let mut found = Vec::new();
    for plan in &d.plans {
        let text = source_lines(&plan.source_file);
        let b = &plan.baseline;
        let figures = [
            ("poor_people", b.poor_people.map(|v| v as f64)),
            ("poor_households", b.poor_households.map(|v| v as f64)),
            ("poor_villages", b.poor_villages.map(|v| v as f64)),
            ("incidence_pct", b.incidence_pct),
        ];
        for (name, v) in figures {
            let Some(v) = v else { continue };
            let lines = lines_printing(v, &b.lines, &text);
            assert!(!lines.is_empty(), "{}.baseline.{name} = {v}: no single line of {:?} prints it", plan.id, b.lines);
            assert!(lines.len() < b.lines.len(), "{}.baseline.{name}: every line of {:?} matched", plan.id, b.lines);
            found.push(format!("{}.{name}={v}@{lines:?}", plan.id));
        }
    }
    for expected in ["antu.poor_people=10146@[832, 843, 905]", "antu.poor_households=5646@[832]", "antu.incidence_pct=10.29@[905]"] {
        assert!(found.iter().any(|f| f == expected), "{expected} not in {found:?}");
    }
}
