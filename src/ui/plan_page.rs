//! One plan: title, headline cards, charts, the what-if editor and its data checks.

use crate::domain::dataset::{ExitRow, Level, Plan};
use crate::domain::format::Lang;
use crate::ui::budget_panel::BudgetPanel;
use crate::ui::cards::Cards;
use crate::ui::charts_panel::ChartsPanel;
use crate::ui::checks_list::ChecksList;
use crate::ui::consequences::Consequences;
use crate::ui::counties::CountiesPanel;
use crate::ui::county_moves::CountyMoves;
use crate::ui::scenario_compare::ScenarioCompare;
use crate::ui::state::use_app;
use crate::ui::whatif::WhatIf;
use leptos::prelude::*;
use std::sync::Arc;

/// The placeholder of the sections below the charts, and their name in `part::loaded`.
pub const BELOW: &str = "below-loading";

type BelowArgs = (Arc<Plan>, Memo<Vec<ExitRow>>);

crate::part!(
    /// The sections below the charts: the what-if editor and everything that answers it.
    below_part: crate::ui::part::Build<BelowArgs> = below_sections
);

fn below_sections((plan, rows): BelowArgs) -> AnyView {
    let compare_with = RwSignal::new(None::<String>);
    let province = plan.level == Level::Province;
    view! {
        {province.then(|| view! { <CountiesPanel plan=plan.clone() /> })}
        <WhatIf plan=plan.clone() rows=rows compare_with=compare_with />
        {province.then(|| view! { <CountyMoves plan=plan.clone() /> })}
        <ScenarioCompare plan=plan.clone() compare_with=compare_with />
        <Consequences plan=plan.clone() rows=rows />
        <BudgetPanel plan=plan.clone() />
        <ChecksList plan=plan />
    }
    .into_any()
}

#[component]
pub fn PlanPage(plan: Arc<Plan>) -> impl IntoView {
    let state = use_app();
    let rows = {
        let plan = plan.clone();
        Memo::new(move |_| state.scenario_of(&plan.id).map(|s| s.apply(&plan).rows).unwrap_or_else(|| plan.exit_schedule.clone()))
    };
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
    // The heading, cards and charts are built and painted first. The sections below them follow
    // in the next frame if their code is here, else once they are about to scroll into view (it
    // is then fetched: the first load carries only what it shows).
    let below_ref = NodeRef::<leptos::html::Div>::new();
    let near = crate::ui::visible::near_screen(below_ref);
    let next_frame = RwSignal::new(false);
    request_animation_frame(move || request_animation_frame(move || next_frame.set(true)));
    // Also once the offline copy has the code (a print from the browser's menu cannot wait for it).
    let wanted = Signal::derive(move || {
        next_frame.get() && (crate::ui::part::loaded(BELOW) || near.get() || state.printing.get() || state.parts_cached.get())
    });
    let below = crate::ui::part::show(BELOW, wanted, below_part, (plan.clone(), rows));
    view! {
        <article class="plan-page" data-plan=plan_id>
            <div class="plan-heading">{heading}</div>
            <Cards plan=plan.clone() />
            <ChartsPanel plan=plan.clone() rows=rows />
            <div class="below" node_ref=below_ref>
                // On paper only, and only while the sections are not here (style.css).
                <p class="below-not-printed">{move || state.t().part_not_printed}</p>
                {below}
            </div>
        </article>
    }
}
