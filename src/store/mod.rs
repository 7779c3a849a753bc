//! The persisted documents: envelope and migration (pure), and browser storage.

pub mod envelope;
#[cfg(target_arch = "wasm32")]
pub mod local;
