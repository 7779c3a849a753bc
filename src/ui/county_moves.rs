//! Moving a province plan's counties between exit years in the open scenario, with the yearly
//! counts against the printed plan (the schedule's counties row follows).

use crate::domain::counties::{counts_by_year, county_years};
use crate::domain::dataset::{Plan, RowStatus};
use crate::domain::format::Lang;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn CountyMoves(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let years: Vec<i32> = plan.exit_schedule.iter().filter(|r| r.status == RowStatus::Plan).map(|r| r.year).collect();
    let county = RwSignal::new(plan.counties.first().map(|c| c.name_zh.clone()).unwrap_or_default());
    let year = RwSignal::new(years.first().copied().unwrap_or(plan.period[0]));
    let counties_options = {
        let plan = plan.clone();
        move || {
            let lang = state.lang();
            plan.counties
                .iter()
                .map(|c| {
                    let label = match lang {
                        Lang::Zh => c.name_zh.clone(),
                        Lang::En => c.name_en.clone().unwrap_or_else(|| c.name_zh.clone()),
                    };
                    let value = c.name_zh.clone();
                    let selected = county.get_untracked() == value;
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view()
        }
    };
    let year_options = years.iter().map(|&y| view! { <option value=y>{y}</option> }).collect_view();
    let do_move = {
        let plan = plan.clone();
        move |_| {
            let (name, y) = (county.get_untracked(), year.get_untracked());
            state.edit(None, |w| w.active_scenario_mut(&plan, state.t().scenario_default_name).move_county(&plan, &name, y));
        }
    };
    let summary = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let scenario = state.scenario_of(&plan.id);
            let printed = counts_by_year(&plan, None);
            let now = counts_by_year(&plan, scenario.as_ref());
            let cells = plan
                .exit_schedule
                .iter()
                .map(|r| {
                    let (a, b) = (printed.get(&r.year).copied().unwrap_or(0), now.get(&r.year).copied().unwrap_or(0));
                    view! { <td class:changed=a != b data-year=r.year>{a}" → "<strong>{b}</strong></td> }
                })
                .collect_view();
            let moved = county_years(&plan, scenario.as_ref())
                .into_iter()
                .filter(|(c, y)| c.exit_year != *y)
                .map(|(c, y)| {
                    let name = match lang {
                        Lang::Zh => c.name_zh.clone(),
                        Lang::En => c.name_en.clone().unwrap_or_else(|| c.name_zh.clone()),
                    };
                    let back = c.exit_year;
                    let key = c.name_zh.clone();
                    let plan = plan.clone();
                    view! {
                        <li>
                            {name}": "{c.exit_year.map(|y| y.to_string()).unwrap_or_default()}" → "<strong>{y.map(|y| y.to_string()).unwrap_or_default()}</strong>" "
                            {back.map(|b| view! {
                                <button class="link-button" on:click=move |_| {
                                    state.edit(None, |w| w.active_scenario_mut(&plan, state.t().scenario_default_name).move_county(&plan, &key, b));
                                }>{t.move_back}</button>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <table class="diff-table" id="county-counts">
                    <thead><tr>{plan.exit_schedule.iter().map(|r| view! { <th>{r.year}</th> }).collect_view()}</tr></thead>
                    <tbody><tr>{cells}</tr></tbody>
                </table>
                <ul class="moved-counties" id="moved-counties">{moved}</ul>
            }
        }
    };
    view! {
        <section class="county-moves" id="county-moves">
            <h3>{move || state.t().counties_assign}</h3>
            <div class="ops-row">
                <label class="field">
                    <span>{move || state.t().poor_counties}</span>
                    <select id="county-move-name" on:change=move |ev| county.set(event_target_value(&ev))>{counties_options}</select>
                </label>
                <label class="field">
                    <span>{move || state.t().move_to}</span>
                    <select id="county-move-year" on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or_default())>{year_options}</select>
                </label>
                <button id="county-move" on:click=do_move>{move || state.t().move_go}</button>
            </div>
            {summary}
        </section>
    }
}
