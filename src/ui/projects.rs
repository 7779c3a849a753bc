//! 项目库: the projects of all plans, searchable, filterable and sortable, with totals.

use crate::domain::dataset::{Dataset, Plan, Project};
use crate::domain::format::{fmt_count, fmt_wan, group_decimal, Lang};
use crate::domain::projects::{
    categories, filter, page_count, page_range, parse_bound, project_years, sort, toggle, totals, townships, years, Direction,
    ProjectFilter, ProjectRef, Sort, SortKey, PAGE_SIZE,
};
use crate::domain::export::{Cell, Table};
use crate::ui::export_menu::ExportMenu;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;
use std::sync::Arc;

fn plan_name(plan: &Plan, lang: Lang) -> String {
    lang.pick(&plan.name_zh, &plan.name_en).to_string()
}

fn years_text(p: &Project) -> String {
    match project_years(p) {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => "—".into(),
    }
}

fn place_text(p: &Project) -> String {
    match (&p.township_zh, &p.village_zh) {
        (Some(t), Some(v)) => format!("{t} · {v}"),
        (Some(x), None) | (None, Some(x)) => x.clone(),
        (None, None) => "—".into(),
    }
}

/// Every row the filters let through (all pages), in the order shown, as numbers to export.
fn export_table(t: &Text, lang: Lang, dataset: &Dataset, rows: &[ProjectRef]) -> Table {
    let headers = vec![
        t.projects_plan.to_string(),
        t.projects_name.to_string(),
        t.projects_category.to_string(),
        t.projects_township.to_string(),
        t.export_village.to_string(),
        t.export_year_start.to_string(),
        t.export_year_end.to_string(),
        t.projects_amount.to_string(),
        t.projects_beneficiaries.to_string(),
        t.export_households.to_string(),
        t.projects_funding_source.to_string(),
    ];
    let rows = rows
        .iter()
        .filter_map(|r| r.get(dataset))
        .map(|(plan, p)| {
            let span = project_years(p);
            vec![
                Cell::text(plan_name(plan, lang)),
                Cell::text(p.name_zh.clone()),
                Cell::opt_text(p.category_zh.as_deref()),
                Cell::opt_text(p.township_zh.as_deref()),
                Cell::opt_text(p.village_zh.as_deref()),
                Cell::count(span.map(|s| s.0 as i64)),
                Cell::count(span.map(|s| s.1 as i64)),
                Cell::number(p.amount_wan_yuan),
                Cell::count(p.beneficiary_people),
                Cell::count(p.beneficiary_households),
                Cell::opt_text(p.funding_source_zh.as_deref()),
            ]
        })
        .collect();
    Table { title: t.view_projects.to_string(), headers, rows }
}

/// Drops a chosen option that the newly chosen plan does not have.
fn keep_if_listed<T: PartialEq>(chosen: &mut Option<T>, listed: &[T]) {
    if chosen.as_ref().is_some_and(|c| !listed.contains(c)) {
        *chosen = None;
    }
}

#[component]
fn Row(dataset: Arc<Dataset>, r: ProjectRef) -> impl IntoView {
    let state = use_app();
    let Some((plan, p)) = r.get(&dataset) else { return ().into_any() };
    let lang = state.lang();
    let t = state.t();
    // The table shows 万元 as printed, so a column of amounts reads and adds up at a glance.
    let amount_cell = match p.amount_wan_yuan {
        Some(w) => view! {
            <Figure plan_id=plan.id.clone() label=format!("{} · {}", p.name_zh, t.projects_amount) value=group_decimal(w) number=Some(w) lines=p.lines.clone() />
        }
        .into_any(),
        None => view! { <span class="muted" title=t.unknown>"—"</span> }.into_any(),
    };
    let people = match p.beneficiary_people {
        Some(n) => {
            let label = format!("{} · {}", p.name_zh, t.projects_beneficiaries);
            let households = p.beneficiary_households.map(|h| format!(" ({} {})", fmt_count(h, lang), t.households_unit));
            view! {
                <Figure plan_id=plan.id.clone() label=label value=fmt_count(n, lang) number=Some(n as f64) lines=p.lines.clone() />
                {households.map(|h| view! { <span class="muted small">{h}</span> })}
            }
            .into_any()
        }
        None => view! { <span class="muted">"—"</span> }.into_any(),
    };
    view! {
        <tr data-plan=plan.id.clone()>
            <td class="plan-cell">{plan_name(plan, lang)}</td>
            <td class="name-cell" data-content="" lang="zh-CN">
                <Figure plan_id=plan.id.clone() label=plan_name(plan, lang) value=p.name_zh.clone() lines=p.lines.clone() />
            </td>
            <td class="category-cell" data-content="" lang="zh-CN">{p.category_zh.clone().unwrap_or_else(|| "—".into())}</td>
            <td data-content="" lang="zh-CN">{place_text(p)}</td>
            <td class="numeric years">{years_text(p)}</td>
            <td class="numeric amount">{amount_cell}</td>
            <td class="numeric">{people}</td>
            <td class="source-cell" data-content="" lang="zh-CN">{p.funding_source_zh.clone().unwrap_or_else(|| "—".into())}</td>
        </tr>
    }
    .into_any()
}

