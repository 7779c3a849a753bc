//! 数据核查: the contradictions recorded for a plan, each with both figures and their lines.

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

#[component]
pub fn ChecksList(plan: Plan) -> impl IntoView {
    let state = use_app();
    move || {
        let t = state.t();
        let lang = state.lang();
        let mut checks = plan.checks.clone();
        checks.sort_by_key(|c| c.severity);
        let body = if checks.is_empty() {
            view! { <p class="muted">{t.data_checks_none}</p> }.into_any()
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
                                    <span class="check-value-label">{label.clone()}</span>
                                    <Figure plan_id=id.clone() label=label value=fmt_value(v.value) lines=v.lines.clone() />
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
                            <span class="check-message">{message}</span>
                            <div class="check-values">{values}</div>
                            {used.map(|u| view! { <div class="check-used">{t.app_uses}{u}</div> })}
                            <div class="check-lines">
                                <Figure plan_id=id2 label=source_label value=format!("{} {}", t.line, all_lines.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")) lines=all_lines.clone() />
                            </div>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <section class="checks" id="data-checks">
                <h2>{t.data_checks}" ("{plan.checks.len()}")"</h2>
                <ul class="check-list">{body}</ul>
            </section>
        }
    }
}
