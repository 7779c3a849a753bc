//! Poverty-exit plan explorer: explore, present and test what-if changes to China's county
//! poverty-exit plans (脱贫攻坚规划), entirely in the browser.

pub mod charts;
pub mod domain;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
