//! Keeps the route and the URL hash in step: the hash is read on open and on `hashchange`, and
//! written when the route changes. A bad or old link opens the default view with a notice.

use crate::domain::route::{format, parse};
use crate::ui::state::{AppState, Notice};
use leptos::prelude::*;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn read_hash(state: AppState) {
    match parse(&current_hash()) {
        Ok(route) => {
            if route != state.route.get_untracked() {
                state.route.set(route);
            }
        }
        Err(e) => state.notice.set(Some(Notice::error(e.message_zh(), e.message_en()))),
    }
}

pub fn install_routing(state: AppState) {
    read_hash(state);
    Effect::new(move |_| {
        let hash = state.route.with(format);
        if hash != current_hash() {
            // replaceState for the first write keeps "back" from returning to an empty hash.
            let _ = window().location().set_hash(&hash);
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read_hash(state));
    std::mem::forget(listener);
}

/// Once the dataset is ready, a scenario carried by the link becomes one of the user's
/// scenarios (an identical one is reused), opened for its plan; a bad one is reported, not applied.
pub fn install_link_scenarios(state: AppState) {
    Effect::new(move |_| {
        let Some(dataset) = state.dataset() else { return };
        let Some(encoded) = state.route.with(|r| r.scenario.clone()) else { return };
        match crate::domain::share::decode_scenario(&encoded, &dataset) {
            Ok(scenario) => {
                let plan_id = scenario.plan_id.clone();
                state.edit(None, |w| {
                    w.adopt_scenario(scenario);
                    w.plan_id = Some(plan_id.clone());
                });
                let t_zh = crate::ui::text::ZH.link_scenario_opened.to_string();
                let t_en = crate::ui::text::EN.link_scenario_opened.to_string();
                state.notice.set(Some(Notice::info(t_zh, t_en)));
                state.route.update(|r| {
                    r.plan_id = Some(plan_id);
                    r.scenario = None;
                });
            }
            Err(rejected) => {
                state.notice.set(Some(Notice::error(rejected.message_zh(), rejected.message_en())));
                state.route.update(|r| r.scenario = None);
            }
        }
    });
}
