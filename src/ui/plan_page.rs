//! One plan: title, headline cards, charts, the what-if editor and its data checks.

use crate::domain::dataset::{Level, Plan};
use crate::domain::format::Lang;
use crate::ui::cards::Cards;
use crate::ui::charts_panel::ChartsPanel;
use crate::ui::checks_list::ChecksList;
use crate::ui::counties::CountiesPanel;
use crate::ui::state::use_app;
use crate::ui::budget_panel::BudgetPanel;
use crate::ui::consequences::Consequences;
use crate::ui::whatif::WhatIf;
use leptos::prelude::*;

#[component]
pub fn PlanPage(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let rows = {
        let plan = plan.clone();
        Memo::new(move |_| state.scenario_of(&plan.id).map(|s| s.apply(&plan).rows).unwrap_or_else(|| plan.exit_schedule.clone()))
    };
    let compare_with = RwSignal::new(None::<String>);
    let heading = {
        let plan = plan.clone();
        move || {
            let t = state.t();
            let lang = state.lang();
            let level = match plan.level {
                Level::County => t.county,
                Level::Province => t.province,
            };
            let name = match lang {
                Lang::Zh => plan.name_zh.clone(),
                Lang::En => plan.name_en.clone(),
            };
            view! {
                <h2 class="plan-name" id="plan-name">{name}</h2>
                <p class="plan-meta">
                    <span data-content="" lang="zh-CN">{plan.title_zh.clone()}</span>
                    " · "{level}
                    {plan.province_zh.clone().map(|p| view! { " · " <span data-content="" lang="zh-CN">{p}</span> })}
                    " · "{t.period}" "{plan.period[0]}"–"{plan.period[1]}
                    " · "{t.source}" "<code data-content="">{plan.source_file.clone()}</code>
                </p>
            }
        }
    };
    let plan_id = plan.id.clone();
    // The heading, cards and charts are built and painted first; the sections below them follow
    // in the next frame, so that opening or switching a plan shows its charts without waiting.
    let below_ready = RwSignal::new(false);
    request_animation_frame(move || request_animation_frame(move || below_ready.set(true)));
    let below = {
        let plan = plan.clone();
        move || {
            below_ready.get().then(|| {
                let plan = plan.clone();
                view! {
                    {(plan.level == Level::Province).then(|| view! { <CountiesPanel plan=plan.clone() /> })}
                    <WhatIf plan=plan.clone() rows=rows compare_with=compare_with />
                    {(plan.level == Level::Province).then(|| view! { <crate::ui::county_moves::CountyMoves plan=plan.clone() /> })}
                    <crate::ui::scenario_compare::ScenarioCompare plan=plan.clone() compare_with=compare_with />
                    <Consequences plan=plan.clone() rows=rows />
                    <BudgetPanel plan=plan.clone() />
                    <ChecksList plan=plan />
                }
            })
        }
    };
    view! {
        <article class="plan-page" data-plan=plan_id>
            <div class="plan-heading">{heading}</div>
            <Cards plan=plan.clone() />
            <ChartsPanel plan=plan.clone() rows=rows />
            {below}
        </article>
    }
}
