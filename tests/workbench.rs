//! Native tests of the what-if workbench's domain: budget split with locks, share links,
//! scenario book-keeping, county moves, undo history.

use plan_explorer::domain::budget::{balance, dimensions, parts, BudgetError, Dimension};
use plan_explorer::domain::counties::counts_by_year;
use plan_explorer::domain::dataset::{parse_dataset, Dataset, Plan};
use plan_explorer::domain::money::Yuan;
use plan_explorer::domain::scenario::Scenario;
use plan_explorer::domain::schedule::Measure;
use plan_explorer::domain::share::{decode_scenario, encode_scenario};
use plan_explorer::domain::workspace::Workspace;
use proptest::prelude::*;

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).unwrap()
}

fn plan(id: &str) -> Plan {
    dataset().plan(id).unwrap().clone()
}

#[test]
fn antu_splits_its_money_four_ways_and_the_printed_split_balances() {
    let p = plan("antu");
    assert_eq!(dimensions(&p), Dimension::ALL.to_vec());
    for d in Dimension::ALL {
        let b = balance(&p, &parts(&p, None, d)).unwrap();
        assert!(b.is_balanced(), "{d:?}: {:?}", b);
    }
    assert!(dimensions(&plan("fenxi")).is_empty(), "no total, no split");
}

#[test]
fn lock_a_year_and_rebalance_the_rest() {
    let p = plan("antu");
    let mut s = Scenario::new("s", &p, "t");
    s.set_part(&p, Dimension::Year, "2016", Yuan::from_wan(30000.0)).unwrap();
    let unbalanced = balance(&p, &parts(&p, Some(&s), Dimension::Year)).unwrap();
    assert!(unbalanced.difference() > Yuan::ZERO);
    s.set_locked(&p, Dimension::Year, "2016", true).unwrap();
    s.rebalance(&p, Dimension::Year).unwrap();
    let after = parts(&p, Some(&s), Dimension::Year);
    assert_eq!(after[0].amount, Yuan::from_wan(30000.0), "the locked year kept its amount");
    assert!(balance(&p, &after).unwrap().is_balanced());
    // Proportions of the unlocked years are kept (2019 stays the largest).
    let max = after.iter().skip(1).max_by_key(|p| p.amount).unwrap();
    assert_eq!(max.key, "2019");
}

#[test]
fn impossible_budgets_are_refused_in_words() {
    let p = plan("antu");
    let mut s = Scenario::new("s", &p, "t");
    s.set_part(&p, Dimension::Year, "2016", Yuan::from_wan(400000.0)).unwrap();
    s.set_locked(&p, Dimension::Year, "2016", true).unwrap();
    let err = s.rebalance(&p, Dimension::Year).unwrap_err();
    assert!(matches!(err, BudgetError::LockedExceedTotal { .. }));
    assert!(err.message_zh().contains("超过资金总额30.85亿元"), "{}", err.message_zh());
    assert!(err.message_en().contains("more than the total of ¥3.09 bn"), "{}", err.message_en());
    for key in ["2017", "2018", "2019", "2020"] {
        s.set_locked(&p, Dimension::Year, key, true).unwrap();
    }
    s.set_part(&p, Dimension::Year, "2016", Yuan(0)).unwrap();
    assert_eq!(s.rebalance(&p, Dimension::Year), Err(BudgetError::AllLocked));
    assert_eq!(s.set_part(&p, Dimension::Year, "2031", Yuan(1)), Err(BudgetError::NoSuchPart { key: "2031".into() }));
}

