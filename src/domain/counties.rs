//! A province plan's counties and their exit years: the printed assignment, a scenario's moves,
//! and the yearly counts that follow (which replace the schedule's `counties` row).

use super::dataset::{County, ExitRow, Plan, RowStatus};
use super::scenario::{CountyMove, EditError, Scenario};
use std::collections::BTreeMap;

/// Each county with its exit year under `scenario` (the printed year where it has no move).
pub fn county_years<'a>(plan: &'a Plan, scenario: Option<&Scenario>) -> Vec<(&'a County, Option<i32>)> {
    plan.counties
        .iter()
        .map(|c| {
            let moved = scenario.and_then(|s| s.counties.iter().find(|m| m.name_zh == c.name_zh)).map(|m| m.year);
            (c, moved.or(c.exit_year))
        })
        .collect()
}

/// Number of counties exiting each year.
pub fn counts_by_year(plan: &Plan, scenario: Option<&Scenario>) -> BTreeMap<i32, i64> {
    let mut counts = BTreeMap::new();
    for (_, year) in county_years(plan, scenario) {
        if let Some(y) = year {
            *counts.entry(y).or_insert(0) += 1;
        }
    }
    counts
}

/// Sets the schedule's counties row of plan years to the counts of the assignment.
pub fn apply_to_rows(plan: &Plan, scenario: &Scenario, rows: &mut [ExitRow]) {
    let counts = counts_by_year(plan, Some(scenario));
    for row in rows.iter_mut().filter(|r| r.status == RowStatus::Plan) {
        row.counties = Some(counts.get(&row.year).copied().unwrap_or(0));
    }
}

impl Scenario {
    /// Moves a county to another exit year of the schedule; moving it back removes the move.
    pub fn move_county(&mut self, plan: &Plan, name_zh: &str, year: i32) -> Result<(), EditError> {
        let county = plan.counties.iter().find(|c| c.name_zh == name_zh).ok_or(EditError::NoSuchYear { year })?;
        let row = plan.exit_schedule.iter().find(|r| r.year == year).ok_or(EditError::NoSuchYear { year })?;
        let from = county_years(plan, Some(self)).into_iter().find(|(c, _)| c.name_zh == name_zh).and_then(|(_, y)| y);
        let from_locked = from.and_then(|y| plan.exit_schedule.iter().find(|r| r.year == y)).is_some_and(|r| r.status == RowStatus::Actual);
        if row.status == RowStatus::Actual || from_locked {
            return Err(EditError::Locked { year: if from_locked { from.unwrap_or(year) } else { year } });
        }
        self.counties.retain(|m| m.name_zh != name_zh);
        if county.exit_year != Some(year) {
            self.counties.push(CountyMove { name_zh: name_zh.to_string(), year });
            self.counties.sort_by(|a, b| a.name_zh.cmp(&b.name_zh));
        }
        Ok(())
    }
}
