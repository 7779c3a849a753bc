//! Title, plan picker and language switch.

use crate::domain::dataset::{Dataset, Level};
use crate::domain::format::Lang;
use crate::domain::route::View;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Up to this many plans are shown as buttons; more (a national dataset) get one drop-down,
/// which keeps the header one line high instead of pages of buttons.
const PLAN_TABS_MAX: usize = 12;

fn plan_select(dataset: &Dataset, current: Option<String>, lang: Lang) -> impl IntoView {
    let state = use_app();
    let t = state.t();
    let options = dataset
        .plans
        .iter()
        .map(|p| {
            let name = lang.pick(&p.name_zh, &p.name_en).to_string();
            let label = match &p.province_zh {
                Some(province) if p.level == Level::County => format!("{name}（{province}）"),
                _ => name,
            };
            view! { <option value=p.id.clone() selected=current.as_deref() == Some(p.id.as_str())>{label}</option> }
        })
        .collect_view();
    view! {
        <select
            id="plan-select"
            class="plan-select"
            aria-label=t.plans
            on:change=move |ev| state.choose_plan(&event_target_value(&ev))
        >
            {current.is_none().then(|| view! { <option value="" selected=true disabled=true>{t.choose_plan}</option> })}
            {options}
        </select>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let toggle_lang = move |_| {
        state.workspace.update(|w| {
            w.lang = match w.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        })
    };
    let picker = move || {
        let dataset = state.dataset()?;
        let lang = state.lang();
        // A plan tab is marked only where one plan is shown.
        let per_plan = state.route.with(|r| matches!(r.view, View::Plan | View::Present));
        let current = state.plan_id().filter(|_| per_plan);
        if dataset.plans.len() > PLAN_TABS_MAX {
            return Some(plan_select(&dataset, current, lang).into_any());
        }
        Some(
            dataset
                .plans
                .iter()
                .map(|p| {
                    let id = p.id.clone();
                    let selected = current.as_deref() == Some(p.id.as_str());
                    let name = match lang {
                        Lang::Zh => p.name_zh.clone(),
                        Lang::En => p.name_en.clone(),
                    };
                    let level = match (p.level, lang) {
                        (Level::Province, Lang::Zh) => "省",
                        (Level::Province, Lang::En) => "province",
                        _ => "",
                    };
                    view! {
                        <button
                            class="plan-tab"
                            class:selected=selected
                            id=format!("plan-{}", p.id)
                            aria-pressed=selected.to_string()
                            on:click=move |_| state.choose_plan(&id)
                        >
                            {name}
                            {(!level.is_empty()).then(|| view! { <span class="tag">{level}</span> })}
                        </button>
                    }
                })
                .collect_view()
                .into_any(),
        )
    };
    let tabs = move || {
        let t = state.t();
        let current = state.route.with(|r| r.view.clone());
        [(View::Plan, t.view_plan), (View::Compare, t.view_compare), (View::Projects, t.view_projects), (View::Checks, t.view_checks), (View::Present, t.view_present)]
            .into_iter()
            .map(|(view, label)| {
                let selected = current == view;
                let id = format!("view-{}", view.slug());
                view! {
                    <button class="view-tab" class:selected=selected id=id aria-current=selected.then_some("page") on:click=move |_| state.go(view.clone())>
                        {label}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || state.t().app_title}</h1>
                <span class="subtitle">{move || state.t().app_subtitle}</span>
                <crate::ui::offline::OfflineBadge />
            </div>
            <nav class="view-tabs" aria-label=move || state.t().views>{tabs}</nav>
            <div class="header-tools">
            <crate::ui::data_menu::DataMenu />
            <button class="lang" id="lang-toggle" title=move || state.t().switch_lang_label on:click=toggle_lang>
                // Named in its own language, and marked so, for screen readers.
                <span lang=move || if state.lang() == Lang::Zh { "en" } else { "zh-CN" }>{move || state.t().switch_lang}</span>
            </button>
            </div>
            <nav class="plan-picker" aria-label=move || state.t().plans>
                <span class="picker-label">{move || state.t().plans}</span>
                {picker}
            </nav>
        </header>
    }
}
