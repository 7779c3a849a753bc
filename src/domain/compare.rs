//! Plans side by side: the figures of the comparison table, one yearly series per plan for each
//! comparison chart (each plan measured against its own baseline, so a county and a province can
//! share an axis), and a province plan's counties grouped by exit year.
//!
//! A plan that cannot give a series is left out of that chart with the reason, never drawn as 0.

use super::dataset::{County, Dataset, Level, Lines, Plan, RowStatus};
use super::money::Yuan;
use super::schedule::{after_baseline, incidence_pct, outcomes, Measure};

/// A figure and the source lines it comes from; `value` is `None` where the plan does not say.
#[derive(Clone, Debug, PartialEq)]
pub struct Cited<T> {
    pub value: Option<T>,
    pub lines: Lines,
}

impl<T> Cited<T> {
    /// Unknown figures cite nothing: the lines of a whole block would not show the figure.
    fn new(value: Option<T>, lines: &Lines) -> Cited<T> {
        let lines = if value.is_some() { lines.clone() } else { Lines::new() };
        Cited { value, lines }
    }
}

/// Sorted, de-duplicated union of several line lists.
pub fn merge_lines<'a>(lists: impl IntoIterator<Item = &'a Lines>) -> Lines {
    let mut all: Lines = lists.into_iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSummary {
    pub plan_id: String,
    pub name_zh: String,
    pub name_en: String,
    pub level: Level,
    pub period: [i32; 2],
    pub baseline_year: Option<i32>,
    pub exit_year: Cited<i32>,
    pub poor_people: Cited<i64>,
    pub poor_villages: Cited<i64>,
    pub incidence_pct: Cited<f64>,
    pub funding: Cited<Yuan>,
    /// Total funding over the baseline poor people: what the plan spends per person it lifts out.
    pub funding_per_person: Cited<Yuan>,
}

/// `total / people`, rounded to the nearest 元; `None` without a positive head count.
pub fn per_person(total: Yuan, people: i64) -> Option<Yuan> {
    if people <= 0 || total.0 < 0 {
        return None;
    }
    Some(Yuan((total.0 + people / 2) / people))
}

pub fn summary(plan: &Plan) -> PlanSummary {
    let b = &plan.baseline;
    let funding = plan.funding.total_wan_yuan.filter(|w| w.is_finite()).map(Yuan::from_wan);
    let per = match (funding, b.poor_people) {
        (Some(f), Some(p)) => per_person(f, p),
        _ => None,
    };
    PlanSummary {
        plan_id: plan.id.clone(),
        name_zh: plan.name_zh.clone(),
        name_en: plan.name_en.clone(),
        level: plan.level,
        period: plan.period,
        baseline_year: b.year,
        exit_year: Cited::new(plan.exit_year, &plan.lines),
        poor_people: Cited::new(b.poor_people, &b.lines),
        poor_villages: Cited::new(b.poor_villages, &b.lines),
        incidence_pct: Cited::new(b.incidence_pct, &b.lines),
        funding: Cited::new(funding, &plan.funding.lines),
        funding_per_person: Cited::new(per, &merge_lines([&plan.funding.lines, &b.lines])),
    }
}

pub fn summaries(dataset: &Dataset) -> Vec<PlanSummary> {
    dataset.plans.iter().map(summary).collect()
}

/// Why a point has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The plan does not give a figure this value needs.
    NotStated,
    /// The plan gives zero exits that year, so there is nothing to divide by.
    NoExits,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: Option<f64>,
    pub gap: Option<Gap>,
    /// Reported as achieved (or the baseline itself) rather than planned.
    pub actual: bool,
    pub lines: Lines,
}

impl Point {
    fn known(year: i32, value: f64, actual: bool, lines: Lines) -> Point {
        Point { year, value: Some(value), gap: None, actual, lines }
    }

    fn missing(year: i32, gap: Gap, actual: bool, lines: Lines) -> Point {
        Point { year, value: None, gap: Some(gap), actual, lines }
    }
}

