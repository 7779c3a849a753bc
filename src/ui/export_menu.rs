//! Download buttons under a chart or a table, so what was shown at a meeting can travel: the
//! chart as PNG (2×, for slides) or SVG, its numbers as CSV or XLSX. The code that makes the
//! files is a part of its own (src/ui/part.rs), fetched at the first download.

use crate::domain::export::{file_name, framed_svg, svg_size, to_csv, to_xlsx, Caption, Table};
use crate::ui::banner::{download, download_blob, download_bytes};
use crate::ui::state::{use_app, AppState, Notice};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// PNG pixels per SVG unit: sharp on a slide or a projector.
const PNG_SCALE: f64 = 2.0;

/// Today's date in the browser's time zone, for file names.
pub fn today() -> (i32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// `<name>-<YYYYMMDD>.<ext>` from the parts of a name (plan, chart), today.
pub fn dated_name(parts: &[&str], ext: &str) -> String {
    file_name(parts, today(), ext)
}

/// One download, as asked for by a button.
pub enum Job {
    Png { svg: String, caption: Option<Caption>, file: String },
    Svg { svg: String, caption: Option<Caption>, file: String },
    Csv { table: Table, file: String },
    Xlsx { table: Table, file: String },
}

type Run = fn(AppState, Job);

crate::part!(
    /// Makes and downloads the file a `Job` asks for.
    export_part: Run = run
);

fn run(state: AppState, job: Job) {
    let picture = |svg: String, caption: Option<Caption>| match caption {
        Some(c) => framed_svg(&svg, &c),
        None => svg,
    };
    match job {
        Job::Png { svg, caption, file } => download_png(state, &picture(svg, caption), file),
        Job::Svg { svg, caption, file } => download(&file, &picture(svg, caption), "image/svg+xml"),
        Job::Csv { table, file } => download(&file, &to_csv(&table), "text/csv;charset=utf-8"),
        Job::Xlsx { table, file } => download_bytes(&file, &to_xlsx(&table), XLSX_MIME),
    }
}

/// Fetches the export code if need be, then runs `job`.
fn start(state: AppState, job: Job) {
    leptos::task::spawn_local(async move {
        match export_part().await {
            Ok(run) => run(state, job),
            Err(_) => state.notice.set(Some(crate::ui::part::missing_notice())),
        }
    });
}

fn failed(state: AppState) {
    state.notice.set(Some(Notice::error(crate::ui::text::ZH.export_failed, crate::ui::text::EN.export_failed)));
}

/// Draws the SVG into a canvas at twice its size on white, then downloads the canvas as PNG.
fn download_png(state: AppState, svg: &str, filename: String) {
    let (width, height) = svg_size(svg).unwrap_or((crate::charts::WIDTH as f64, crate::charts::HEIGHT as f64));
    let (w, h) = ((width * PNG_SCALE).round(), (height * PNG_SCALE).round());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return failed(state) };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return failed(state) };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return failed(state) };
    let loaded = image.clone();
    let url_loaded = url.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url_loaded);
        let canvas = document.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return failed(state) };
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let context = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return failed(state) };
        // A transparent PNG shows black in some slide programs: paint the page white first.
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w, h);
        if context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h).is_err() {
            return failed(state);
        }
        let on_blob = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| match blob.dyn_into::<web_sys::Blob>() {
            Ok(blob) => download_blob(&filename, &blob),
            Err(_) => failed(state),
        });
        if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
            failed(state);
        }
    });
    let url_failed = url.clone();
    let on_error = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url_failed);
        failed(state);
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

/// `name`: the parts of the file name (plan, chart or table), joined with '-' and dated.
/// `svg`: the chart as drawn, for PNG and SVG; without it only the table formats are offered.
/// `caption`: title, legend and source drawn around the chart in PNG and SVG, so the picture
/// still says what it shows once it has left the page.
/// `table`: the numbers the chart draws (or the table shows), computed only when asked for.
#[component]
pub fn ExportMenu(
    #[prop(into)] name: Signal<Vec<String>>,
    #[prop(optional, into)] svg: Option<Signal<String>>,
    #[prop(optional, into)] caption: Option<Signal<Caption>>,
    #[prop(into)] table: Signal<Table>,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.t();
    let file = move |ext: &str| name.with_untracked(|parts| dated_name(&parts.iter().map(String::as_str).collect::<Vec<_>>(), ext));
    let label = move || format!("{}{}{}", t().export_download, t().colon, name.with(|n| n.join(" · ")));
    let chart_buttons = svg.map(|svg| {
        let drawn = move || (svg.get_untracked(), caption.map(|c| c.get_untracked()));
        view! {
            <button type="button" class="export-btn" data-format="png" title=move || t().export_png_title
                on:click=move |_| {
                    let (svg, caption) = drawn();
                    start(state, Job::Png { svg, caption, file: file("png") })
                }>{move || t().export_png}</button>
            <button type="button" class="export-btn" data-format="svg" title=move || t().export_svg_title
                on:click=move |_| {
                    let (svg, caption) = drawn();
                    start(state, Job::Svg { svg, caption, file: file("svg") })
                }>{move || t().export_svg}</button>
        }
    });
    view! {
        <div class="export-menu" role="group" aria-label=label>
            <span class="export-label" aria-hidden="true">{move || t().export_download}</span>
            {chart_buttons}
            <button type="button" class="export-btn" data-format="csv" title=move || t().export_csv_title
                on:click=move |_| start(state, Job::Csv { table: table.get_untracked(), file: file("csv") })>{move || t().export_csv}</button>
            <button type="button" class="export-btn" data-format="xlsx" title=move || t().export_xlsx_title
                on:click=move |_| start(state, Job::Xlsx { table: table.get_untracked(), file: file("xlsx") })>{move || t().export_xlsx}</button>
        </div>
    }
}
