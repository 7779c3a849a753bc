//! The source lines of a figure, read from the plan's own text (loaded once, on first use).

use crate::domain::printed::lines_printing;
use crate::ui::persist::fetch_text;
use crate::ui::state::{use_app, SourceRef};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Lines shown around each cited line, so the sentence or table row can be read whole.
const CONTEXT: u32 = 2;

#[derive(Clone, Debug, PartialEq)]
enum SourceText {
    Loading,
    Ready(Arc<Vec<String>>),
    Failed,
}

#[component]
pub fn SourcePanel() -> impl IntoView {
    let state = use_app();
    let cache: RwSignal<HashMap<String, SourceText>> = RwSignal::new(HashMap::new());

    let file_of = move |plan_id: &str| state.dataset().and_then(|d| d.plan(plan_id).map(|p| p.source_file.clone()));

    Effect::new(move |_| {
        let Some(src) = state.source.get() else { return };
        let Some(file) = file_of(&src.plan_id) else { return };
        if cache.with_untracked(|c| c.contains_key(&file)) {
            return;
        }
        cache.update(|c| {
            c.insert(file.clone(), SourceText::Loading);
        });
        leptos::task::spawn_local(async move {
            let loaded = match fetch_text(&format!("data/sources/{file}")).await {
                Ok(text) => SourceText::Ready(Arc::new(text.lines().map(str::to_string).collect())),
                Err(_) => SourceText::Failed,
            };
            cache.update(|c| {
                c.insert(file, loaded);
            });
        });
    });

    // Keyboard focus moves into the panel when it opens and back to the figure when it closes,
    // so the panel is next in the tab order and Esc or "×" leaves the user where they were.
    let opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |was_open: Option<bool>| {
        let open = state.source.with(|s| s.is_some());
        if open && was_open != Some(true) {
            opener.set_value(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
            request_animation_frame(|| {
                if let Some(button) = document().query_selector(".source-panel .close").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = button.focus();
                }
            });
        } else if !open && was_open == Some(true) {
            if let Some(el) = opener.get_value() {
                let _ = el.focus();
            }
        }
        open
    });
    // The line that prints the figure may be far down a long record: bring it into view once
    // the text is here.
    Effect::new(move |_| {
        state.source.track();
        cache.track();
        request_animation_frame(|| {
            if let Some(line) = document().query_selector(".source-panel .src-line.exact").ok().flatten() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                line.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
    let close = move |_| state.source.set(None);
    let body = move || {
        let src = state.source.get()?;
        let t = state.t();
        let file = file_of(&src.plan_id)?;
        let text = cache.with(|c| c.get(&file).cloned()).unwrap_or(SourceText::Loading);
        let exact = match &text {
            SourceText::Ready(all) => exact_lines(&src, all),
            _ => Vec::new(),
        };
        let excerpt = match text {
            SourceText::Loading => view! { <p class="muted">{t.source_loading}</p> }.into_any(),
            SourceText::Failed => view! { <p class="error">{t.source_failed}</p> }.into_any(),
            SourceText::Ready(all) => {
                let cited: Vec<u32> = src.lines.clone();
                let mut shown: Vec<u32> = cited
                    .iter()
                    .flat_map(|&n| n.saturating_sub(CONTEXT).max(1)..=(n + CONTEXT).min(all.len() as u32))
                    .collect();
                shown.sort_unstable();
                shown.dedup();
                let mut previous = 0;
                let rows = shown
                    .into_iter()
                    .map(|n| {
                        let gap = previous != 0 && n > previous + 1;
                        previous = n;
                        let line = all.get(n as usize - 1).cloned().unwrap_or_default();
                        let is_cited = cited.contains(&n);
                        let is_exact = exact.contains(&n);
                        view! {
                            {gap.then(|| view! { <div class="gap">"⋯"</div> })}
                            <div class="src-line" class:cited=is_cited class:exact=is_exact>
                                <span class="ln">{n}</span>
                                <span class="tx">{line}</span>
                            </div>
                        }
                    })
                    .collect_view();
                view! { <div class="src-lines" data-content="" lang="zh-CN">{rows}</div> }.into_any()
            }
        };
        let list = |lines: &[u32]| lines.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
        let lines_label = if exact.is_empty() {
            format!("{} {}", t.line, list(&src.lines))
        } else {
            format!("{} {} · {} {}", t.printed_on, list(&exact), t.record_lines, list(&src.lines))
        };
        Some(view! {
            <div class="source-backdrop" on:click=close></div>
            <aside class="source-panel" role="dialog" aria-modal="true" aria-label=t.source_title>
                <header>
                    <h2>{t.source_title}</h2>
                    <button class="close" on:click=close aria-label=t.close>"×"</button>
                </header>
                <p class="src-what" data-content=""><strong>{src.label.clone()}</strong>" : "{src.value.clone()}</p>
                <p class="src-file" data-content="">{file.clone()}" · "{lines_label}</p>
                {excerpt}
            </aside>
        })
    };
    view! { {body} }
}

/// The cited lines that print the figure, when some but not all of them do: a record read from
/// one line needs no pointing out.
fn exact_lines(src: &SourceRef, text: &[String]) -> Vec<u32> {
    let found = src.number.map(|v| lines_printing(v, &src.lines, text)).unwrap_or_default();
    if found.len() == src.lines.len() {
        Vec::new()
    } else {
        found
    }
}
