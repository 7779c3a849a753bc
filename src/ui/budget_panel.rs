//! Splitting the plan's money: parts by year, source, category or township; edit, lock,
//! rebalance; a balance indicator that is green only when the parts add up to the total.

use crate::domain::budget::{balance, dimensions, parts, BudgetError, Dimension};
use crate::domain::dataset::Plan;
use crate::domain::format::{fmt_wan, group_decimal, wan_exact, Lang};
use crate::domain::money::parse_wan;
use crate::domain::export::{Cell, Table};
use crate::ui::export_menu::ExportMenu;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn dimension_label(d: Dimension, t: &crate::ui::text::Text) -> &'static str {
    match d {
        Dimension::Year => t.by_year,
        Dimension::Source => t.by_source,
        Dimension::Category => t.by_category,
        Dimension::Township => t.by_township,
    }
}

/// The split on screen as numbers to export: printed and scenario amounts in 万元, and the share.
fn export_table(t: &crate::ui::text::Text, lang: Lang, plan: &Plan, scenario: Option<&crate::domain::scenario::Scenario>, d: Dimension) -> Table {
    let total = plan.funding.total_wan_yuan.filter(|v| *v > 0.0);
    let rows = parts(plan, scenario, d)
        .into_iter()
        .map(|p| {
            let label = match (lang, &p.label_en) {
                (Lang::En, Some(en)) => en.clone(),
                _ => p.key.clone(),
            };
            let share = total.map(|total| (p.amount.as_wan() * 10_000.0 / total).round() / 100.0);
            vec![Cell::text(label), Cell::number(p.printed.map(|y| y.as_wan())), Cell::Number(p.amount.as_wan()), Cell::number(share)]
        })
        .collect();
    Table {
        title: format!("{} · {}", t.budget, dimension_label(d, t)),
        headers: vec![dimension_label(d, t).into(), format!("{}{}", t.printed, t.export_unit_wan), t.amount_wan.into(), format!("{}{}", t.share, t.export_unit_pct)],
        rows,
    }
}

