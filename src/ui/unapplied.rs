//! Edits kept in the user's scenarios that the current dataset cannot apply (after a dataset
//! update or an import): listed, never silently dropped.

use crate::domain::format::Lang;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UnappliedEdits() -> impl IntoView {
    let state = use_app();
    move || {
        let dataset = state.dataset()?;
        let list = state.workspace.with(|w| w.reconcile(&dataset));
        if list.is_empty() {
            return None;
        }
        let lang = state.lang();
        let items = list
            .into_iter()
            .map(|u| {
                let what = match lang {
                    Lang::Zh => u.zh,
                    Lang::En => u.en,
                };
                view! { <li><strong>{u.scenario}</strong>": "{what}</li> }
            })
            .collect_view();
        Some(view! {
            <div class="banner warning" role="status" id="unapplied">
                <p>{state.t().unapplied_title}</p>
                <ul>{items}</ul>
            </div>
        })
    }
}
