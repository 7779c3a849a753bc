//! Presentation mode: one large chart or card set per slide, keyboard-driven (←/→, Space,
//! PageUp/PageDown, Home/End, F full screen, Esc back), high contrast and large type for the back
//! of a meeting room.

use crate::charts::bars::bars_svg;
use crate::charts::lines::lines_svg;
use crate::charts::plan_series::{exits_bars, money_bars, remaining_series, threshold_count};
use crate::charts::summary::{bars_summary, line_summary};
use crate::domain::dataset::{Plan, Severity};
use crate::domain::format::{fmt_count, fmt_opt_count, fmt_pct, fmt_wan, Lang};
use crate::domain::route::View;
use crate::domain::rules::check;
use crate::domain::schedule::{outcomes, year_threshold_met, Measure};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Slide charts are drawn wider than the page's, so their text is larger on the screen.
const SLIDE_W: u32 = 1200;
const SLIDE_H: u32 = 560;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slide {
    Overview,
    Schedule,
    Remaining,
    Money,
    WhatIf,
    Checks,
}

const SLIDES: [Slide; 6] = [Slide::Overview, Slide::Schedule, Slide::Remaining, Slide::Money, Slide::WhatIf, Slide::Checks];

fn go_to(state: AppState, n: usize) {
    let n = n.min(SLIDES.len() - 1) as u32;
    state.route.update(|r| r.slide = Some(n));
}

fn toggle_fullscreen() {
    let document = document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}

#[component]
pub fn PresentPage(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let current = move || state.route.with(|r| r.slide.unwrap_or(0) as usize).min(SLIDES.len() - 1);

    // Keys drive the slides only while this page is shown.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let n = current();
        let on_button = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlButtonElement>(t).ok()).is_some();
        if on_button && matches!(ev.key().as_str(), " " | "Enter") {
            return; // the button's own click handles it
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " | "Enter" => go_to(state, n + 1),
            "ArrowLeft" | "PageUp" | "Backspace" => go_to(state, n.saturating_sub(1)),
            "Home" => go_to(state, 0),
            "End" => go_to(state, SLIDES.len() - 1),
            "f" | "F" => toggle_fullscreen(),
            "Escape" if document().fullscreen_element().is_none() => state.go(View::Plan),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("presenting");
    }
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("presenting");
        }
    });

    let body = {
        let plan = plan.clone();
        move || {
            let slide = SLIDES[current()];
            slide_view(state, &plan, slide)
        }
    };
    let name = {
        let plan = plan.clone();
        move || match state.lang() {
            Lang::Zh => plan.name_zh.clone(),
            Lang::En => plan.name_en.clone(),
        }
    };
    view! {
        <div class="present" id="present" data-slide=move || current().to_string()>
            <div class="slide" role="region" aria-roledescription="slide" aria-label=move || format!("{} / {}", current() + 1, SLIDES.len())>
                <div class="slide-plan">{name}</div>
                {body}
            </div>
            <nav class="slide-controls" aria-label=move || state.t().view_present>
                <button id="slide-prev" on:click=move |_| go_to(state, current().saturating_sub(1)) aria-label=move || state.t().slide_prev>"←"</button>
                <span class="slide-count" id="slide-count">{move || format!("{} / {}", current() + 1, SLIDES.len())}</span>
                <button id="slide-next" on:click=move |_| go_to(state, current() + 1) aria-label=move || state.t().slide_next>"→"</button>
                <button id="slide-full" on:click=move |_| toggle_fullscreen()>{move || state.t().fullscreen}" (F)"</button>
                <button id="slide-exit" on:click=move |_| state.go(View::Plan)>{move || state.t().exit_present}" (Esc)"</button>
                <span class="slide-keys">{move || state.t().slide_keys}</span>
            </nav>
        </div>
    }
}

