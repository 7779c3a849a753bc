//! The app shell: state, loading, and the page for the chosen plan.

use crate::domain::dataset::Plan;
use crate::domain::route::View;
use crate::ui::banner::StorageBanner;
use crate::ui::checks_page::ChecksPage;
use crate::ui::compare::ComparePage;
use crate::ui::header::Header;
use crate::ui::part::{show, Build};
use crate::ui::persist;
use crate::ui::plan_page::PlanPage;
use crate::ui::present::PresentPage;
use crate::ui::projects::ProjectsPage;
use crate::ui::source_panel::SourcePanel;
use crate::ui::state::{AppState, Loading};
use leptos::prelude::*;
use std::sync::Arc;

// The pages besides the plan page, each fetched when first opened.
crate::part!(present_part: Build<Arc<Plan>> = |plan| view! { <PresentPage plan=plan /> }.into_any());
crate::part!(compare_part: Build<()> = |()| view! { <ComparePage /> }.into_any());
crate::part!(projects_part: Build<()> = |()| view! { <ProjectsPage /> }.into_any());
crate::part!(checks_part: Build<()> = |()| view! { <ChecksPage /> }.into_any());

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    persist::load_workspace(state);
    persist::install_autosave(state);
    crate::ui::routing::install_routing(state);
    crate::ui::routing::install_link_scenarios(state);
    crate::ui::keyboard::install_shortcuts(state);
    leptos::task::spawn_local(persist::load_dataset(state));

    // Keep <html lang> true to the language shown, for screen readers and fonts.
    Effect::new(move |_| {
        let code = if state.lang() == crate::domain::format::Lang::Zh { "zh-CN" } else { "en" };
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", code);
        }
        document().set_title(state.t().app_title);
    });

    let main = move || match state.loading.get() {
        Loading::Pending => view! { <p class="loading" id="loading">{state.t().loading}</p> }.into_any(),
        Loading::Failed { zh, en } => {
            let detail = state.lang().pick(&zh, &en).to_string();
            view! {
                <div class="banner error" role="alert" id="load-error">
                    <p>{state.t().load_failed}</p>
                    <p class="detail">{detail}</p>
                </div>
            }
            .into_any()
        }
        Loading::Ready(_) => {
            // Re-render a page only when the view or the plan changes, not on every edit.
            let place = Memo::new(move |_| (state.route.with(|r| r.view.clone()), state.plan_id()));
            let now = Signal::stored(true);
            (move || match place.get().0 {
                View::Plan => state.plan().map(|plan| view! { <PlanPage plan=plan /> }).into_any(),
                View::Present => state.plan().map(|plan| show("present-loading", now, present_part, plan)).into_any(),
                View::Compare => show("compare-loading", now, compare_part, ()).into_any(),
                View::Projects => show("projects-loading", now, projects_part, ()).into_any(),
                View::Checks => show("checks-loading", now, checks_part, ()).into_any(),
            })
            .into_any()
        }
    };

    view! {
        <Header />
        <StorageBanner />
        {move || state.notice.get().map(|n| {
            let msg = state.lang().pick(&n.zh, &n.en).to_string();
            let class = if n.error { "banner error" } else { "banner info" };
            view! {
                <div class=class role="status" id="notice">
                    <span class="notice-text">{msg}</span>
                    <button class="close" aria-label=state.t().close on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
        })}
        <crate::ui::unapplied::UnappliedEdits />
        <main id="main">{main}</main>
        <SourcePanel />
        <crate::ui::toast::Toast />
    }
}
