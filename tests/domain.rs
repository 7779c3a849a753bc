//! Native tests of src/domain against the real plans: schedule maths, the plans' rules,
//! scenario edits (locked years stay locked), and money allocation that always adds up.

use plan_explorer::domain::dataset::{parse_dataset, Dataset, Plan, RowStatus, Severity};
use plan_explorer::domain::money::{allocate, Yuan};
use plan_explorer::domain::rules::{check, Rule};
use plan_explorer::domain::scenario::{EditError, Scenario, Shape};
use plan_explorer::domain::schedule::{after_baseline, front_loading_pct, outcomes, total, year_threshold_met, Measure};
use proptest::prelude::*;

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).unwrap()
}

fn plan(id: &str) -> Plan {
    dataset().plan(id).unwrap().clone()
}

#[test]
fn antu_remaining_poor_and_incidence_by_year() {
    let p = plan("antu");
    let out = outcomes(&p.baseline, &p.exit_schedule, Measure::People, p.baseline.poor_people);
    let remaining: Vec<Option<i64>> = out.iter().map(|o| o.remaining).collect();
    assert_eq!(remaining, [Some(8261), Some(5438), Some(3324), Some(0), Some(0)]);
    let incidence = out[2].incidence_pct.unwrap();
    assert!((incidence - 3324.0 * 100.0 / 98566.0).abs() < 1e-9);
    assert_eq!(year_threshold_met(&out, 3.0), Some(2019));
}

#[test]
fn every_printed_plan_keeps_its_own_people_rules_or_says_why() {
    // The printed schedules are what the plans promise; where one breaks a rule, the dataset
    // records the conflict (a cohort check), so the live rules and the data checks agree.
    for p in dataset().plans {
        let findings = check(&p, &p.exit_schedule);
        for f in findings.iter().filter(|f| f.rule == Rule::ExitsAddUpToCohort) {
            assert!(
                p.checks.iter().any(|c| c.kind.as_deref() == Some("cohort_vs_exits")),
                "{}: rule '{}' fires but no cohort conflict is recorded",
                p.id,
                f.message_en
            );
        }
    }
    assert!(check(&plan("antu"), &plan("antu").exit_schedule).is_empty());
    assert!(check(&plan("mianchi"), &plan("mianchi").exit_schedule).is_empty());
}

#[test]
fn moving_exits_past_the_exit_year_breaks_the_rules_in_words() {
    let p = plan("antu");
    let mut s = Scenario::new("s1", &p, "test");
    assert_eq!(s.move_exits(&p, Measure::People, 2019, 2020, 2000), Ok(2000));
    let rows = s.apply(&p).rows;
    assert_eq!(rows.iter().find(|r| r.year == 2019).unwrap().people, Some(1324));
    assert_eq!(rows.iter().find(|r| r.year == 2020).unwrap().people, Some(2000));
    let findings = check(&p, &rows);
    let cohort = findings.iter().find(|f| f.rule == Rule::CohortOutByExitYear).expect("cohort not out by 2019");
    assert_eq!(cohort.severity, Severity::Error);
    assert!(cohort.message_zh.contains("2,000人"), "{}", cohort.message_zh);
    assert!(cohort.message_en.contains("2,000 people"), "{}", cohort.message_en);
    // 2,000 left is 2.03% of the rural population: under the 3% standard, so the county could
    // still be delisted though its cohort is not out. The two rules are distinct.
    assert!(!findings.iter().any(|f| f.rule == Rule::IncidenceUnderThreshold));
    s.move_exits(&p, Measure::People, 2019, 2020, 1000).unwrap();
    let findings = check(&p, &s.apply(&p).rows);
    let incidence = findings.iter().find(|f| f.rule == Rule::IncidenceUnderThreshold).expect("3,000 left is 3.04%");
    assert!(incidence.message_en.contains("3.04%"), "{}", incidence.message_en);
    // The total still adds up, so no cohort-sum warning.
    assert!(!findings.iter().any(|f| f.rule == Rule::ExitsAddUpToCohort));
}

#[test]
fn the_leaders_question_pull_2000_exits_forward_a_year() {
    let p = plan("antu");
    let mut s = Scenario::new("s1", &p, "test");
    s.move_exits(&p, Measure::People, 2019, 2018, 2000).unwrap();
    let rows = s.apply(&p).rows;
    let out = outcomes(&p.baseline, &rows, Measure::People, p.baseline.poor_people);
    assert_eq!(out[2].remaining, Some(1324));
    assert_eq!(year_threshold_met(&out, 3.0), Some(2018), "the standard is met a year earlier");
    assert!(check(&p, &rows).is_empty());
}

#[test]
fn exits_beyond_those_still_poor_are_an_error() {
    let p = plan("antu");
    let mut s = Scenario::new("s1", &p, "test");
    s.set_exit(&p, 2018, Measure::People, 9000).unwrap();
    let findings = check(&p, &s.apply(&p).rows);
    let over = findings.iter().find(|f| f.rule == Rule::ExitsExceedRemaining).unwrap();
    assert_eq!(over.year, Some(2018));
    assert!(over.message_zh.contains("年初仅剩5,438人"), "{}", over.message_zh);
}

