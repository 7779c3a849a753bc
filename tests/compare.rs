//! Native tests of the plan comparison on the real dataset: the table's figures, each chart's
//! series (and which plans are left out, and why), and the province plan's counties by exit year.

use plan_explorer::domain::compare::{
    counties_by_exit_year, county_matches, merge_lines, own_plan_id, per_person, summaries, Basis, ChartMeasure, Gap,
    LeftOut, Point,
};
use plan_explorer::domain::dataset::{parse_dataset, Dataset, Level};
use plan_explorer::domain::money::Yuan;

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).expect("the bundled dataset is valid")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn series(measure: ChartMeasure, id: &str) -> Vec<Point> {
    let d = dataset();
    let c = measure.compare(&d);
    c.series.into_iter().find(|s| s.plan_id == id).unwrap_or_else(|| panic!("{id} is on the {measure:?} chart")).points
}

fn value(points: &[Point], year: i32) -> Option<f64> {
    points.iter().find(|p| p.year == year).and_then(|p| p.value)
}

#[test]
fn table_has_one_row_per_plan_with_the_plans_figures() {
    let d = dataset();
    let rows = summaries(&d);
    assert_eq!(rows.iter().map(|r| r.plan_id.as_str()).collect::<Vec<_>>(), ["antu", "mianchi", "tianzhen", "fenxi", "shanxi"]);
    let antu = &rows[0];
    assert_eq!(antu.poor_people.value, Some(10146));
    assert_eq!(antu.poor_villages.value, Some(80));
    assert_eq!(antu.incidence_pct.value, Some(10.29));
    assert_eq!(antu.exit_year.value, Some(2019));
    assert_eq!(antu.funding.value, Some(Yuan(3_085_032_900)));
    assert!(!antu.poor_people.lines.is_empty() && !antu.funding.lines.is_empty());
    let shanxi = rows.iter().find(|r| r.plan_id == "shanxi").unwrap();
    assert_eq!(shanxi.level, Level::Province);
    assert_eq!(shanxi.poor_people.value, Some(2_320_000));
    assert_eq!(shanxi.period, [2016, 2020]);
}

#[test]
fn funding_per_person_is_total_over_baseline_poor_people() {
    let d = dataset();
    let rows = summaries(&d);
    let antu = rows.iter().find(|r| r.plan_id == "antu").unwrap();
    // 308,503.29 万元 = 3,085,032,900 元 over 10,146 people = 304,063.96… → 304,064 元.
    assert_eq!(antu.funding_per_person.value, Some(Yuan(304_064)));
    let lines = &antu.funding_per_person.lines;
    assert!(lines.contains(&1137) && lines.contains(&832), "cites the total and the baseline: {lines:?}");
    let tianzhen = rows.iter().find(|r| r.plan_id == "tianzhen").unwrap();
    assert_eq!(tianzhen.funding_per_person.value, per_person(Yuan::from_wan(1_395_093.68), 21_965));
    // No funding total: unknown, and an unknown figure cites nothing.
    for id in ["mianchi", "fenxi", "shanxi"] {
        let r = rows.iter().find(|r| r.plan_id == id).unwrap();
        assert_eq!(r.funding.value, None, "{id}");
        assert_eq!(r.funding_per_person.value, None, "{id}");
        assert!(r.funding_per_person.lines.is_empty(), "{id}");
    }
    let mianchi = rows.iter().find(|r| r.plan_id == "mianchi").unwrap();
    assert_eq!(mianchi.exit_year.value, Some(2020));
}

#[test]
fn per_person_rounds_and_refuses_empty_cohorts() {
    assert_eq!(per_person(Yuan(10), 4), Some(Yuan(3)));
    assert_eq!(per_person(Yuan(9), 4), Some(Yuan(2)));
    assert_eq!(per_person(Yuan(100), 0), None);
    assert_eq!(per_person(Yuan(100), -3), None);
}

