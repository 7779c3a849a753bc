//! Headline cards of a plan: the cohort, the incidence, the exit year, the money.

use crate::domain::dataset::{Level, Plan};
use crate::domain::format::{fmt_count, fmt_pct, fmt_wan};
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Cards(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang();
        let t = state.t();
        let b = &plan.baseline;
        let id = plan.id.clone();
        let count = |v: Option<i64>, unit: &str| v.map(|v| format!("{} {unit}", fmt_count(v, lang))).unwrap_or_else(|| t.unknown.to_string());
        let mut cards = vec![
            (t.poor_people, count(b.poor_people, t.people_unit), b.poor_people.map(|v| v as f64), b.lines.clone()),
            (t.poor_households, count(b.poor_households, t.households_unit), b.poor_households.map(|v| v as f64), b.lines.clone()),
            (t.poor_villages, count(b.poor_villages, t.villages_unit), b.poor_villages.map(|v| v as f64), b.lines.clone()),
        ];
        if plan.level == Level::Province {
            let counties = b.extra.get("poor_counties").and_then(|v| v.as_i64());
            cards.push((t.poor_counties, count(counties, t.counties_unit), counties.map(|v| v as f64), b.lines.clone()));
        }
        cards.push((t.incidence, b.incidence_pct.map(|p| fmt_pct(p, lang)).unwrap_or_else(|| t.unknown.to_string()), b.incidence_pct, b.lines.clone()));
        // A year is printed on many lines of a plan: its record's lines are shown whole.
        cards.push((t.exit_year, plan.exit_year.map(|y| y.to_string()).unwrap_or_else(|| t.unknown.to_string()), None, plan.lines.clone()));
        cards.push((
            t.total_funding,
            plan.funding.total_wan_yuan.map(|w| fmt_wan(w, lang)).unwrap_or_else(|| t.unknown.to_string()),
            plan.funding.total_wan_yuan,
            plan.funding.lines.clone(),
        ));
        let baseline_note = b.year.map(|y| format!("{} {y}", t.baseline_year));
        let threshold = plan.exit_incidence_threshold_pct.map(|p| format!("{} {}", t.threshold, fmt_pct(p, lang)));
        view! {
            <section class="cards" aria-label=t.baseline_year>
                {cards
                    .into_iter()
                    .map(|(label, value, number, lines)| {
                        view! {
                            <div class="card">
                                <div class="card-label">{label}</div>
                                <div class="card-value">
                                    <Figure plan_id=id.clone() label=label value=value number=number lines=lines />
                                </div>
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
            <p class="card-notes">
                {baseline_note}
                {threshold.map(|s| view! { " · " {s} })}
            </p>
        }
    }
}
