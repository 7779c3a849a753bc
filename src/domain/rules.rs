//! The plans' own rules, checked live on a schedule: nobody exits twice, the cohort is out by the
//! exit year, the incidence is under the plan's threshold by then, all poor villages delisted.

use super::dataset::{ExitRow, Plan, Severity};
use super::format::{fmt_count, fmt_pct, Lang};
use super::schedule::{after_baseline, incidence_pct, outcomes, total, Measure};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    ExitsExceedRemaining,
    CohortOutByExitYear,
    ExitsAddUpToCohort,
    IncidenceUnderThreshold,
    VillagesDelisted,
    CountiesDelisted,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub year: Option<i32>,
    pub message_zh: String,
    pub message_en: String,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// Every rule broken by `rows` for `plan`, errors first. An empty list means all rules hold.
pub fn check(plan: &Plan, rows: &[ExitRow]) -> Vec<Finding> {
    let mut found = Vec::new();
    let exit_year = plan.exit_year.unwrap_or(plan.period[1]);
    let people = Measure::People.cohort(plan);

    for measure in [Measure::People, Measure::Villages] {
        let cohort = measure.cohort(plan);
        let out = outcomes(&plan.baseline, rows, measure, cohort);
        let mut before = cohort;
        for o in &out {
            if let (Some(b), Some(e)) = (before, o.exits) {
                if e > b.max(0) {
                    let (zh_unit, en_unit) = units(measure);
                    found.push(Finding {
                        rule: Rule::ExitsExceedRemaining,
                        severity: Severity::Error,
                        year: Some(o.year),
                        message_zh: format!("{}年计划脱贫{}{}，但年初仅剩{}{}。", o.year, fmt_count(e, Lang::Zh), zh_unit, fmt_count(b.max(0), Lang::Zh), zh_unit),
                        message_en: format!("{}: {} {} planned to exit, but only {} remain at the start of the year.", o.year, fmt_count(e, Lang::En), en_unit, fmt_count(b.max(0), Lang::En)),
                    });
                }
            }
            before = o.remaining;
        }
    }

    if let Some(cohort) = people {
        let out = outcomes(&plan.baseline, rows, Measure::People, Some(cohort));
        let at_exit = out.iter().filter(|o| o.year <= exit_year).last().and_then(|o| o.remaining);
        if let Some(left) = at_exit.filter(|&r| r > 0) {
            found.push(Finding {
                rule: Rule::CohortOutByExitYear,
                severity: Severity::Error,
                year: Some(exit_year),
                message_zh: format!("到{}年底（计划摘帽年）仍有{}人未脱贫。", exit_year, fmt_count(left, Lang::Zh)),
                message_en: format!("{} people are still poor at the end of {}, the planned exit year.", fmt_count(left, Lang::En), exit_year),
            });
        }
        if let Some(sum) = total(after_baseline(&plan.baseline, rows), Measure::People) {
            if sum != cohort {
                found.push(Finding {
                    rule: Rule::ExitsAddUpToCohort,
                    severity: Severity::Warning,
                    year: None,
                    message_zh: format!("各年脱贫人数合计{}人，与建档立卡贫困人口{}人相差{}人。", fmt_count(sum, Lang::Zh), fmt_count(cohort, Lang::Zh), fmt_count(sum - cohort, Lang::Zh)),
                    message_en: format!("Yearly exits add up to {}, not the {} registered poor (difference {}).", fmt_count(sum, Lang::En), fmt_count(cohort, Lang::En), fmt_count(sum - cohort, Lang::En)),
                });
            }
        }
        if let (Some(threshold), Some(remaining)) = (plan.exit_incidence_threshold_pct, at_exit) {
            if let Some(inc) = incidence_pct(Some(remaining), plan.baseline.rural_population) {
                if inc > threshold + 1e-9 {
                    found.push(Finding {
                        rule: Rule::IncidenceUnderThreshold,
                        severity: Severity::Error,
                        year: Some(exit_year),
                        message_zh: format!("{}年底贫困发生率为{}，高于本规划的退出标准{}。", exit_year, fmt_pct(inc, Lang::Zh), fmt_pct(threshold, Lang::Zh)),
                        message_en: format!("Incidence at the end of {} is {}, above the plan's exit threshold of {}.", exit_year, fmt_pct(inc, Lang::En), fmt_pct(threshold, Lang::En)),
                    });
                }
            }
        }
    }

    for (measure, rule) in [(Measure::Villages, Rule::VillagesDelisted), (Measure::Counties, Rule::CountiesDelisted)] {
        let Some(cohort) = measure.cohort(plan) else { continue };
        let out = outcomes(&plan.baseline, rows, measure, Some(cohort));
        let left = out.iter().filter(|o| o.year <= exit_year).last().and_then(|o| o.remaining);
        if let Some(left) = left.filter(|&r| r > 0) {
            let (zh_unit, en_unit) = units(measure);
            found.push(Finding {
                rule,
                severity: Severity::Error,
                year: Some(exit_year),
                message_zh: format!("到{}年底仍有{}{}未退出。", exit_year, fmt_count(left, Lang::Zh), zh_unit),
                message_en: format!("{} {} are not yet delisted by the end of {}.", fmt_count(left, Lang::En), en_unit, exit_year),
            });
        }
    }
    found.sort_by_key(|f| (f.severity, f.rule, f.year));
    found
}

fn units(measure: Measure) -> (&'static str, &'static str) {
    match measure {
        Measure::People => ("人", "people"),
        Measure::Households => ("户", "households"),
        Measure::Villages => ("个贫困村", "poor villages"),
        Measure::Counties => ("个贫困县", "poor counties"),
    }
}