/// Where a series' numbers come from, when plans differ in that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Derived from the exit schedule and the baseline.
    Schedule,
    /// Still poor ÷ rural population.
    RuralPopulation,
    /// The plan's own printed incidence indicator (baseline and targets).
    PrintedIndicator,
    /// Funding by year ÷ exits that year.
    FundingByYear,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanSeries {
    pub plan_id: String,
    /// Position of the plan in the dataset: gives each plan the same colour on every chart.
    pub plan_index: usize,
    pub basis: Basis,
    pub points: Vec<Point>,
}

/// Why a plan is not on a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    NoCohort,
    NoExitsAfterBaseline,
    NoIncidence,
    NoFundingByYear,
    NoExitsInFundedYears,
}

/// What a comparison chart measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartMeasure {
    /// Exits each year as a percentage of the baseline poor people.
    ExitShare,
    /// People still poor, baseline = 100.
    RemainingIndex,
    /// Poverty incidence in percent.
    Incidence,
    /// Funding of a year per person exiting that year, in 元.
    FundingPerExit,
}

impl ChartMeasure {
    pub const ALL: [ChartMeasure; 4] =
        [ChartMeasure::ExitShare, ChartMeasure::RemainingIndex, ChartMeasure::Incidence, ChartMeasure::FundingPerExit];

    pub fn slug(self) -> &'static str {
        match self {
            ChartMeasure::ExitShare => "exit-share",
            ChartMeasure::RemainingIndex => "remaining",
            ChartMeasure::Incidence => "incidence",
            ChartMeasure::FundingPerExit => "money",
        }
    }

    pub fn series(self, plan: &Plan, plan_index: usize) -> Result<PlanSeries, LeftOut> {
        let (basis, points) = match self {
            ChartMeasure::ExitShare => (Basis::Schedule, exit_share(plan)?),
            ChartMeasure::RemainingIndex => (Basis::Schedule, remaining_index(plan)?),
            ChartMeasure::Incidence => incidence(plan)?,
            ChartMeasure::FundingPerExit => (Basis::FundingByYear, funding_per_exit(plan)?),
        };
        Ok(PlanSeries { plan_id: plan.id.clone(), plan_index, basis, points })
    }

    pub fn compare(self, dataset: &Dataset) -> Comparison {
        let mut out = Comparison::default();
        for (i, plan) in dataset.plans.iter().enumerate() {
            match self.series(plan, i) {
                Ok(s) => out.series.push(s),
                Err(reason) => out.left_out.push((plan.id.clone(), reason)),
            }
        }
        out
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub series: Vec<PlanSeries>,
    pub left_out: Vec<(String, LeftOut)>,
}