#[test]
fn villages_not_delisted_by_the_exit_year() {
    let p = plan("antu");
    let mut s = Scenario::new("s1", &p, "test");
    s.set_exit(&p, 2019, Measure::Villages, 10).unwrap();
    let findings = check(&p, &s.apply(&p).rows);
    let v = findings.iter().find(|f| f.rule == Rule::VillagesDelisted).unwrap();
    assert!(v.message_zh.contains("8个贫困村"), "{}", v.message_zh);
}

#[test]
fn achieved_years_are_locked_and_typing_the_plan_figure_removes_the_edit() {
    let p = plan("antu");
    let mut s = Scenario::new("s1", &p, "test");
    assert_eq!(s.set_exit(&p, 2017, Measure::People, 1), Err(EditError::Locked { year: 2017 }));
    assert_eq!(s.set_exit(&p, 2030, Measure::People, 1), Err(EditError::NoSuchYear { year: 2030 }));
    assert_eq!(s.set_exit(&p, 2018, Measure::People, -5), Err(EditError::OutOfRange { value: -5 }));
    s.set_exit(&p, 2018, Measure::People, 2000).unwrap();
    assert_eq!(s.exits.len(), 1);
    s.set_exit(&p, 2018, Measure::People, 2114).unwrap();
    assert!(s.is_baseline());
}

#[test]
fn reshaping_keeps_the_cohort_and_the_locked_years() {
    let p = plan("antu");
    for shape in [Shape::Even, Shape::Front, Shape::Back] {
        let mut s = Scenario::new("s1", &p, "test");
        s.reshape(&p, Measure::People, shape).unwrap();
        let rows = s.apply(&p).rows;
        assert_eq!(total(after_baseline(&p.baseline, &rows), Measure::People), Some(10146), "{shape:?}");
        assert_eq!(rows[0].people, Some(1885));
        assert_eq!(rows[1].people, Some(2823));
        assert_eq!(rows[4].people, Some(0), "nothing after the exit year");
        assert!(check(&p, &rows).is_empty(), "{shape:?}: {:?}", check(&p, &rows));
    }
    let mut front = Scenario::new("s1", &p, "test");
    front.reshape(&p, Measure::People, Shape::Front).unwrap();
    let rows = front.apply(&p).rows;
    assert_eq!((rows[2].people, rows[3].people), (Some(3625), Some(1813)));
    assert!(front_loading_pct(&rows, Measure::People).unwrap() > front_loading_pct(&p.exit_schedule, Measure::People).unwrap());
}

#[test]
fn money_converts_from_wan_without_drift() {
    let p = plan("antu");
    let by_year = Yuan::sum(p.funding.by_year.iter().map(|r| Yuan::from_wan(r.amount_wan_yuan.unwrap())));
    assert_eq!(by_year, Yuan::from_wan(p.funding.total_wan_yuan.unwrap()));
}

fn arb_rows_edit() -> impl Strategy<Value = Vec<(i32, i64)>> {
    prop::collection::vec((2014i32..2022, 0i64..20_000), 0..12)
}

proptest! {
    #[test]
    fn allocation_adds_up_and_is_never_negative(total in 0i64..10_000_000_000_000, weights in prop::collection::vec(0u64..1_000_000_000, 1..40)) {
        let parts = allocate(total, &weights);
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().sum::<i64>(), total);
        prop_assert!(parts.iter().all(|&p| p >= 0));
    }

    #[test]
    fn edits_never_touch_locked_years(edits in arb_rows_edit()) {
        let p = plan("antu");
        let mut s = Scenario::new("s1", &p, "test");
        for (year, value) in edits {
            let _ = s.set_exit(&p, year, Measure::People, value);
            let _ = s.move_exits(&p, Measure::People, year, year + 1, value);
        }
        let rows = s.apply(&p).rows;
        for (row, printed) in rows.iter().zip(&p.exit_schedule) {
            if printed.status == RowStatus::Actual {
                prop_assert_eq!(row, printed);
            }
        }
    }

    #[test]
    fn rule_checks_agree_with_a_plain_recomputation(e2018 in 0i64..12_000, e2019 in 0i64..12_000, e2020 in 0i64..12_000) {
        let p = plan("antu");
        let mut s = Scenario::new("s1", &p, "test");
        s.set_exit(&p, 2018, Measure::People, e2018).unwrap();
        s.set_exit(&p, 2019, Measure::People, e2019).unwrap();
        s.set_exit(&p, 2020, Measure::People, e2020).unwrap();
        let findings = check(&p, &s.apply(&p).rows);
        let has = |r: Rule| findings.iter().any(|f| f.rule == r);
        // Straightforward recomputation from the printed figures.
        let start_2018 = 10146 - 1885 - 2823;
        let left_2019 = start_2018 - e2018 - e2019;
        let over = e2018 > start_2018 || e2019 > (start_2018 - e2018).max(0) || e2020 > (left_2019).max(0);
        prop_assert_eq!(has(Rule::ExitsExceedRemaining), over);
        prop_assert_eq!(has(Rule::CohortOutByExitYear), left_2019 > 0);
        prop_assert_eq!(has(Rule::ExitsAddUpToCohort), e2018 + e2019 + e2020 != start_2018);
        let incidence = left_2019.max(0) as f64 * 100.0 / 98566.0;
        prop_assert_eq!(has(Rule::IncidenceUnderThreshold), incidence > 3.0);
    }
}
