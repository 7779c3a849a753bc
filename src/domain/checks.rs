//! Conflicts that can be computed from a plan's own figures. The dataset records them too (with
//! the same ids); a test keeps the two lists in agreement. Also: filtering and counting the
//! recorded checks for the 数据核查 view.

use super::dataset::{Check, Dataset, Plan, Severity};
use super::money::Yuan;
use super::schedule::{total, Measure};
use std::collections::BTreeSet;

/// A total and the sum of its rows may differ by rounding of the printed rows; half a 万元 is more
/// than two-decimal rounding can explain for any list these plans print.
const FUNDING_TOLERANCE: Yuan = Yuan(5_000);

pub fn computed_check_ids(plan: &Plan) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let f = &plan.funding;
    if let Some(total_wan) = f.total_wan_yuan {
        let total = Yuan::from_wan(total_wan);
        let year_rows: Vec<Option<f64>> = f.by_year.iter().map(|r| r.amount_wan_yuan).collect();
        let lists = [
            ("by-year", year_rows),
            ("by-source", f.by_source.iter().map(|r| r.amount_wan_yuan).collect()),
            ("by-category", f.by_category.iter().map(|r| r.amount_wan_yuan).collect()),
            ("by-township", f.by_township.iter().map(|r| r.amount_wan_yuan).collect()),
        ];
        for (name, rows) in lists {
            let Some(amounts) = rows.into_iter().collect::<Option<Vec<f64>>>() else { continue };
            if amounts.is_empty() {
                continue;
            }
            let sum = Yuan::sum(amounts.into_iter().map(Yuan::from_wan));
            if (sum - total).0.abs() > FUNDING_TOLERANCE.0 {
                ids.insert(format!("funding-{name}-sum"));
            }
        }
    }
    for (measure, name) in [(Measure::People, "people"), (Measure::Households, "households"), (Measure::Villages, "villages")] {
        if plan.exit_schedule.is_empty() {
            break;
        }
        if let (Some(sum), Some(cohort)) = (total(&plan.exit_schedule, measure), measure.cohort(plan)) {
            if sum != cohort {
                ids.insert(format!("exits-{name}-vs-baseline"));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for v in &plan.villages {
        if !seen.insert((v.name_zh.as_str(), v.township_zh.as_deref())) {
            ids.insert(format!("duplicate-village:{}", v.name_zh));
        }
    }
    let [start, end] = plan.period;
    for (i, p) in plan.projects.iter().enumerate() {
        if [p.year_start, p.year_end].iter().flatten().any(|&y| y < start || y > end) {
            ids.insert(format!("project-outside-period:{i}"));
        }
    }
    ids
}

/// Whether a recorded check id is one that `computed_check_ids` produces.
pub fn is_computed_id(id: &str) -> bool {
    ["funding-by-", "exits-", "duplicate-village:", "project-outside-period:"]
        .iter()
        .any(|p| id.starts_with(p))
}

/// What a recorded check is about, from its `kind` field; anything unknown or missing is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckKind {
    TextVsTable,
    TotalVsRows,
    CohortVsExits,
    Duplicate,
    OutsidePeriod,
    Other,
}

impl CheckKind {
    pub const ALL: [CheckKind; 6] = [
        CheckKind::TextVsTable,
        CheckKind::TotalVsRows,
        CheckKind::CohortVsExits,
        CheckKind::Duplicate,
        CheckKind::OutsidePeriod,
        CheckKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CheckKind::TextVsTable => "text_vs_table",
            CheckKind::TotalVsRows => "total_vs_rows",
            CheckKind::CohortVsExits => "cohort_vs_exits",
            CheckKind::Duplicate => "duplicate",
            CheckKind::OutsidePeriod => "outside_period",
            CheckKind::Other => "other",
        }
    }

    pub fn from_slug(s: &str) -> Option<CheckKind> {
        CheckKind::ALL.into_iter().find(|k| k.slug() == s)
    }

    pub fn of(check: &Check) -> CheckKind {
        check.kind.as_deref().and_then(CheckKind::from_slug).unwrap_or(CheckKind::Other)
    }
}

/// Which checks to show; `None` means all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckFilter {
    pub severity: Option<Severity>,
    pub kind: Option<CheckKind>,
}

impl CheckFilter {
    pub fn matches(&self, check: &Check) -> bool {
        self.severity.is_none_or(|s| s == check.severity) && self.kind.is_none_or(|k| k == CheckKind::of(check))
    }
}

/// How many checks of each severity one plan records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckCounts {
    pub plan_id: String,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl CheckCounts {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.notes
    }

    pub fn of(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.notes,
        }
    }
}

fn count(plan_id: &str, checks: &[Check], filter: &CheckFilter) -> CheckCounts {
    let mut c = CheckCounts { plan_id: plan_id.to_string(), ..CheckCounts::default() };
    for check in checks.iter().filter(|ch| filter.matches(ch)) {
        match check.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.notes += 1,
        }
    }
    c
}

/// Per plan (in dataset order), the checks of each severity that pass `filter`.
pub fn summary(dataset: &Dataset, filter: &CheckFilter) -> Vec<CheckCounts> {
    dataset.plans.iter().map(|p| count(&p.id, &p.checks, filter)).collect()
}

/// The counts of all plans added up.
pub fn summary_total(rows: &[CheckCounts]) -> CheckCounts {
    rows.iter().fold(CheckCounts::default(), |acc, r| CheckCounts {
        plan_id: String::new(),
        errors: acc.errors + r.errors,
        warnings: acc.warnings + r.warnings,
        notes: acc.notes + r.notes,
    })
}

/// How many checks of all plans have each kind (for the kind filter's labels).
pub fn kind_counts(dataset: &Dataset) -> Vec<(CheckKind, usize)> {
    CheckKind::ALL
        .into_iter()
        .map(|k| (k, dataset.plans.iter().flat_map(|p| &p.checks).filter(|c| CheckKind::of(c) == k).count()))
        .collect()
}
