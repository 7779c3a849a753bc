//! Keyboard shortcuts that work anywhere: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Esc closes
//! the source panel, Ctrl+P prints the whole plan page. Text fields keep their own undo while
//! they are being typed in.

use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn typing_in_text(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| matches!(i.type_().as_str(), "text" | "search" | "number") && !i.class_list().contains("cell-input"))
}

pub fn install_shortcuts(state: AppState) {
    let listener = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let key = ev.key().to_lowercase();
        if ctrl && key == "z" && !typing_in_text(&ev) {
            ev.prevent_default();
            if ev.shift_key() {
                state.redo();
            } else {
                state.undo();
            }
        } else if ctrl && key == "y" && !typing_in_text(&ev) {
            ev.prevent_default();
            state.redo();
        } else if ctrl && key == "p" && needs_below_first(state) {
            ev.prevent_default();
            print_whole_page(state);
        } else if key == "escape" && state.source.get_untracked().is_some() {
            state.source.set(None);
        }
    });
    std::mem::forget(listener);
}

/// On a plan page whose sections below the charts have not been fetched yet (they come when
/// scrolled to), a print would leave them out.
fn needs_below_first(state: AppState) -> bool {
    state.route.with_untracked(|r| r.view == crate::domain::route::View::Plan) && !crate::ui::part::loaded(crate::ui::plan_page::BELOW)
}

/// Fetches and builds the sections below the charts, then opens the browser's print dialog. If
/// they cannot be fetched (offline), the page prints without them, as it would have.
fn print_whole_page(state: AppState) {
    state.printing.set(true);
    leptos::task::spawn_local(async move {
        // The same loader as the page's: this waits for the page's own fetch.
        let _ = crate::ui::plan_page::below_part().await;
        // Built in the page's reaction to the same fetch; painted two frames later.
        request_animation_frame(move || {
            request_animation_frame(move || {
                let _ = window().print();
                state.printing.set(false);
            })
        });
    });
}
