//! Leptos components, one small file each. They call domain/ and never re-implement it.

pub mod app;
pub mod banner;
pub mod cards;
pub mod charts_panel;
pub mod checks_list;
pub mod figure;
pub mod header;
pub mod panic;
pub mod persist;
pub mod plan_page;
pub mod source_panel;
pub mod state;
pub mod text;
pub mod whatif;
