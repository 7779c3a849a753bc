//! The app's shared state, provided as one context. Components read it and call domain/ to
//! change it; they never hold their own copy of the workspace.

use crate::domain::dataset::{Dataset, Plan};
use crate::domain::format::Lang;
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
}

impl StorageState {
    pub fn may_save(&self) -> bool {
        matches!(self, StorageState::Saved | StorageState::Full)
    }
}

/// A figure's provenance, shown when the user asks where a number comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub plan_id: String,
    pub label: String,
    pub value: String,
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
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            loading: RwSignal::new(Loading::Pending),
            workspace: RwSignal::new(Workspace::default()),
            storage: RwSignal::new(StorageState::Saved),
            revision: RwSignal::new(0),
            source: RwSignal::new(None),
        }
    }

    pub fn lang(&self) -> Lang {
        self.workspace.with(|w| w.lang)
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

    /// The plan being shown: the one chosen, else the first.
    pub fn plan(&self) -> Option<Plan> {
        let dataset = self.dataset()?;
        let chosen = self.workspace.with(|w| w.plan_id.clone());
        chosen
            .and_then(|id| dataset.plan(&id).cloned())
            .or_else(|| dataset.plans.first().cloned())
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
