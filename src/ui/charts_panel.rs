//! The plan's charts: exits per year, people still poor, money by year. Baseline and scenario
//! are drawn together on every chart.

use crate::charts::bars::{bars_svg, Bar};
use crate::charts::lines::{lines_svg, Series};
use crate::charts::{HEIGHT, WIDTH};
use crate::domain::dataset::{ExitRow, Plan, RowStatus};
use crate::domain::schedule::{outcomes, Measure};
use crate::ui::state::use_app;
use leptos::prelude::*;

fn exits_bars(baseline: &[ExitRow], scenario: &[ExitRow], measure: Measure) -> Vec<Bar> {
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

fn remaining_series(plan: &Plan, rows: &[ExitRow]) -> Series {
    let cohort = Measure::People.cohort(plan);
    let mut points = vec![(plan.baseline.year.unwrap_or(plan.period[0] - 1), cohort.map(|c| c as f64))];
    points.extend(outcomes(&plan.baseline, rows, Measure::People, cohort).iter().map(|o| (o.year, o.remaining.map(|r| r as f64))));
    Series { points }
}

#[component]
fn ChartBox(#[prop(into)] title: Signal<String>, #[prop(into)] svg: Signal<String>, #[prop(into)] id: String, children: Children) -> impl IntoView {
    view! {
        <figure class="chart" id=id>
            <figcaption>{title}</figcaption>
            {children()}
            <div class="svg-box" inner_html=svg></div>
        </figure>
    }
}

#[component]
pub fn ChartsPanel(plan: Plan, #[prop(into)] rows: Signal<Vec<ExitRow>>) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang();
    let t = move || state.t();
    let plan_exits = plan.clone();
    let exits_svg = Signal::derive(move || {
        let bars = rows.with(|r| exits_bars(&plan_exits.exit_schedule, r, Measure::People));
        bars_svg(&bars, lang(), WIDTH, HEIGHT)
    });
    let plan_remaining = plan.clone();
    let remaining_svg = Signal::derive(move || {
        let p = &plan_remaining;
        let scenario = rows.with(|r| remaining_series(p, r));
        let baseline = remaining_series(p, &p.exit_schedule);
        let threshold = match (p.exit_incidence_threshold_pct, p.baseline.rural_population) {
            (Some(t), Some(n)) => Some(t / 100.0 * n as f64),
            _ => None,
        };
        lines_svg(&scenario, &baseline, threshold, lang(), WIDTH, HEIGHT)
    });
    let plan_money = plan.clone();
    let has_money = !plan.funding.by_year.is_empty();
    let money_svg = Signal::derive(move || {
        let bars: Vec<Bar> = plan_money
            .funding
            .by_year
            .iter()
            .map(|y| Bar { year: y.year, value: y.amount_wan_yuan.map(|w| w * 10_000.0), baseline: None, actual: false })
            .collect();
        bars_svg(&bars, lang(), WIDTH, HEIGHT)
    });
    let has_threshold = plan.exit_incidence_threshold_pct.is_some() && plan.baseline.rural_population.is_some();
    view! {
        <section class="charts">
            <ChartBox id="chart-exits" title=Signal::derive(move || t().chart_exits.to_string()) svg=exits_svg>
                <div class="legend">
                    <span class="key actual"></span>{move || t().legend_actual}
                    <span class="key plan"></span>{move || t().legend_plan}
                    <span class="key outline"></span>{move || t().legend_baseline}
                </div>
            </ChartBox>
            <ChartBox id="chart-remaining" title=Signal::derive(move || t().chart_remaining.to_string()) svg=remaining_svg>
                <div class="legend">
                    <span class="key line-scenario"></span>{move || t().legend_scenario}
                    <span class="key line-baseline"></span>{move || t().legend_baseline}
                    {has_threshold.then(|| view! { <span class="key line-threshold"></span>{move || t().legend_threshold} })}
                </div>
            </ChartBox>
            {if has_money {
                view! {
                    <ChartBox id="chart-money" title=Signal::derive(move || format!("{} ({})", t().chart_money, if lang() == crate::domain::format::Lang::Zh { "元" } else { "CNY" })) svg=money_svg>
                        <div class="legend"></div>
                    </ChartBox>
                }
                .into_any()
            } else {
                view! {
                    <figure class="chart empty">
                        <figcaption>{move || t().chart_money}</figcaption>
                        <p class="muted">{move || t().no_money_by_year}</p>
                    </figure>
                }
                .into_any()
            }}
        </section>
    }
}