#[test]
fn exits_as_share_of_each_cohort() {
    let antu = series(ChartMeasure::ExitShare, "antu");
    assert_eq!(antu.iter().map(|p| p.year).collect::<Vec<_>>(), [2016, 2017, 2018, 2019, 2020]);
    assert!(close(value(&antu, 2016).unwrap(), 1885.0 * 100.0 / 10146.0));
    assert!(close(value(&antu, 2019).unwrap(), 3324.0 * 100.0 / 10146.0));
    assert_eq!(value(&antu, 2020), Some(0.0), "a printed zero stays zero");
    assert!(antu[0].actual && !antu[2].actual, "2016 achieved, 2018 planned");
    let shanxi = series(ChartMeasure::ExitShare, "shanxi");
    let sum: f64 = shanxi.iter().filter_map(|p| p.value).sum();
    assert!(close(sum, 100.0), "山西省's yearly exits add up to its 232万: {sum}");
    // 渑池县 counts from its 2017 baseline.
    let mianchi = series(ChartMeasure::ExitShare, "mianchi");
    assert_eq!(mianchi.first().map(|p| p.year), Some(2018));
    assert!(close(value(&mianchi, 2018).unwrap(), 5500.0 * 100.0 / 13319.0));
}

#[test]
fn tianzhen_is_left_out_where_its_targets_are_not_printed() {
    let d = dataset();
    for measure in [ChartMeasure::ExitShare, ChartMeasure::RemainingIndex] {
        let c = measure.compare(&d);
        assert!(c.left_out.contains(&("tianzhen".to_string(), LeftOut::NoExitsAfterBaseline)), "{measure:?}: {:?}", c.left_out);
        assert!(!c.series.iter().any(|s| s.plan_id == "tianzhen"));
        assert_eq!(c.series.len() + c.left_out.len(), d.plans.len());
    }
}

#[test]
fn remaining_indexed_to_each_baseline() {
    let antu = series(ChartMeasure::RemainingIndex, "antu");
    assert_eq!(antu[0].year, 2015);
    assert_eq!(antu[0].value, Some(100.0));
    // After 2018, 3,324 of 10,146 are still poor.
    assert!(close(value(&antu, 2018).unwrap(), 3324.0 / 10146.0 * 100.0));
    assert_eq!(value(&antu, 2019), Some(0.0));
    // The 2018 figure rests on the baseline and the 2016–2018 rows.
    let lines = &antu.iter().find(|p| p.year == 2018).unwrap().lines;
    for l in [832, 844, 845, 846, 905] {
        assert!(lines.contains(&l), "{l} in {lines:?}");
    }
    let fenxi = series(ChartMeasure::RemainingIndex, "fenxi");
    assert!(close(value(&fenxi, 2019).unwrap(), (31208.0 - 29537.0) / 31208.0 * 100.0), "汾西县's exits fall 1,671 short");
    let mianchi = series(ChartMeasure::RemainingIndex, "mianchi");
    assert_eq!(mianchi[0].year, 2017);
    assert_eq!(value(&mianchi, 2020), Some(0.0));
}

#[test]
fn incidence_computed_where_rural_population_is_given_else_printed_else_left_out() {
    let d = dataset();
    let c = ChartMeasure::Incidence.compare(&d);
    let basis = |id: &str| c.series.iter().find(|s| s.plan_id == id).map(|s| s.basis);
    assert_eq!(basis("antu"), Some(Basis::RuralPopulation));
    assert_eq!(basis("fenxi"), Some(Basis::RuralPopulation));
    assert_eq!(basis("tianzhen"), Some(Basis::PrintedIndicator));
    let mut left = c.left_out.clone();
    left.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(left, [("mianchi".to_string(), LeftOut::NoIncidence), ("shanxi".to_string(), LeftOut::NoIncidence)]);

    let antu = series(ChartMeasure::Incidence, "antu");
    assert!(close(value(&antu, 2015).unwrap(), 10146.0 * 100.0 / 98566.0));
    assert!(close(value(&antu, 2018).unwrap(), 3324.0 * 100.0 / 98566.0));
    let tianzhen = series(ChartMeasure::Incidence, "tianzhen");
    assert_eq!(tianzhen.len(), 1);
    assert_eq!((tianzhen[0].year, tianzhen[0].value), (2019, Some(2.0)));
    assert!(tianzhen[0].lines.contains(&76));
}

