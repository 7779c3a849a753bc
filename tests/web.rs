//! Browser tests of components, mounted alone in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, prelude::*, task::tick};
use plan_explorer::domain::dataset::{parse_dataset, Dataset, Plan};
use plan_explorer::ui::plan_page::PlanPage;
use plan_explorer::ui::state::{AppState, Loading};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).expect("bundled dataset")
}

/// Mounts `view` into a fresh element with its own app state, `dataset` loaded.
fn mount_with<V: IntoView + 'static>(dataset: Dataset, view: impl Fn() -> V + 'static) -> (web_sys::HtmlElement, AppState) {
    let document = document();
    let root: web_sys::HtmlElement = document.create_element("section").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let state = AppState::new();
    state.loading.set(Loading::Ready(Arc::new(dataset)));
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view()
    });
    std::mem::forget(handle);
    (root, state)
}

/// Mounts `plan`'s page and scrolls to its sections below the charts, which are built only once
/// they are about to be seen.
fn mount_plan(plan: Plan, dataset: Dataset) -> (web_sys::HtmlElement, AppState) {
    let (root, state) = mount_plan_unseen(plan, dataset);
    scroll_to(&root, ".below");
    (root, state)
}

/// Mounts `plan`'s page without scrolling to it.
fn mount_plan_unseen(plan: Plan, dataset: Dataset) -> (web_sys::HtmlElement, AppState) {
    let plan = Arc::new(plan);
    mount_with(dataset, move || view! { <PlanPage plan=plan.clone() /> })
}

fn scroll_to(root: &web_sys::HtmlElement, selector: &str) {
    root.query_selector(selector).unwrap().expect("on the page").scroll_into_view();
}

/// Waits (up to two seconds) until `selector` is in `root`: the plan page builds its sections
/// below the charts once they are about to be seen.
async fn until(root: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        pause(10).await;
    }
    panic!("{selector} never appeared");
}

