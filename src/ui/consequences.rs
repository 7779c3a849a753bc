//! What a scenario changes, year by year, against the printed plan: exits, people still poor,
//! incidence, money per person exited; and whether exits run ahead of the money or behind it.

use crate::domain::budget::{money_per_exit, parts, Dimension};
use crate::domain::dataset::{ExitRow, Plan};
use crate::domain::format::{fmt_count, fmt_opt_count, fmt_pct, thousands};
use crate::domain::schedule::{front_loading_pct, outcomes, Measure};
use crate::domain::export::{Cell, Table};
use crate::ui::export_menu::ExportMenu;
use crate::ui::state::use_app;
use crate::ui::visible::{on_screen, while_visible};
use leptos::prelude::*;

/// Share of the plan years' money in the first half of those years (same weighting as
/// `front_loading_pct`), from the scenario's split by year.
fn money_front_pct(plan: &Plan, scenario: Option<&crate::domain::scenario::Scenario>, rows: &[ExitRow]) -> Option<f64> {
    let by_year = parts(plan, scenario, Dimension::Year);
    let money_rows: Vec<ExitRow> = rows
        .iter()
        .map(|r| {
            let mut m = r.clone();
            m.people = by_year.iter().find(|p| p.key == r.year.to_string()).map(|p| p.amount.0 / 10_000);
            m
        })
        .collect();
    front_loading_pct(&money_rows, Measure::People)
}

/// The year-by-year table as numbers to export, with the same columns as on screen.
fn export_table(t: &crate::ui::text::Text, plan: &Plan, scenario: Option<&crate::domain::scenario::Scenario>, current: &[ExitRow]) -> Table {
    let cohort = Measure::People.cohort(plan);
    let s_out = outcomes(&plan.baseline, current, Measure::People, cohort);
    let b_out = outcomes(&plan.baseline, &plan.exit_schedule, Measure::People, cohort);
    let s_money = money_per_exit(plan, scenario, current);
    let b_money = money_per_exit(plan, None, &plan.exit_schedule);
    let has_money = b_money.iter().any(|(_, v)| v.is_some());
    let has_incidence = plan.baseline.rural_population.is_some();
    let (b, s) = (t.baseline_label, t.scenario_label);
    let mut headers = vec![
        t.year.to_string(),
        format!("{} · {b}", t.exits),
        format!("{} · {s}", t.exits),
        format!("{} · {}", t.exits, t.difference),
        format!("{} · {b}", t.remaining),
        format!("{} · {s}", t.remaining),
    ];
    if has_incidence {
        headers.push(format!("{} · {b}{}", t.incidence, t.export_unit_pct));
        headers.push(format!("{} · {s}{}", t.incidence, t.export_unit_pct));
    }
    if has_money {
        headers.push(format!("{} · {b}{}", t.money_per_exit, t.export_unit_yuan));
        headers.push(format!("{} · {s}{}", t.money_per_exit, t.export_unit_yuan));
    }
    let find = |o: &[crate::domain::schedule::YearOutcome], y: i32| o.iter().find(|x| x.year == y).cloned();
    let money = |list: &[(i32, Option<i64>)], y: i32| Cell::count(list.iter().find(|(yy, _)| *yy == y).and_then(|(_, v)| *v));
    let rows = current
        .iter()
        .map(|row| {
            let y = row.year;
            let be = plan.exit_schedule.iter().find(|r| r.year == y).and_then(|r| r.people);
            let se = row.people;
            let delta = match (be, se) {
                (Some(b), Some(s)) => Some(s - b),
                _ => None,
            };
            let (bo, so) = (find(&b_out, y), find(&s_out, y));
            let mut cells = vec![
                Cell::Number(y as f64),
                Cell::count(be),
                Cell::count(se),
                Cell::count(delta),
                Cell::count(bo.as_ref().and_then(|o| o.remaining)),
                Cell::count(so.as_ref().and_then(|o| o.remaining)),
            ];
            if has_incidence {
                cells.push(Cell::number(bo.as_ref().and_then(|o| o.incidence_pct)));
                cells.push(Cell::number(so.as_ref().and_then(|o| o.incidence_pct)));
            }
            if has_money {
                cells.push(money(&b_money, y));
                cells.push(money(&s_money, y));
            }
            cells
        })
        .collect();
    Table { title: t.consequences.to_string(), headers, rows }
}

