//! Title, plan picker and language switch.

use crate::domain::dataset::Level;
use crate::domain::format::Lang;
use crate::ui::state::use_app;
use leptos::prelude::*;

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
        let current = state.plan().map(|p| p.id);
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
                            on:click=move |_| state.workspace.update(|w| w.plan_id = Some(id.clone()))
                        >
                            {name}
                            {(!level.is_empty()).then(|| view! { <span class="tag">{level}</span> })}
                        </button>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || state.t().app_title}</h1>
                <span class="subtitle">{move || state.t().app_subtitle}</span>
            </div>
            <nav class="plan-picker" aria-label=move || state.t().plans>{picker}</nav>
            <button class="lang" id="lang-toggle" title=move || state.t().switch_lang_label on:click=toggle_lang>
                {move || state.t().switch_lang}
            </button>
        </header>
    }
}