#[component]
pub fn BudgetPanel(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let dims = dimensions(&plan);
    if dims.is_empty() {
        return view! {
            <section class="budget" id="budget">
                <h2>{move || state.t().budget}</h2>
                <p class="muted" id="budget-none">{move || state.t().budget_none}</p>
            </section>
        }
        .into_any();
    }
    let dimension = RwSignal::new(dims[0]);
    let error = RwSignal::new(None::<BudgetError>);
    let bad_input = RwSignal::new(false);
    let tabs = {
        let dims = dims.clone();
        move || {
            let t = state.t();
            dims.iter()
                .map(|&d| {
                    let selected = move || dimension.get() == d;
                    view! {
                        <button class="dim-tab" class:selected=selected aria-pressed=move || selected().to_string() id=format!("budget-dim-{d:?}").to_lowercase() on:click=move |_| { dimension.set(d); error.set(None); }>
                            {dimension_label(d, t)}
                        </button>
                    }
                })
                .collect_view()
        }
    };
    // The split alone: an edit of the exit schedule leaves it, and so this table, unchanged.
    let split = {
        let plan = plan.clone();
        Memo::new(move |_| parts(&plan, state.scenario_of(&plan.id).as_ref(), dimension.get()))
    };
    let rows = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let d = dimension.get();
            let list = split.get();
            let total = plan.funding.total_wan_yuan.unwrap_or(0.0);
            list.into_iter()
                .map(|p| {
                    let key = p.key.clone();
                    let label = match (lang, &p.label_en) {
                        (Lang::En, Some(en)) => en.clone(),
                        _ => p.key.clone(),
                    };
                    let share = if total > 0.0 { format!("{:.1}%", p.amount.as_wan() * 100.0 / total) } else { "—".into() };
                    let printed = p.printed.map(|y| group_decimal(y.as_wan())).unwrap_or_else(|| t.unknown.to_string());
                    let changed = p.printed != Some(p.amount);
                    let plan_set = plan.clone();
                    let plan_lock = plan.clone();
                    let key_set = key.clone();
                    let key_lock = key.clone();
                    let locked = p.locked;
                    let amount_text = wan_exact(p.amount);
                    let input_label = format!("{label} {}", t.amount_wan);
                    let lock_label = format!("{} {label}", t.lock);
                    view! {
                        <tr class:changed=changed class:locked-row=locked data-key=key.clone()>
                            <th scope="row" data-content="">{label.clone()}</th>
                            <td class="num"><Figure plan_id=plan.id.clone() label=label.clone() value=printed number=p.printed.map(|y| y.as_wan()) lines=p.lines.clone() /></td>
                            <td class="num">
                                <input
                                    class="money-input"
                                    inputmode="decimal"
                                    aria-label=input_label
                                    prop:value=amount_text
                                    disabled=locked
                                    on:change=move |ev| {
                                        let Some(yuan) = parse_wan(&event_target_value(&ev)) else {
                                            bad_input.set(true);
                                            return;
                                        };
                                        bad_input.set(false);
                                        let key = key_set.clone();
                                        let r = state.edit(None, |w| w.active_scenario_mut(&plan_set, state.t().scenario_default_name).set_part(&plan_set, d, &key, yuan));
                                        error.set(r.and_then(Result::err));
                                    }
                                />
                            </td>
                            <td class="num">{share}</td>
                            <td class="center">
                                <input
                                    type="checkbox"
                                    class="lock-box"
                                    aria-label=lock_label
                                    prop:checked=locked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let key = key_lock.clone();
                                        state.edit(None, |w| w.active_scenario_mut(&plan_lock, state.t().scenario_default_name).set_locked(&plan_lock, d, &key, on));
                                    }
                                />
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let indicator = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let b = split.with(|list| balance(&plan, list))?;
            let diff = b.difference();
            let (class, text) = if b.is_balanced() {
                ("balance ok", format!("✓ {}", t.balanced))
            } else if diff.0 > 0 {
                ("balance bad", format!("✖ {} {}", t.over_by, fmt_wan(diff.as_wan(), lang)))
            } else {
                ("balance bad", format!("✖ {} {}", t.under_by, fmt_wan((-diff.0) as f64 / 10_000.0, lang)))
            };
            Some(view! {
                <div class=class id="balance" role="status" aria-live="polite">
                    <span>{text}</span>
                    <span class="balance-figures">{t.total}" "{fmt_wan(b.sum.as_wan(), lang)}" / "{fmt_wan(b.total.as_wan(), lang)}</span>
                </div>
            })
        }
    };
    let rebalance = {
        let plan = plan.clone();
        move |_| {
            let d = dimension.get_untracked();
            let r = state.edit(None, |w| w.active_scenario_mut(&plan, state.t().scenario_default_name).rebalance(&plan, d));
            error.set(r.and_then(Result::err));
        }
    };
    let reset = {
        let plan = plan.clone();
        move |_| {
            let d = dimension.get_untracked();
            let id = state.workspace.with_untracked(|w| w.active.get(&plan.id).cloned());
            if let Some(id) = id {
                state.edit(None, |w| {
                    if let Some(s) = w.scenarios.iter_mut().find(|s| s.id == id) {
                        s.reset_budget(d);
                    }
                });
            }
            error.set(None);
        }
    };
    view! {
        <section class="budget" id="budget">
            <div class="section-head">
                <h2>{move || state.t().budget}</h2>
                <div class="dim-tabs" role="group">{tabs}</div>
            </div>
            <p class="hint">{move || state.t().budget_hint}</p>
            {indicator}
            {move || error.get().map(|e| {
                let msg = match state.lang() { Lang::Zh => e.message_zh(), Lang::En => e.message_en() };
                view! { <p class="finding error" role="alert" id="budget-error">{msg}</p> }
            })}
            {move || bad_input.get().then(|| view! { <p class="finding error" role="alert" id="budget-input-error">{state.t().invalid_amount}</p> })}
            <div class="table-scroll">
                <table class="budget-table" id="budget-table">
                    <thead>
                        <tr>
                            <th>{move || state.t().part}</th>
                            <th>{move || state.t().printed}</th>
                            <th>{move || state.t().amount_wan}</th>
                            <th>{move || state.t().share}</th>
                            <th>{move || state.t().lock}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {
                let (zh, en) = (plan.name_zh.clone(), plan.name_en.clone());
                let plan_export = plan.clone();
                let name = Signal::derive(move || {
                    let t = state.t();
                    vec![state.lang().pick(&zh, &en).to_string(), t.budget.to_string(), dimension_label(dimension.get(), t).to_string()]
                });
                let numbers = Signal::derive(move || {
                    let scenario = state.scenario_of(&plan_export.id);
                    export_table(state.t(), state.lang(), &plan_export, scenario.as_ref(), dimension.get())
                });
                view! { <ExportMenu name=name table=numbers /> }
            }
            <div class="ops-row">
                <button id="budget-rebalance" on:click=rebalance>{move || state.t().rebalance}</button>
                <button id="budget-reset" class="secondary" on:click=reset>{move || state.t().reset_budget}</button>
            </div>
        </section>
    }
    .into_any()
}
