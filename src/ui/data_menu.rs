//! Import and export of the user's files: scenarios (the same format as storage) and datasets.
//! An import goes through the same checks as loading and is one undoable step. Reading an
//! import is a part of its own (src/ui/part.rs), fetched at the first import.

use crate::domain::format::fmt_count;
use crate::store::import::{read_import, Imported};
use crate::ui::state::{use_app, AppState, Loading, Notice};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

crate::part!(
    /// Reads an imported file and applies it.
    import_part: fn(AppState, String) = |state, text| apply_import(state, &text)
);

fn apply_import(state: AppState, text: &str) {
    let t_zh = crate::ui::text::ZH;
    let t_en = crate::ui::text::EN;
    match read_import(text) {
        Err(e) => state.notice.set(Some(Notice::error(format!("{}{}", t_zh.import_refused, e.message_zh()), format!("{}{}", t_en.import_refused, e.message_en())))),
        Ok(Imported::Workspace(incoming)) => {
            let names: Vec<String> = incoming.scenarios.iter().map(|s| s.name.clone()).collect();
            state.edit(None, |w| {
                for s in incoming.scenarios {
                    w.adopt_scenario(s);
                }
            });
            let list = names.join("、");
            state.notice.set(Some(Notice::info(format!("{}{list}", t_zh.imported_scenarios), format!("{}{}", t_en.imported_scenarios, names.join(", ")))));
        }
        Ok(Imported::Dataset(dataset)) => {
            let n = dataset.plans.len() as i64;
            // A dataset larger than the browser's storage still works for this session; the
            // user is told it will not survive a reload.
            let kept = crate::store::local::save_dataset(&dataset).is_ok();
            state.route.update(|r| r.plan_id = None);
            state.workspace.update(|w| w.plan_id = None);
            state.loading.set(Loading::Ready(Arc::new(dataset)));
            let (zh_tail, en_tail) = if kept { ("", "") } else { (t_zh.dataset_not_kept, t_en.dataset_not_kept) };
            state.notice.set(Some(Notice {
                error: !kept,
                zh: format!("{}{}{zh_tail}", t_zh.imported_dataset, fmt_count(n, crate::domain::format::Lang::Zh)),
                en: format!("{}{}{en_tail}", t_en.imported_dataset, fmt_count(n, crate::domain::format::Lang::En)),
            }));
        }
    }
}

#[component]
pub fn DataMenu() -> impl IntoView {
    let state = use_app();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        if file.size() > crate::store::envelope::TEXT_MAX_BYTES as f64 {
            let e = crate::store::envelope::LoadError::TooLarge { bytes: file.size() as usize };
            state.notice.set(Some(Notice::error(
                format!("{}{}", crate::ui::text::ZH.import_refused, e.message_zh()),
                format!("{}{}", crate::ui::text::EN.import_refused, e.message_en()),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match import_part().await {
                Ok(apply) => apply(state, text),
                Err(_) => state.notice.set(Some(crate::ui::part::missing_notice())),
            }
        });
    };
    view! {
        <div class="data-menu">
            <label class="file-button" for="import-file">{move || state.t().import_file}</label>
            <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" on:change=on_file />
            <button id="export-scenarios" on:click=move |_| crate::ui::persist::export_workspace(state)>{move || state.t().export_scenarios}</button>
        </div>
    }
}
