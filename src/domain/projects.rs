//! The project rows of all plans: search, filters, sorting and totals for the 项目库 view.
//! Rows are referred to by index so a filtered, sorted list is cheap to keep and compare.

use super::dataset::{Dataset, Plan, Project};
use super::money::Yuan;
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Longest search text taken into account; longer input is cut, not refused.
pub const QUERY_MAX_CHARS: usize = 200;

/// One project row: the plan's index in the dataset and the row's index in that plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProjectRef {
    pub plan: usize,
    pub project: usize,
}

impl ProjectRef {
    pub fn get(self, dataset: &Dataset) -> Option<(&Plan, &Project)> {
        let plan = dataset.plans.get(self.plan)?;
        Some((plan, plan.projects.get(self.project)?))
    }
}

/// What the user asked to see. Every set field must match (AND); `None` means "all".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectFilter {
    /// Whitespace-separated terms; each must occur in the name, category, township or village.
    pub query: String,
    pub plan_id: Option<String>,
    pub category: Option<String>,
    pub township: Option<String>,
    /// A project matches a year its period covers. A project without years matches only "all".
    pub year: Option<i32>,
    /// Inclusive bounds in 万元. A project without an amount matches only when neither is set.
    pub min_wan: Option<f64>,
    pub max_wan: Option<f64>,
}

/// The years a project runs, both ends included. With only one end printed, that year alone.
pub fn project_years(p: &Project) -> Option<(i32, i32)> {
    match (p.year_start, p.year_end) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(y), None) | (None, Some(y)) => Some((y, y)),
        (None, None) => None,
    }
}

fn terms(query: &str) -> Vec<String> {
    let cut: String = query.chars().take(QUERY_MAX_CHARS).collect();
    cut.split_whitespace().map(str::to_lowercase).collect()
}

