//! The app shell: state, loading, and the page for the chosen plan.

use crate::ui::banner::StorageBanner;
use crate::ui::header::Header;
use crate::ui::persist;
use crate::ui::plan_page::PlanPage;
use crate::ui::source_panel::SourcePanel;
use crate::ui::state::{AppState, Loading};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    persist::load_workspace(state);
    persist::install_autosave(state);
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
            // Re-render the page only when the plan changes, not on every edit.
            let plan_id = Memo::new(move |_| state.plan().map(|p| p.id));
            (move || {
                let _ = plan_id.get();
                state.plan().map(|plan| view! { <PlanPage plan=plan /> })
            })
            .into_any()
        }
    };

    view! {
        <Header />
        <StorageBanner />
        <main id="main">{main}</main>
        <SourcePanel />
    }
}