async fn pause(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timer).await.unwrap();
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn editing_a_plan_year_updates_rules_and_summary() {
    let d = dataset();
    let antu = d.plan("antu").unwrap().clone();
    let (root, state) = mount_plan(antu, d);
    tick().await;
    until(&root, "#rules-ok").await;
    assert!(root.query_selector("#rules-ok").unwrap().is_some(), "the plan as printed keeps its rules");

    let input: web_sys::HtmlInputElement = root
        .query_selector(r#"input[data-year="2018"][data-measure="people"]"#)
        .unwrap()
        .expect("2018 is editable")
        .unchecked_into();
    assert_eq!(input.value(), "2114");
    assert!(root.query_selector(r#"input[data-year="2017"]"#).unwrap().is_none(), "2017 is locked");

    input.set_value("1114");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;

    let findings = text_of(&root, "#rule-findings");
    assert!(findings.contains("仍有1,000人未脱贫"), "{findings}");
    assert!(text_of(&root, "#whatif-summary").contains("1.01%"));
    assert_eq!(state.workspace.with_untracked(|w| w.scenarios.len()), 1, "the edit made a scenario");

    let input: web_sys::HtmlInputElement =
        root.query_selector(r#"input[data-year="2018"][data-measure="people"]"#).unwrap().unwrap().unchecked_into();
    input.set_value("lots");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert!(text_of(&root, ".cell-error").contains("请输入0或正整数"), "bad input is refused in words");
    assert!(text_of(&root, "#rule-findings").contains("1,000人"), "and the last good value is kept");
}

#[wasm_bindgen_test]
async fn the_sections_below_the_charts_wait_until_they_are_about_to_be_seen() {
    let d = dataset();
    let antu = d.plan("antu").unwrap().clone();
    let (root, _state) = mount_plan_unseen(antu, d);
    // Far below the window: one full window of blank space before the plan page.
    let spacer = document().create_element("div").unwrap();
    spacer.set_attribute("style", "height: 300vh").unwrap();
    root.prepend_with_node_1(&spacer).unwrap();
    window().scroll_to_with_x_and_y(0.0, 0.0);
    tick().await;
    until(&root, "#below-loading").await;
    // Several frames: long enough for anything built "soon" to have been built.
    pause(200).await;
    assert!(root.query_selector("#whatif").unwrap().is_none(), "not built while far out of view");
    assert!(text_of(&root, "#below-loading").contains("正在载入"), "a placeholder says it is coming");

    scroll_to(&root, ".below");
    until(&root, "#whatif").await;
    assert!(root.query_selector("#below-loading").unwrap().is_none(), "the placeholder is gone");
}

#[wasm_bindgen_test]
async fn a_hostile_plan_name_renders_as_text() {
    let mut d = dataset();
    let hostile = r#"<img src=x onerror="window.__pwned=1">安图县"#;
    d.plans[0].name_zh = hostile.to_string();
    d.plans[0].checks[0].message_zh = r#"<script>window.__pwned=2</script>"#.to_string();
    let plan = d.plans[0].clone();
    let (root, _state) = mount_plan(plan, d);
    tick().await;
    until(&root, ".check-list").await;
    assert_eq!(text_of(&root, "#plan-name"), hostile);
    assert!(root.query_selector("img").unwrap().is_none(), "no element was made from the name");
    assert!(root.query_selector(".check-list script").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
fn the_error_screen_shows_details_as_text_with_a_reload_button() {
    let hostile = "panicked at <img src=x onerror=\"window.__pwned=3\">";
    plan_explorer::ui::panic::show(hostile);
    let screen = document().get_element_by_id("panic-screen").expect("screen shown");
    assert!(screen.text_content().unwrap_or_default().contains(hostile));
    assert!(screen.query_selector("img").unwrap().is_none());
    assert!(screen.query_selector("button").unwrap().is_some(), "a way out");
    screen.remove();
}

#[wasm_bindgen_test]
async fn an_edit_redraws_a_charts_data_and_leaves_its_axes_in_place() {
    let d = dataset();
    let antu = d.plan("antu").unwrap().clone();
    let (root, _state) = mount_plan(antu, d);
    tick().await;
    until(&root, r#"input[data-year="2018"][data-measure="people"]"#).await;
    let groups = |chart: &str| {
        let list = root.query_selector_all(&format!("#{chart} svg > g")).unwrap();
        assert_eq!(list.length(), 2, "{chart}: axes and data");
        let g = |i| list.item(i).unwrap().unchecked_into::<web_sys::Element>();
        (g(0), g(1))
    };
    let (axes, data) = groups("chart-remaining");
    let (axes_before, data_before) = (axes.inner_html(), data.inner_html());
    assert!(axes_before.contains("<text"), "the axes carry the labels");
    assert!(!data_before.contains("<text"), "the data layer has no text to lay out");
    // Closed, a chart's table view is not built at all.
    assert!(root.query_selector("#chart-remaining details.chart-data table").unwrap().is_none());

    let input: web_sys::HtmlInputElement =
        root.query_selector(r#"input[data-year="2018"][data-measure="people"]"#).unwrap().unwrap().unchecked_into();
    input.set_value("2000");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;

    let (axes_after, data_after) = groups("chart-remaining");
    assert!(axes_after.is_same_node(Some(&axes)) && axes_after.inner_html() == axes_before, "same scale: the axes stay");
    assert_ne!(data_after.inner_html(), data_before, "the line moves");
    assert_eq!(data_after.inner_html().matches("stroke-dasharray").count(), 2, "the printed plan's line and the exit standard, dashed");

    let details: web_sys::HtmlDetailsElement =
        root.query_selector("#chart-remaining details.chart-data").unwrap().unwrap().unchecked_into();
    details.set_open(true);
    details.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    tick().await;
    let table = text_of(&root, "#chart-remaining details.chart-data table");
    assert!(table.contains("2018") && table.contains("3,438"), "opened, the table shows the edited figures: {table}");
}

#[wasm_bindgen_test]
async fn past_twelve_plans_the_header_offers_one_drop_down() {
    let mut d = dataset();
    let first = d.plans[0].clone();
    for i in d.plans.len()..13 {
        let mut p = first.clone();
        p.id = format!("copy{i}");
        p.name_zh = format!("副本{i}");
        d.plans.push(p);
    }
    let (root, state) = mount_with(d, || view! { <plan_explorer::ui::header::Header /> });
    tick().await;
    assert!(root.query_selector(".plan-tab").unwrap().is_none(), "no button per plan");
    let select: web_sys::HtmlSelectElement = root.query_selector("#plan-select").unwrap().expect("a drop-down").unchecked_into();
    assert_eq!(select.options().length(), 13);
    assert_eq!(select.value(), "antu");
    select.set_value("copy12");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(state.route.with_untracked(|r| r.plan_id.clone()).as_deref(), Some("copy12"));
}
