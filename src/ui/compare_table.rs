//! The comparison table: one row per plan, every figure clickable to its source lines.

use crate::charts::multi::Marker;
use crate::charts::palette;
use crate::domain::compare::{summaries, PlanSummary};
use crate::domain::dataset::Level;
use crate::domain::format::{fmt_count, fmt_pct, fmt_wan, Lang};
use crate::domain::export::{Cell, Table};
use crate::ui::export_menu::ExportMenu;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;

/// A figure cell, or "not stated" where the plan gives no figure.
/// `number` is the figure as the plan prints it, where the cell shows one (not a derived figure).
fn cell(t: &'static Text, plan_id: &str, label: String, value: Option<String>, number: Option<f64>, lines: Vec<u32>) -> AnyView {
    match value {
        Some(v) => view! { <Figure plan_id=plan_id.to_string() label=label value=v number=number lines=lines /> }.into_any(),
        None => view! { <span class="unknown">{t.unknown}</span> }.into_any(),
    }
}

fn row(t: &'static Text, lang: Lang, index: usize, s: PlanSummary) -> impl IntoView {
    let state = use_app();
    let name = match lang {
        Lang::Zh => s.name_zh.clone(),
        Lang::En => s.name_en.clone(),
    };
    let label = |what: &str| format!("{name} · {what}");
    let id = s.plan_id.clone();
    let open_id = s.plan_id.clone();
    let level = match s.level {
        Level::County => t.county,
        Level::Province => t.province,
    };
    let baseline_year = s.baseline_year.map(|y| format!("{y}{}", t.year_suffix));
    let people = cell(t, &id, label(t.cmp_col_poor_people), s.poor_people.value.map(|v| fmt_count(v, lang)), s.poor_people.value.map(|v| v as f64), s.poor_people.lines);
    let villages = cell(t, &id, label(t.poor_villages), s.poor_villages.value.map(|v| fmt_count(v, lang)), s.poor_villages.value.map(|v| v as f64), s.poor_villages.lines);
    let incidence = cell(t, &id, label(t.incidence), s.incidence_pct.value.map(|v| fmt_pct(v, lang)), s.incidence_pct.value, s.incidence_pct.lines);
    let exit_year = cell(t, &id, label(t.cmp_col_exit_year), s.exit_year.value.map(|y| y.to_string()), None, s.exit_year.lines);
    let funding = cell(t, &id, label(t.total_funding), s.funding.value.map(|y| fmt_wan(y.as_wan(), lang)), s.funding.value.map(|y| y.as_wan()), s.funding.lines);
    let per_person = cell(
        t,
        &id,
        label(t.cmp_col_per_person),
        s.funding_per_person.value.map(|y| fmt_wan(y.as_wan(), lang)),
        None,
        s.funding_per_person.lines,
    );
    let color = format!("color:{}", palette::hex(palette::series(index)));
    let glyph = Marker::for_index(index).glyph(true);
    view! {
        <tr data-plan=id.clone()>
            <th scope="row">
                <span class="series-glyph" style=color aria-hidden="true">{glyph}</span>
                <button class="plan-link" on:click=move |_| state.choose_plan(&open_id)>{name.clone()}</button>
            </th>
            <td class="text">{level}</td>
            <td class="cell-num">{s.period[0]}"–"{s.period[1]}</td>
            <td class="cell-num">{exit_year}</td>
            <td class="cell-num">{baseline_year.unwrap_or_else(|| t.unknown.to_string())}</td>
            <td class="cell-num">{people}</td>
            <td class="cell-num">{villages}</td>
            <td class="cell-num">{incidence}</td>
            <td class="cell-num">{funding}</td>
            <td class="cell-num">{per_person}</td>
        </tr>
    }
}

/// The table's figures as numbers to export: money in 万元 (total) and 元 (per person).
fn export_table(t: &'static Text, lang: Lang, list: &[PlanSummary]) -> Table {
    let headers = vec![
        t.cmp_col_plan.to_string(),
        t.cmp_col_level.to_string(),
        t.export_period_start.to_string(),
        t.export_period_end.to_string(),
        t.cmp_col_exit_year.to_string(),
        t.baseline_year.to_string(),
        t.cmp_col_poor_people.to_string(),
        t.poor_villages.to_string(),
        format!("{}{}", t.incidence, t.export_unit_pct),
        format!("{}{}", t.total_funding, t.export_unit_wan),
        format!("{}{}", t.cmp_col_per_person, t.export_unit_yuan),
    ];
    let rows = list
        .iter()
        .map(|s| {
            let level = match s.level {
                Level::County => t.county,
                Level::Province => t.province,
            };
            vec![
                Cell::text(lang.pick(&s.name_zh, &s.name_en)),
                Cell::text(level),
                Cell::Number(s.period[0] as f64),
                Cell::Number(s.period[1] as f64),
                Cell::count(s.exit_year.value.map(i64::from)),
                Cell::count(s.baseline_year.map(i64::from)),
                Cell::count(s.poor_people.value),
                Cell::count(s.poor_villages.value),
                Cell::number(s.incidence_pct.value),
                Cell::number(s.funding.value.map(|y| y.as_wan())),
                Cell::count(s.funding_per_person.value.map(|y| y.0)),
            ]
        })
        .collect();
    Table { title: t.cmp_table_caption.to_string(), headers, rows }
}

#[component]
pub fn CompareTable() -> impl IntoView {
    let state = use_app();
    move || {
        let dataset = state.dataset()?;
        let t = state.t();
        let lang = state.lang();
        let rows = summaries(&dataset).into_iter().enumerate().map(|(i, s)| row(t, lang, i, s)).collect_view();
        Some(view! {
            <div class="table-scroll">
                <table class="compare-table" id="compare-table">
                    <caption>{t.cmp_table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.cmp_col_plan}</th>
                            <th scope="col" class="text">{t.cmp_col_level}</th>
                            <th scope="col">{t.period}</th>
                            <th scope="col">{t.cmp_col_exit_year}</th>
                            <th scope="col">{t.baseline_year}</th>
                            <th scope="col">{t.cmp_col_poor_people}</th>
                            <th scope="col">{t.poor_villages}</th>
                            <th scope="col">{t.incidence}</th>
                            <th scope="col">{t.total_funding}</th>
                            <th scope="col">{t.cmp_col_per_person}"*"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="table-note">"* "{t.cmp_per_person_note}</p>
            <ExportMenu
                name=Signal::derive(move || vec![state.t().view_compare.to_string(), state.t().cmp_table_caption.to_string()])
                table=Signal::derive(move || state.dataset().map(|d| export_table(state.t(), state.lang(), &summaries(&d))).unwrap_or_default())
            />
        })
    }
}
