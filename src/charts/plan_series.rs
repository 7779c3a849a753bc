//! The series a plan's charts draw, from the plan and a scenario: exits per year, people still
//! poor, money by year. Shared by the plan page and the slides.

use super::bars::Bar;
use super::lines::Series;
use crate::domain::budget::{parts, Dimension};
use crate::domain::dataset::{ExitRow, Plan, RowStatus};
use crate::domain::scenario::Scenario;
use crate::domain::schedule::{outcomes, Measure};

/// Scenario bars with the printed figure of each year as the baseline outline.
pub fn exits_bars(baseline: &[ExitRow], scenario: &[ExitRow], measure: Measure) -> Vec<Bar> {
    scenario
        .iter()
        .map(|row| Bar {
            year: row.year,
            value: measure.of(row).map(|v| v as f64),
            baseline: baseline.iter().find(|b| b.year == row.year).and_then(|b| measure.of(b)).map(|v| v as f64),
            actual: row.status == RowStatus::Actual,
        })
        .collect()
}

/// People still poor: the baseline year's cohort, then each year's end.
pub fn remaining_series(plan: &Plan, rows: &[ExitRow]) -> Series {
    let cohort = Measure::People.cohort(plan);
    let mut points = vec![(plan.baseline.year.unwrap_or(plan.period[0] - 1), cohort.map(|c| c as f64))];
    points.extend(outcomes(&plan.baseline, rows, Measure::People, cohort).iter().map(|o| (o.year, o.remaining.map(|r| r as f64))));
    Series { points }
}

/// The number of poor people at which the incidence meets the plan's exit standard.
pub fn threshold_count(plan: &Plan) -> Option<f64> {
    match (plan.exit_incidence_threshold_pct, plan.baseline.rural_population) {
        (Some(t), Some(n)) => Some(t / 100.0 * n as f64),
        _ => None,
    }
}

/// Money by year in 元: the scenario's split, the printed amount as the outline.
pub fn money_bars(plan: &Plan, scenario: Option<&Scenario>) -> Vec<Bar> {
    let printed = parts(plan, None, Dimension::Year);
    parts(plan, scenario, Dimension::Year)
        .into_iter()
        .zip(printed)
        .map(|(now, was)| Bar {
            year: now.key.parse().unwrap_or(plan.period[0]),
            value: now.printed.map(|_| now.amount.0 as f64),
            baseline: was.printed.map(|y| y.0 as f64),
            actual: false,
        })
        .collect()
}