#[test]
fn a_shared_scenario_round_trips_and_tampering_is_named() {
    let d = dataset();
    let p = d.plan("antu").unwrap();
    let mut s = Scenario::new("s1", p, "前置方案 <b>");
    s.move_exits(p, Measure::People, 2019, 2018, 2000).unwrap();
    s.set_part(p, Dimension::Category, &p.funding.by_category[0].name_zh, Yuan(123)).unwrap();
    let decoded = decode_scenario(&encode_scenario(&s), &d).unwrap();
    assert_eq!((decoded.exits, decoded.budget, decoded.name), (s.exits.clone(), s.budget.clone(), s.name.clone()));

    use base64::Engine;
    let enc = |json: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    let cases = [
        (r#"{"v":1,"plan":"nowhere","name":"x"}"#, "plan"),
        (r#"{"v":2,"plan":"antu","name":"x"}"#, "v"),
        (r#"{"v":1,"plan":"antu","name":"x","exits":[{"year":2017,"measure":"people","value":1}]}"#, "exits[0].year"),
        (r#"{"v":1,"plan":"antu","name":"x","exits":[{"year":2018,"measure":"people","value":-1}]}"#, "exits[0].value"),
        (r#"{"v":1,"plan":"antu","name":"x","exits":[{"year":2018,"measure":"people","value":"many"}]}"#, "exits[0].value"),
        (r#"{"v":1,"plan":"antu","name":"x","evil":1}"#, "evil"),
        (r#"{"v":1,"plan":"antu","name":"x","exits":[{"year":2045,"measure":"people","value":1}]}"#, "exits[0].year"),
    ];
    for (json, field) in cases {
        let err = decode_scenario(&enc(json), &d).unwrap_err();
        assert!(err.field.contains(field) || err.message_en().contains(field), "{json}: {err:?}");
        assert!(!err.message_zh().is_empty() && !err.message_en().is_empty());
    }
    assert!(decode_scenario("%%%", &d).is_err());
    assert!(decode_scenario(&"A".repeat(10_000), &d).is_err());
}

#[test]
fn scenarios_are_made_copied_renamed_deleted_and_adopted_once() {
    let p = plan("antu");
    let mut w = Workspace::default();
    let a = w.create_scenario(&p, "A");
    w.active_scenario_mut(&p, "x").set_exit(&p, 2018, Measure::People, 3000).unwrap();
    let b = w.duplicate_scenario(&a, "A copy").unwrap();
    assert_ne!(a, b);
    assert_eq!(w.active_scenario(&p.id).unwrap().exits.len(), 1, "the copy carries the edits");
    assert!(w.rename_scenario(&b, "B"));
    assert!(!w.rename_scenario(&b, "   "), "a blank name is refused");
    let removed = w.delete_scenario(&b).unwrap();
    assert_eq!(removed.name, "B");
    assert!(w.active_scenario(&p.id).is_none(), "the plan shows the printed plan after deleting the open scenario");
    let first = w.adopt_scenario(removed.clone());
    let again = w.adopt_scenario(removed);
    assert_eq!(first, again, "the same link opened twice makes one scenario");
    assert_eq!(w.scenarios_of(&p.id).count(), 2);
    assert!(w.validate().is_ok());
}

#[test]
fn shanxi_counties_move_between_years_and_the_schedule_follows() {
    let p = plan("shanxi");
    let printed = counts_by_year(&p, None);
    assert_eq!((printed[&2017], printed[&2018], printed[&2019]), (14, 17, 27));
    let name = p.counties.iter().find(|c| c.exit_year == Some(2019)).unwrap().name_zh.clone();
    let mut s = Scenario::new("s", &p, "t");
    s.move_county(&p, &name, 2018).unwrap();
    let counts = counts_by_year(&p, Some(&s));
    assert_eq!((counts[&2018], counts[&2019]), (18, 26));
    let rows = s.apply(&p).rows;
    assert_eq!(rows.iter().find(|r| r.year == 2018).unwrap().counties, Some(18));
    s.move_county(&p, &name, 2019).unwrap();
    assert!(s.counties.is_empty(), "moving it back removes the move");
}

proptest! {
    #[test]
    fn rebalancing_always_adds_up_and_keeps_the_locks(
        amounts in prop::collection::vec(0i64..5_000_000_000, 5),
        locks in prop::collection::vec(any::<bool>(), 5),
    ) {
        let p = plan("antu");
        let mut s = Scenario::new("s", &p, "t");
        let keys: Vec<String> = parts(&p, None, Dimension::Year).into_iter().map(|p| p.key).collect();
        for ((key, amount), lock) in keys.iter().zip(&amounts).zip(&locks) {
            s.set_part(&p, Dimension::Year, key, Yuan(*amount)).unwrap();
            s.set_locked(&p, Dimension::Year, key, *lock).unwrap();
        }
        let before = parts(&p, Some(&s), Dimension::Year);
        match s.rebalance(&p, Dimension::Year) {
            Ok(()) => {
                let after = parts(&p, Some(&s), Dimension::Year);
                prop_assert!(balance(&p, &after).unwrap().is_balanced());
                prop_assert!(after.iter().all(|x| x.amount.0 >= 0));
                for (b, a) in before.iter().zip(&after) {
                    if b.locked { prop_assert_eq!(b.amount, a.amount); }
                }
            }
            Err(BudgetError::LockedExceedTotal { locked, total }) => prop_assert!(locked > total),
            Err(BudgetError::AllLocked) => prop_assert!(locks.iter().all(|&l| l)),
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }
}

#[test]
fn after_a_dataset_update_unappliable_edits_are_reported_not_dropped() {
    let mut d = dataset();
    let p = d.plan("antu").unwrap().clone();
    let mut w = Workspace::default();
    w.create_scenario(&p, "A");
    w.active_scenario_mut(&p, "A").set_exit(&p, 2018, Measure::People, 3000).unwrap();
    w.active_scenario_mut(&p, "A").set_part(&p, Dimension::Township, &p.funding.by_township[0].name_zh, Yuan(1)).unwrap();
    assert!(w.reconcile(&d).is_empty());
    // A new dataset in which 2018 is reported as achieved and the township was renamed.
    let antu = d.plans.iter_mut().find(|x| x.id == "antu").unwrap();
    antu.exit_schedule[2].status = plan_explorer::domain::dataset::RowStatus::Actual;
    antu.funding.by_township[0].name_zh = "新名称".into();
    let report = w.reconcile(&d);
    assert_eq!(report.len(), 2, "{report:?}");
    assert!(report[0].zh.contains("2018年") && report[0].en.contains("2018"));
    assert!(report[1].en.contains("no longer in the plan"));
    assert_eq!(w.scenarios[0].exits.len(), 1, "the edit itself is kept");
    d.plans.retain(|x| x.id != "antu");
    assert!(w.reconcile(&d)[0].en.contains("no longer in the data"));
}