impl Comparison {
    /// Every year any series has a point for, in order: the columns of the chart's table.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.year)).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

fn positive_cohort(plan: &Plan) -> Result<i64, LeftOut> {
    plan.baseline.poor_people.filter(|&c| c > 0).ok_or(LeftOut::NoCohort)
}

fn baseline_year(plan: &Plan) -> i32 {
    plan.baseline.year.unwrap_or(plan.period[0] - 1)
}

/// A series whose only known value is the baseline's says nothing about the plan.
fn require_known_after(points: Vec<Point>, after: i32, reason: LeftOut) -> Result<Vec<Point>, LeftOut> {
    if points.iter().any(|p| p.year > after && p.value.is_some()) {
        Ok(points)
    } else {
        Err(reason)
    }
}

/// Exits of each year after the baseline as a percentage of the baseline poor people.
pub fn exit_share(plan: &Plan) -> Result<Vec<Point>, LeftOut> {
    let cohort = positive_cohort(plan)?;
    let b = &plan.baseline;
    let points = after_baseline(b, &plan.exit_schedule)
        .iter()
        .map(|row| {
            let actual = row.status == RowStatus::Actual;
            match row.people {
                Some(e) => Point::known(row.year, e as f64 * 100.0 / cohort as f64, actual, merge_lines([&row.lines, &b.lines])),
                None => Point::missing(row.year, Gap::NotStated, actual, Lines::new()),
            }
        })
        .collect();
    require_known_after(points, i32::MIN, LeftOut::NoExitsAfterBaseline)
}

/// People still poor at each year end, the baseline = 100. A year's figure rests on the baseline
/// and every exit row up to it, so it cites all of them.
pub fn remaining_index(plan: &Plan) -> Result<Vec<Point>, LeftOut> {
    let cohort = positive_cohort(plan)?;
    let b = &plan.baseline;
    let start = baseline_year(plan);
    let rows = after_baseline(b, &plan.exit_schedule);
    let mut cited = b.lines.clone();
    let mut points = vec![Point::known(start, 100.0, true, b.lines.clone())];
    for (row, o) in rows.iter().zip(outcomes(b, &plan.exit_schedule, Measure::People, Some(cohort))) {
        cited = merge_lines([&cited, &row.lines]);
        let actual = row.status == RowStatus::Actual;
        points.push(match o.remaining {
            Some(r) => Point::known(o.year, r as f64 * 100.0 / cohort as f64, actual, cited.clone()),
            None => Point::missing(o.year, Gap::NotStated, actual, Lines::new()),
        });
    }
    require_known_after(points, start, LeftOut::NoExitsAfterBaseline)
}

/// The poverty incidence by year: computed where the plan gives its rural population, else the
/// plan's printed incidence indicator.
pub fn incidence(plan: &Plan) -> Result<(Basis, Vec<Point>), LeftOut> {
    let b = &plan.baseline;
    if let (Some(cohort), Some(population)) = (b.poor_people, b.rural_population.filter(|&n| n > 0)) {
        let start = baseline_year(plan);
        let rows = after_baseline(b, &plan.exit_schedule);
        let mut cited = b.lines.clone();
        let mut points = Vec::with_capacity(rows.len() + 1);
        if let Some(i) = incidence_pct(Some(cohort), Some(population)) {
            points.push(Point::known(start, i, true, b.lines.clone()));
        }
        for (row, o) in rows.iter().zip(outcomes(b, &plan.exit_schedule, Measure::People, Some(cohort))) {
            cited = merge_lines([&cited, &row.lines]);
            let actual = row.status == RowStatus::Actual;
            points.push(match o.incidence_pct {
                Some(i) => Point::known(o.year, i, actual, cited.clone()),
                None => Point::missing(o.year, Gap::NotStated, actual, Lines::new()),
            });
        }
        if points.iter().any(|p| p.year > start && p.value.is_some()) {
            return Ok((Basis::RuralPopulation, points));
        }
    }
    printed_incidence(plan).map(|points| (Basis::PrintedIndicator, points)).ok_or(LeftOut::NoIncidence)
}

/// The plan's printed incidence indicator as points: its baseline, then its targets.
fn printed_incidence(plan: &Plan) -> Option<Vec<Point>> {
    let ind = plan
        .indicators
        .iter()
        .find(|i| i.name_zh.contains("贫困发生率") && i.unit_zh.as_deref().is_some_and(|u| u.trim() == "%"))?;
    let mut points: Vec<Point> = Vec::new();
    if let (Some(year), Some(v)) = (ind.baseline_year, ind.baseline.filter(|v| v.is_finite())) {
        points.push(Point::known(year, v, true, ind.lines.clone()));
    }
    for t in &ind.targets {
        if let Some(v) = t.value.filter(|v| v.is_finite()) {
            if !points.iter().any(|p| p.year == t.year) {
                points.push(Point::known(t.year, v, false, ind.lines.clone()));
            }
        }
    }
    points.sort_by_key(|p| p.year);
    (!points.is_empty()).then_some(points)
}

/// Funding of each year over the people exiting that year, in 元 per person.
pub fn funding_per_exit(plan: &Plan) -> Result<Vec<Point>, LeftOut> {
    if plan.funding.by_year.is_empty() {
        return Err(LeftOut::NoFundingByYear);
    }
    let points: Vec<Point> = plan
        .funding
        .by_year
        .iter()
        .map(|y| {
            let row = plan.exit_schedule.iter().find(|r| r.year == y.year);
            let actual = row.is_some_and(|r| r.status == RowStatus::Actual);
            let money = y.amount_wan_yuan.filter(|w| w.is_finite()).map(Yuan::from_wan);
            match (money, row.and_then(|r| r.people)) {
                (Some(m), Some(e)) if e > 0 => match per_person(m, e) {
                    Some(v) => Point::known(y.year, v.0 as f64, actual, merge_lines([&y.lines, &row.map_or_else(Lines::new, |r| r.lines.clone())])),
                    None => Point::missing(y.year, Gap::NotStated, actual, Lines::new()),
                },
                (Some(_), Some(_)) => Point::missing(y.year, Gap::NoExits, actual, merge_lines([&y.lines, &row.map_or_else(Lines::new, |r| r.lines.clone())])),
                _ => Point::missing(y.year, Gap::NotStated, actual, Lines::new()),
            }
        })
        .collect();
    require_known_after(points, i32::MIN, LeftOut::NoExitsInFundedYears)
}

/// The counties a province plan lists for one exit year, with the schedule's count for that year.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyGroup {
    /// `None`: the plan names the county without an exit year.
    pub year: Option<i32>,
    pub counties: Vec<County>,
    /// The exit schedule's `counties` figure for the year, where it gives one.
    pub scheduled: Option<i64>,
    pub schedule_lines: Lines,
}

