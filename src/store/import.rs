//! Reading a file the user chose: a saved workspace (their scenarios) or a dataset. Same path as
//! loading from storage: size cap → parse → migrate → validate, each failure a typed error that
//! names the field.

use super::envelope::{decode_dataset, decode_workspace, LoadError, DATASET_FORMAT, TEXT_MAX_BYTES, WORKSPACE_FORMAT};
use crate::domain::dataset::{parse_dataset, Dataset};
use crate::domain::workspace::Workspace;
use serde::de::IgnoredAny;
use serde::Deserialize;

#[derive(Deserialize)]
struct Peek {
    format: Option<String>,
    plans: Option<IgnoredAny>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    Workspace(Workspace),
    Dataset(Dataset),
}

pub fn read_import(text: &str) -> Result<Imported, LoadError> {
    if text.len() > TEXT_MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    // Peek at the shape only; the full checks run in the decoder chosen.
    let peek: Peek = match serde_json::from_str(text) {
        Ok(peek) => peek,
        Err(e) if e.is_data() => return Err(LoadError::NotOurFormat),
        Err(e) => return Err(LoadError::NotJson { reason: e.to_string() }),
    };
    match peek.format.as_deref() {
        Some(WORKSPACE_FORMAT) => decode_workspace(text).map(|e| Imported::Workspace(e.data)),
        Some(DATASET_FORMAT) => decode_dataset(text).map(|e| Imported::Dataset(e.data)),
        Some(_) => Err(LoadError::NotOurFormat),
        None if peek.plans.is_some() => {
            parse_dataset(text).map(Imported::Dataset).map_err(|e| LoadError::Invalid { path: e.path, reason: e.reason })
        }
        None => Err(LoadError::NotOurFormat),
    }
}
