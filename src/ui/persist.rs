//! Startup loading and saving of the workspace: debounced saves, a flush when the page is hidden,
//! and adoption of another tab's newer save. A failed read never becomes a save.

use crate::domain::dataset::{parse_dataset, Dataset};
use crate::domain::workspace::Workspace;
use crate::store::local::{self, Stored, WriteError, WORKSPACE_KEY};
use crate::ui::state::{AppState, Loading, StorageState};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const SAVE_DELAY: Duration = Duration::from_millis(300);
pub const DATASET_URL: &str = "data/plans.json";

pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.text().map_err(|e| format!("{e:?}"))?;
    JsFuture::from(body).await.map_err(|e| format!("{e:?}"))?.as_string().ok_or_else(|| "not text".to_string())
}

/// Reads the stored workspace into `state`, or reports why it cannot.
pub fn load_workspace(state: AppState) {
    if !local::available() {
        state.storage.set(StorageState::Unavailable);
        return;
    }
    match local::load_workspace() {
        Stored::Empty => {}
        Stored::Ok(envelope) => {
            state.revision.set(envelope.revision);
            state.workspace.set(envelope.data);
        }
        Stored::Broken { raw, error } => {
            state.storage.set(StorageState::Broken { zh: error.message_zh(), en: error.message_en(), raw });
        }
    }
}

/// Loads the bundled dataset (validated like any import) and keeps a copy in storage; when the
/// network is gone, the stored copy serves.
pub async fn load_dataset(state: AppState) {
    let bundled = match fetch_text(DATASET_URL).await {
        Ok(text) => parse_dataset(&text).map(|dataset| (dataset, text)).map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    let (bundled, fetched) = match bundled {
        Ok((dataset, text)) => (Ok(dataset), Some(text)),
        Err(e) => (Err(e), None),
    };
    // The offline copies (the dataset in storage, the service worker's cache) are made once the
    // first frame is on screen, so that they do not compete with it.
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(text) = fetched {
                    let _ = local::keep_dataset_text(&text);
                }
                crate::ui::offline::register_service_worker(state);
            },
            Duration::ZERO,
        );
    });
    let result: Result<Dataset, (String, String)> = match bundled {
        Ok(dataset) => Ok(dataset),
        Err(fetch_error) => match local::load_dataset() {
            Some(Ok(dataset)) => Ok(dataset),
            Some(Err(e)) => Err((format!("{fetch_error}；{}", e.message_zh()), format!("{fetch_error}; {}", e.message_en()))),
            None => Err((fetch_error.clone(), fetch_error)),
        },
    };
    state.loading.set(match result {
        Ok(d) => Loading::Ready(Arc::new(d)),
        Err((zh, en)) => Loading::Failed { zh, en },
    });
}

pub fn save_now(state: AppState, workspace: &Workspace) {
    if !state.storage.get_untracked().may_save() {
        return;
    }
    let revision = state.revision.get_untracked() + 1;
    // Our entry gone although we saved before: the browser (or the user) cleared storage.
    let cleared = revision > 1 && local::read_raw(WORKSPACE_KEY).is_none();
    match local::save_workspace(workspace, revision) {
        Ok(()) => {
            state.revision.set(revision);
            state.storage.set(if cleared { StorageState::Cleared } else { StorageState::Saved });
        }
        Err(WriteError::Full) => state.storage.set(StorageState::Full),
        Err(WriteError::Unavailable) => state.storage.set(StorageState::Unavailable),
        Err(WriteError::Newer { .. }) => state.storage.set(StorageState::NewerElsewhere),
    }
}

/// Takes the newest stored workspace as ours (after another tab saved it).
pub fn adopt_stored(state: AppState, last_saved: StoredValue<Workspace>) {
    if let Stored::Ok(envelope) = local::load_workspace() {
        last_saved.set_value(envelope.data.clone());
        state.revision.set(envelope.revision);
        state.workspace.set(envelope.data);
        state.storage.set(StorageState::Saved);
    }
}

/// Wires saving: a change is saved 300 ms after the last edit, at once when the page hides.
pub fn install_autosave(state: AppState) {
    let last_saved = StoredValue::new(state.workspace.get_untracked());
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);

    let flush = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        let ws = state.workspace.get_untracked();
        if ws != last_saved.get_value() {
            save_now(state, &ws);
            if matches!(state.storage.get_untracked(), StorageState::Saved | StorageState::Cleared) {
                last_saved.set_value(ws);
            }
        }
    };

    Effect::new(move |_| {
        let ws = state.workspace.get();
        if ws == last_saved.get_value() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(flush, SAVE_DELAY).ok());
    });

    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let other_tab = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() != Some(WORKSPACE_KEY) {
            return;
        }
        let unsaved = pending.get_value().is_some();
        if unsaved {
            state.storage.set(StorageState::NewerElsewhere);
        } else if state.storage.get_untracked().may_save() || state.storage.get_untracked() == StorageState::NewerElsewhere {
            adopt_stored(state, last_saved);
        }
    });
    // The listeners live as long as the page.
    std::mem::forget((hide, visibility, other_tab));
    provide_context(LastSaved(last_saved));
}

#[derive(Clone, Copy)]
pub struct LastSaved(pub StoredValue<Workspace>);

/// The user's scenarios as a file: the stored envelope, so the same import path reads it back.
pub fn export_workspace(state: AppState) {
    let ws = state.workspace.get_untracked();
    let text = crate::store::envelope::encode(
        crate::store::envelope::WORKSPACE_FORMAT,
        crate::store::envelope::WORKSPACE_SCHEMA,
        state.revision.get_untracked(),
        local::now_ms(),
        &ws,
    );
    let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let day: String = date.chars().take(10).collect();
    crate::ui::banner::download(&format!("plan-explorer-scenarios-{day}.json"), &text, "application/json");
}
