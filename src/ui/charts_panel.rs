//! The plan's charts: exits per year, people still poor, money by year. Baseline and scenario
//! are drawn together on every chart.

use crate::charts::bars::{bars_layers, bars_svg, y_max_for, Geometry};
use crate::charts::lines::{lines_layers, lines_svg};
use crate::charts::Layers;
use crate::charts::summary::{bars_summary, line_summary};
use crate::charts::{HEIGHT, WIDTH};
use crate::domain::dataset::{ExitRow, Plan, RowStatus};
use crate::charts::plan_series::{exits_bars, money_bars, remaining_series, threshold_count};
use crate::domain::schedule::Measure;
use crate::ui::chart_data::{people, words, ChartData};
use crate::ui::export_menu::ExportMenu;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A memo as a signal: computed once per change, its readers run only when the value differs.
fn memo_signal<T: PartialEq + Send + Sync + 'static>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Signal<T> {
    Memo::new(f).into()
}

/// A chart on screen: one `<svg>` holding the axes and the data as two groups, each replaced
/// only when it changed (most edits leave the axes, and all their text, in place).
#[component]
fn ChartSvg(#[prop(into)] layers: Signal<Layers>) -> impl IntoView {
    let axes = Memo::new(move |_| layers.with(|l| l.axes.clone()));
    let data = Memo::new(move |_| layers.with(|l| l.data.clone()));
    view! {
        <svg width=WIDTH height=HEIGHT viewBox=format!("0 0 {WIDTH} {HEIGHT}") xmlns="http://www.w3.org/2000/svg">
            <g inner_html=axes></g>
            <g inner_html=data></g>
        </svg>
    }
}

#[component]
fn ChartBox(
    #[prop(into)] title: Signal<String>,
    /// What is shown; `svg` is the same chart whole, made when it is downloaded.
    #[prop(into)] layers: Signal<Layers>,
    #[prop(into)] svg: Signal<String>,
    #[prop(into)] id: String,
    #[prop(into)] export_name: Signal<Vec<String>>,
    #[prop(into)] table: Signal<crate::domain::export::Table>,
    #[prop(into)] caption: Signal<crate::domain::export::Caption>,
    /// The chart in one sentence, for screen readers.
    #[prop(into)]
    summary: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="chart" id=id>
            <figcaption>{title}</figcaption>
            {children()}
            <div class="svg-box" role="img" aria-label=summary><ChartSvg layers=layers /></div>
            <ExportMenu name=export_name svg=svg caption=caption table=table />
            <ChartData table=table />
        </figure>
    }
}

