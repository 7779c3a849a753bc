//! Pure logic: no leptos, no web_sys. Everything here is tested natively.

pub mod budget;
pub mod checks;
pub mod compare;
pub mod counties;
pub mod dataset;
pub mod export;
pub mod format;
pub mod history;
pub mod json;
pub mod money;
pub mod printed;
pub mod projects;
pub mod route;
pub mod rules;
pub mod scenario;
pub mod schedule;
pub mod share;
pub mod workspace;
