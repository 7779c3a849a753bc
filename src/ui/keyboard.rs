//! Keyboard shortcuts that work anywhere: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Esc closes
//! the source panel. Text fields keep their own undo while they are being typed in.

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
        } else if key == "escape" && state.source.get_untracked().is_some() {
            state.source.set(None);
        }
    });
    std::mem::forget(listener);
}