fn slide_view(state: AppState, plan: &Plan, slide: Slide) -> AnyView {
    let t = state.t();
    let lang = state.lang();
    let scenario = state.scenario_of(&plan.id);
    let rows = scenario.as_ref().map(|s| s.apply(plan).rows).unwrap_or_else(|| plan.exit_schedule.clone());
    let chart = |title: String, svg: String, legend: AnyView, summary: String| {
        view! {
            <h2 class="slide-title">{title}</h2>
            {legend}
            <div class="slide-chart" role="img" aria-label=summary inner_html=svg></div>
        }
        .into_any()
    };
    let words = crate::ui::chart_data::words(t);
    let people = |v: f64| crate::ui::chart_data::people(v, t, lang);
    match slide {
        Slide::Overview => {
            let b = &plan.baseline;
            let cards = [
                (t.poor_people, fmt_opt_count(b.poor_people, lang)),
                (t.poor_villages, fmt_opt_count(b.poor_villages, lang)),
                (t.incidence, b.incidence_pct.map(|p| fmt_pct(p, lang)).unwrap_or_else(|| t.unknown.into())),
                (t.exit_year, plan.exit_year.map(|y| y.to_string()).unwrap_or_else(|| t.unknown.into())),
                (t.total_funding, plan.funding.total_wan_yuan.map(|w| fmt_wan(w, lang)).unwrap_or_else(|| t.unknown.into())),
            ];
            view! {
                <h2 class="slide-title">{plan.title_zh.clone()}</h2>
                <div class="slide-cards">
                    {cards.into_iter().map(|(label, value)| view! {
                        <div class="slide-card"><div class="slide-card-value">{value}</div><div class="slide-card-label">{label}</div></div>
                    }).collect_view()}
                </div>
                <p class="slide-note">{t.baseline_year}" "{b.year}" · "{t.period}" "{plan.period[0]}"–"{plan.period[1]}</p>
            }
            .into_any()
        }
        Slide::Schedule => chart(
            t.chart_exits.to_string(),
            bars_svg(&exits_bars(&plan.exit_schedule, &rows, Measure::People), lang, SLIDE_W, SLIDE_H, None),
            view! {
                <div class="legend slide-legend">
                    <span class="key actual"></span>{t.legend_actual}
                    <span class="key plan"></span>{t.legend_plan}
                    <span class="key outline"></span>{t.legend_baseline}
                </div>
            }
            .into_any(),
            bars_summary(t.chart_exits, &exits_bars(&plan.exit_schedule, &rows, Measure::People), &people, &words, lang),
        ),
        Slide::Remaining => chart(
            t.chart_remaining.to_string(),
            lines_svg(&remaining_series(plan, &rows), &remaining_series(plan, &plan.exit_schedule), threshold_count(plan), lang, SLIDE_W, SLIDE_H),
            view! {
                <div class="legend slide-legend">
                    <span class="key line-scenario"></span>{t.legend_scenario}
                    <span class="key line-baseline"></span>{t.legend_baseline}
                    {threshold_count(plan).map(|_| view! { <span class="key line-threshold"></span>{t.legend_threshold} })}
                </div>
            }
            .into_any(),
            line_summary(
                t.chart_remaining,
                &remaining_series(plan, &rows),
                &remaining_series(plan, &plan.exit_schedule),
                threshold_count(plan).map(|v| (t.legend_threshold, v)),
                &people,
                &words,
                lang,
            ),
        ),
        Slide::Money if plan.funding.by_year.is_empty() => view! {
            <h2 class="slide-title">{t.chart_money}</h2>
            <p class="slide-big">{t.total_funding}": "{plan.funding.total_wan_yuan.map(|w| fmt_wan(w, lang)).unwrap_or_else(|| t.unknown.into())}</p>
            <p class="slide-note">{t.no_money_by_year}</p>
        }
        .into_any(),
        Slide::Money => chart(
            format!("{} ({})", t.chart_money, lang.pick("元", "CNY")),
            bars_svg(&money_bars(plan, scenario.as_ref()), lang, SLIDE_W, SLIDE_H, None),
            view! { <div class="legend slide-legend"><span class="key plan"></span>{t.legend_scenario}<span class="key outline"></span>{t.legend_baseline}</div> }.into_any(),
            bars_summary(t.chart_money, &money_bars(plan, scenario.as_ref()), &|v| crate::ui::chart_data::money(v, lang), &words, lang),
        ),
        Slide::WhatIf => {
            let cohort = Measure::People.cohort(plan);
            let s_out = outcomes(&plan.baseline, &rows, Measure::People, cohort);
            let b_out = outcomes(&plan.baseline, &plan.exit_schedule, Measure::People, cohort);
            let met = |o: &[crate::domain::schedule::YearOutcome]| {
                plan.exit_incidence_threshold_pct.and_then(|th| year_threshold_met(o, th)).map(|y| y.to_string()).unwrap_or_else(|| "—".into())
            };
            let findings = check(plan, &rows);
            let name = scenario.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| t.printed_plan.to_string());
            let changes = plan
                .exit_schedule
                .iter()
                .zip(&rows)
                .filter(|(b, s)| b.people != s.people)
                .map(|(b, s)| view! { <li>{b.year}": "{fmt_opt_count(b.people, lang)}" → "<strong>{fmt_opt_count(s.people, lang)}</strong>" "{t.people_unit}</li> })
                .collect_view();
            view! {
                <h2 class="slide-title">{t.consequences}": "{name}</h2>
                <div class="slide-columns">
                    <div>
                        <ul class="slide-list">{changes}</ul>
                        <table class="slide-table">
                            <thead><tr><td></td><th>{t.baseline_label}</th><th>{t.scenario_label}</th></tr></thead>
                            <tbody>
                                <tr><th scope="row">{t.threshold_met}</th><td>{met(&b_out)}</td><td>{met(&s_out)}</td></tr>
                                <tr>
                                    <th scope="row">{t.remaining_end}</th>
                                    <td>{fmt_opt_count(b_out.last().and_then(|o| o.remaining), lang)}</td>
                                    <td>{fmt_opt_count(s_out.last().and_then(|o| o.remaining), lang)}</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                    <div>
                        {if findings.is_empty() {
                            view! { <p class="rules-ok slide-big">"✓ "{t.rules_ok}</p> }.into_any()
                        } else {
                            findings.into_iter().map(|f| {
                                let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                                view! { <p class=class>{f.message(lang).to_string()}</p> }
                            }).collect_view().into_any()
                        }}
                    </div>
                </div>
                <div class="slide-chart small" role="img" aria-label=t.chart_remaining inner_html=lines_svg(&remaining_series(plan, &rows), &remaining_series(plan, &plan.exit_schedule), threshold_count(plan), lang, SLIDE_W, 420)></div>
            }
            .into_any()
        }
        Slide::Checks => {
            let mut checks = plan.checks.clone();
            checks.sort_by_key(|c| c.severity);
            let total = checks.len();
            let shown: Vec<_> = checks.into_iter().take(4).collect();
            view! {
                <h2 class="slide-title">{t.data_checks}" ("{fmt_count(total as i64, lang)}")"</h2>
                <ul class="slide-checks">
                    {shown.into_iter().map(|c| {
                        let msg = match lang { Lang::Zh => c.message_zh, Lang::En => c.message_en };
                        let class = match c.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Info => "info" };
                        view! { <li class=class>{msg}</li> }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
