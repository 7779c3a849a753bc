//! Two scenarios side by side against the printed plan: exits and people still poor by year,
//! and the rules each one breaks.

use crate::domain::dataset::{Plan, Severity};
use crate::domain::format::fmt_opt_count;
use crate::domain::rules::check;
use crate::domain::schedule::{outcomes, Measure};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ScenarioCompare(plan: std::sync::Arc<Plan>, compare_with: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    move || {
        let other_id = compare_with.get()?;
        let (a, b) = state.workspace.with(|w| (w.active_scenario(&plan.id).cloned(), w.scenarios.iter().find(|s| s.id == other_id).cloned()));
        let b = b?;
        let t = state.t();
        let lang = state.lang();
        let a_rows = a.as_ref().map(|s| s.apply(&plan).rows).unwrap_or_else(|| plan.exit_schedule.clone());
        let b_rows = b.apply(&plan).rows;
        let cohort = Measure::People.cohort(&plan);
        let (ao, bo, po) = (
            outcomes(&plan.baseline, &a_rows, Measure::People, cohort),
            outcomes(&plan.baseline, &b_rows, Measure::People, cohort),
            outcomes(&plan.baseline, &plan.exit_schedule, Measure::People, cohort),
        );
        let a_name = a.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| t.printed_plan.to_string());
        let body = plan
            .exit_schedule
            .iter()
            .map(|p| {
                let y = p.year;
                let get = |rows: &[crate::domain::dataset::ExitRow]| rows.iter().find(|r| r.year == y).and_then(|r| r.people);
                let rem = |o: &[crate::domain::schedule::YearOutcome]| o.iter().find(|x| x.year == y).and_then(|x| x.remaining);
                view! {
                    <tr>
                        <th scope="row">{y}</th>
                        <td>{fmt_opt_count(p.people, lang)}</td>
                        <td>{fmt_opt_count(get(&a_rows), lang)}</td>
                        <td>{fmt_opt_count(get(&b_rows), lang)}</td>
                        <td>{fmt_opt_count(rem(&po), lang)}</td>
                        <td>{fmt_opt_count(rem(&ao), lang)}</td>
                        <td>{fmt_opt_count(rem(&bo), lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let findings = |rows: &[crate::domain::dataset::ExitRow]| {
            let list = check(&plan, rows);
            if list.is_empty() {
                return view! { <p class="rules-ok">"✓ "{t.rules_ok}</p> }.into_any();
            }
            list.into_iter()
                .map(|f| {
                    let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                    view! { <p class=class>{f.message(lang).to_string()}</p> }
                })
                .collect_view()
                .into_any()
        };
        Some(view! {
            <section class="scenario-compare" id="scenario-compare">
                <h2>{t.compare_with}": "{a_name.clone()}" ↔ "{b.name.clone()}</h2>
                <div class="table-scroll">
                    <table class="diff-table">
                        <thead>
                            <tr><th rowspan="2">{t.year}</th><th colspan="3">{t.exits}</th><th colspan="3">{t.remaining}</th></tr>
                            <tr>
                                <th>{t.baseline_label}</th><th>{a_name.clone()}</th><th>{b.name.clone()}</th>
                                <th>{t.baseline_label}</th><th>{a_name.clone()}</th><th>{b.name.clone()}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                <div class="compare-rules">
                    <div><h3>{a_name}</h3>{findings(&a_rows)}</div>
                    <div><h3>{b.name.clone()}</h3>{findings(&b_rows)}</div>
                </div>
            </section>
        })
    }
}
