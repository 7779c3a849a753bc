//! The what-if editor: the exit schedule as a table, plan years editable, achieved years locked,
//! with the plan's rules checked live and the differences from the plan shown beside.

use crate::domain::dataset::{ExitRow, Plan, RowStatus, Severity};
use crate::domain::format::{fmt_count, fmt_opt_count, fmt_pct};
use crate::domain::rules::{check, Finding};
use crate::domain::schedule::{outcomes, year_threshold_met, Measure};
use crate::ui::quick_ops::QuickOps;
use crate::ui::scenario_bar::ScenarioBar;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Which measures a plan's schedule gives at all (a column of nulls is not editable).
#[component]
pub fn WhatIf(plan: std::sync::Arc<Plan>, #[prop(into)] rows: Signal<Vec<ExitRow>>, compare_with: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let bar_plan = plan.clone();
    let ops_plan = plan.clone();
    let measures = Measure::shown_for(&plan);
    let findings = {
        let plan = plan.clone();
        Memo::new(move |_| rows.with(|r| check(&plan, r)))
    };
    let edit = {
        let plan = plan.clone();
        move |year: i32, measure: Measure, raw: String| {
            let t = state.t();
            let Ok(value) = raw.trim().replace([',', '，', ' '], "").parse::<i64>() else { return Err(t.invalid_number) };
            let key = format!("exit:{}:{year}:{measure:?}", plan.id);
            let name = t.scenario_default_name;
            match state.edit(Some(&key), |w| w.active_scenario_mut(&plan, name).set_exit(&plan, year, measure, value)) {
                Some(Ok(())) => Ok(()),
                _ => Err(t.invalid_number),
            }
        }
    };
    let reset = {
        let plan = plan.clone();
        move |_| {
            state.edit(None, |w| {
                if let Some(id) = w.active.get(&plan.id).cloned() {
                    if let Some(s) = w.scenarios.iter_mut().find(|s| s.id == id) {
                        s.clear_edits();
                    }
                }
            });
        }
    };
    let header_years: Vec<(i32, RowStatus)> = plan.exit_schedule.iter().map(|r| (r.year, r.status)).collect();
    // Built once per plan: cells keep their elements while values change, so a slider being
    // dragged or a field being typed in is never replaced under the user's hand.
    let table = {
        let plan = plan.clone();
        let measures = measures.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            measures
                .iter()
                .map(|&m| {
                    let cells = plan
                        .exit_schedule
                        .iter()
                        .map(|printed| {
                            let year = printed.year;
                            let base = m.of(printed);
                            let value = move || rows.with(|r| r.iter().find(|x| x.year == year).and_then(|x| m.of(x)));
                            if printed.status == RowStatus::Actual {
                                return view! {
                                    <td class="locked" title=t.locked_hint>
                                        <svg class="lock" viewBox="0 0 16 16" width="14" height="14" role="img" aria-label=t.locked>
                                            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" />
                                        </svg>
                                        {fmt_opt_count(base, lang)}
                                    </td>
                                }
                                .into_any();
                            }
                            let edit = edit.clone();
                            let slide = edit.clone();
                            let slider_max = m
                                .cohort(&plan)
                                .or_else(|| plan.exit_schedule.iter().filter_map(|r| m.of(r)).max().map(|v| v * 2))
                                .unwrap_or(100)
                                .max(1);
                            let error = RwSignal::new(None::<&'static str>);
                            let label = format!("{} {} {}", t.measure(m), t.year, year);
                            let slider_label = format!("{} · {}", t.slider_label, label);
                            let changed = move || value() != base;
                            view! {
                                <td class:changed=changed>
                                    <input
                                        type="text"
                                        inputmode="numeric"
                                        class="cell-input"
                                        aria-label=label
                                        data-year=year
                                        data-measure=format!("{m:?}").to_lowercase()
                                        prop:value=move || value().map(|v| v.to_string()).unwrap_or_default()
                                        on:change=move |ev| {
                                            error.set(edit(year, m, event_target_value(&ev)).err());
                                            state.seal_edit();
                                        }
                                    />
                                    <input
                                        type="range"
                                        class="cell-slider"
                                        min="0"
                                        max=slider_max
                                        step="1"
                                        aria-label=slider_label
                                        data-year=year
                                        data-slider=format!("{m:?}").to_lowercase()
                                        prop:value=move || value().unwrap_or(0).to_string()
                                        on:input=move |ev| {
                                            let _ = slide(year, m, event_target_value(&ev));
                                        }
                                        on:change=move |_| state.seal_edit()
                                    />
                                    {move || changed().then(|| view! { <div class="was">{t.changed_from}" "{fmt_opt_count(base, lang)}</div> })}
                                    {move || error.get().map(|e| view! { <div class="cell-error" role="alert">{e}</div> })}
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{t.measure(m)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let summary = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let cohort = Measure::People.cohort(&plan);
            let scenario = rows.with(|r| outcomes(&plan.baseline, r, Measure::People, cohort));
            let baseline = outcomes(&plan.baseline, &plan.exit_schedule, Measure::People, cohort);
            let exit_year = plan.exit_year.unwrap_or(plan.period[1]);
            let at = |o: &[crate::domain::schedule::YearOutcome]| o.iter().filter(|x| x.year <= exit_year).last().cloned();
            let (s_end, b_end) = (at(&scenario), at(&baseline));
            let met = |o: &[crate::domain::schedule::YearOutcome]| {
                plan.exit_incidence_threshold_pct
                    .and_then(|th| year_threshold_met(o, th))
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| t.threshold_not_met.to_string())
            };
            let row = |label: &'static str, b: String, s: String| {
                let changed = b != s;
                view! { <tr class:changed=changed><th scope="row">{label}</th><td>{b}</td><td>{s}</td></tr> }
            };
            let remaining = |o: &Option<crate::domain::schedule::YearOutcome>| fmt_opt_count(o.as_ref().and_then(|x| x.remaining), lang);
            let incidence = |o: &Option<crate::domain::schedule::YearOutcome>| {
                o.as_ref().and_then(|x| x.incidence_pct).map(|p| fmt_pct(p, lang)).unwrap_or_else(|| t.unknown.to_string())
            };
            let has_threshold = plan.exit_incidence_threshold_pct.is_some() && plan.baseline.rural_population.is_some();
            view! {
                <table class="summary" id="whatif-summary">
                    <thead><tr><td></td><th>{t.baseline_label}</th><th>{t.scenario_label}</th></tr></thead>
                    <tbody>
                        {row(t.remaining_end, remaining(&b_end), remaining(&s_end))}
                        {row(t.incidence_end, incidence(&b_end), incidence(&s_end))}
                        {has_threshold.then(|| row(t.threshold_met, met(&baseline), met(&scenario)))}
                    </tbody>
                </table>
            }
        }
    };
    let rule_list = move || {
        let t = state.t();
        let lang = state.lang();
        let list = findings.get();
        if list.is_empty() {
            return view! { <p class="rules-ok" id="rules-ok">"✓ "{t.rules_ok}</p> }.into_any();
        }
        view! {
            <ul class="findings" id="rule-findings">
                {list
                    .into_iter()
                    .map(|f: Finding| {
                        let (class, mark) = match f.severity {
                            Severity::Error => ("finding error", "✖"),
                            Severity::Warning => ("finding warning", "▲"),
                            Severity::Info => ("finding info", "ℹ"),
                        };
                        view! { <li class=class><span class="mark" aria-hidden="true">{mark}</span>{f.message(lang).to_string()}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let ignored = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let ignored = state.scenario_of(&plan.id).map(|s| s.apply(&plan).ignored).unwrap_or_default();
            (!ignored.is_empty()).then(|| {
                let items = ignored.iter().map(|e| format!("{} {:?} {}", e.year, e.measure, fmt_count(e.value, lang))).collect::<Vec<_>>().join("; ");
                view! { <p class="warning">{t.edits_ignored}" "{items}</p> }
            })
        }
    };
    view! {
        <section class="whatif" id="whatif">
            <div class="section-head">
                <h2>{move || state.t().whatif}</h2>
                <button class="secondary" id="reset-scenario" on:click=reset>{move || state.t().reset}</button>
            </div>
            <ScenarioBar plan=bar_plan compare_with=compare_with />
            <p class="hint">{move || state.t().whatif_hint}</p>
            <div class="table-scroll">
                <table class="schedule" id="schedule-table">
                    <thead>
                        <tr>
                            <th>{move || state.t().year}</th>
                            {header_years
                                .into_iter()
                                .map(|(y, s)| view! { <th class:actual=s == RowStatus::Actual>{y}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>{table}</tbody>
                </table>
            </div>
            {ignored}
            <QuickOps plan=ops_plan />
            <div class="whatif-results">
                <div>
                    <h3>{move || state.t().rules}</h3>
                    {rule_list}
                </div>
                <div>{summary}</div>
            </div>
        </section>
    }
}
