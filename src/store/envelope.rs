//! The stored form of a document: `{format, schema_version, saved_at, revision, data}`, and the
//! pure steps from stored text to a checked value. A failed step is a typed error, never a default.

use crate::domain::dataset::{self, Dataset};
use crate::domain::workspace::Workspace;
use serde::{Deserialize, Serialize};
use crate::domain::json::{self, JsonError};
use serde_json::value::RawValue;
use serde_json::Value;

pub const WORKSPACE_FORMAT: &str = "plan-explorer/workspace";
pub const WORKSPACE_SCHEMA: u32 = 1;
pub const DATASET_FORMAT: &str = "plan-explorer/dataset";
pub const DATASET_SCHEMA: u32 = dataset::DATASET_VERSION;
/// Larger stored or imported text is refused before parsing.
pub const TEXT_MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub format: String,
    pub schema_version: u32,
    /// Milliseconds since 1970, as the browser's clock gave them.
    pub saved_at: f64,
    /// Grows by one with every save; a tab never writes a lower revision over a higher one.
    pub revision: u64,
    pub data: T,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    TooLarge { bytes: usize },
    NotJson { reason: String },
    NotOurFormat,
    TooNew { found: u32 },
    Migration { from: u32, reason: String },
    Invalid { path: String, reason: String },
}

impl LoadError {
    pub fn message_zh(&self) -> String {
        match self {
            LoadError::TooLarge { bytes } => format!("数据过大（{bytes}字节），超过上限。"),
            LoadError::NotJson { reason } => format!("数据已损坏，无法解析：{reason}"),
            LoadError::NotOurFormat => "这不是本应用保存的数据。".to_string(),
            LoadError::TooNew { found } => format!("数据由更新版本的应用保存（格式版本{found}），本版本无法读取。"),
            LoadError::Migration { from, reason } => format!("无法从格式版本{from}升级：{reason}"),
            LoadError::Invalid { path, reason } => format!("数据字段“{path}”无效：{reason}"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            LoadError::TooLarge { bytes } => format!("The data is too large ({bytes} bytes)."),
            LoadError::NotJson { reason } => format!("The data is damaged and cannot be read: {reason}"),
            LoadError::NotOurFormat => "This is not data saved by this app.".to_string(),
            LoadError::TooNew { found } => format!("The data was saved by a newer version of the app (format {found}); this version cannot read it."),
            LoadError::Migration { from, reason } => format!("Cannot upgrade from format {from}: {reason}"),
            LoadError::Invalid { path, reason } => format!("Field “{path}” is invalid: {reason}"),
        }
    }
}

/// The envelope's fields, with `data` left as unparsed text so that a current-version document
/// is decoded once, straight into its type.
#[derive(Deserialize)]
struct Header<'a> {
    format: Option<String>,
    schema_version: Option<u64>,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    saved_at: f64,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
}

struct Opened<'a> {
    version: u32,
    revision: u64,
    saved_at: f64,
    data: &'a str,
}

fn open<'a>(text: &'a str, format: &str, latest: u32) -> Result<Opened<'a>, LoadError> {
    if text.len() > TEXT_MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        // Valid JSON of another shape (an array, a string field where ours has a number) is
        // not ours; anything else is damaged.
        Err(e) if e.is_data() => return Err(LoadError::NotOurFormat),
        Err(e) => return Err(LoadError::NotJson { reason: e.to_string() }),
    };
    if header.format.as_deref() != Some(format) {
        return Err(LoadError::NotOurFormat);
    }
    let version = header.schema_version.ok_or(LoadError::Invalid { path: "schema_version".into(), reason: "missing".into() })?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > latest {
        return Err(LoadError::TooNew { found: version });
    }
    let data = header.data.ok_or(LoadError::Invalid { path: "data".into(), reason: "missing".into() })?;
    Ok(Opened { version, revision: header.revision, saved_at: header.saved_at, data: data.get() })
}

fn invalid(e: JsonError) -> LoadError {
    let path = if e.path.is_empty() { "data".to_string() } else { format!("data.{}", e.path) };
    LoadError::Invalid { path, reason: e.reason }
}

/// Takes stored data of version `from` up to the current version, one step per version.
fn migrate_workspace(data: Value, from: u32) -> Result<Value, LoadError> {
    (from..WORKSPACE_SCHEMA).try_fold(data, |data, version| workspace_step(version, data))
}

/// Data of `from` → data of `from + 1`. Version 1 is the first stored format, so every
/// lower version is unknown; each later version adds one arm here.
fn workspace_step(from: u32, _data: Value) -> Result<Value, LoadError> {
    Err(LoadError::Migration { from, reason: "no stored format has this version".into() })
}

pub fn decode_workspace(text: &str) -> Result<Envelope<Workspace>, LoadError> {
    let opened = open(text, WORKSPACE_FORMAT, WORKSPACE_SCHEMA)?;
    let workspace: Workspace = if opened.version == WORKSPACE_SCHEMA {
        json::parse(opened.data).map_err(invalid)?
    } else {
        let data: Value = serde_json::from_str(opened.data).map_err(|e| LoadError::NotJson { reason: e.to_string() })?;
        let data = migrate_workspace(data, opened.version)?;
        json::parse(&data.to_string()).map_err(invalid)?
    };
    workspace.validate().map_err(|(path, reason)| LoadError::Invalid { path, reason })?;
    Ok(Envelope {
        format: WORKSPACE_FORMAT.into(),
        schema_version: WORKSPACE_SCHEMA,
        saved_at: opened.saved_at,
        revision: opened.revision,
        data: workspace,
    })
}

pub fn encode<T: Serialize>(format: &str, schema_version: u32, revision: u64, saved_at: f64, data: &T) -> String {
    let envelope = Envelope { format: format.to_string(), schema_version, saved_at, revision, data };
    // Serialising plain structs of finite numbers cannot fail; NaN never reaches here (validated).
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The `data` of a stored dataset as unparsed text: enough to tell whether it equals a newly
/// fetched copy without decoding either.
pub fn dataset_data_text(text: &str) -> Option<&str> {
    open(text, DATASET_FORMAT, DATASET_SCHEMA).ok().map(|opened| opened.data)
}

pub fn decode_dataset(text: &str) -> Result<Envelope<Dataset>, LoadError> {
    let opened = open(text, DATASET_FORMAT, DATASET_SCHEMA)?;
    let dataset = dataset::parse_dataset(opened.data).map_err(|e| LoadError::Invalid { path: e.path, reason: e.reason })?;
    Ok(Envelope { format: DATASET_FORMAT.into(), schema_version: DATASET_SCHEMA, saved_at: opened.saved_at, revision: opened.revision, data: dataset })
}
