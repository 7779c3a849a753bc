//! All plans side by side: the comparison table, the province plan's counties, and one chart per
//! measure with every plan on it.

use crate::domain::compare::ChartMeasure;
use crate::domain::dataset::Level;
use crate::ui::compare_chart::CompareChart;
use crate::ui::compare_table::CompareTable;
use crate::ui::counties::CountiesPanel;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = use_app();
    let t = move || state.t();
    let provinces = move || {
        let dataset = state.dataset()?;
        Some(
            dataset
                .plans
                .iter()
                .filter(|p| p.level == Level::Province && !p.counties.is_empty())
                .map(|p| view! { <CountiesPanel plan=std::sync::Arc::new(p.clone()) /> })
                .collect_view(),
        )
    };
    view! {
        <section id="compare-page" class="compare-page">
            <h2 class="page-title">{move || t().view_compare}</h2>
            <p class="hint lead">{move || t().cmp_hint}</p>
            <CompareTable />
            <div class="compare-charts">
                {ChartMeasure::ALL.into_iter().map(|m| view! { <CompareChart measure=m /> }).collect_view()}
            </div>
            {provinces}
        </section>
    }
}
