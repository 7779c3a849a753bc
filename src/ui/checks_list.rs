//! 数据核查: the contradictions recorded for a plan, each with both figures and their lines.

use crate::domain::checks::CheckFilter;
use crate::domain::dataset::{Plan, Severity};
use crate::domain::format::Lang;
use crate::ui::figure::Figure;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn fmt_value(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => crate::domain::format::thousands(x as i64),
        Some(x) => crate::domain::format::group_decimal(x),
    }
}

/// One plan's checks. Without the optional props it is the plan page's section; the 数据核查
/// view passes a heading, a section id of its own and a filter.
#[component]
pub fn ChecksList(
    plan: std::sync::Arc<Plan>,
    /// Shows only the checks that pass; the heading then counts shown / all.
    #[prop(optional, into)]
    filter: Option<Signal<CheckFilter>>,
    /// Replaces the heading 数据核查.
    #[prop(optional, into)]
    heading: Option<Signal<String>>,
    /// Replaces the section id `data-checks` (several lists on one page need distinct ids).
    #[prop(optional, into)]
    section_id: Option<String>,
) -> impl IntoView {
    let state = use_app();
    // A page of several lists jumps to one by focusing it.
    let focusable = section_id.is_some().then_some("-1");
    let section_id = section_id.unwrap_or_else(|| "data-checks".to_string());
    move || {
        let t = state.t();
        let lang = state.lang();
        let chosen = filter.map(|f| f.get());
        let mut checks: Vec<_> = plan.checks.iter().filter(|c| chosen.is_none_or(|f| f.matches(c))).cloned().collect();
        checks.sort_by_key(|c| c.severity);
        let shown = checks.len();
        let body = if plan.checks.is_empty() {
            view! { <p class="muted">{t.data_checks_none}</p> }.into_any()
        } else if checks.is_empty() {
            view! { <p class="muted">{t.checks_none_match}</p> }.into_any()
        } else {
            checks
                .into_iter()
                .map(|c| {
                    let (class, label) = match c.severity {
                        Severity::Error => ("check error", t.severity_error),
                        Severity::Warning => ("check warning", t.severity_warning),
                        Severity::Info => ("check info", t.severity_info),
                    };
                    let message = match lang {
                        Lang::Zh => c.message_zh.clone(),
                        Lang::En => c.message_en.clone(),
                    };
                    let used = match lang {
                        Lang::Zh => c.used_zh.clone(),
                        Lang::En => c.used_en.clone(),
                    };
                    let id = plan.id.clone();
                    let values = c
                        .values
                        .iter()
                        .map(|v| {
                            let label = match lang {
                                Lang::Zh => v.label_zh.clone(),
                                Lang::En => v.label_en.clone().unwrap_or_else(|| v.label_zh.clone()),
                            };
                            view! {
                                <span class="check-value">
                                    <span class="check-value-label" data-content="">{label.clone()}</span>
                                    <Figure plan_id=id.clone() label=label value=fmt_value(v.value) number=v.value lines=v.lines.clone() />
                                </span>
                            }
                        })
                        .collect_view();
                    let all_lines = c.lines.clone();
                    let id2 = plan.id.clone();
                    let source_label = message.clone();
                    view! {
                        <li class=class data-check-id=c.id.clone()>
                            <span class="badge">{label}</span>
                            <span class="check-message" data-content="">{message}</span>
                            <div class="check-values">{values}</div>
                            {used.map(|u| view! { <div class="check-used">{t.app_uses}<span data-content="">{u}</span></div> })}
                            <div class="check-lines">
                                <Figure plan_id=id2 label=source_label value=format!("{} {}", t.line, all_lines.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")) lines=all_lines.clone() />
                            </div>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };
        let title = heading.map_or_else(|| t.data_checks.to_string(), |h| h.get());
        let count = if shown == plan.checks.len() { shown.to_string() } else { format!("{shown} / {}", plan.checks.len()) };
        view! {
            <section class="checks" id=section_id.clone() tabindex=focusable>
                <h2>{title}" ("{count}")"</h2>
                <ul class="check-list">{body}</ul>
            </section>
        }
    }
}
