//! One comparison chart: a line per plan, the legend beside it in HTML, a toggle to read the same
//! numbers as a table, and a note naming the plans left out and why.

use crate::charts::multi::{multi_svg, Axis, Line, Marker};
use crate::charts::palette;
use crate::charts::summary::series_summary;
use crate::domain::compare::{Basis, ChartMeasure, Comparison, Gap, LeftOut, PlanSeries};
use crate::domain::dataset::Dataset;
use crate::domain::format::{fmt_pct, fmt_wan, Lang};
use crate::domain::export::{Caption, Cell, KeyStyle, LegendKey, Table};
use crate::ui::export_menu::ExportMenu;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;

/// Drawn narrower than the plan page's charts: they sit two abreast with a legend beside them,
/// and a smaller drawing keeps the axis text large once scaled to its box.
const WIDTH: u32 = 560;
const HEIGHT: u32 = 340;

fn title(t: &'static Text, m: ChartMeasure) -> &'static str {
    match m {
        ChartMeasure::ExitShare => t.cmp_chart_exit_share,
        ChartMeasure::RemainingIndex => t.cmp_chart_remaining,
        ChartMeasure::Incidence => t.cmp_chart_incidence,
        ChartMeasure::FundingPerExit => t.cmp_chart_per_exit,
    }
}

fn unit(t: &'static Text, m: ChartMeasure) -> &'static str {
    match m {
        ChartMeasure::ExitShare | ChartMeasure::Incidence => t.cmp_unit_pct,
        ChartMeasure::RemainingIndex => t.cmp_unit_index,
        ChartMeasure::FundingPerExit => t.cmp_unit_yuan_per_person,
    }
}

fn axis(m: ChartMeasure) -> Axis {
    match m {
        ChartMeasure::ExitShare | ChartMeasure::Incidence => Axis::Percent,
        ChartMeasure::RemainingIndex => Axis::Index,
        ChartMeasure::FundingPerExit => Axis::Yuan,
    }
}

fn fmt_value(m: ChartMeasure, v: f64, lang: Lang) -> String {
    match m {
        ChartMeasure::ExitShare | ChartMeasure::Incidence => fmt_pct(v, lang),
        ChartMeasure::RemainingIndex => {
            let s = format!("{v:.1}");
            s.strip_suffix(".0").map_or(s.clone(), str::to_string)
        }
        ChartMeasure::FundingPerExit => fmt_wan(v / 10_000.0, lang),
    }
}

fn reason(t: &'static Text, r: LeftOut) -> &'static str {
    match r {
        LeftOut::NoCohort => t.cmp_left_no_cohort,
        LeftOut::NoExitsAfterBaseline => t.cmp_left_no_exits,
        LeftOut::NoIncidence => t.cmp_left_no_incidence,
        LeftOut::NoFundingByYear => t.cmp_left_no_funding_by_year,
        LeftOut::NoExitsInFundedYears => t.cmp_left_no_exits_funded,
    }
}

/// Where a series' numbers come from, where the chart mixes sources.
fn basis_note(t: &'static Text, b: Basis) -> Option<&'static str> {
    match b {
        Basis::RuralPopulation => Some(t.cmp_basis_rural_population),
        Basis::PrintedIndicator => Some(t.cmp_basis_printed),
        Basis::Schedule | Basis::FundingByYear => None,
    }
}

fn plan_name(dataset: &Dataset, id: &str, lang: Lang) -> String {
    dataset.plan(id).map_or_else(|| id.to_string(), |p| lang.pick(&p.name_zh, &p.name_en).to_string())
}

fn glyph_style(s: &PlanSeries) -> String {
    format!("color:{}", palette::hex(palette::series(s.plan_index)))
}

fn lines_of(c: &Comparison) -> Vec<Line> {
    c.series
        .iter()
        .map(|s| Line {
            color: palette::series(s.plan_index),
            marker: Marker::for_index(s.plan_index),
            points: s.points.iter().map(|p| (p.year, p.value, p.actual)).collect(),
        })
        .collect()
}

fn table(t: &'static Text, lang: Lang, m: ChartMeasure, dataset: &Dataset, c: &Comparison) -> impl IntoView {
    let years = c.years();
    let head = years.iter().map(|y| view! { <th scope="col">{*y}{t.year_suffix}</th> }).collect_view();
    let body = c
        .series
        .iter()
        .map(|s| {
            let name = plan_name(dataset, &s.plan_id, lang);
            let cells = years
                .iter()
                .map(|&year| {
                    let point = s.points.iter().find(|p| p.year == year);
                    let content = match point {
                        Some(p) => match (p.value, p.gap) {
                            (Some(v), _) => view! {
                                <Figure
                                    plan_id=s.plan_id.clone()
                                    label=format!("{name} · {} · {year}{}", title(t, m), t.year_suffix)
                                    value=fmt_value(m, v, lang)
                                    lines=p.lines.clone()
                                />
                            }
                            .into_any(),
                            (None, Some(Gap::NoExits)) => view! {
                                <Figure
                                    plan_id=s.plan_id.clone()
                                    label=format!("{name} · {} · {year}{}", title(t, m), t.year_suffix)
                                    value="—".to_string()
                                    lines=p.lines.clone()
                                />
                                <small class="gap-note">{t.cmp_gap_no_exits}</small>
                            }
                            .into_any(),
                            (None, _) => view! { <span class="unknown">{t.unknown}</span> }.into_any(),
                        },
                        None => view! { <span class="unknown" aria-hidden="true">""</span> }.into_any(),
                    };
                    view! { <td class="cell-num">{content}</td> }
                })
                .collect_view();
            view! {
                <tr data-plan=s.plan_id.clone()>
                    <th scope="row">
                        <span class="series-glyph" style=glyph_style(s) aria-hidden="true">{Marker::for_index(s.plan_index).glyph(true)}</span>
                        {name.clone()}
                        {basis_note(t, s.basis).map(|n| view! { <small class="series-note">{n}</small> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="chart-table">
                <thead><tr><th scope="col">{t.cmp_col_plan}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The unit, unless the title already names it: in an exported file, saying it twice adds nothing.
fn unit_unless_named(t: &'static Text, m: ChartMeasure) -> Option<&'static str> {
    (!title(t, m).to_lowercase().contains(&unit(t, m).to_lowercase())).then(|| unit(t, m))
}

/// The chart's numbers as a table to export: a row per plan, a column per year, as on screen.
fn export_table(t: &'static Text, lang: Lang, m: ChartMeasure, dataset: &Dataset, c: &Comparison) -> Table {
    let years = c.years();
    let mut headers = vec![t.cmp_col_plan.to_string()];
    headers.extend(years.iter().map(|y| format!("{y}{}", t.year_suffix)));
    let rows = c
        .series
        .iter()
        .map(|s| {
            let mut row = vec![Cell::text(plan_name(dataset, &s.plan_id, lang))];
            // Four decimals keep the figure and drop the floating-point noise.
            row.extend(years.iter().map(|&y| Cell::number(s.points.iter().find(|p| p.year == y).and_then(|p| p.value).map(|v| (v * 1e4).round() / 1e4))));
            row
        })
        .collect();
    let title = match unit_unless_named(t, m) {
        Some(u) => format!("{} ({u})", title(t, m)),
        None => title(t, m).to_string(),
    };
    Table { title, headers, rows }
}

/// Title, unit and one legend key per plan, drawn around the chart in its exported picture.
fn export_caption(t: &'static Text, lang: Lang, m: ChartMeasure, dataset: &Dataset, c: &Comparison) -> Caption {
    let keys = c
        .series
        .iter()
        .map(|s| LegendKey {
            color: palette::hex(palette::series(s.plan_index)),
            style: Marker::for_index(s.plan_index).glyph(true).chars().next().map_or(KeyStyle::Line, KeyStyle::Marked),
            label: plan_name(dataset, &s.plan_id, lang),
        })
        .collect();
    let subtitle = unit_unless_named(t, m).unwrap_or_default().to_string();
    Caption { title: title(t, m).to_string(), subtitle, keys, note: t.app_title.to_string() }
}

#[component]
pub fn CompareChart(measure: ChartMeasure) -> impl IntoView {
    let state = use_app();
    let as_table = RwSignal::new(false);
    let data = Memo::new(move |_| state.dataset().map(|d| measure.compare(&d)));
    let svg = Memo::new(move |_| data.with(|c| c.as_ref().map(|c| multi_svg(&lines_of(c), axis(measure), state.lang(), WIDTH, HEIGHT))).unwrap_or_default());
    let slug = measure.slug();
    let t = move || state.t();
    let legend = move || {
        let dataset = state.dataset()?;
        let c = data.get()?;
        let t = state.t();
        let lang = state.lang();
        let items = c
            .series
            .iter()
            .map(|s| {
                let name = plan_name(&dataset, &s.plan_id, lang);
                let note = basis_note(t, s.basis);
                view! {
                    <li data-plan=s.plan_id.clone()>
                        <span class="series-glyph" style=glyph_style(s) aria-hidden="true">{Marker::for_index(s.plan_index).glyph(true)}</span>
                        <span class="series-name">{name}</span>
                        {note.map(|n| view! { <span class="series-note">{n}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ul>{items}</ul>
            <p class="marker-key">
                <span>"● "{t.cmp_marker_filled}</span>
                <span>"○ "{t.cmp_marker_hollow}</span>
            </p>
        })
    };
    let left_out = move || {
        let dataset = state.dataset()?;
        let c = data.get()?;
        let t = state.t();
        let lang = state.lang();
        (!c.left_out.is_empty()).then(|| {
            let items = c
                .left_out
                .iter()
                .enumerate()
                .map(|(i, (id, r))| view! { <li>{(i > 0).then_some(t.list_sep)}<strong>{plan_name(&dataset, id, lang)}</strong>{t.colon}{reason(t, *r)}</li> })
                .collect_view();
            view! { <div class="left-out"><span>{t.cmp_left_out}{t.colon}</span><ul>{items}</ul></div> }
        })
    };
    // The chart in one sentence, from the same series it draws.
    let summary = move || {
        let (t, lang) = (state.t(), state.lang());
        let dataset = state.dataset()?;
        let c = data.get()?;
        let series: Vec<(String, Vec<(i32, Option<f64>)>)> =
            c.series.iter().map(|s| (plan_name(&dataset, &s.plan_id, lang), s.points.iter().map(|p| (p.year, p.value)).collect())).collect();
        Some(series_summary(title(t, measure), &series, &|v| fmt_value(measure, v, lang), &crate::ui::chart_data::words(t), lang))
    };
    let shown = move || {
        if as_table.get() {
            let dataset = state.dataset()?;
            let c = data.get()?;
            Some(table(state.t(), state.lang(), measure, &dataset, &c).into_any())
        } else {
            Some(view! { <div class="svg-box" role="img" aria-label=summary inner_html=move || svg.get()></div> }.into_any())
        }
    };
    view! {
        <figure class="cmp-chart" id=format!("compare-chart-{slug}") data-measure=slug>
            <div class="cmp-chart-head">
                <figcaption>
                    <span class="cmp-title">{move || title(t(), measure)}</span>
                    <span class="cmp-unit">{move || unit(t(), measure)}</span>
                </figcaption>
                <button
                    class="secondary table-toggle"
                    id=format!("compare-toggle-{slug}")
                    aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|v| *v = !*v)
                >
                    {move || if as_table.get() { t().cmp_show_chart } else { t().cmp_show_table }}
                </button>
            </div>
            <div class="cmp-chart-body" class:as-table=move || as_table.get()>
                {shown}
                <div class="cmp-legend">{legend}</div>
            </div>
            {left_out}
            <ExportMenu
                name=Signal::derive(move || vec![state.t().view_compare.to_string(), title(state.t(), measure).to_string()])
                svg=svg
                caption=Signal::derive(move || {
                    let (Some(dataset), Some(c)) = (state.dataset(), data.get()) else { return Caption::default() };
                    export_caption(state.t(), state.lang(), measure, &dataset, &c)
                })
                table=Signal::derive(move || {
                    let (Some(dataset), Some(c)) = (state.dataset(), data.get()) else { return Table::default() };
                    export_table(state.t(), state.lang(), measure, &dataset, &c)
                })
            />
        </figure>
    }
}
