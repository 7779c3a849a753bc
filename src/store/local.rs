//! Browser storage (localStorage through gloo-storage). A failed read is kept under a quarantine
//! key and never turns into a save; a failed write is reported, never retried blindly.

use super::envelope::{dataset_data_text, decode_dataset, decode_workspace, encode, Envelope, LoadError, DATASET_FORMAT, DATASET_SCHEMA, WORKSPACE_FORMAT, WORKSPACE_SCHEMA};
use crate::domain::dataset::Dataset;
use crate::domain::workspace::Workspace;
use gloo_storage::{LocalStorage, Storage};

pub const DATASET_KEY: &str = "plan-explorer:dataset";
pub const WORKSPACE_KEY: &str = "plan-explorer:workspace";
pub const QUARANTINE_PREFIX: &str = "plan-explorer:quarantine:";

#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The browser refused to store more (quota exceeded).
    Full,
    /// Storage is switched off or unavailable (private window, policy).
    Unavailable,
    /// Another tab saved a newer revision since we read ours.
    Newer { theirs: u64 },
}

fn storage() -> Option<web_sys::Storage> {
    // `raw()` panics where storage is disabled; the window lookup avoids that.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn available() -> bool {
    let Some(s) = storage() else { return false };
    let probe = "plan-explorer:probe";
    let ok = s.set_item(probe, "1").is_ok();
    let _ = s.remove_item(probe);
    ok
}

pub fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write_raw(key: &str, value: &str) -> Result<(), WriteError> {
    let s = storage().ok_or(WriteError::Unavailable)?;
    s.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            WriteError::Full
        } else {
            WriteError::Unavailable
        }
    })
}

/// Keeps the unreadable text where the user can download it; the original key is left as it was.
pub fn quarantine(key: &str, raw: &str) -> String {
    let qkey = format!("{QUARANTINE_PREFIX}{key}");
    let _ = write_raw(&qkey, raw);
    qkey
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// What the workspace key holds now.
pub enum Stored {
    Empty,
    Ok(Envelope<Workspace>),
    Broken { raw: String, error: LoadError },
}

pub fn load_workspace() -> Stored {
    match read_raw(WORKSPACE_KEY) {
        None => Stored::Empty,
        Some(raw) => match decode_workspace(&raw) {
            Ok(env) => Stored::Ok(env),
            Err(error) => {
                quarantine(WORKSPACE_KEY, &raw);
                Stored::Broken { raw, error }
            }
        },
    }
}

/// Current revision of the stored workspace, if it is readable.
pub fn stored_revision() -> Option<u64> {
    let raw = read_raw(WORKSPACE_KEY)?;
    #[derive(serde::Deserialize)]
    struct Revision {
        revision: Option<u64>,
    }
    serde_json::from_str::<Revision>(&raw).ok()?.revision
}

/// Saves `workspace` as `revision`, refusing to write over a newer revision from another tab.
pub fn save_workspace(workspace: &Workspace, revision: u64) -> Result<(), WriteError> {
    if let Some(theirs) = stored_revision() {
        if theirs >= revision {
            return Err(WriteError::Newer { theirs });
        }
    }
    let text = encode(WORKSPACE_FORMAT, WORKSPACE_SCHEMA, revision, now_ms(), workspace);
    write_raw(WORKSPACE_KEY, &text)
}

pub fn load_dataset() -> Option<Result<Dataset, LoadError>> {
    let raw = read_raw(DATASET_KEY)?;
    Some(decode_dataset(&raw).map(|e| e.data).inspect_err(|_| {
        quarantine(DATASET_KEY, &raw);
    }))
}

/// Keeps `text`, a dataset already checked by `parse_dataset`, as the stored copy: written as
/// fetched rather than re-serialised, and not at all when the stored copy is the same text.
pub fn keep_dataset_text(text: &str) -> Result<(), WriteError> {
    let text = text.trim();
    if read_raw(DATASET_KEY).as_deref().and_then(dataset_data_text) == Some(text) {
        return Ok(());
    }
    let Ok(data) = serde_json::from_str::<&serde_json::value::RawValue>(text) else { return Ok(()) };
    write_raw(DATASET_KEY, &encode(DATASET_FORMAT, DATASET_SCHEMA, 1, now_ms(), &data))
}

pub fn save_dataset(dataset: &Dataset) -> Result<(), WriteError> {
    let text = encode(DATASET_FORMAT, DATASET_SCHEMA, 1, now_ms(), dataset);
    write_raw(DATASET_KEY, &text)
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

#[allow(dead_code)]
fn _uses_gloo() -> bool {
    LocalStorage::length() > 0
}
