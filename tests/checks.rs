//! Native tests of the 数据核查 counting and filtering (src/domain/checks.rs): the counts per plan
//! are the dataset's, computed here a second way from the raw JSON.

use plan_explorer::domain::checks::{kind_counts, summary, summary_total, CheckFilter, CheckKind};
use plan_explorer::domain::dataset::{parse_dataset, Dataset, Severity};

const JSON: &str = include_str!("../public/data/plans.json");

fn dataset() -> Dataset {
    parse_dataset(JSON).expect("the bundled dataset is valid")
}

/// (plan id, severity string) → count, read from the JSON without the app's types.
fn raw_count(plan_id: &str, severity: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(JSON).expect("json");
    let plans = v["plans"].as_array().expect("plans");
    let plan = plans.iter().find(|p| p["id"] == plan_id).expect("plan");
    plan["checks"].as_array().expect("checks").iter().filter(|c| c["severity"] == severity).count()
}

#[test]
fn summary_counts_each_plans_checks_by_severity() {
    let d = dataset();
    let rows = summary(&d, &CheckFilter::default());
    assert_eq!(rows.iter().map(|r| r.plan_id.as_str()).collect::<Vec<_>>(), d.plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>());
    for r in &rows {
        assert_eq!(r.errors, raw_count(&r.plan_id, "error"), "{}", r.plan_id);
        assert_eq!(r.warnings, raw_count(&r.plan_id, "warning"), "{}", r.plan_id);
        assert_eq!(r.notes, raw_count(&r.plan_id, "info"), "{}", r.plan_id);
        assert_eq!(r.total(), d.plan(&r.plan_id).expect("plan").checks.len());
        assert_eq!(r.of(Severity::Error), r.errors);
    }
    let fenxi = rows.iter().find(|r| r.plan_id == "fenxi").expect("fenxi");
    assert_eq!((fenxi.errors, fenxi.warnings, fenxi.notes), (12, 39, 3));
    let total = summary_total(&rows);
    assert_eq!(total.total(), d.plans.iter().map(|p| p.checks.len()).sum::<usize>());
}

#[test]
fn filters_select_by_severity_and_kind_together() {
    let d = dataset();
    let errors = CheckFilter { severity: Some(Severity::Error), kind: None };
    let rows = summary(&d, &errors);
    assert!(rows.iter().all(|r| r.warnings == 0 && r.notes == 0));
    assert_eq!(summary_total(&rows).errors, summary_total(&summary(&d, &CheckFilter::default())).errors);

    let conflicts = CheckFilter { severity: Some(Severity::Error), kind: Some(CheckKind::TextVsTable) };
    let n: usize = d.plans.iter().flat_map(|p| &p.checks).filter(|c| conflicts.matches(c)).count();
    let by_hand = d
        .plans
        .iter()
        .flat_map(|p| &p.checks)
        .filter(|c| c.severity == Severity::Error && c.kind.as_deref() == Some("text_vs_table"))
        .count();
    assert_eq!(n, by_hand);
    assert!(n > 0);
    assert_eq!(summary_total(&summary(&d, &conflicts)).total(), n);
}

#[test]
fn kinds_read_from_the_data_and_unknown_is_other() {
    let d = dataset();
    let counts = kind_counts(&d);
    assert_eq!(counts.len(), CheckKind::ALL.len());
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), d.plans.iter().map(|p| p.checks.len()).sum::<usize>());
    for k in CheckKind::ALL {
        assert_eq!(CheckKind::from_slug(k.slug()), Some(k));
    }
    let mut check = d.plans[0].checks[0].clone();
    check.kind = None;
    assert_eq!(CheckKind::of(&check), CheckKind::Other);
    check.kind = Some("something_new".into());
    assert_eq!(CheckKind::of(&check), CheckKind::Other);
    check.kind = Some("duplicate".into());
    assert_eq!(CheckKind::of(&check), CheckKind::Duplicate);
}
