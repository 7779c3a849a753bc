//! A figure on screen that opens its source lines when clicked.

use crate::ui::state::{use_app, SourceRef};
use leptos::prelude::*;

#[component]
pub fn Figure(
    #[prop(into)] plan_id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    lines: Vec<u32>,
    /// The value as a number, in the unit the data keeps (people, %, 万元).
    #[prop(optional_no_strip)]
    number: Option<f64>,
) -> impl IntoView {
    let state = use_app();
    let has_source = !lines.is_empty();
    let title = move || state.t().show_source;
    let shown = value.clone();
    let open = move |_| {
        state.source.set(Some(SourceRef { plan_id: plan_id.clone(), label: label.clone(), value: value.clone(), number, lines: lines.clone() }));
    };
    view! {
        <button class="figure" class:no-source=!has_source title=title disabled=!has_source on:click=open>
            {shown}
        </button>
    }
}
