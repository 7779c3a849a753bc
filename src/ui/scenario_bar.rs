//! The scenarios of a plan: choose, make, copy, rename, delete (undoable), compare, share.

use crate::domain::dataset::Plan;
use crate::domain::route::{Route, View};
use crate::domain::share::encode_scenario;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ScenarioBar(plan: std::sync::Arc<Plan>, compare_with: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let plan_id = plan.id.clone();
    // The scenarios' ids and names, and the open one: an edit of a figure changes neither, so
    // the drop-downs are not rebuilt on every edit.
    let listed = {
        let plan_id = plan_id.clone();
        Memo::new(move |_| {
            state.workspace.with(|w| {
                let list: Vec<(String, String)> = w.scenarios_of(&plan_id).map(|s| (s.id.clone(), s.name.clone())).collect();
                (w.active.get(&plan_id).cloned(), list)
            })
        })
    };
    let options = {
        move || {
            let t = state.t();
            let (active, list) = listed.get();
            let mut out = vec![view! { <option value="" selected=active.is_none()>{t.printed_plan}</option> }.into_any()];
            out.extend(list.into_iter().map(|(id, name)| {
                let selected = active.as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected>{name}</option> }.into_any()
            }));
            out
        }
    };
    let compare_options = {
        move || {
            let t = state.t();
            let chosen = compare_with.get();
            let (active, list) = listed.get();
            let list: Vec<(String, String)> = list.into_iter().filter(|(id, _)| Some(id) != active.as_ref()).collect();
            let mut out = vec![view! { <option value="" selected=chosen.is_none()>{t.compare_none}</option> }.into_any()];
            out.extend(list.into_iter().map(|(id, name)| {
                let selected = chosen.as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected>{name}</option> }.into_any()
            }));
            out
        }
    };
    let active_id = move || listed.with(|(active, _)| active.clone());
    let choose = {
        let plan_id = plan_id.clone();
        let active_id = active_id.clone();
        move |ev| {
            let id = event_target_value(&ev);
            state.edit(None, |w| w.open_scenario(&plan_id, (!id.is_empty()).then_some(id.as_str())));
            if compare_with.get_untracked().is_some_and(|c| Some(c) == active_id()) {
                compare_with.set(None);
            }
        }
    };
    let create = {
        let plan = plan.clone();
        move |_| {
            let t = state.t();
            let n = state.workspace.with_untracked(|w| w.scenarios_of(&plan.id).count()) + 1;
            state.edit(None, |w| w.create_scenario(&plan, &format!("{} {n}", t.new_scenario_name)));
        }
    };
    let duplicate = {
        let active_id = active_id.clone();
        move |_| {
            let t = state.t();
            let Some(id) = active_id() else { return };
            let name = state.workspace.with_untracked(|w| w.scenarios.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_default();
            state.edit(None, |w| w.duplicate_scenario(&id, &format!("{name}{}", t.copy_suffix)));
        }
    };
    let renaming = RwSignal::new(false);
    let rename_value = RwSignal::new(String::new());
    let start_rename = {
        let active_id = active_id.clone();
        move |_| {
            let Some(id) = active_id() else { return };
            rename_value.set(state.workspace.with_untracked(|w| w.scenarios.iter().find(|s| s.id == id).map(|s| s.name.clone())).unwrap_or_default());
            renaming.set(true);
        }
    };
    let finish_rename = {
        let active_id = active_id.clone();
        move || {
            if let Some(id) = active_id() {
                let name = rename_value.get_untracked();
                state.edit(None, |w| w.rename_scenario(&id, &name));
            }
            renaming.set(false);
        }
    };
    let delete = {
        let active_id = active_id.clone();
        move |_| {
            let Some(id) = active_id() else { return };
            if let Some(Some(removed)) = state.edit(None, |w| w.delete_scenario(&id)) {
                state.toast.set(Some((format!("已删除方案“{}”", removed.name), format!("Deleted scenario “{}”", removed.name))));
            }
        }
    };
    let share = {
        let plan_id = plan_id.clone();
        move |_| {
            let scenario = state.workspace.with_untracked(|w| w.active_scenario(&plan_id).cloned());
            let route = Route { view: View::Plan, plan_id: Some(plan_id.clone()), scenario: scenario.as_ref().map(encode_scenario), slide: None };
            let href = window().location().href().unwrap_or_default();
            let base = href.split('#').next().unwrap_or_default().to_string();
            let link = format!("{base}{}", crate::domain::route::format(&route));
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&link);
            state.share_link.set(Some(link));
        }
    };
    let export_one = {
        let plan_id = plan_id.clone();
        let names = (plan.name_zh.clone(), plan.name_en.clone());
        move |_| {
            let Some(one) = state.workspace.with_untracked(|w| crate::domain::export::single_scenario(w, &plan_id)) else { return };
            let scenario_name = one.scenarios.first().map(|s| s.name.clone()).unwrap_or_default();
            // The stored envelope, so that Import reads the file back like any saved workspace.
            let text = crate::store::envelope::encode(
                crate::store::envelope::WORKSPACE_FORMAT,
                crate::store::envelope::WORKSPACE_SCHEMA,
                state.revision.get_untracked(),
                crate::store::local::now_ms(),
                &one,
            );
            let plan_name = state.lang().pick(&names.0, &names.1).to_string();
            let file = crate::ui::export_menu::dated_name(&[&plan_name, &scenario_name], "json");
            crate::ui::banner::download(&file, &text, "application/json");
        }
    };
    let has_active = {
        let active_id = active_id.clone();
        move || active_id().is_some()
    };
    let has_active2 = has_active.clone();
    let has_active3 = has_active.clone();
    let has_active4 = has_active.clone();
    let has_active5 = has_active.clone();
    let finish_on_enter = finish_rename.clone();
    view! {
        <div class="scenario-bar" role="toolbar" aria-label=move || state.t().scenario>
            <label class="field">
                <span>{move || state.t().scenario}</span>
                <select id="scenario-select" on:change=choose>{options}</select>
            </label>
            {move || {
                renaming.get().then(|| {
                    let finish = finish_rename.clone();
                    let finish_enter = finish_on_enter.clone();
                    view! {
                        <input
                            id="scenario-name"
                            class="name-input"
                            aria-label=state.t().scenario_name_prompt
                            prop:value=move || rename_value.get()
                            on:input=move |ev| rename_value.set(event_target_value(&ev))
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" { finish_enter() }
                                if ev.key() == "Escape" { renaming.set(false) }
                            }
                            on:blur=move |_| finish()
                        />
                    }
                })
            }}
            <button id="scenario-new" on:click=create>{move || state.t().new_scenario}</button>
            <button id="scenario-duplicate" on:click=duplicate disabled=move || !has_active()>{move || state.t().duplicate}</button>
            <button id="scenario-rename" on:click=start_rename disabled=move || !has_active2()>{move || state.t().rename}</button>
            <button id="scenario-delete" class="danger-outline" on:click=delete disabled=move || !has_active3()>{move || state.t().delete}</button>
            <span class="sep"></span>
            <button id="undo" on:click=move |_| state.undo() disabled=move || !state.can_undo() title="Ctrl+Z">{move || state.t().undo}</button>
            <button id="redo" on:click=move |_| state.redo() disabled=move || !state.can_redo() title="Ctrl+Shift+Z">{move || state.t().redo}</button>
            <span class="sep"></span>
            <label class="field">
                <span>{move || state.t().compare_with}</span>
                <select id="compare-select" on:change=move |ev| { let v = event_target_value(&ev); compare_with.set((!v.is_empty()).then_some(v)); }>
                    {compare_options}
                </select>
            </label>
            <button id="share-link" on:click=share disabled=move || !has_active4()>{move || state.t().share_link}</button>
            <button id="scenario-export" on:click=export_one disabled=move || !has_active5() title=move || state.t().export_scenario_title>{move || state.t().export_scenario}</button>
        </div>
        {move || state.share_link.get().map(|link| view! {
            <p class="share-link" role="status">{state.t().link_copied}": "<input id="share-link-text" readonly prop:value=link /></p>
        })}
    }
}
