//! A scenario: a named set of edits to a plan's exit schedule. Years the plan reports as done
//! are locked; edits never touch them.

use super::dataset::{ExitRow, Plan, RowStatus};
use super::money::allocate;
use super::schedule::Measure;
use serde::{Deserialize, Serialize};

pub const NAME_MAX_CHARS: usize = 80;
pub const EDITS_MAX: usize = 2_000;
/// Largest figure a user may type for one year (the national cohort was under 100 million).
pub const EXITS_MAX: i64 = 100_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExitEdit {
    pub year: i32,
    pub measure: Measure,
    pub value: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub plan_id: String,
    pub name: String,
    /// Sorted by (year, measure); one edit per pair.
    pub exits: Vec<ExitEdit>,
    /// Changes to the money split; see `budget.rs`.
    #[serde(default)]
    pub budget: Vec<super::budget::BudgetEdit>,
    /// Counties moved to another exit year (province plans); see `counties.rs`.
    #[serde(default)]
    pub counties: Vec<CountyMove>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountyMove {
    pub name_zh: String,
    pub year: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The year is reported as achieved in the plan.
    Locked { year: i32 },
    /// The plan has no such year in its schedule.
    NoSuchYear { year: i32 },
    OutOfRange { value: i64 },
}

/// The schedule a scenario yields, and the edits it could not apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub rows: Vec<ExitRow>,
    pub ignored: Vec<ExitEdit>,
}

impl Scenario {
    pub fn new(id: impl Into<String>, plan: &Plan, name: impl Into<String>) -> Scenario {
        Scenario { id: id.into(), plan_id: plan.id.clone(), name: name.into(), exits: Vec::new(), budget: Vec::new(), counties: Vec::new() }
    }

    pub fn is_baseline(&self) -> bool {
        self.exits.is_empty() && self.budget.is_empty() && self.counties.is_empty()
    }

    /// Back to the printed plan: every edit of this scenario dropped (the name stays).
    pub fn clear_edits(&mut self) {
        self.exits.clear();
        self.budget.clear();
        self.counties.clear();
    }

    pub fn apply(&self, plan: &Plan) -> Applied {
        let mut rows = plan.exit_schedule.clone();
        let mut ignored = Vec::new();
        for edit in &self.exits {
            match rows.iter_mut().find(|r| r.year == edit.year) {
                Some(row) if row.status == RowStatus::Plan => edit.measure.set(row, Some(edit.value)),
                _ => ignored.push(edit.clone()),
            }
        }
        if !self.counties.is_empty() {
            super::counties::apply_to_rows(plan, self, &mut rows);
        }
        Applied { rows, ignored }
    }

    /// Sets one figure of a plan year. Typing the plan's own figure removes the edit.
    pub fn set_exit(&mut self, plan: &Plan, year: i32, measure: Measure, value: i64) -> Result<(), EditError> {
        let row = plan.exit_schedule.iter().find(|r| r.year == year).ok_or(EditError::NoSuchYear { year })?;
        if row.status == RowStatus::Actual {
            return Err(EditError::Locked { year });
        }
        if !(0..=EXITS_MAX).contains(&value) {
            return Err(EditError::OutOfRange { value });
        }
        self.exits.retain(|e| !(e.year == year && e.measure == measure));
        if measure.of(row) != Some(value) {
            self.exits.push(ExitEdit { year, measure, value });
            self.exits.sort_by_key(|e| (e.year, e.measure));
        }
        Ok(())
    }

    /// Moves `n` exits from one plan year to another (fewer if `from` has fewer).
    pub fn move_exits(&mut self, plan: &Plan, measure: Measure, from: i32, to: i32, n: i64) -> Result<i64, EditError> {
        let rows = self.apply(plan).rows;
        let get = |y: i32| rows.iter().find(|r| r.year == y).ok_or(EditError::NoSuchYear { year: y });
        let (src, dst) = (get(from)?, get(to)?);
        for r in [src, dst] {
            if r.status == RowStatus::Actual {
                return Err(EditError::Locked { year: r.year });
            }
        }
        let available = measure.of(src).unwrap_or(0);
        let moved = n.clamp(0, available);
        let dst_value = measure.of(dst).unwrap_or(0) + moved;
        self.set_exit(plan, from, measure, available - moved)?;
        self.set_exit(plan, to, measure, dst_value)?;
        Ok(moved)
    }

    /// Re-splits what the locked years leave of the cohort over the plan years up to the exit
    /// year, by `shape`; later plan years get zero.
    pub fn reshape(&mut self, plan: &Plan, measure: Measure, shape: Shape) -> Result<(), EditError> {
        let rows = self.apply(plan).rows;
        let done: i64 = rows.iter().filter(|r| r.status == RowStatus::Actual).filter_map(|r| measure.of(r)).sum();
        let open: Vec<&ExitRow> = rows.iter().filter(|r| r.status == RowStatus::Plan).collect();
        let last = plan.exit_year.unwrap_or(plan.period[1]);
        let target_years: Vec<i32> = open.iter().map(|r| r.year).filter(|&y| y <= last).collect();
        let years = if target_years.is_empty() { open.iter().map(|r| r.year).collect() } else { target_years };
        let current: i64 = open.iter().filter_map(|r| measure.of(r)).sum();
        let rest = measure.cohort(plan).map_or(current, |c| (c - done).max(0));
        let n = years.len() as u64;
        let weights: Vec<u64> = (0..n)
            .map(|i| match shape {
                Shape::Even => 1,
                Shape::Front => n - i,
                Shape::Back => i + 1,
            })
            .collect();
        let parts = allocate(rest, &weights);
        for row in open {
            let value = years.iter().position(|&y| y == row.year).map_or(0, |i| parts[i]);
            self.set_exit(plan, row.year, measure, value)?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Even,
    Front,
    Back,
}
