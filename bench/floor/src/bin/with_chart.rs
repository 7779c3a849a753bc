//! Leptos, the dataset, and one exits chart drawn by the app's own chart code.
use leptos::prelude::*;
use plan_explorer::charts::{bars::bars_svg, plan_series::exits_bars};
use plan_explorer::domain::{format::Lang, schedule::Measure};

fn main() {
    leptos::mount::mount_to_body(|| {
        let svg = match plan_explorer::domain::dataset::parse_dataset(&dataset_text()) {
            Ok(d) => {
                let rows = &d.plans[0].exit_schedule;
                bars_svg(&exits_bars(rows, rows, Measure::People), Lang::Zh, 640, 360, None)
            }
            Err(e) => e.to_string(),
        };
        let (n, set_n) = signal(0);
        view! { <button on:click=move |_| set_n.update(|n| *n += 1)>"+1"</button><div inner_html=svg></div><p>{n}</p> }
    });
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = datasetText)]
    fn dataset_text() -> String;
}
