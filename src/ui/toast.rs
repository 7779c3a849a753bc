//! A short notice with an undo button, e.g. after deleting a scenario.

use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Toast() -> impl IntoView {
    let state = use_app();
    move || {
        state.toast.get().map(|(zh, en)| {
            let msg = state.lang().pick(&zh, &en).to_string();
            view! {
                <div class="toast" role="status" id="toast">
                    <span>{msg}</span>
                    <button id="toast-undo" on:click=move |_| { state.undo(); state.toast.set(None); }>{state.t().undo}</button>
                    <button class="close" aria-label=state.t().close on:click=move |_| state.toast.set(None)>"×"</button>
                </div>
            }
        })
    }
}
