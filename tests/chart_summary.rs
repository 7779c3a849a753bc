//! Native tests of the charts' one-sentence summaries (src/charts/summary.rs): built from the
//! bars and lines the charts draw, for the bundled plans, in both languages.

use plan_explorer::charts::bars::Bar;
use plan_explorer::charts::lines::Series;
use plan_explorer::charts::plan_series::{exits_bars, remaining_series};
use plan_explorer::charts::summary::{bars_summary, line_summary, series_summary, Words};
use plan_explorer::domain::dataset::{parse_dataset, Dataset, Plan};
use plan_explorer::domain::format::{fmt_count, fmt_pct, Lang};
use plan_explorer::domain::schedule::Measure;

const ZH: Words = Words { unknown: "未载明", achieved: "已完成", was: "原为" };
const EN: Words = Words { unknown: "not stated", achieved: "achieved", was: "was" };

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).expect("the bundled dataset is valid")
}

fn plan<'a>(d: &'a Dataset, id: &str) -> &'a Plan {
    d.plan(id).expect("plan")
}

fn people_zh(v: f64) -> String {
    format!("{}人", fmt_count(v as i64, Lang::Zh))
}

fn people_en(v: f64) -> String {
    format!("{} people", fmt_count(v as i64, Lang::En))
}

#[test]
fn exits_of_antu_read_year_by_year_with_achieved_years_marked() {
    let d = dataset();
    let p = plan(&d, "antu");
    let bars = exits_bars(&p.exit_schedule, &p.exit_schedule, Measure::People);
    assert_eq!(
        bars_summary("每年脱贫人数", &bars, &people_zh, &ZH, Lang::Zh),
        "每年脱贫人数：2016年1,885人（已完成）、2017年2,823人（已完成）、2018年2,114人、2019年3,324人、2020年0人。"
    );
    assert_eq!(
        bars_summary("People exiting poverty each year", &bars, &people_en, &EN, Lang::En),
        "People exiting poverty each year — 2016: 1,885 people (achieved), 2017: 2,823 people (achieved), \
         2018: 2,114 people, 2019: 3,324 people, 2020: 0 people."
    );
}

#[test]
fn a_changed_year_names_the_printed_figure() {
    let d = dataset();
    let p = plan(&d, "antu");
    let mut rows = p.exit_schedule.clone();
    rows.iter_mut().filter(|r| r.year == 2018).for_each(|r| r.people = Some(1114));
    let bars = exits_bars(&p.exit_schedule, &rows, Measure::People);
    let zh = bars_summary("每年脱贫人数", &bars, &people_zh, &ZH, Lang::Zh);
    assert!(zh.contains("2018年1,114人（原为2,114人）"), "{zh}");
    assert!(zh.contains("2019年3,324人、"), "unchanged years carry no note: {zh}");
    let en = bars_summary("Exits", &bars, &people_en, &EN, Lang::En);
    assert!(en.contains("2018: 1,114 people (was 2,114 people)"), "{en}");
}

#[test]
fn unknown_figures_are_said_to_be_unknown_never_zero() {
    let d = dataset();
    let p = plan(&d, "tianzhen");
    let bars = exits_bars(&p.exit_schedule, &p.exit_schedule, Measure::People);
    let zh = bars_summary("每年脱贫人数", &bars, &people_zh, &ZH, Lang::Zh);
    assert!(zh.contains("2018年未载明、2019年未载明、2020年未载明。"), "{zh}");
    assert!(!zh.contains("2018年0"), "{zh}");
    let en = bars_summary("Exits", &bars, &people_en, &EN, Lang::En);
    assert!(en.ends_with("2020: not stated."), "{en}");
}

#[test]
fn every_bar_of_every_plan_is_in_its_sentence() {
    let d = dataset();
    for p in &d.plans {
        let bars = exits_bars(&p.exit_schedule, &p.exit_schedule, Measure::People);
        let zh = bars_summary("T", &bars, &people_zh, &ZH, Lang::Zh);
        for b in &bars {
            let value = b.value.map_or_else(|| "未载明".to_string(), people_zh);
            assert!(zh.contains(&format!("{}年{value}", b.year)), "{}: {zh}", p.id);
        }
        assert_eq!(zh.matches('、').count(), bars.len().saturating_sub(1), "{}: one item per bar: {zh}", p.id);
    }
}