#[test]
fn funding_per_exited_person_by_year() {
    let d = dataset();
    let c = ChartMeasure::FundingPerExit.compare(&d);
    assert_eq!(c.series.iter().map(|s| s.plan_id.as_str()).collect::<Vec<_>>(), ["antu"]);
    for id in ["mianchi", "tianzhen", "fenxi", "shanxi"] {
        assert!(c.left_out.contains(&(id.to_string(), LeftOut::NoFundingByYear)), "{id}");
    }
    let antu = series(ChartMeasure::FundingPerExit, "antu");
    // 2016: 16,224.40 万元 over 1,885 people.
    assert_eq!(value(&antu, 2016), Some(per_person(Yuan::from_wan(16224.40), 1885).unwrap().0 as f64));
    assert_eq!(value(&antu, 2016), Some(86_071.0));
    assert_eq!(value(&antu, 2019), Some(per_person(Yuan::from_wan(111790.57), 3324).unwrap().0 as f64));
    // 2020 plans 94,717.4 万元 and zero exits: no figure, for a stated reason.
    let p2020 = antu.iter().find(|p| p.year == 2020).unwrap();
    assert_eq!((p2020.value, p2020.gap), (None, Some(Gap::NoExits)));
    let lines = &antu.iter().find(|p| p.year == 2016).unwrap().lines;
    assert!(lines.contains(&1153) && lines.contains(&844), "{lines:?}");
}

#[test]
fn chart_years_cover_every_series() {
    let d = dataset();
    assert_eq!(ChartMeasure::RemainingIndex.compare(&d).years(), (2015..=2020).collect::<Vec<_>>());
    assert_eq!(ChartMeasure::FundingPerExit.compare(&d).years(), (2016..=2020).collect::<Vec<_>>());
}

#[test]
fn merged_lines_are_sorted_and_unique() {
    assert_eq!(merge_lines([&vec![5, 3], &vec![3, 9, 1]]), vec![1, 3, 5, 9]);
}

#[test]
fn shanxi_counties_by_exit_year_match_the_schedule() {
    let d = dataset();
    let shanxi = d.plan("shanxi").unwrap();
    let groups = counties_by_exit_year(shanxi);
    let shape: Vec<(Option<i32>, usize, Option<i64>)> = groups.iter().map(|g| (g.year, g.counties.len(), g.scheduled)).collect();
    assert_eq!(shape, [(Some(2017), 14, Some(14)), (Some(2018), 17, Some(17)), (Some(2019), 27, Some(27))]);
    assert!(groups.iter().all(|g| g.matches_schedule()));
    assert!(groups.iter().all(|g| !g.schedule_lines.is_empty()));
    let in_2019: Vec<&str> = groups[2].counties.iter().map(|c| c.name_zh.as_str()).collect();
    assert!(in_2019.contains(&"汾西县") && in_2019.contains(&"天镇县"));
    assert_eq!(groups[0].counties.len() + groups[1].counties.len() + groups[2].counties.len(), 58);
}

#[test]
fn a_county_list_that_disagrees_with_the_schedule_is_reported() {
    let d = dataset();
    let mut shanxi = d.plan("shanxi").unwrap().clone();
    // Move one 2017 county to 2018 and drop the year of another.
    let i = shanxi.counties.iter().position(|c| c.exit_year == Some(2017)).unwrap();
    shanxi.counties[i].exit_year = Some(2018);
    let j = shanxi.counties.iter().position(|c| c.exit_year == Some(2019)).unwrap();
    shanxi.counties[j].exit_year = None;
    let groups = counties_by_exit_year(&shanxi);
    let shape: Vec<(Option<i32>, usize, bool)> = groups.iter().map(|g| (g.year, g.counties.len(), g.matches_schedule())).collect();
    assert_eq!(shape, [(Some(2017), 13, false), (Some(2018), 18, false), (Some(2019), 26, false), (None, 1, true)]);
    // A schedule year with counties but none listed still shows, empty.
    shanxi.counties.retain(|c| c.exit_year != Some(2017));
    let groups = counties_by_exit_year(&shanxi);
    assert_eq!((groups[0].year, groups[0].counties.len(), groups[0].matches_schedule()), (Some(2017), 0, false));
}

#[test]
fn county_search_and_own_plans() {
    let d = dataset();
    let shanxi = d.plan("shanxi").unwrap();
    let fenxi = shanxi.counties.iter().find(|c| c.name_zh == "汾西县").unwrap();
    assert!(county_matches(fenxi, "汾西"));
    assert!(county_matches(fenxi, " fenxi "));
    assert!(county_matches(fenxi, ""));
    assert!(!county_matches(fenxi, "天镇"));
    let found: Vec<&str> = shanxi.counties.iter().filter(|c| county_matches(c, "汾")).map(|c| c.name_zh.as_str()).collect();
    assert_eq!(found, ["汾西县"]);
    let with_plans: Vec<(&str, &str)> =
        shanxi.counties.iter().filter_map(|c| own_plan_id(&d, c).map(|id| (c.name_zh.as_str(), id))).collect();
    assert_eq!(with_plans, [("天镇县", "tianzhen"), ("汾西县", "fenxi")]);
}
