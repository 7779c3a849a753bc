//! The plan's charts: exits per year, people still poor, money by year. Baseline and scenario
//! are drawn together on every chart.

use crate::charts::bars::{bars_svg, y_max_for, Bar, Geometry};
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
    // While a bar is dragged the axis stays still: (year, fixed top of the axis).
    let drag: RwSignal<Option<(i32, f64)>> = RwSignal::new(None);
    let exits_bars_now = move || rows.with(|r| exits_bars(&plan_exits.exit_schedule, r, Measure::People));
    let bars_for_svg = exits_bars_now.clone();
    let exits_svg = Signal::derive(move || bars_svg(&bars_for_svg(), lang(), WIDTH, HEIGHT, drag.get().map(|d| d.1)));
    let plan_drag = plan.clone();
    let drag_to = move |ev: &web_sys::PointerEvent, start: bool| {
        let Some(target) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
        let rect = target.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let scale = WIDTH as f64 / rect.width();
        let (x, y) = ((ev.client_x() as f64 - rect.left()) * scale, (ev.client_y() as f64 - rect.top()) * scale);
        let bars = exits_bars_now();
        let y_max = drag.get_untracked().map(|d| d.1).unwrap_or_else(|| y_max_for(&bars));
        let Some(geometry) = Geometry::new(&bars, WIDTH, HEIGHT, y_max) else { return };
        let year = match (start, drag.get_untracked()) {
            (true, _) => geometry.year_at(x),
            (false, Some((year, _))) => Some(year),
            (false, None) => None,
        };
        let Some(year) = year else { return };
        let editable = plan_drag.exit_schedule.iter().any(|r| r.year == year && r.status == RowStatus::Plan);
        if !editable {
            return;
        }
        if start {
            drag.set(Some((year, y_max)));
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let step = 10f64.powf((y_max.log10().floor() - 2.0).max(0.0));
        let value = ((geometry.value_at(y) / step).round() * step) as i64;
        let key = format!("exit:{}:{year}:People", plan_drag.id);
        state.edit(Some(&key), |w| {
            let _ = w.active_scenario_mut(&plan_drag, state.t().scenario_default_name).set_exit(&plan_drag, year, Measure::People, value);
        });
    };
    let drag_start = drag_to.clone();
    let drag_move = drag_to;
    let drag_end = move |_| {
        if drag.get_untracked().is_some() {
            drag.set(None);
            state.seal_edit();
        }
    };
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
        bars_svg(&bars, lang(), WIDTH, HEIGHT, None)
    });
    let has_threshold = plan.exit_incidence_threshold_pct.is_some() && plan.baseline.rural_population.is_some();
    view! {
        <section class="charts">
            <figure class="chart" id="chart-exits">
                <figcaption>{move || t().chart_exits}</figcaption>
                <div class="legend">
                    <span class="key actual"></span>{move || t().legend_actual}
                    <span class="key plan"></span>{move || t().legend_plan}
                    <span class="key outline"></span>{move || t().legend_baseline}
                    <span class="drag-hint">{move || t().drag_hint}</span>
                </div>
                <div
                    class="svg-box draggable"
                    class:dragging=move || drag.get().is_some()
                    inner_html=exits_svg
                    on:pointerdown=move |ev| drag_start(&ev, true)
                    on:pointermove=move |ev| if drag.get_untracked().is_some() { drag_move(&ev, false) }
                    on:pointerup=drag_end
                    on:pointercancel=drag_end
                ></div>
            </figure>
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