#[test]
fn people_still_poor_with_the_exit_standard_level() {
    let d = dataset();
    let p = plan(&d, "antu");
    let line = remaining_series(p, &p.exit_schedule);
    let zh = line_summary("年末剩余贫困人口", &line, &line, Some(("退出标准对应人数", 1683.0)), &people_zh, &ZH, Lang::Zh);
    assert_eq!(
        zh,
        "年末剩余贫困人口：2015年10,146人、2016年8,261人、2017年5,438人、2018年3,324人、2019年0人、2020年0人；退出标准对应人数1,683人。"
    );
    let en = line_summary("People still poor", &line, &line, None, &people_en, &EN, Lang::En);
    assert!(en.starts_with("People still poor — 2015: 10,146 people, 2016: 8,261 people"), "{en}");
    assert!(en.ends_with("2020: 0 people."), "{en}");
}

#[test]
fn a_scenario_line_notes_the_printed_line_where_they_part() {
    let scenario = Series { points: vec![(2017, Some(100.0)), (2018, Some(40.0)), (2019, None)] };
    let printed = Series { points: vec![(2017, Some(100.0)), (2018, Some(50.0)), (2019, Some(0.0))] };
    let zh = line_summary("剩余", &scenario, &printed, None, &people_zh, &ZH, Lang::Zh);
    assert_eq!(zh, "剩余：2017年100人、2018年40人（原为50人）、2019年未载明（原为0人）。");
}

#[test]
fn named_series_read_one_after_another() {
    let series = vec![
        ("安图县".to_string(), vec![(2015, Some(10.29)), (2016, Some(8.0))]),
        ("渑池县".to_string(), vec![(2017, None), (2018, Some(2.5))]),
    ];
    let pct = |v: f64| fmt_pct(v, Lang::Zh);
    assert_eq!(series_summary("贫困发生率", &series, &pct, &ZH, Lang::Zh), "贫困发生率：安图县（2015年10.29%、2016年8%）；渑池县（2017年未载明、2018年2.5%）。");
    let series_en = vec![("Antu County".to_string(), vec![(2015, Some(10.29))])];
    let pct_en = |v: f64| fmt_pct(v, Lang::En);
    assert_eq!(series_summary("Poverty incidence", &series_en, &pct_en, &EN, Lang::En), "Poverty incidence — Antu County (2015: 10.29%).");
}

#[test]
fn an_empty_chart_still_makes_a_sentence() {
    let bars: Vec<Bar> = Vec::new();
    assert_eq!(bars_summary("资金", &bars, &people_zh, &ZH, Lang::Zh), "资金。");
}

#[test]
fn a_dashed_line_is_one_element_with_a_dash_pattern() {
    use plan_explorer::charts::lines::{lines_svg, Series};
    let scenario = Series { points: vec![(2016, Some(9000.0)), (2017, Some(5000.0)), (2018, Some(0.0))] };
    let baseline = Series { points: vec![(2016, Some(9000.0)), (2017, Some(7000.0)), (2018, Some(1000.0))] };
    let svg = lines_svg(&scenario, &baseline, Some(3000.0), Lang::Zh, 640, 360);
    assert_eq!(svg.matches(r#"stroke-dasharray="8 6""#).count(), 1, "baseline: {svg}");
    assert_eq!(svg.matches(r#"stroke-dasharray="6 4""#).count(), 1, "threshold: {svg}");
    // The axes share the baseline's colour but stay solid.
    assert!(svg.contains(r##"stroke="#333333" stroke-width="1""##) && !svg.contains(r##"stroke-width="1" stroke-dasharray"##));
    assert!(svg.matches('<').count() < 60, "{} elements", svg.matches('<').count());
}
