//! The bundled dataset (`public/data/plans.json`): types that mirror `shared/DATA_MODEL.md`,
//! and the validation every copy goes through, bundled or stored alike.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Line numbers (1-based) in the plan's seed file that a figure comes from.
pub type Lines = Vec<u32>;

pub const DATASET_VERSION: u32 = 1;

/// Upper bounds on what a dataset may hold; anything larger is refused, not truncated.
pub mod limits {
    pub const PLANS: usize = 2_000;
    pub const ROWS_PER_LIST: usize = 50_000;
    pub const TEXT_CHARS: usize = 2_000;
    pub const LINES_PER_FIGURE: usize = 400;
    pub const YEAR_MIN: i32 = 1990;
    pub const YEAR_MAX: i32 = 2035;
    pub const PEOPLE_MAX: f64 = 1.0e9;
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub dataset_version: u32,
    pub plans: Vec<Plan>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    County,
    Province,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub source_file: String,
    pub level: Level,
    pub name_zh: String,
    pub name_en: String,
    pub province_zh: Option<String>,
    pub title_zh: String,
    pub period: [i32; 2],
    pub exit_year: Option<i32>,
    pub exit_incidence_threshold_pct: Option<f64>,
    /// Where the plan-level figures (exit year, threshold) are stated.
    #[serde(default)]
    pub lines: Lines,
    pub baseline: Baseline,
    pub exit_schedule: Vec<ExitRow>,
    pub exit_schedule_alternatives: Vec<AltSchedule>,
    pub funding: Funding,
    pub projects: Vec<Project>,
    pub townships: Vec<Township>,
    pub villages: Vec<Village>,
    pub counties: Vec<County>,
    pub poverty_causes: Vec<Cause>,
    pub measures: Vec<Measure>,
    pub indicators: Vec<Indicator>,
    pub checks: Vec<Check>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub year: Option<i32>,
    pub poor_people: Option<i64>,
    pub poor_households: Option<i64>,
    pub poor_villages: Option<i64>,
    pub rural_population: Option<i64>,
    pub incidence_pct: Option<f64>,
    pub lines: Lines,
    /// Further baseline facts a plan states (area, townships, …), each a number or null.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    Actual,
    Plan,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExitRow {
    pub year: i32,
    pub people: Option<i64>,
    pub households: Option<i64>,
    pub villages: Option<i64>,
    pub counties: Option<i64>,
    pub status: RowStatus,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AltSchedule {
    pub label_zh: String,
    #[serde(default)]
    pub label_en: Option<String>,
    pub lines: Lines,
    pub rows: Vec<ExitRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    pub total_wan_yuan: Option<f64>,
    pub lines: Lines,
    pub by_year: Vec<YearAmount>,
    pub by_source: Vec<NamedAmount>,
    pub by_category: Vec<NamedAmount>,
    pub by_township: Vec<NamedAmount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearAmount {
    pub year: i32,
    pub amount_wan_yuan: Option<f64>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedAmount {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub amount_wan_yuan: Option<f64>,
    #[serde(default)]
    pub projects: Option<i64>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub name_zh: String,
    pub category_zh: Option<String>,
    pub township_zh: Option<String>,
    pub village_zh: Option<String>,
    pub year_start: Option<i32>,
    pub year_end: Option<i32>,
    pub amount_wan_yuan: Option<f64>,
    pub funding_source_zh: Option<String>,
    pub beneficiary_people: Option<i64>,
    pub beneficiary_households: Option<i64>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Township {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub poor_people: Option<i64>,
    pub poor_households: Option<i64>,
    pub poor_villages: Option<i64>,
    pub exit_year: Option<i32>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Village {
    pub name_zh: String,
    pub township_zh: Option<String>,
    pub exit_year: Option<i32>,
    pub tags_zh: Vec<String>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct County {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub exit_year: Option<i32>,
    pub tags_zh: Vec<String>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub people: Option<i64>,
    pub households: Option<i64>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub people: Option<i64>,
    pub households: Option<i64>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub unit_zh: Option<String>,
    pub baseline: Option<f64>,
    pub baseline_year: Option<i32>,
    pub targets: Vec<Target>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub year: i32,
    pub value: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub id: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub severity: Severity,
    pub message_zh: String,
    pub message_en: String,
    #[serde(default)]
    pub values: Vec<CheckValue>,
    #[serde(default)]
    pub used_zh: Option<String>,
    #[serde(default)]
    pub used_en: Option<String>,
    pub lines: Lines,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckValue {
    pub label_zh: String,
    #[serde(default)]
    pub label_en: Option<String>,
    pub value: Option<f64>,
    pub lines: Lines,
}

/// Why a dataset was refused: where (a JSON path) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Parses and validates a dataset from JSON text: the one way in for bundled and stored copies.
pub fn parse_dataset(text: &str) -> Result<Dataset, Invalid> {
    let dataset: Dataset = super::json::parse(text).map_err(|e| Invalid { path: e.path, reason: e.reason })?;
    validate(&dataset)?;
    Ok(dataset)
}

fn invalid(path: impl Into<String>, reason: impl Into<String>) -> Invalid {
    Invalid { path: path.into(), reason: reason.into() }
}

fn check_year(path: &str, year: i32) -> Result<(), Invalid> {
    if (limits::YEAR_MIN..=limits::YEAR_MAX).contains(&year) {
        Ok(())
    } else {
        Err(invalid(path, format!("year {year} is outside {}–{}", limits::YEAR_MIN, limits::YEAR_MAX)))
    }
}

fn check_opt_year(path: &str, year: Option<i32>) -> Result<(), Invalid> {
    year.map_or(Ok(()), |y| check_year(path, y))
}

fn check_count(path: &str, value: Option<i64>) -> Result<(), Invalid> {
    match value {
        Some(v) if v < 0 || v as f64 > limits::PEOPLE_MAX => Err(invalid(path, format!("{v} is out of range"))),
        _ => Ok(()),
    }
}

fn check_amount(path: &str, value: Option<f64>) -> Result<(), Invalid> {
    match value {
        Some(v) if !v.is_finite() || !(0.0..=1.0e12).contains(&v) => {
            Err(invalid(path, format!("{v} is not a possible amount")))
        }
        _ => Ok(()),
    }
}

fn check_len<T>(path: &str, list: &[T]) -> Result<(), Invalid> {
    if list.len() > limits::ROWS_PER_LIST {
        Err(invalid(path, format!("{} rows, more than {}", list.len(), limits::ROWS_PER_LIST)))
    } else {
        Ok(())
    }
}

fn check_text(path: &str, text: &str) -> Result<(), Invalid> {
    if text.chars().count() > limits::TEXT_CHARS {
        Err(invalid(path, format!("text longer than {} characters", limits::TEXT_CHARS)))
    } else {
        Ok(())
    }
}

fn check_lines(path: &str, lines: &Lines) -> Result<(), Invalid> {
    if lines.len() > limits::LINES_PER_FIGURE {
        return Err(invalid(path, "too many cited lines"));
    }
    if lines.iter().any(|&n| n == 0) {
        return Err(invalid(path, "line numbers start at 1"));
    }
    Ok(())
}

/// Checks what types alone cannot: ranges, finiteness, lengths, unique slugs.
pub fn validate(dataset: &Dataset) -> Result<(), Invalid> {
    if dataset.dataset_version != DATASET_VERSION {
        return Err(invalid("dataset_version", format!("expected {DATASET_VERSION}, found {}", dataset.dataset_version)));
    }
    if dataset.plans.is_empty() || dataset.plans.len() > limits::PLANS {
        return Err(invalid("plans", format!("expected 1–{} plans, found {}", limits::PLANS, dataset.plans.len())));
    }
    let mut ids = std::collections::BTreeSet::new();
    for (i, plan) in dataset.plans.iter().enumerate() {
        let p = format!("plans[{i}]");
        if plan.id.is_empty()
            || plan.id.len() > 64
            || !plan.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            return Err(invalid(format!("{p}.id"), "must be a short lowercase ASCII slug"));
        }
        if !ids.insert(plan.id.as_str()) {
            return Err(invalid(format!("{p}.id"), format!("'{}' appears twice", plan.id)));
        }
        validate_plan(&p, plan)?;
    }
    Ok(())
}

fn validate_plan(p: &str, plan: &Plan) -> Result<(), Invalid> {
    for (field, text) in [("name_zh", &plan.name_zh), ("name_en", &plan.name_en), ("title_zh", &plan.title_zh)] {
        check_text(&format!("{p}.{field}"), text)?;
    }
    let [start, end] = plan.period;
    check_year(&format!("{p}.period[0]"), start)?;
    check_year(&format!("{p}.period[1]"), end)?;
    if start > end {
        return Err(invalid(format!("{p}.period"), "starts after it ends"));
    }
    check_opt_year(&format!("{p}.exit_year"), plan.exit_year)?;
    if let Some(t) = plan.exit_incidence_threshold_pct {
        if !t.is_finite() || !(0.0..=100.0).contains(&t) {
            return Err(invalid(format!("{p}.exit_incidence_threshold_pct"), "must be a percentage"));
        }
    }
    let b = &plan.baseline;
    check_opt_year(&format!("{p}.baseline.year"), b.year)?;
    for (field, v) in [
        ("poor_people", b.poor_people),
        ("poor_households", b.poor_households),
        ("poor_villages", b.poor_villages),
        ("rural_population", b.rural_population),
    ] {
        check_count(&format!("{p}.baseline.{field}"), v)?;
    }
    if let Some(v) = b.incidence_pct {
        if !v.is_finite() || !(0.0..=100.0).contains(&v) {
            return Err(invalid(format!("{p}.baseline.incidence_pct"), "must be a percentage"));
        }
    }
    check_lines(&format!("{p}.baseline.lines"), &b.lines)?;
    validate_rows(&format!("{p}.exit_schedule"), &plan.exit_schedule)?;
    for (i, alt) in plan.exit_schedule_alternatives.iter().enumerate() {
        validate_rows(&format!("{p}.exit_schedule_alternatives[{i}].rows"), &alt.rows)?;
    }
    let f = &plan.funding;
    check_amount(&format!("{p}.funding.total_wan_yuan"), f.total_wan_yuan)?;
    check_len(&format!("{p}.funding.by_year"), &f.by_year)?;
    for (i, row) in f.by_year.iter().enumerate() {
        check_year(&format!("{p}.funding.by_year[{i}].year"), row.year)?;
        check_amount(&format!("{p}.funding.by_year[{i}].amount_wan_yuan"), row.amount_wan_yuan)?;
    }
    for (name, rows) in [("by_source", &f.by_source), ("by_category", &f.by_category), ("by_township", &f.by_township)] {
        check_len(&format!("{p}.funding.{name}"), rows)?;
        for (i, row) in rows.iter().enumerate() {
            check_text(&format!("{p}.funding.{name}[{i}].name_zh"), &row.name_zh)?;
            check_amount(&format!("{p}.funding.{name}[{i}].amount_wan_yuan"), row.amount_wan_yuan)?;
        }
    }
    check_len(&format!("{p}.projects"), &plan.projects)?;
    for (i, pr) in plan.projects.iter().enumerate() {
        let q = format!("{p}.projects[{i}]");
        check_text(&format!("{q}.name_zh"), &pr.name_zh)?;
        check_opt_year(&format!("{q}.year_start"), pr.year_start)?;
        check_opt_year(&format!("{q}.year_end"), pr.year_end)?;
        check_amount(&format!("{q}.amount_wan_yuan"), pr.amount_wan_yuan)?;
        check_count(&format!("{q}.beneficiary_people"), pr.beneficiary_people)?;
    }
    check_len(&format!("{p}.villages"), &plan.villages)?;
    for (i, v) in plan.villages.iter().enumerate() {
        check_opt_year(&format!("{p}.villages[{i}].exit_year"), v.exit_year)?;
    }
    check_len(&format!("{p}.counties"), &plan.counties)?;
    for (i, c) in plan.counties.iter().enumerate() {
        check_opt_year(&format!("{p}.counties[{i}].exit_year"), c.exit_year)?;
    }
    check_len(&format!("{p}.townships"), &plan.townships)?;
    check_len(&format!("{p}.checks"), &plan.checks)?;
    Ok(())
}

fn validate_rows(p: &str, rows: &[ExitRow]) -> Result<(), Invalid> {
    check_len(p, rows)?;
    let mut last = None;
    for (i, row) in rows.iter().enumerate() {
        let q = format!("{p}[{i}]");
        check_year(&format!("{q}.year"), row.year)?;
        if last.is_some_and(|y| row.year <= y) {
            return Err(invalid(format!("{q}.year"), "years must increase"));
        }
        last = Some(row.year);
        for (field, v) in [("people", row.people), ("households", row.households), ("villages", row.villages), ("counties", row.counties)] {
            check_count(&format!("{q}.{field}"), v)?;
        }
        check_lines(&format!("{q}.lines"), &row.lines)?;
    }
    Ok(())
}

impl Dataset {
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }
}
