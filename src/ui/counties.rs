//! A province plan's poor counties, one column per exit year, checked against the exit schedule's
//! county counts, searchable by name; a county whose own plan is here opens it.

use crate::domain::compare::{counties_by_exit_year, county_matches, own_plan_id, CountyGroup};
use crate::domain::dataset::{County, Plan};
use crate::domain::format::Lang;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;

/// The plan's tag in a short form for a badge, translated where it is a known category.
fn tag_label(t: &'static Text, tag: &str) -> String {
    let known = [
        ("国家级扶贫开发工作重点县", t.tag_national_key),
        ("省级扶贫开发工作重点县", t.tag_provincial_key),
        ("片区县", t.tag_contiguous),
        ("吕梁山集中连片特困地区", t.tag_lvliang),
        ("燕山-太行山集中连片特困地区", t.tag_yanshan),
    ];
    known.iter().find(|(zh, _)| *zh == tag).map_or_else(|| tag.to_string(), |(_, label)| label.to_string())
}

fn tag_class(tag: &str) -> &'static str {
    if tag.starts_with("国家级") {
        "tag-badge national"
    } else if tag.starts_with("省级") {
        "tag-badge provincial"
    } else {
        "tag-badge area"
    }
}

fn county_item(t: &'static Text, lang: Lang, plan: &Plan, county: &County, own_plan: Option<String>) -> impl IntoView {
    let state = use_app();
    let name = match lang {
        Lang::Zh => county.name_zh.clone(),
        Lang::En => county.name_en.clone().unwrap_or_else(|| county.name_zh.clone()),
    };
    let label = format!("{} · {}", lang.pick(&plan.name_zh, &plan.name_en), t.counties_title);
    let badges = county
        .tags_zh
        .iter()
        .map(|tag| view! { <span class=tag_class(tag) title=tag.clone() data-content="">{tag_label(t, tag)}</span> })
        .collect_view();
    let open = own_plan.map(|id| {
        let target = id.clone();
        view! {
            <button class="open-plan" data-plan-link=id on:click=move |_| state.choose_plan(&target)>
                {t.open_plan}" →"
            </button>
        }
    });
    view! {
        <li class="county" data-county=county.name_zh.clone()>
            <span class="county-name" data-content=""><Figure plan_id=plan.id.clone() label=label value=name lines=county.lines.clone() /></span>
            <span class="county-tags">{badges}</span>
            {open}
        </li>
    }
}

fn group_column(plan: std::sync::Arc<Plan>, group: CountyGroup, query: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let year_attr = group.year.map_or_else(|| "none".to_string(), |y| y.to_string());
    let total = group.counties.len();
    let matches = group.matches_schedule();
    let heading = {
        let year = group.year;
        move || {
            let t = state.t();
            year.map_or_else(|| t.counties_no_year.to_string(), |y| format!("{y}{}", t.year_suffix))
        }
    };
    let counted = group.counties.clone();
    let count = move || {
        let q = query.get();
        let shown = counted.iter().filter(|c| county_matches(c, &q)).count();
        let n = if q.trim().is_empty() { total.to_string() } else { format!("{shown} / {total}") };
        view! { <strong class="count-num">{n}</strong>" "{state.t().counties_count_unit} }
    };
    let plan_list = plan.clone();
    let group_list = group.clone();
    let list = move || {
        let t = state.t();
        let lang = state.lang();
        let dataset = state.dataset();
        let q = query.get();
        group_list
            .counties
            .iter()
            .filter(|c| county_matches(c, &q))
            .map(|c| {
                let own = dataset.as_ref().and_then(|d| own_plan_id(d, c).map(str::to_string));
                county_item(t, lang, &plan_list, c, own)
            })
            .collect_view()
    };
    let schedule = {
        let plan_id = plan.id.clone();
        let plan_names = (plan.name_zh.clone(), plan.name_en.clone());
        move || {
            let t = state.t();
            let lang = state.lang();
            let year = group.year?;
            let label = format!("{} · {} · {year}{}", lang.pick(&plan_names.0, &plan_names.1), t.counties_schedule, t.year_suffix);
            let value = group.scheduled.map_or_else(|| t.unknown.to_string(), |n| format!("{n} {}", t.counties_count_unit));
            Some(view! {
                <p class="county-schedule" class:mismatch=!matches>
                    <span class="mark" aria-hidden="true">{if matches { "✓" } else { "⚠" }}</span>
                    {if matches { t.counties_match } else { t.counties_schedule }}{t.colon}
                    <Figure plan_id=plan_id.clone() label=label value=value number=group.scheduled.map(|n| n as f64) lines=group.schedule_lines.clone() />
                </p>
            })
        }
    };
    view! {
        <div class="county-col" data-year=year_attr data-count=total.to_string() class:mismatch=!matches>
            <h3>
                <span class="county-year">{heading}</span>
                <span class="county-count">{count}</span>
            </h3>
            {schedule}
            <ul class="county-list">{list}</ul>
        </div>
    }
}

#[component]
pub fn CountiesPanel(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let groups = counties_by_exit_year(&plan);
    let mismatches: Vec<(Option<i32>, usize, Option<i64>)> =
        groups.iter().filter(|g| !g.matches_schedule()).map(|g| (g.year, g.counties.len(), g.scheduled)).collect();
    let total = plan.counties.len();
    let names = (plan.name_zh.clone(), plan.name_en.clone());
    let heading = move || {
        let t = state.t();
        format!("{} · {} · {total} {}", state.lang().pick(&names.0, &names.1), t.counties_title, t.counties_count_unit)
    };
    let warning = (!mismatches.is_empty()).then(|| {
        move || {
            let t = state.t();
            let detail = mismatches
                .iter()
                .map(|(year, listed, scheduled)| {
                    let year = year.map_or_else(|| t.counties_no_year.to_string(), |y| format!("{y}{}", t.year_suffix));
                    let scheduled = scheduled.map_or_else(|| t.unknown.to_string(), |n| n.to_string());
                    format!("{year}{}{} {listed} · {} {scheduled}", t.colon, t.counties_listed, t.counties_schedule)
                })
                .collect::<Vec<_>>()
                .join(t.list_sep);
            view! { <p class="banner warning county-warning" role="alert">"⚠ "{t.counties_mismatch}{t.colon}{detail}</p> }
        }
    });
    let none_found = {
        let counties = plan.counties.clone();
        move || {
            let q = query.get();
            (!counties.iter().any(|c| county_matches(c, &q))).then(|| view! { <p class="muted">{state.t().counties_none_found}</p> })
        }
    };
    // Wider columns for years with more counties, so the columns end at about the same height.
    let widths = groups.iter().map(|g| format!("minmax(280px, {}fr)", g.counties.len().max(6))).collect::<Vec<_>>().join(" ");
    let columns = groups.into_iter().map(|g| group_column(plan.clone(), g, query)).collect_view();
    view! {
        <section class="counties" id="counties-panel" data-plan=plan.id.clone()>
            <div class="section-head">
                <h2>{heading}</h2>
                <label class="county-search">
                    <span class="search-icon" aria-hidden="true">"⌕"</span>
                    <input
                        type="search"
                        id="county-search"
                        placeholder=move || state.t().counties_search
                        aria-label=move || state.t().counties_search
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </label>
            </div>
            <p class="hint">{move || state.t().counties_hint}</p>
            {warning}
            {none_found}
            <div class="county-columns" style=format!("--county-cols: {widths}")>{columns}</div>
        </section>
    }
}
