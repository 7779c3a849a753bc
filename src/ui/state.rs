//! The app's shared state, provided as one context. Components read it and call domain/ to
//! change it; they never hold their own copy of the workspace.

use crate::domain::dataset::{Dataset, Plan};
use crate::domain::format::Lang;
use crate::domain::route::{Route, View};
use crate::domain::history::History;
use crate::domain::scenario::Scenario;
use crate::domain::workspace::Workspace;
use crate::ui::text::{text, Text};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    Pending,
    Ready(Arc<Dataset>),
    Failed { zh: String, en: String },
}

/// What the user must know about their stored work.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageState {
    Saved,
    /// No storage at all (private window, disabled): work lives in memory only.
    Unavailable,
    Full,
    /// The stored workspace could not be read; it is quarantined and saving is off until the user chooses.
    Broken { zh: String, en: String, raw: String },
    /// Another tab saved a newer revision; saving is paused.
    NewerElsewhere,
    /// The browser cleared our stored data while the page was open; the work in this page was
    /// saved again.
    Cleared,
}

impl StorageState {
    pub fn may_save(&self) -> bool {
        matches!(self, StorageState::Saved | StorageState::Full | StorageState::Cleared)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub zh: String,
    pub en: String,
}

impl Notice {
    pub fn info(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice { error: false, zh: zh.into(), en: en.into() }
    }

    pub fn error(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice { error: true, zh: zh.into(), en: en.into() }
    }
}

/// A figure's provenance, shown when the user asks where a number comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub plan_id: String,
    pub label: String,
    pub value: String,
    /// The figure as a number, to find the cited line that prints it; `None` for names and years.
    pub number: Option<f64>,
    pub lines: Vec<u32>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub loading: RwSignal<Loading>,
    pub workspace: RwSignal<Workspace>,
    pub storage: RwSignal<StorageState>,
    /// Revision of the workspace as last read or written here.
    pub revision: RwSignal<u64>,
    pub source: RwSignal<Option<SourceRef>>,
    /// Where the user is: view, plan, slide (mirrored in the URL hash).
    pub route: RwSignal<Route>,
    /// A message for the user about what just happened (a link opened, a file imported or
    /// refused), in both languages.
    pub notice: RwSignal<Option<Notice>>,
    /// Undo/redo of scenario edits (this page only).
    pub history: StoredValue<History<Workspace>>,
    /// Bumped on every history change so undo/redo buttons update.
    pub history_tick: RwSignal<u64>,
    /// A short message with an undo button (e.g. after a delete): (zh, en).
    pub toast: RwSignal<Option<(String, String)>>,
    /// The last share link made, shown so it can be copied by hand too.
    pub share_link: RwSignal<Option<String>>,
    /// Ctrl+P asked for a print: every part of the page is wanted, seen or not.
    pub printing: RwSignal<bool>,
    /// The service worker has had time to cache the parts of the app: the plan page builds its
    /// sections below the charts without waiting for them to be scrolled to.
    pub parts_cached: RwSignal<bool>,
    /// The language alone, so that views which only translate do not redraw on every edit.
    lang: Memo<Lang>,
    /// The shown plan's active scenario alone: views of one plan follow it rather than the
    /// whole workspace, so an edit elsewhere (another plan, the language) does not redraw them.
    pub scenario: Memo<Option<Scenario>>,
}

impl AppState {
    pub fn new() -> AppState {
        let workspace = RwSignal::new(Workspace::default());
        let mut state = AppState {
            scenario: Memo::new(|_| None),
            lang: Memo::new(move |_| workspace.with(|w| w.lang)),
            loading: RwSignal::new(Loading::Pending),
            workspace,
            storage: RwSignal::new(StorageState::Saved),
            revision: RwSignal::new(0),
            source: RwSignal::new(None),
            route: RwSignal::new(Route::default()),
            notice: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            history_tick: RwSignal::new(0),
            toast: RwSignal::new(None),
            share_link: RwSignal::new(None),
            printing: RwSignal::new(false),
            parts_cached: RwSignal::new(false),
        };
        let this = state;
        state.scenario = Memo::new(move |_| {
            let id = this.plan_id()?;
            this.workspace.with(|w| w.active_scenario(&id).cloned())
        });
        state
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Active scenario of plan `plan_id`, tracked through `scenario` (the shown plan's), so a
    /// page that is being replaced never reads another plan's scenario as its own.
    pub fn scenario_of(&self, plan_id: &str) -> Option<Scenario> {
        self.scenario.with(|s| s.as_ref().filter(|s| s.plan_id == plan_id).cloned())
    }

    pub fn t(&self) -> &'static Text {
        text(self.lang())
    }

    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match self.loading.get() {
            Loading::Ready(d) => Some(d),
            _ => None,
        }
    }

    /// Id of the plan being shown: the route's, else the last one chosen, else the first.
    pub fn plan_id(&self) -> Option<String> {
        let dataset = self.dataset()?;
        let chosen = self.route.with(|r| r.plan_id.clone()).or_else(|| self.workspace.with(|w| w.plan_id.clone()));
        chosen.filter(|id| dataset.plan(id).is_some()).or_else(|| dataset.plans.first().map(|p| p.id.clone()))
    }

    /// The plan being shown, shared: its components clone the handle, never the plan.
    pub fn plan(&self) -> Option<Arc<Plan>> {
        let id = self.plan_id()?;
        self.dataset()?.plan(&id).cloned().map(Arc::new)
    }

    /// Opens `view` (keeping the plan).
    pub fn go(&self, view: View) {
        let plan_id = self.plan_id();
        self.route.update(|r| {
            r.view = view;
            r.plan_id = plan_id;
            r.slide = None;
            r.scenario = None;
        });
    }

    /// Shows plan `id` in the plan view (or the current view when it is per plan).
    pub fn choose_plan(&self, id: &str) {
        self.workspace.update(|w| w.plan_id = Some(id.to_string()));
        self.route.update(|r| {
            if !matches!(r.view, View::Plan | View::Present) {
                r.view = View::Plan;
            }
            r.plan_id = Some(id.to_string());
            r.scenario = None;
        });
    }
}

impl AppState {
    /// Applies an edit of the user's scenarios as one undo step. Edits with the same `merge_key`
    /// in a row (a slider being dragged, one cell retyped) make a single step.
    pub fn edit<R>(&self, merge_key: Option<&str>, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        let before = self.workspace.get_untracked();
        let result = self.workspace.try_update(f);
        if self.workspace.with_untracked(|w| w.scenarios != before.scenarios || w.active != before.active) {
            self.history.update_value(|h| h.record(&before, merge_key));
            self.history_tick.update(|n| *n += 1);
        }
        result
    }

    /// Ends the current merged step (e.g. when a slider is released).
    pub fn seal_edit(&self) {
        self.history.update_value(|h| h.seal());
    }

    pub fn undo(&self) {
        let current = self.workspace.get_untracked();
        if let Some(before) = self.history.try_update_value(|h| h.undo(&current)).flatten() {
            self.workspace.update(|w| w.restore_scenarios(before));
            self.history_tick.update(|n| *n += 1);
        }
    }

    pub fn redo(&self) {
        let current = self.workspace.get_untracked();
        if let Some(after) = self.history.try_update_value(|h| h.redo(&current)).flatten() {
            self.workspace.update(|w| w.restore_scenarios(after));
            self.history_tick.update(|n| *n += 1);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history_tick.track();
        self.history.with_value(|h| h.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history_tick.track();
        self.history.with_value(|h| h.can_redo())
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
