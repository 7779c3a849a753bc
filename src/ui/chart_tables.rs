//! The numbers a plan chart draws, as a table to export: built from the very bars and lines the
//! chart is drawn from, so the file and the picture cannot disagree.

use crate::charts::bars::Bar;
use crate::charts::lines::Series;
use crate::charts::palette;
use crate::domain::dataset::Plan;
use crate::domain::export::{Caption, Cell, KeyStyle, LegendKey, Table};
use crate::domain::format::Lang;
use crate::ui::text::Text;

/// The plan charts, for their exported pictures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanChart {
    Exits,
    Remaining,
    Money,
}

fn key(color: plotters::style::RGBColor, style: KeyStyle, label: &str) -> LegendKey {
    LegendKey { color: palette::hex(color), style, label: label.to_string() }
}

/// Title, plan (and scenario, when one is open), the legend shown beside the chart on the
/// page, and the plan the figures come from.
pub fn plan_caption(t: &Text, lang: Lang, plan: &Plan, scenario: Option<&str>, chart: PlanChart) -> Caption {
    let name = lang.pick(&plan.name_zh, &plan.name_en);
    let subtitle = match scenario {
        Some(s) => format!("{name} · {}{}{s}", t.legend_scenario, t.colon),
        None => format!("{name} · {}", t.legend_baseline),
    };
    let (title, keys) = match chart {
        PlanChart::Exits => (
            t.chart_exits.to_string(),
            vec![
                key(palette::ACTUAL, KeyStyle::Fill, t.legend_actual),
                key(palette::PLAN, KeyStyle::Fill, t.legend_plan),
                key(palette::BASELINE, KeyStyle::Outline, t.legend_baseline),
            ],
        ),
        PlanChart::Remaining => {
            let mut keys = vec![key(palette::SCENARIO, KeyStyle::Line, t.legend_scenario), key(palette::BASELINE, KeyStyle::Dashed, t.legend_baseline)];
            if crate::charts::plan_series::threshold_count(plan).is_some() {
                keys.push(key(palette::THRESHOLD, KeyStyle::Dashed, t.legend_threshold));
            }
            (t.chart_remaining.to_string(), keys)
        }
        PlanChart::Money => (format!("{}{}", t.chart_money, t.export_unit_yuan), Vec::new()),
    };
    Caption { title, subtitle, keys, note: format!("{}{}{} · {}", t.source, t.colon, plan.title_zh, t.app_title) }
}

/// Exits by year: status (achieved or planned), the printed plan's figure, the scenario's.
pub fn exits_table(t: &Text, bars: &[Bar]) -> Table {
    Table {
        title: t.chart_exits.to_string(),
        headers: vec![t.year.into(), t.export_status.into(), t.legend_baseline.into(), t.legend_scenario.into()],
        rows: bars
            .iter()
            .map(|b| {
                let status = if b.actual { t.legend_actual } else { t.legend_plan };
                vec![Cell::Number(b.year as f64), Cell::text(status), Cell::number(b.baseline), Cell::number(b.value)]
            })
            .collect(),
    }
}

/// People still poor by year: the scenario's line, the printed plan's, and the threshold if known.
pub fn remaining_table(t: &Text, scenario: &Series, baseline: &Series, threshold: Option<f64>) -> Table {
    let mut headers = vec![t.year.to_string(), t.legend_scenario.to_string(), t.legend_baseline.to_string()];
    if threshold.is_some() {
        headers.push(t.legend_threshold.to_string());
    }
    // A share of a population: two decimals are all it means.
    let threshold = threshold.map(|v| (v * 100.0).round() / 100.0);
    let rows = scenario
        .points
        .iter()
        .map(|&(year, value)| {
            let printed = baseline.points.iter().find(|p| p.0 == year).and_then(|p| p.1);
            let mut row = vec![Cell::Number(year as f64), Cell::number(value), Cell::number(printed)];
            if threshold.is_some() {
                row.push(Cell::number(threshold));
            }
            row
        })
        .collect();
    Table { title: t.chart_remaining.to_string(), headers, rows }
}

/// Money by year in whole 元: the printed amount and the scenario's.
pub fn money_table(t: &Text, bars: &[Bar]) -> Table {
    let yuan = |h: &str| format!("{h}{}", t.export_unit_yuan);
    Table {
        title: t.chart_money.to_string(),
        headers: vec![t.year.into(), yuan(t.legend_baseline), yuan(t.legend_scenario)],
        rows: bars.iter().map(|b| vec![Cell::Number(b.year as f64), Cell::number(b.baseline), Cell::number(b.value)]).collect(),
    }
}
