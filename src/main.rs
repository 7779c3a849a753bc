//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    plan_explorer::ui::panic::install();
    leptos::mount::mount_to_body(plan_explorer::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("plan-explorer runs in the browser: see README.md (./scripts/serve).");
}
