//! Pure logic: no leptos, no web_sys. Everything here is tested natively.

pub mod checks;
pub mod dataset;
pub mod format;
pub mod money;
pub mod rules;
pub mod scenario;
pub mod workspace;
pub mod schedule;
