//! Quick changes to a schedule: move N exits between plan years; spread what is left evenly,
//! front-load or back-load it. Each is one undoable step.

use crate::domain::dataset::{Plan, RowStatus};
use crate::domain::format::fmt_count;
use crate::domain::scenario::Shape;
use crate::domain::schedule::Measure;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn QuickOps(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let years: Vec<i32> = plan.exit_schedule.iter().filter(|r| r.status == RowStatus::Plan).map(|r| r.year).collect();
    let first = years.last().copied().unwrap_or(plan.period[1]);
    let second = years.first().copied().unwrap_or(plan.period[0]);
    let from = RwSignal::new(first);
    let to = RwSignal::new(second);
    let amount = RwSignal::new(String::from("1000"));
    let measure = RwSignal::new(Measure::People);
    let message = RwSignal::new(None::<String>);
    let measures = Measure::shown_for(&plan);
    let do_move = {
        let plan = plan.clone();
        move |_| {
            let t = state.t();
            let Ok(n) = amount.get_untracked().trim().replace(',', "").parse::<i64>() else {
                message.set(Some(t.invalid_number.to_string()));
                return;
            };
            let m = measure.get_untracked();
            let result = state.edit(None, |w| w.active_scenario_mut(&plan, t.scenario_default_name).move_exits(&plan, m, from.get_untracked(), to.get_untracked(), n));
            message.set(match result {
                Some(Ok(moved)) => Some(format!("{} {}", t.moved_n, fmt_count(moved, state.lang()))),
                _ => Some(t.invalid_number.to_string()),
            });
        }
    };
    let reshape = {
        let plan = plan.clone();
        move |shape: Shape| {
            let t = state.t();
            let m = measure.get_untracked();
            state.edit(None, |w| w.active_scenario_mut(&plan, t.scenario_default_name).reshape(&plan, m, shape));
            message.set(None);
        }
    };
    let (r1, r2, r3) = (reshape.clone(), reshape.clone(), reshape);
    let year_options = move |selected: RwSignal<i32>| {
        years.iter().map(|&y| view! { <option value=y selected=move || selected.get() == y>{y}</option> }).collect_view()
    };
    let (from_opts, to_opts) = (year_options.clone()(from), year_options(to));
    let measure_options = move || {
        let t = state.t();
        measures
            .iter()
            .map(|&m| {
                view! { <option value=format!("{m:?}") selected=move || measure.get() == m>{t.measure(m)}</option> }
            })
            .collect_view()
    };
    let parse_measure = |v: &str| match v {
        "Households" => Measure::Households,
        "Villages" => Measure::Villages,
        "Counties" => Measure::Counties,
        _ => Measure::People,
    };
    view! {
        <div class="quick-ops" id="quick-ops">
            <h3>{move || state.t().quick_ops}</h3>
            <div class="ops-row">
                <label class="field">
                    <span>{move || state.t().measure}</span>
                    <select id="op-measure" on:change=move |ev| measure.set(parse_measure(&event_target_value(&ev)))>{measure_options}</select>
                </label>
                <span>{move || state.t().move_exits}</span>
                <input id="op-amount" class="num-input" inputmode="numeric" aria-label=move || state.t().move_exits prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                <label class="field">
                    <span>{move || state.t().move_from}</span>
                    <select id="op-from" on:change=move |ev| from.set(event_target_value(&ev).parse().unwrap_or(first))>{from_opts}</select>
                </label>
                <label class="field">
                    <span>{move || state.t().move_to}</span>
                    <select id="op-to" on:change=move |ev| to.set(event_target_value(&ev).parse().unwrap_or(second))>{to_opts}</select>
                </label>
                <button id="op-move" on:click=do_move>{move || state.t().move_go}</button>
                {move || message.get().map(|m| view! { <span class="op-message" role="status">{m}</span> })}
            </div>
            <div class="ops-row">
                <button id="op-even" on:click=move |_| r1(Shape::Even)>{move || state.t().spread_even}</button>
                <button id="op-front" on:click=move |_| r2(Shape::Front)>{move || state.t().front_load}</button>
                <button id="op-back" on:click=move |_| r3(Shape::Back)>{move || state.t().back_load}</button>
            </div>
        </div>
    }
}