impl CountyGroup {
    /// The list and the schedule agree (a group without a year has nothing to agree with).
    pub fn matches_schedule(&self) -> bool {
        self.year.is_none() || self.scheduled == Some(self.counties.len() as i64)
    }
}

/// Counties by exit year, years in order and those without a year last; within a year the
/// plan's own order (by city) is kept. Schedule years with counties but no listed county appear
/// as empty groups, so a missing list is visible.
pub fn counties_by_exit_year(plan: &Plan) -> Vec<CountyGroup> {
    let mut years: Vec<i32> = plan.counties.iter().filter_map(|c| c.exit_year).collect();
    years.extend(plan.exit_schedule.iter().filter(|r| r.counties.is_some_and(|n| n > 0)).map(|r| r.year));
    years.sort_unstable();
    years.dedup();
    let mut groups: Vec<CountyGroup> = years
        .into_iter()
        .map(|year| {
            let row = plan.exit_schedule.iter().find(|r| r.year == year);
            CountyGroup {
                year: Some(year),
                counties: plan.counties.iter().filter(|c| c.exit_year == Some(year)).cloned().collect(),
                scheduled: row.and_then(|r| r.counties),
                schedule_lines: row.filter(|r| r.counties.is_some()).map_or_else(Lines::new, |r| r.lines.clone()),
            }
        })
        .collect();
    let undated: Vec<County> = plan.counties.iter().filter(|c| c.exit_year.is_none()).cloned().collect();
    if !undated.is_empty() {
        groups.push(CountyGroup { year: None, counties: undated, scheduled: None, schedule_lines: Lines::new() });
    }
    groups
}

/// Whether a county's name (Chinese or English, any case) contains `query`; an empty query matches all.
pub fn county_matches(county: &County, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    county.name_zh.to_lowercase().contains(&q) || county.name_en.as_deref().is_some_and(|n| n.to_lowercase().contains(&q))
}

/// The id of the county's own plan in the dataset, matched by its Chinese name.
pub fn own_plan_id<'a>(dataset: &'a Dataset, county: &County) -> Option<&'a str> {
    dataset.plans.iter().find(|p| p.level == Level::County && p.name_zh == county.name_zh).map(|p| p.id.as_str())
}
