//! Conflicts that can be computed from a plan's own figures. The dataset records them too (with
//! the same ids); a test keeps the two lists in agreement.

use super::dataset::Plan;
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
