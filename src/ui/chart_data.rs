//! A chart's numbers on screen: a "table view" under the chart (the same table its download
//! offers), and the words of its one-sentence summary for screen readers.

use crate::charts::summary::Words;
use crate::domain::export::{Cell, Table};
use crate::domain::format::{fmt_count, fmt_wan, group_decimal, Lang};
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;

pub fn words(t: &'static Text) -> Words<'static> {
    Words { unknown: t.unknown, achieved: t.chart_achieved, was: t.changed_from }
}

/// A count of people with its unit: "1,885人" / "1,885 people".
pub fn people(v: f64, t: &Text, lang: Lang) -> String {
    let n = fmt_count(v.round() as i64, lang);
    match lang {
        Lang::Zh => format!("{n}{}", t.people_unit),
        Lang::En => format!("{n} {}", t.people_unit),
    }
}

/// An amount in 元, written as the plans write money.
pub fn money(yuan: f64, lang: Lang) -> String {
    fmt_wan(yuan / 10_000.0, lang)
}

/// The first column of a chart's table is its year; the rest are text or figures.
fn cell_text(column: usize, cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Number(v) if column == 0 => format!("{v}"),
        Cell::Number(v) => group_decimal(*v),
        Cell::Empty => "—".to_string(),
    }
}

/// Closed by default, so the chart stays the first thing read; opened, the numbers it draws.
#[component]
pub fn ChartData(#[prop(into)] table: Signal<Table>) -> impl IntoView {
    let state = use_app();
    // Built only while open: a closed table is not kept up to date on every edit.
    let open = RwSignal::new(false);
    let body = move || {
        if !open.get() {
            return None;
        }
        Some(table.with(|tb| {
            let head = tb.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
            let rows = tb
                .rows
                .iter()
                .map(|row| {
                    let cells = row
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let text = cell_text(i, c);
                            let numeric = matches!(c, Cell::Number(_) | Cell::Empty);
                            if i == 0 {
                                view! { <th scope="row">{text}</th> }.into_any()
                            } else {
                                view! { <td class:num=numeric>{text}</td> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="chart-data-table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }))
    };
    view! {
        <details class="chart-data" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{move || state.t().chart_table_view}</summary>
            <div class="table-scroll">{body}</div>
        </details>
    }
}
