//! The exit schedule and what follows from it: people still poor and the incidence, year by year.

use super::dataset::{Baseline, ExitRow, Plan, RowStatus};

/// The three figures of a schedule row that a user may edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    People,
    Households,
    Villages,
    Counties,
}

impl Measure {
    pub const EDITABLE: [Measure; 4] = [Measure::People, Measure::Households, Measure::Villages, Measure::Counties];

    pub fn of(self, row: &ExitRow) -> Option<i64> {
        match self {
            Measure::People => row.people,
            Measure::Households => row.households,
            Measure::Villages => row.villages,
            Measure::Counties => row.counties,
        }
    }

    pub fn set(self, row: &mut ExitRow, value: Option<i64>) {
        match self {
            Measure::People => row.people = value,
            Measure::Households => row.households = value,
            Measure::Villages => row.villages = value,
            Measure::Counties => row.counties = value,
        }
    }

    /// The measures a plan's schedule is edited by: people always, others where the plan gives
    /// them; counties only in a province plan (a county plan's "counties" row is itself).
    pub fn shown_for(plan: &Plan) -> Vec<Measure> {
        Measure::EDITABLE
            .into_iter()
            .filter(|&m| m == Measure::People || plan.exit_schedule.iter().any(|r| m.of(r).is_some()))
            .filter(|&m| m != Measure::Counties || plan.level == super::dataset::Level::Province)
            .collect()
    }

    /// The baseline figure this measure counts down from.
    pub fn cohort(self, plan: &Plan) -> Option<i64> {
        match self {
            Measure::People => plan.baseline.poor_people,
            Measure::Households => plan.baseline.poor_households,
            Measure::Villages => plan.baseline.poor_villages,
            Measure::Counties => plan.baseline.extra.get("poor_counties").and_then(|v| v.as_i64()),
        }
    }
}

/// One year of the schedule with what it leaves behind.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOutcome {
    pub year: i32,
    pub status: RowStatus,
    pub exits: Option<i64>,
    /// Still poor at the end of the year; `None` once an earlier figure is unknown.
    pub remaining: Option<i64>,
    /// `remaining` as a share of the rural population, in percent.
    pub incidence_pct: Option<f64>,
}

/// Rows that count down from the baseline: those after its year (earlier exits are already in it).
pub fn after_baseline<'a>(baseline: &Baseline, rows: &'a [ExitRow]) -> &'a [ExitRow] {
    let start = baseline.year.map_or(0, |y| rows.iter().take_while(|r| r.year <= y).count());
    &rows[start..]
}

pub fn outcomes(baseline: &Baseline, rows: &[ExitRow], measure: Measure, cohort: Option<i64>) -> Vec<YearOutcome> {
    let mut remaining = cohort;
    after_baseline(baseline, rows)
        .iter()
        .map(|row| {
            let exits = measure.of(row);
            remaining = match (remaining, exits) {
                (Some(r), Some(e)) => Some(r - e),
                _ => None,
            };
            YearOutcome {
                year: row.year,
                status: row.status,
                exits,
                remaining,
                incidence_pct: match measure {
                    Measure::People => incidence_pct(remaining, baseline.rural_population),
                    _ => None,
                },
            }
        })
        .collect()
}

pub fn incidence_pct(poor: Option<i64>, population: Option<i64>) -> Option<f64> {
    match (poor, population) {
        (Some(p), Some(n)) if n > 0 => Some(p.max(0) as f64 * 100.0 / n as f64),
        _ => None,
    }
}

/// The first year whose incidence is at or under `threshold_pct`.
pub fn year_threshold_met(outcomes: &[YearOutcome], threshold_pct: f64) -> Option<i32> {
    outcomes
        .iter()
        .find(|o| o.incidence_pct.is_some_and(|i| i <= threshold_pct + 1e-9))
        .map(|o| o.year)
}

/// Sum of a measure over the rows; `None` when any row does not give it.
pub fn total(rows: &[ExitRow], measure: Measure) -> Option<i64> {
    rows.iter().map(|r| measure.of(r)).sum()
}

/// Share of the exits of the plan years that fall in the first half of those years, in percent:
/// 50 is even, above 50 front-loaded, below back-loaded.
pub fn front_loading_pct(rows: &[ExitRow], measure: Measure) -> Option<f64> {
    let plan: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == RowStatus::Plan)
        .map(|r| measure.of(r))
        .collect::<Option<Vec<_>>>()?;
    let sum: i64 = plan.iter().sum();
    if plan.len() < 2 || sum <= 0 {
        return None;
    }
    // Weight each year by how early it is: first year 1, last year 0.
    let n = (plan.len() - 1) as f64;
    let early: f64 = plan.iter().enumerate().map(|(i, &e)| e as f64 * (1.0 - i as f64 / n)).sum();
    Some(early * 100.0 / sum as f64)
}