#[component]
pub fn Consequences(plan: std::sync::Arc<Plan>, #[prop(into)] rows: Signal<Vec<ExitRow>>) -> impl IntoView {
    let state = use_app();
    let section = NodeRef::<leptos::html::Section>::new();
    // Off screen, the table and the timing keep what they last showed and catch up when seen.
    let shown = {
        let plan_id = plan.id.clone();
        while_visible(on_screen(section), move || (rows.get(), state.scenario_of(&plan_id)))
    };
    let table = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let (current, scenario) = shown.get();
            let cohort = Measure::People.cohort(&plan);
            let s_out = outcomes(&plan.baseline, &current, Measure::People, cohort);
            let b_out = outcomes(&plan.baseline, &plan.exit_schedule, Measure::People, cohort);
            let s_money = money_per_exit(&plan, scenario.as_ref(), &current);
            let b_money = money_per_exit(&plan, None, &plan.exit_schedule);
            let has_money = b_money.iter().any(|(_, v)| v.is_some());
            let has_incidence = plan.baseline.rural_population.is_some();
            let body = current
                .iter()
                .map(|row| {
                    let y = row.year;
                    let b_row = plan.exit_schedule.iter().find(|r| r.year == y);
                    let (be, se) = (b_row.and_then(|r| r.people), row.people);
                    let delta = match (be, se) {
                        (Some(b), Some(s)) if b != s => format!("{}{}", if s > b { "+" } else { "" }, fmt_count(s - b, lang)),
                        _ => String::new(),
                    };
                    let find = |o: &[crate::domain::schedule::YearOutcome]| o.iter().find(|x| x.year == y).cloned();
                    let (bo, so) = (find(&b_out), find(&s_out));
                    let rem = |o: &Option<crate::domain::schedule::YearOutcome>| fmt_opt_count(o.as_ref().and_then(|x| x.remaining), lang);
                    let inc = |o: &Option<crate::domain::schedule::YearOutcome>| o.as_ref().and_then(|x| x.incidence_pct).map(|p| fmt_pct(p, lang)).unwrap_or_else(|| "—".into());
                    let money = |list: &[(i32, Option<i64>)]| list.iter().find(|(yy, _)| *yy == y).and_then(|(_, v)| *v).map(|v| format!("¥{}", thousands(v))).unwrap_or_else(|| "—".into());
                    let changed = be != se;
                    view! {
                        <tr class:changed=changed>
                            <th scope="row">{y}</th>
                            <td>{fmt_opt_count(be, lang)}</td>
                            <td>{fmt_opt_count(se, lang)}</td>
                            <td class="delta">{delta}</td>
                            <td>{rem(&bo)}</td>
                            <td>{rem(&so)}</td>
                            {has_incidence.then(|| view! { <td>{inc(&bo)}</td><td>{inc(&so)}</td> })}
                            {has_money.then(|| view! { <td>{money(&b_money)}</td><td>{money(&s_money)}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            let b = t.baseline_label;
            let s = t.scenario_label;
            view! {
                <table class="diff-table" id="diff-table">
                    <thead>
                        <tr>
                            <th rowspan="2">{t.year}</th>
                            <th colspan="3">{t.exits}</th>
                            <th colspan="2">{t.remaining}</th>
                            {has_incidence.then(|| view! { <th colspan="2">{t.incidence}</th> })}
                            {has_money.then(|| view! { <th colspan="2">{t.money_per_exit}</th> })}
                        </tr>
                        <tr>
                            <th>{b}</th><th>{s}</th><th>{t.difference}</th>
                            <th>{b}</th><th>{s}</th>
                            {has_incidence.then(|| view! { <th>{b}</th><th>{s}</th> })}
                            {has_money.then(|| view! { <th>{b}</th><th>{s}</th> })}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
        }
    };
    let timing = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let (current, scenario) = shown.get();
            let exits_s = front_loading_pct(&current, Measure::People)?;
            let exits_b = front_loading_pct(&plan.exit_schedule, Measure::People);
            let money_s = money_front_pct(&plan, scenario.as_ref(), &current);
            let verdict = money_s.map(|m| {
                if exits_s > m + 5.0 {
                    t.timing_exits_ahead
                } else if exits_s + 5.0 < m {
                    t.timing_money_ahead
                } else {
                    t.timing_matched
                }
            });
            let pct = |v: Option<f64>| v.map(|p| fmt_pct(p, lang)).unwrap_or_else(|| "—".into());
            Some(view! {
                <div class="timing" id="timing">
                    <h3>{t.timing}</h3>
                    <p>
                        {t.exits_front}": "{t.baseline_label}" "{pct(exits_b)}" → "{t.scenario_label}" "<strong>{pct(Some(exits_s))}</strong>
                        {money_s.map(|m| view! { " · "{t.money_front}": "<strong>{fmt_pct(m, lang)}</strong> })}
                    </p>
                    {verdict.map(|v| view! { <p class="verdict" id="timing-verdict">{v}</p> })}
                    <p class="hint">{t.timing_hint}</p>
                </div>
            })
        }
    };
    view! {
        <section class="consequences" id="consequences" node_ref=section>
            <h2>{move || state.t().consequences}</h2>
            <div class="table-scroll">{table}</div>
            {
                let (zh, en) = (plan.name_zh.clone(), plan.name_en.clone());
                let plan_export = plan.clone();
                let name = Signal::derive(move || vec![state.lang().pick(&zh, &en).to_string(), state.t().consequences.to_string()]);
                let numbers = Signal::derive(move || {
                    let scenario = state.scenario_of(&plan_export.id);
                    rows.with(|r| export_table(state.t(), &plan_export, scenario.as_ref(), r))
                });
                view! { <ExportMenu name=name table=numbers /> }
            }
            {timing}
        </section>
    }
}
