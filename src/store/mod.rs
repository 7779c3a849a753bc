//! The persisted documents: envelope and migration (pure), and browser storage.

pub mod envelope;
pub mod import;
#[cfg(target_arch = "wasm32")]
pub mod local;
