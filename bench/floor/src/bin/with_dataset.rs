//! Leptos and the app's own reading of the dataset (parse and validate), nothing else.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let label = match plan_explorer::domain::dataset::parse_dataset(&dataset_text()) {
            Ok(d) => format!("{} plans", d.plans.len()),
            Err(e) => e.to_string(),
        };
        let (n, set_n) = signal(0);
        view! { <button on:click=move |_| set_n.update(|n| *n += 1)>{label}</button><p>{n}</p> }
    });
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = datasetText)]
    fn dataset_text() -> String;
}
