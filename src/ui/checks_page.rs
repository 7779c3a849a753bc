//! 数据核查 across all plans: counts per plan, filters by severity and kind, then each plan's list.

use crate::domain::checks::{kind_counts, summary, summary_total, CheckFilter, CheckKind};
use crate::domain::dataset::Severity;
use crate::domain::format::Lang;
use crate::ui::checks_list::ChecksList;
use crate::ui::state::use_app;
use crate::ui::text::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn kind_label(t: &Text, kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::TextVsTable => t.kind_text_vs_table,
        CheckKind::TotalVsRows => t.kind_total_vs_rows,
        CheckKind::CohortVsExits => t.kind_cohort_vs_exits,
        CheckKind::Duplicate => t.kind_duplicate,
        CheckKind::OutsidePeriod => t.kind_outside_period,
        CheckKind::Other => t.kind_other,
    }
}

fn severity_label(t: &Text, s: Severity) -> &'static str {
    match s {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

fn severity_slug(s: Option<Severity>) -> &'static str {
    match s {
        None => "all",
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        Some(Severity::Info) => "info",
    }
}

fn section_id(plan_id: &str) -> String {
    format!("checks-{plan_id}")
}

/// Scrolls to a plan's list and moves keyboard focus there.
fn jump_to(plan_id: &str) {
    let Some(el) = document().get_element_by_id(&section_id(plan_id)) else { return };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[component]
fn Summary(filter: RwSignal<CheckFilter>) -> impl IntoView {
    let state = use_app();
    move || {
        let dataset = state.dataset()?;
        let t = state.t();
        let lang = state.lang();
        // The summary counts what is recorded; the filter only marks the chosen severity column.
        let rows = summary(&dataset, &CheckFilter::default());
        let total = summary_total(&rows);
        let chosen = filter.get().severity;
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        let head = severities
            .into_iter()
            .map(|s| view! { <th scope="col" class=format!("numeric sev-{}", severity_slug(Some(s))) class:chosen=chosen == Some(s)>{severity_label(t, s)}</th> })
            .collect_view();
        let body = rows
            .iter()
            .filter_map(|r| {
                let plan = dataset.plan(&r.plan_id)?;
                let name = match lang {
                    Lang::Zh => plan.name_zh.clone(),
                    Lang::En => plan.name_en.clone(),
                };
                let id = r.plan_id.clone();
                let cells = severities
                    .into_iter()
                    .map(|s| {
                        let n = r.of(s);
                        view! { <td class="numeric" class:zero=n == 0 class:chosen=chosen == Some(s) data-severity=severity_slug(Some(s))>{n}</td> }
                    })
                    .collect_view();
                Some(view! {
                    <tr data-plan=r.plan_id.clone()>
                        <th scope="row">
                            <button class="link-button" title=t.checks_jump on:click=move |_| jump_to(&id)>{name}</button>
                        </th>
                        {cells}
                        <td class="numeric total" data-severity="all">{r.total()}</td>
                    </tr>
                })
            })
            .collect_view();
        let foot = severities.into_iter().map(|s| view! { <td class="numeric" class:chosen=chosen == Some(s)>{total.of(s)}</td> }).collect_view();
        Some(view! {
            <table class="checks-summary" id="checks-summary">
                <caption>{t.checks_summary}</caption>
                <thead>
                    <tr><th scope="col">{t.checks_plan}</th>{head}<th scope="col" class="numeric">{t.checks_total}</th></tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>
                    <tr><th scope="row">{t.checks_total}</th>{foot}<td class="numeric total">{total.total()}</td></tr>
                </tfoot>
            </table>
        })
    }
}

#[component]
fn Filters(filter: RwSignal<CheckFilter>) -> impl IntoView {
    let state = use_app();
    let severity_buttons = move || {
        let t = state.t();
        let chosen = filter.get().severity;
        [None, Some(Severity::Error), Some(Severity::Warning), Some(Severity::Info)]
            .into_iter()
            .map(|s| {
                let label = s.map_or(t.checks_all, |s| severity_label(t, s));
                let pressed = chosen == s;
                view! {
                    <button
                        class=format!("chip sev-{}", severity_slug(s))
                        id=format!("severity-{}", severity_slug(s))
                        aria-pressed=pressed.to_string()
                        on:click=move |_| filter.update(|f| f.severity = s)
                    >
                        {label}
                    </button>
                }
            })
            .collect_view()
    };
    let kind_options = move || {
        let dataset = state.dataset()?;
        let t = state.t();
        let chosen = filter.get().kind;
        let all = view! { <option value="" selected=chosen.is_none()>{t.checks_all_kinds}</option> };
        let kinds = kind_counts(&dataset)
            .into_iter()
            .filter(|&(k, n)| n > 0 || chosen == Some(k))
            .map(|(k, n)| view! { <option value=k.slug() selected=chosen == Some(k)>{format!("{} ({n})", kind_label(t, k))}</option> })
            .collect_view();
        Some(view! { {all}{kinds} })
    };
    let on_kind = move |ev| {
        let value = event_target_value(&ev);
        filter.update(|f| f.kind = CheckKind::from_slug(&value));
    };
    let shown = move || {
        let dataset = state.dataset()?;
        let t = state.t();
        let n = summary_total(&summary(&dataset, &filter.get())).total();
        let total = summary_total(&summary(&dataset, &CheckFilter::default())).total();
        Some(t.checks_shown.replace("{n}", &n.to_string()).replace("{total}", &total.to_string()))
    };
    view! {
        <div class="checks-filters">
            <div class="filter-group" role="group" aria-labelledby="severity-label">
                <span class="filter-label" id="severity-label">{move || state.t().checks_severity}</span>
                {severity_buttons}
            </div>
            <label class="filter-group">
                <span class="filter-label">{move || state.t().checks_kind}</span>
                <select id="checks-kind" on:change=on_kind>{kind_options}</select>
            </label>
            <p class="checks-shown" id="checks-shown" role="status">{shown}</p>
        </div>
    }
}

#[component]
pub fn ChecksPage() -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::new(CheckFilter::default());
    let lists = move || {
        let dataset = state.dataset()?;
        Some(
            dataset
                .plans
                .iter()
                .map(|plan| {
                    let (zh, en) = (plan.name_zh.clone(), plan.name_en.clone());
                    let heading = Signal::derive(move || state.lang().pick(&zh, &en).to_string());
                    view! { <ChecksList plan=std::sync::Arc::new(plan.clone()) filter=filter heading=heading section_id=section_id(&plan.id) /> }
                })
                .collect_view(),
        )
    };
    view! {
        <section id="checks-page">
            <h2 class="page-title">{move || state.t().view_checks}</h2>
            <p class="hint">{move || state.t().checks_intro}</p>
            <div class="checks-top">
                <Summary filter=filter />
                <Filters filter=filter />
            </div>
            {lists}
        </section>
    }
}
