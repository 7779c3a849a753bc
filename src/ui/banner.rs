//! What the user must know about their stored work, in words, with the choices they have.

use crate::store::local::{self, WORKSPACE_KEY};
use crate::ui::state::{use_app, StorageState};
use leptos::prelude::*;

/// Offers `text` as a file download (built from a Blob, never put into the page).
pub fn download(filename: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    download_blob(filename, &blob);
}

/// Offers `bytes` as a file download.
pub fn download_bytes(filename: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    download_blob(filename, &blob);
}

/// Offers a Blob as a file download through a temporary link.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", filename);
        if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
            a.click();
        }
    }
    // Some browsers read the Blob after the click has returned: free it a little later.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(10));
}

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    move || {
        let t = state.t();
        let lang = state.lang();
        match state.storage.get() {
            StorageState::Saved => None,
            StorageState::Unavailable => Some(view! {
                <div class="banner warning" role="status" id="storage-banner" data-state="unavailable">
                    {t.storage_unavailable}" "
                    <button on:click=move |_| crate::ui::persist::export_workspace(state)>{t.download_work}</button>
                </div>
            }.into_any()),
            StorageState::Full => Some(view! {
                <div class="banner warning" role="alert" id="storage-banner" data-state="full">
                    {t.storage_full}" "
                    <button on:click=move |_| crate::ui::persist::export_workspace(state)>{t.download_work}</button>
                </div>
            }.into_any()),
            StorageState::Cleared => Some(view! {
                <div class="banner warning" role="status" id="storage-banner" data-state="cleared">
                    {t.storage_cleared}" "
                    <button on:click=move |_| crate::ui::persist::export_workspace(state)>{t.download_work}</button>
                </div>
            }.into_any()),
            StorageState::NewerElsewhere => Some(
                view! {
                    <div class="banner warning" role="alert" id="storage-banner" data-state="newer">
                        {t.storage_newer}" "
                        <button on:click=move |_| {
                            if let Some(last) = use_context::<crate::ui::persist::LastSaved>() {
                                crate::ui::persist::adopt_stored(state, last.0);
                            }
                        }>{t.storage_reload}</button>
                    </div>
                }
                .into_any(),
            ),
            StorageState::Broken { zh, en, raw } => {
                let detail = lang.pick(&zh, &en).to_string();
                Some(
                    view! {
                        <div class="banner error" role="alert" id="storage-banner" data-state="broken">
                            <p>{t.storage_broken}</p>
                            <p class="detail">{detail}</p>
                            <button on:click=move |_| download("plan-explorer-workspace-raw.json", &raw, "application/json")>{t.download_raw}</button>
                            " "
                            <button class="danger" on:click=move |_| {
                                local::remove(WORKSPACE_KEY);
                                state.revision.set(0);
                                state.storage.set(StorageState::Saved);
                                crate::ui::persist::save_now(state, &state.workspace.get_untracked());
                            }>{t.reset_storage}</button>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    }
}