fn matches_terms(p: &Project, terms: &[String]) -> bool {
    if terms.is_empty() {
        return true;
    }
    let haystack = [Some(p.name_zh.as_str()), p.category_zh.as_deref(), p.township_zh.as_deref(), p.village_zh.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    terms.iter().all(|t| haystack.contains(t.as_str()))
}

fn matches(plan: &Plan, p: &Project, f: &ProjectFilter, terms: &[String]) -> bool {
    if f.plan_id.as_deref().is_some_and(|id| id != plan.id) {
        return false;
    }
    if f.category.is_some() && p.category_zh != f.category {
        return false;
    }
    if f.township.is_some() && p.township_zh != f.township {
        return false;
    }
    if let Some(year) = f.year {
        match project_years(p) {
            Some((a, b)) if (a..=b).contains(&year) => {}
            _ => return false,
        }
    }
    if f.min_wan.is_some() || f.max_wan.is_some() {
        // Compared in whole 元 so that a bound typed as printed matches the printed amount.
        let Some(amount) = p.amount_wan_yuan.map(Yuan::from_wan) else { return false };
        if f.min_wan.is_some_and(|m| amount < Yuan::from_wan(m)) || f.max_wan.is_some_and(|m| amount > Yuan::from_wan(m)) {
            return false;
        }
    }
    matches_terms(p, terms)
}

/// The rows that pass the filter, in dataset order (plan by plan, as printed).
pub fn filter(dataset: &Dataset, f: &ProjectFilter) -> Vec<ProjectRef> {
    let terms = terms(&f.query);
    let mut out = Vec::new();
    for (i, plan) in dataset.plans.iter().enumerate() {
        for (j, p) in plan.projects.iter().enumerate() {
            if matches(plan, p, f, &terms) {
                out.push(ProjectRef { plan: i, project: j });
            }
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Plan,
    Name,
    Category,
    Township,
    Years,
    Amount,
    Beneficiaries,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub direction: Direction,
}

impl SortKey {
    /// Amounts and people are first wanted largest first; names and years in reading order.
    pub fn first_direction(self) -> Direction {
        match self {
            SortKey::Amount | SortKey::Beneficiaries => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

/// The sort after a click on `key`'s header: the same column flips, another starts afresh.
pub fn toggle(current: Option<Sort>, key: SortKey) -> Sort {
    match current {
        Some(s) if s.key == key => Sort {
            key,
            direction: match s.direction {
                Direction::Ascending => Direction::Descending,
                Direction::Descending => Direction::Ascending,
            },
        },
        _ => Sort { key, direction: key.first_direction() },
    }
}

/// Compares two optional values in `direction`, with unknown values last either way.
fn by<T: Ord>(a: Option<T>, b: Option<T>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match direction {
            Direction::Ascending => a.cmp(&b),
            Direction::Descending => b.cmp(&a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts rows by `sort`; ties keep their current order (the sort is stable).
pub fn sort(dataset: &Dataset, rows: &mut [ProjectRef], sort: Sort) {
    let d = sort.direction;
    rows.sort_by(|&x, &y| {
        let (Some((_, a)), Some((_, b))) = (x.get(dataset), y.get(dataset)) else { return Ordering::Equal };
        match sort.key {
            SortKey::Plan => by(Some(x.plan), Some(y.plan), d),
            SortKey::Name => by(Some(a.name_zh.as_str()), Some(b.name_zh.as_str()), d),
            SortKey::Category => by(a.category_zh.as_deref(), b.category_zh.as_deref(), d),
            SortKey::Township => by(a.township_zh.as_deref(), b.township_zh.as_deref(), d),
            SortKey::Years => by(project_years(a), project_years(b), d),
            SortKey::Amount => by(a.amount_wan_yuan.map(Yuan::from_wan), b.amount_wan_yuan.map(Yuan::from_wan), d),
            SortKey::Beneficiaries => by(a.beneficiary_people, b.beneficiary_people, d),
        }
    });
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Rows counted.
    pub count: usize,
    /// Sum of the rows that print an amount, in whole 元.
    pub amount: Yuan,
    /// Rows that print no amount (not counted as zero).
    pub without_amount: usize,
}

pub fn totals(dataset: &Dataset, rows: &[ProjectRef]) -> Totals {
    let mut t = Totals::default();
    for (_, p) in rows.iter().filter_map(|r| r.get(dataset)) {
        t.count += 1;
        match p.amount_wan_yuan {
            Some(w) => t.amount = t.amount + Yuan::from_wan(w),
            None => t.without_amount += 1,
        }
    }
    t
}

fn plans<'a>(dataset: &'a Dataset, plan_id: Option<&'a str>) -> impl Iterator<Item = &'a Plan> {
    dataset.plans.iter().filter(move |p| plan_id.is_none_or(|id| p.id == id))
}

/// The categories printed in the chosen plan (or all plans), sorted, each once.
pub fn categories(dataset: &Dataset, plan_id: Option<&str>) -> Vec<String> {
    let set: BTreeSet<&str> = plans(dataset, plan_id).flat_map(|p| p.projects.iter().filter_map(|r| r.category_zh.as_deref())).collect();
    set.into_iter().map(str::to_string).collect()
}

/// The townships printed in the chosen plan (or all plans), sorted, each once.
pub fn townships(dataset: &Dataset, plan_id: Option<&str>) -> Vec<String> {
    let set: BTreeSet<&str> = plans(dataset, plan_id).flat_map(|p| p.projects.iter().filter_map(|r| r.township_zh.as_deref())).collect();
    set.into_iter().map(str::to_string).collect()
}

/// Every year some project of the chosen plan (or all plans) runs in, ascending.
pub fn years(dataset: &Dataset, plan_id: Option<&str>) -> Vec<i32> {
    let set: BTreeSet<i32> = plans(dataset, plan_id).flat_map(|p| p.projects.iter().filter_map(project_years)).flat_map(|(a, b)| a..=b).collect();
    set.into_iter().collect()
}

/// Why an amount bound was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadBound;

/// An amount bound as typed (万元): blank is "no bound"; otherwise a finite number ≥ 0.
pub fn parse_bound(text: &str) -> Result<Option<f64>, BadBound> {
    let s = text.trim().replace([',', '，'], "");
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=1.0e12).contains(&v) => Ok(Some(v)),
        _ => Err(BadBound),
    }
}

/// Rows shown at once: enough for a plan's whole list, few enough to keep typing in the search fast.
pub const PAGE_SIZE: usize = 100;

/// How many pages `len` rows take (at least one, so an empty list still has a page).
pub fn page_count(len: usize, size: usize) -> usize {
    len.div_ceil(size.max(1)).max(1)
}

/// The rows on page `page` (0-based; past the end means the last page).
pub fn page_range(len: usize, page: usize, size: usize) -> std::ops::Range<usize> {
    let size = size.max(1);
    let page = page.min(page_count(len, size) - 1);
    let start = page * size;
    start.min(len)..(start + size).min(len)
}