const COLUMNS: [(Option<SortKey>, bool); 8] = [
    (Some(SortKey::Plan), false),
    (Some(SortKey::Name), false),
    (Some(SortKey::Category), false),
    (Some(SortKey::Township), false),
    (Some(SortKey::Years), true),
    (Some(SortKey::Amount), true),
    (Some(SortKey::Beneficiaries), true),
    (None, false),
];

fn column_label(t: &Text, i: usize) -> &'static str {
    [
        t.projects_plan,
        t.projects_name,
        t.projects_category,
        t.projects_place,
        t.projects_years,
        t.projects_amount,
        t.projects_beneficiaries,
        t.projects_funding_source,
    ][i]
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let state = use_app();
    let chosen = RwSignal::new(ProjectFilter::default());
    let order: RwSignal<Option<Sort>> = RwSignal::new(None);
    let page = RwSignal::new(0usize);
    let bad_min = RwSignal::new(false);
    let bad_max = RwSignal::new(false);

    // Any change of what is shown starts again on the first page.
    let set_filter = move |change: &dyn Fn(&mut ProjectFilter)| {
        chosen.update(|f| change(f));
        page.set(0);
    };

    let rows = Memo::new(move |_| {
        let Some(dataset) = state.dataset() else { return Vec::new() };
        let mut rows = chosen.with(|f| filter(&dataset, f));
        if let Some(s) = order.get() {
            sort(&dataset, &mut rows, s);
        }
        rows
    });

    let on_plan = move |ev| {
        let value = event_target_value(&ev);
        let Some(dataset) = state.dataset() else { return };
        let plan_id = (!value.is_empty()).then_some(value);
        set_filter(&|f| {
            f.plan_id = plan_id.clone();
            keep_if_listed(&mut f.category, &categories(&dataset, plan_id.as_deref()));
            keep_if_listed(&mut f.township, &townships(&dataset, plan_id.as_deref()));
            keep_if_listed(&mut f.year, &years(&dataset, plan_id.as_deref()));
        });
    };
    let on_category = move |ev| {
        let v = event_target_value(&ev);
        set_filter(&|f| f.category = (!v.is_empty()).then(|| v.clone()));
    };
    let on_township = move |ev| {
        let v = event_target_value(&ev);
        set_filter(&|f| f.township = (!v.is_empty()).then(|| v.clone()));
    };
    let on_year = move |ev| {
        let v = event_target_value(&ev).parse::<i32>().ok();
        set_filter(&|f| f.year = v);
    };
    let on_query = move |ev| {
        let v = event_target_value(&ev);
        set_filter(&|f| f.query = v.clone());
    };
    let on_bound = move |is_min: bool, text: String| {
        let parsed = parse_bound(&text);
        let bad = if is_min { bad_min } else { bad_max };
        bad.set(parsed.is_err());
        let bound = parsed.unwrap_or(None);
        set_filter(&|f| if is_min { f.min_wan = bound } else { f.max_wan = bound });
    };
    let min_ref = NodeRef::<leptos::html::Input>::new();
    let max_ref = NodeRef::<leptos::html::Input>::new();
    let search_ref = NodeRef::<leptos::html::Input>::new();
    let clear = move |_| {
        set_filter(&|f| *f = ProjectFilter::default());
        order.set(None);
        bad_min.set(false);
        bad_max.set(false);
        for r in [min_ref, max_ref, search_ref] {
            if let Some(el) = r.get_untracked() {
                el.set_value("");
            }
        }
    };

    let options = move |list: Vec<String>, current: Option<String>| {
        let t = state.t();
        let all = view! { <option value="" selected=current.is_none()>{t.projects_all}</option> };
        let items = list
            .into_iter()
            .map(|v| {
                let selected = current.as_deref() == Some(v.as_str());
                let shown = v.clone();
                view! { <option value=v selected=selected>{shown}</option> }
            })
            .collect_view();
        view! { {all}{items} }
    };
    let plan_options = move || {
        let dataset = state.dataset()?;
        let lang = state.lang();
        let current = chosen.with(|f| f.plan_id.clone());
        let all = view! { <option value="" selected=current.is_none()>{state.t().projects_all}</option> };
        let items = dataset
            .plans
            .iter()
            .map(|p| view! { <option value=p.id.clone() selected=current.as_deref() == Some(p.id.as_str())>{plan_name(p, lang)}</option> })
            .collect_view();
        Some(view! { {all}{items} })
    };
    let category_options = move || {
        let dataset = state.dataset()?;
        let (plan, current) = chosen.with(|f| (f.plan_id.clone(), f.category.clone()));
        Some(options(categories(&dataset, plan.as_deref()), current))
    };
    let township_options = move || {
        let dataset = state.dataset()?;
        let (plan, current) = chosen.with(|f| (f.plan_id.clone(), f.township.clone()));
        Some(options(townships(&dataset, plan.as_deref()), current))
    };
    let year_options = move || {
        let dataset = state.dataset()?;
        let (plan, current) = chosen.with(|f| (f.plan_id.clone(), f.year));
        let list = years(&dataset, plan.as_deref()).into_iter().map(|y| y.to_string()).collect();
        Some(options(list, current.map(|y| y.to_string())))
    };
    let no_townships = move || state.dataset().is_some_and(|d| chosen.with(|f| townships(&d, f.plan_id.as_deref()).is_empty()));

    let head = move || {
        let t = state.t();
        let current = order.get();
        COLUMNS
            .iter()
            .enumerate()
            .map(|(i, &(key, numeric))| {
                let label = column_label(t, i);
                let Some(key) = key else {
                    return view! { <th scope="col">{label}</th> }.into_any();
                };
                let (aria, mark) = match current {
                    Some(s) if s.key == key && s.direction == Direction::Ascending => ("ascending", "▲"),
                    Some(s) if s.key == key => ("descending", "▼"),
                    _ => ("none", "↕"),
                };
                view! {
                    <th scope="col" class:numeric=numeric aria-sort=aria>
                        <button class="sort" id=format!("sort-{i}") title=t.projects_sort on:click=move |_| {
                            order.update(|o| *o = Some(toggle(*o, key)));
                            page.set(0);
                        }>
                            {label}<span class="sort-mark" class:active=aria != "none" aria-hidden="true">{mark}</span>
                        </button>
                    </th>
                }
                .into_any()
            })
            .collect_view()
    };

    let totals_row = move || {
        let dataset = state.dataset()?;
        let t = state.t();
        let lang = state.lang();
        let sum = rows.with(|r| totals(&dataset, r));
        let exact = group_decimal(sum.amount.as_wan());
        let exact_raw = exact.replace(',', "");
        Some(view! {
            <tr class="totals" id="projects-totals">
                <th scope="row" colspan="5" id="projects-count" data-count=sum.count>{t.projects_total_rows.replace("{n}", &fmt_count(sum.count as i64, lang))}</th>
                <td class="numeric">
                    <strong id="projects-total-amount">{fmt_wan(sum.amount.as_wan(), lang)}</strong>
                    <span class="exact" id="projects-total-exact" data-wan=exact_raw>{exact}</span>
                </td>
                <td colspan="2" id="projects-without-amount" data-count=sum.without_amount>
                    {(sum.without_amount != 0).then(|| t.projects_without_amount.replace("{n}", &sum.without_amount.to_string()))}
                </td>
            </tr>
        })
    };

    let body = move || {
        let dataset = state.dataset()?;
        let _ = state.lang();
        let t = state.t();
        let all = rows.get();
        if all.is_empty() {
            return Some(view! { <tr><td colspan="8" class="muted empty" id="projects-none">{t.projects_none}</td></tr> }.into_any());
        }
        let range = page_range(all.len(), page.get(), PAGE_SIZE);
        Some(all[range].iter().map(|&r| view! { <Row dataset=dataset.clone() r=r /> }).collect_view().into_any())
    };

    let pager = move || {
        let t = state.t();
        let len = rows.with(Vec::len);
        let pages = page_count(len, PAGE_SIZE);
        if pages <= 1 {
            return None;
        }
        let current = page.get().min(pages - 1);
        let range = page_range(len, current, PAGE_SIZE);
        let label = t.projects_page.replace("{a}", &(range.start + 1).to_string()).replace("{b}", &range.end.to_string()).replace("{n}", &len.to_string());
        Some(view! {
            <nav class="pager" aria-label=label.clone()>
                <button class="secondary" id="projects-prev" disabled={current == 0} on:click=move |_| page.set(current.saturating_sub(1))>{t.projects_prev}</button>
                <span id="projects-page">{label.clone()}</span>
                <button class="secondary" id="projects-next" disabled={current + 1 >= pages} on:click=move |_| page.set(current + 1)>{t.projects_next}</button>
            </nav>
        })
    };

    let t = move || state.t();
    view! {
        <section id="projects-page">
            <h2 class="page-title">{move || t().view_projects}</h2>
            <p class="hint">{move || t().projects_intro}</p>
            <div class="project-filters">
                <label class="pfield wide">
                    <span>{move || t().projects_search}</span>
                    <input type="search" id="project-search" node_ref=search_ref placeholder=move || t().projects_search_placeholder on:input=on_query />
                </label>
                <label class="pfield">
                    <span>{move || t().projects_plan}</span>
                    <select id="project-plan" on:change=on_plan>{plan_options}</select>
                </label>
                <label class="pfield">
                    <span>{move || t().projects_category}</span>
                    <select id="project-category" on:change=on_category>{category_options}</select>
                </label>
                <label class="pfield">
                    <span>{move || t().projects_township}</span>
                    <select id="project-township" on:change=on_township disabled=no_townships>{township_options}</select>
                </label>
                <label class="pfield">
                    <span>{move || t().projects_year}</span>
                    <select id="project-year" on:change=on_year>{year_options}</select>
                </label>
                <div class="pfield" role="group" aria-labelledby="amount-label">
                    <span id="amount-label">{move || t().projects_amount_range}</span>
                    <span class="range">
                        <input type="number" id="project-min" node_ref=min_ref min="0" step="any" inputmode="decimal"
                            placeholder=move || t().projects_min_short aria-label=move || t().projects_min
                            aria-invalid=move || bad_min.get().to_string() on:input=move |ev| on_bound(true, event_target_value(&ev)) />
                        "–"
                        <input type="number" id="project-max" node_ref=max_ref min="0" step="any" inputmode="decimal"
                            placeholder=move || t().projects_max_short aria-label=move || t().projects_max
                            aria-invalid=move || bad_max.get().to_string() on:input=move |ev| on_bound(false, event_target_value(&ev)) />
                    </span>
                    {move || (bad_min.get() || bad_max.get()).then(|| view! { <span class="pfield-error" role="alert">{t().projects_bad_amount}</span> })}
                </div>
                <button class="secondary clear" id="project-clear" on:click=clear>{move || t().projects_clear}</button>
            </div>
            {
                let name = Signal::derive(move || {
                    let plan = chosen.with(|f| f.plan_id.clone()).and_then(|id| state.dataset()?.plan(&id).map(|p| plan_name(p, state.lang())));
                    [Some(t().view_projects.to_string()), plan].into_iter().flatten().collect()
                });
                let numbers = Signal::derive(move || {
                    let Some(dataset) = state.dataset() else { return Table::default() };
                    rows.with(|r| export_table(state.t(), state.lang(), &dataset, r))
                });
                view! { <ExportMenu name=name table=numbers /> }
            }
            <div class="table-scroll">
                <table class="projects" id="projects-table">
                    <thead>
                        <tr>{head}</tr>
                        {totals_row}
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {pager}
        </section>
    }
}