#[component]
pub fn ChartsPanel(plan: std::sync::Arc<Plan>, #[prop(into)] rows: Signal<Vec<ExitRow>>) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang();
    let t = move || state.t();
    let plan_exits = plan.clone();
    // While a bar is dragged the axis stays still: (year, fixed top of the axis).
    let drag: RwSignal<Option<(i32, f64)>> = RwSignal::new(None);
    // Each series is computed once per change and compared: a chart, its table and its summary
    // redraw only when what they show has changed (an exits edit leaves the money chart alone).
    let exits_bars_memo = Memo::new(move |_| rows.with(|r| exits_bars(&plan_exits.exit_schedule, r, Measure::People)));
    let exits_bars_now = move || exits_bars_memo.get_untracked();
    let exits_layers = memo_signal(move |_| exits_bars_memo.with(|b| bars_layers(b, lang(), WIDTH, HEIGHT, drag.get().map(|d| d.1))));
    let exits_svg = Signal::derive(move || exits_bars_memo.with(|b| bars_svg(b, lang(), WIDTH, HEIGHT, drag.get().map(|d| d.1))));
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
    let remaining = Memo::new(move |_| rows.with(|r| remaining_series(&plan_remaining, r)));
    let baseline_remaining = remaining_series(&plan, &plan.exit_schedule);
    let threshold = threshold_count(&plan);
    let remaining_svg = {
        let baseline = baseline_remaining.clone();
        Signal::derive(move || remaining.with(|s| lines_svg(s, &baseline, threshold, lang(), WIDTH, HEIGHT)))
    };
    let remaining_layers = {
        let baseline = baseline_remaining.clone();
        memo_signal(move |_| remaining.with(|s| lines_layers(s, &baseline, threshold, lang(), WIDTH, HEIGHT)))
    };
    let plan_money = plan.clone();
    let has_money = !plan.funding.by_year.is_empty();
    let money = Memo::new(move |_| money_bars(&plan_money, state.scenario_of(&plan_money.id).as_ref()));
    let money_svg = Signal::derive(move || money.with(|b| bars_svg(b, lang(), WIDTH, HEIGHT, None)));
    let money_layers = memo_signal(move |_| money.with(|b| bars_layers(b, lang(), WIDTH, HEIGHT, None)));
    // What each chart's download menu offers: its file name and the numbers it draws.
    let plan_names = (plan.name_zh.clone(), plan.name_en.clone());
    let export_name = move |chart: fn(&crate::ui::text::Text) -> &'static str| {
        let (zh, en) = plan_names.clone();
        Signal::derive(move || vec![lang().pick(&zh, &en).to_string(), chart(state.t()).to_string()])
    };
    let plan_caption = plan.clone();
    let scenario_name = Memo::new(move |_| state.scenario_of(&plan_caption.id).map(|s| s.name));
    let plan_caption = plan.clone();
    let caption = move |chart: crate::ui::chart_tables::PlanChart| {
        let plan = plan_caption.clone();
        memo_signal(move |_| {
            scenario_name.with(|name| crate::ui::chart_tables::plan_caption(state.t(), lang(), &plan, name.as_deref(), chart))
        })
    };
    let exits_table = memo_signal(move |_| exits_bars_memo.with(|b| crate::ui::chart_tables::exits_table(state.t(), b)));
    let remaining_table = {
        let baseline = baseline_remaining.clone();
        memo_signal(move |_| remaining.with(|s| crate::ui::chart_tables::remaining_table(state.t(), s, &baseline, threshold)))
    };
    let money_table = memo_signal(move |_| money.with(|b| crate::ui::chart_tables::money_table(state.t(), b)));
    // Each chart in one sentence, from the same bars and lines it is drawn from.
    let exits_summary = memo_signal(move |_| {
        let (t, lang) = (state.t(), lang());
        exits_bars_memo.with(|b| bars_summary(t.chart_exits, b, &|v| people(v, t, lang), &words(t), lang))
    });
    let remaining_summary = {
        let baseline = baseline_remaining;
        memo_signal(move |_| {
            let (t, lang) = (state.t(), lang());
            let level = threshold.map(|v| (t.legend_threshold, v));
            remaining.with(|s| line_summary(t.chart_remaining, s, &baseline, level, &|v| people(v, t, lang), &words(t), lang))
        })
    };
    let money_summary = memo_signal(move |_| {
        let (t, lang) = (state.t(), lang());
        money.with(|b| bars_summary(t.chart_money, b, &|v| crate::ui::chart_data::money(v, lang), &words(t), lang))
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
                    role="img"
                    aria-label=exits_summary
                    on:pointerdown=move |ev| drag_start(&ev, true)
                    on:pointermove=move |ev| if drag.get_untracked().is_some() { drag_move(&ev, false) }
                    on:pointerup=drag_end
                    on:pointercancel=drag_end
                ><ChartSvg layers=exits_layers /></div>
                <ExportMenu name=export_name(|t| t.chart_exits) svg=exits_svg caption=caption(crate::ui::chart_tables::PlanChart::Exits) table=exits_table />
                <ChartData table=exits_table />
            </figure>
            <ChartBox id="chart-remaining" title=Signal::derive(move || t().chart_remaining.to_string()) layers=remaining_layers svg=remaining_svg export_name=export_name(|t| t.chart_remaining) table=remaining_table caption=caption(crate::ui::chart_tables::PlanChart::Remaining) summary=remaining_summary>
                <div class="legend">
                    <span class="key line-scenario"></span>{move || t().legend_scenario}
                    <span class="key line-baseline"></span>{move || t().legend_baseline}
                    {has_threshold.then(|| view! { <span class="key line-threshold"></span>{move || t().legend_threshold} })}
                </div>
            </ChartBox>
            {if has_money {
                view! {
                    <ChartBox id="chart-money" title=Signal::derive(move || format!("{} ({})", t().chart_money, if lang() == crate::domain::format::Lang::Zh { "元" } else { "CNY" })) layers=money_layers svg=money_svg export_name=export_name(|t| t.chart_money) table=money_table caption=caption(crate::ui::chart_tables::PlanChart::Money) summary=money_summary>
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
