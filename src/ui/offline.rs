//! Working without a network: the service worker (public/sw.js) keeps a copy of the app, its
//! data and the plan texts already read, and a badge in the header says when that copy is shown.

use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long after the service worker is ready its copy of the parts is taken to be complete:
/// sw.js starts caching them four seconds after it takes over.
const PARTS_CACHED_AFTER: Duration = Duration::from_secs(8);

/// Registers sw.js (next to index.html, so it serves the app's own folder), and sets
/// `parts_cached` once it has had time to cache the parts. Where service workers are
/// unavailable (plain http on another host, some private windows) the app simply stays
/// online-only.
pub fn register_service_worker(state: AppState) {
    let navigator = window().navigator();
    let has_service_worker = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_service_worker {
        return;
    }
    let container = navigator.service_worker();
    let registering = container.register("sw.js");
    leptos::task::spawn_local(async move {
        if let Err(e) = JsFuture::from(registering).await {
            leptos::logging::warn!("offline copy unavailable: {e:?}");
            return;
        }
        let Ok(ready) = container.ready() else { return };
        if JsFuture::from(ready).await.is_ok() {
            set_timeout(
                move || {
                    if window().navigator().service_worker().controller().is_some() {
                        let _ = state.parts_cached.try_set(true);
                    }
                },
                PARTS_CACHED_AFTER,
            );
        }
    });
}

/// "Offline · using the cached copy", shown while the browser reports no network.
#[component]
pub fn OfflineBadge() -> impl IntoView {
    let state = use_app();
    let offline = RwSignal::new(!window().navigator().on_line());
    let went_offline = window_event_listener(leptos::ev::offline, move |_| offline.set(true));
    let came_back = window_event_listener(leptos::ev::online, move |_| offline.set(false));
    on_cleanup(move || {
        went_offline.remove();
        came_back.remove();
    });
    // The live region stays in the page so that screen readers announce the badge appearing.
    view! {
        <span class="offline-status" role="status">
            {move || offline.get().then(|| view! {
                <span class="offline-badge" id="offline-badge" title=state.t().offline_hint>{state.t().offline_badge}</span>
            })}
        </span>
    }
}
