//! Native tests of the 项目库 logic (src/domain/projects.rs) against the real dataset: filters
//! combine with AND, the year and amount semantics, stable sorting, totals in whole 元.

use plan_explorer::domain::dataset::{parse_dataset, Dataset, Project};
use plan_explorer::domain::money::Yuan;
use plan_explorer::domain::projects::{
    categories, filter, parse_bound, project_years, sort, toggle, totals, townships, years, BadBound, Direction, ProjectFilter,
    ProjectRef, Sort, SortKey,
};

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/plans.json")).expect("the bundled dataset is valid")
}

fn all_rows(d: &Dataset) -> usize {
    d.plans.iter().map(|p| p.projects.len()).sum()
}

fn project(d: &Dataset, r: ProjectRef) -> &Project {
    r.get(d).expect("a filtered row exists").1
}

fn only_plan(id: &str) -> ProjectFilter {
    ProjectFilter { plan_id: Some(id.into()), ..ProjectFilter::default() }
}

#[test]
fn no_filter_keeps_every_row_in_dataset_order() {
    let d = dataset();
    let rows = filter(&d, &ProjectFilter::default());
    assert_eq!(rows.len(), all_rows(&d));
    let mut expected = Vec::new();
    for (i, p) in d.plans.iter().enumerate() {
        for j in 0..p.projects.len() {
            expected.push(ProjectRef { plan: i, project: j });
        }
    }
    assert_eq!(rows, expected);
}

#[test]
fn tianzhen_projects_add_up_to_its_printed_total() {
    let d = dataset();
    let plan = d.plan("tianzhen").expect("tianzhen is bundled");
    let printed = plan.funding.total_wan_yuan.expect("tianzhen prints a total");
    assert_eq!(printed, 1_395_093.68);
    let rows = filter(&d, &only_plan("tianzhen"));
    assert_eq!(rows.len(), 55);
    let t = totals(&d, &rows);
    assert_eq!(t.count, 55);
    assert_eq!(t.amount, Yuan(13_950_936_800));
    assert_eq!(t.amount, Yuan::from_wan(printed));
    assert_eq!(t.without_amount, plan.projects.iter().filter(|p| p.amount_wan_yuan.is_none()).count());
    assert_eq!(t.without_amount, 1);
}

#[test]
fn totals_count_missing_amounts_apart_not_as_zero() {
    let d = dataset();
    let rows = filter(&d, &only_plan("shanxi"));
    let t = totals(&d, &rows);
    assert_eq!(t.count, 53);
    assert_eq!(t.without_amount, 52);
    assert_eq!(t.amount, Yuan::from_wan(12_000_000.0));
    assert_eq!(totals(&d, &[]), Default::default());
}

#[test]
fn search_matches_name_and_category_as_a_chinese_substring() {
    let d = dataset();
    let rows = filter(&d, &ProjectFilter { query: "光伏".into(), ..ProjectFilter::default() });
    assert!(!rows.is_empty());
    for &r in &rows {
        let p = project(&d, r);
        let text = format!("{}{}", p.name_zh, p.category_zh.clone().unwrap_or_default());
        assert!(text.contains("光伏"), "{}", p.name_zh);
    }
    // Every row mentioning it anywhere searched is found.
    let expected = d
        .plans
        .iter()
        .flat_map(|p| &p.projects)
        .filter(|p| {
            [Some(&p.name_zh), p.category_zh.as_ref(), p.township_zh.as_ref(), p.village_zh.as_ref()]
                .into_iter()
                .flatten()
                .any(|s| s.contains("光伏"))
        })
        .count();
    assert_eq!(rows.len(), expected);
    // fenxi's category 光伏扶贫 brings rows whose names say 光伏 too, and its 户用 stations.
    let by_category = filter(&d, &ProjectFilter { query: "光伏扶贫".into(), ..only_plan("fenxi") });
    assert!(by_category.iter().all(|&r| project(&d, r).category_zh.as_deref() == Some("光伏扶贫") || project(&d, r).name_zh.contains("光伏扶贫")));
    assert!(by_category.iter().any(|&r| project(&d, r).name_zh.starts_with("户用光伏电站")));
}

#[test]
fn search_terms_combine_and_blank_query_is_no_filter() {
    let d = dataset();
    let both = filter(&d, &ProjectFilter { query: " 光伏  电站 ".into(), ..ProjectFilter::default() });
    assert!(!both.is_empty());
    for &r in &both {
        let p = project(&d, r);
        let text = format!("{} {}", p.name_zh, p.category_zh.clone().unwrap_or_default());
        assert!(text.contains("光伏") && text.contains("电站"), "{text}");
    }
    assert_eq!(filter(&d, &ProjectFilter { query: "   ".into(), ..ProjectFilter::default() }).len(), all_rows(&d));
    assert!(filter(&d, &ProjectFilter { query: "不存在的项目名称".into(), ..ProjectFilter::default() }).is_empty());
}

#[test]
fn search_finds_townships() {
    let d = dataset();
    let rows = filter(&d, &ProjectFilter { query: "玉泉镇".into(), ..ProjectFilter::default() });
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|&r| project(&d, r).township_zh.as_deref() == Some("玉泉镇")));
}

#[test]
fn filters_combine_with_and() {
    let d = dataset();
    let fenxi = only_plan("fenxi");
    let industry = ProjectFilter { category: Some("产业扶贫".into()), ..fenxi.clone() };
    let in_2018 = ProjectFilter { year: Some(2018), ..fenxi.clone() };
    let both = ProjectFilter { category: Some("产业扶贫".into()), year: Some(2018), ..fenxi.clone() };
    let a = filter(&d, &industry);
    let b = filter(&d, &in_2018);
    let ab = filter(&d, &both);
    let intersection: Vec<ProjectRef> = a.iter().copied().filter(|r| b.contains(r)).collect();
    assert_eq!(ab, intersection);
    assert!(!ab.is_empty() && ab.len() < a.len() && ab.len() < b.len());
    // A category of another plan gives nothing once the plan is fixed.
    let other = ProjectFilter { category: Some("特色产业脱贫工程".into()), ..fenxi };
    assert!(filter(&d, &other).is_empty());
    assert_eq!(filter(&d, &ProjectFilter { category: Some("特色产业脱贫工程".into()), ..ProjectFilter::default() }).len(), 11);
}

#[test]
fn plan_filter_keeps_only_that_plan() {
    let d = dataset();
    for (i, plan) in d.plans.iter().enumerate() {
        let rows = filter(&d, &only_plan(&plan.id));
        assert_eq!(rows.len(), plan.projects.len());
        assert!(rows.iter().all(|r| r.plan == i));
    }
    assert!(filter(&d, &only_plan("nowhere")).is_empty());
}

#[test]
fn year_filter_takes_projects_whose_period_covers_the_year() {
    let d = dataset();
    let rows = filter(&d, &ProjectFilter { year: Some(2019), ..only_plan("tianzhen") });
    // tianzhen: 25 rows 2018–2020, 21 rows 2018–2019, 1 row 2019 only; 8 rows 2018 only are out.
    assert_eq!(rows.len(), 25 + 21 + 1);
    for &r in &rows {
        let (a, b) = project_years(project(&d, r)).expect("a row with years");
        assert!(a <= 2019 && 2019 <= b);
    }
    // Rows without years never match a year, and always match "all".
    let undated = d.plans.iter().flat_map(|p| &p.projects).filter(|p| project_years(p).is_none()).count();
    assert!(undated > 0);
    let any_year: std::collections::HashSet<ProjectRef> =
        (2010..=2025).flat_map(|y| filter(&d, &ProjectFilter { year: Some(y), ..ProjectFilter::default() })).collect();
    assert_eq!(any_year.len(), all_rows(&d) - undated);
}

#[test]
fn one_printed_year_stands_for_the_period() {
    let d = dataset();
    let fenxi = d.plan("fenxi").expect("fenxi is bundled");
    let starts_only = fenxi.projects.iter().find(|p| p.year_start.is_some() && p.year_end.is_none()).expect("a row with only a start year");
    assert_eq!(project_years(starts_only), Some((2016, 2016)));
    let ends_only = fenxi.projects.iter().find(|p| p.year_start.is_none() && p.year_end.is_some()).expect("a row with only an end year");
    assert_eq!(project_years(ends_only), Some((2019, 2019)));
}

#[test]
fn amount_bounds_are_inclusive_and_exclude_unknown_amounts() {
    let d = dataset();
    // antu's 光伏产业项目 is 27,000 万元 exactly.
    let exact = ProjectFilter { min_wan: Some(27_000.0), max_wan: Some(27_000.0), ..ProjectFilter::default() };
    let rows = filter(&d, &exact);
    assert!(rows.iter().any(|&r| project(&d, r).name_zh == "光伏产业项目"));
    assert!(rows.iter().all(|&r| project(&d, r).amount_wan_yuan == Some(27_000.0)));
    // A two-decimal amount matches a bound typed as printed.
    let bound = ProjectFilter { min_wan: Some(45_829.22), max_wan: Some(45_829.22), ..only_plan("tianzhen") };
    assert_eq!(filter(&d, &bound).len(), 1);
    let above = ProjectFilter { min_wan: Some(27_000.01), max_wan: Some(27_000.01), ..ProjectFilter::default() };
    assert!(filter(&d, &above).iter().all(|&r| project(&d, r).amount_wan_yuan != Some(27_000.0)));
    // Any bound drops rows that print no amount; no bound keeps them.
    let from_zero = filter(&d, &ProjectFilter { min_wan: Some(0.0), ..ProjectFilter::default() });
    let with_amount = d.plans.iter().flat_map(|p| &p.projects).filter(|p| p.amount_wan_yuan.is_some()).count();
    assert_eq!(from_zero.len(), with_amount);
    let upto = filter(&d, &ProjectFilter { max_wan: Some(100.0), ..ProjectFilter::default() });
    assert!(upto.iter().all(|&r| project(&d, r).amount_wan_yuan.is_some_and(|a| a <= 100.0)));
    // Crossed bounds match nothing.
    assert!(filter(&d, &ProjectFilter { min_wan: Some(10.0), max_wan: Some(5.0), ..ProjectFilter::default() }).is_empty());
}

#[test]
fn bounds_parse_as_typed() {
    assert_eq!(parse_bound(""), Ok(None));
    assert_eq!(parse_bound("  "), Ok(None));
    assert_eq!(parse_bound("27000"), Ok(Some(27000.0)));
    assert_eq!(parse_bound("1,395,093.68"), Ok(Some(1_395_093.68)));
    assert_eq!(parse_bound("0"), Ok(Some(0.0)));
    assert_eq!(parse_bound("-1"), Err(BadBound));
    assert_eq!(parse_bound("abc"), Err(BadBound));
    assert_eq!(parse_bound("NaN"), Err(BadBound));
    assert_eq!(parse_bound("inf"), Err(BadBound));
}

#[test]
fn sort_by_amount_puts_unknown_last_both_ways() {
    let d = dataset();
    let mut rows = filter(&d, &ProjectFilter::default());
    sort(&d, &mut rows, Sort { key: SortKey::Amount, direction: Direction::Descending });
    let amounts: Vec<Option<f64>> = rows.iter().map(|&r| project(&d, r).amount_wan_yuan).collect();
    let known = amounts.iter().take_while(|a| a.is_some()).count();
    assert!(amounts[known..].iter().all(Option::is_none));
    assert!(amounts[..known].windows(2).all(|w| w[0] >= w[1]));
    sort(&d, &mut rows, Sort { key: SortKey::Amount, direction: Direction::Ascending });
    let amounts: Vec<Option<f64>> = rows.iter().map(|&r| project(&d, r).amount_wan_yuan).collect();
    assert!(amounts[..known].windows(2).all(|w| w[0] <= w[1]));
    assert!(amounts[known..].iter().all(Option::is_none));
}

#[test]
fn sort_is_stable() {
    let d = dataset();
    let original = filter(&d, &ProjectFilter::default());
    for key in [SortKey::Plan, SortKey::Category, SortKey::Township, SortKey::Years, SortKey::Amount, SortKey::Beneficiaries, SortKey::Name] {
        for direction in [Direction::Ascending, Direction::Descending] {
            let mut rows = original.clone();
            sort(&d, &mut rows, Sort { key, direction });
            // Rows equal under the key keep their dataset order.
            let position = |r: &ProjectRef| original.iter().position(|o| o == r).expect("same rows");
            for w in rows.windows(2) {
                let (a, b) = (project(&d, w[0]), project(&d, w[1]));
                let equal = match key {
                    SortKey::Plan => w[0].plan == w[1].plan,
                    SortKey::Name => a.name_zh == b.name_zh,
                    SortKey::Category => a.category_zh == b.category_zh,
                    SortKey::Township => a.township_zh == b.township_zh,
                    SortKey::Years => project_years(a) == project_years(b),
                    SortKey::Amount => a.amount_wan_yuan.map(Yuan::from_wan) == b.amount_wan_yuan.map(Yuan::from_wan),
                    SortKey::Beneficiaries => a.beneficiary_people == b.beneficiary_people,
                };
                if equal {
                    assert!(position(&w[0]) < position(&w[1]), "{key:?} {direction:?}: {} before {}", a.name_zh, b.name_zh);
                }
            }
            assert_eq!(rows.len(), original.len());
        }
    }
    // Sorting by plan descending reverses the plans but keeps each plan's rows as printed.
    let mut rows = original.clone();
    sort(&d, &mut rows, Sort { key: SortKey::Plan, direction: Direction::Descending });
    assert_eq!(rows.first().map(|r| r.plan), Some(d.plans.len() - 1));
    let last_plan: Vec<usize> = rows.iter().filter(|r| r.plan == d.plans.len() - 1).map(|r| r.project).collect();
    assert!(last_plan.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn header_clicks_flip_the_same_column_and_start_others_afresh() {
    let amount = toggle(None, SortKey::Amount);
    assert_eq!(amount, Sort { key: SortKey::Amount, direction: Direction::Descending });
    assert_eq!(toggle(Some(amount), SortKey::Amount).direction, Direction::Ascending);
    let name = toggle(Some(amount), SortKey::Name);
    assert_eq!(name, Sort { key: SortKey::Name, direction: Direction::Ascending });
    assert_eq!(toggle(Some(name), SortKey::Name).direction, Direction::Descending);
}

#[test]
fn option_lists_follow_the_chosen_plan() {
    let d = dataset();
    let all = categories(&d, None);
    let fenxi = categories(&d, Some("fenxi"));
    assert_eq!(fenxi.len(), 13);
    assert!(fenxi.iter().all(|c| all.contains(c)));
    assert!(fenxi.contains(&"光伏扶贫".to_string()));
    assert!(!fenxi.contains(&"特色产业脱贫工程".to_string()));
    assert!(fenxi.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    assert_eq!(townships(&d, Some("tianzhen")), ["玉泉镇", "谷前堡镇"]);
    assert!(townships(&d, Some("antu")).is_empty());
    assert_eq!(years(&d, Some("tianzhen")), [2018, 2019, 2020]);
    assert_eq!(years(&d, Some("mianchi")), [2018, 2019]);
    assert!(years(&d, None).contains(&2016));
}

#[test]
fn pages_cover_every_row_once() {
    use plan_explorer::domain::projects::{page_count, page_range, PAGE_SIZE};
    assert_eq!(page_count(0, PAGE_SIZE), 1);
    assert_eq!(page_range(0, 0, PAGE_SIZE), 0..0);
    assert_eq!(page_count(259, 100), 3);
    assert_eq!(page_range(259, 0, 100), 0..100);
    assert_eq!(page_range(259, 2, 100), 200..259);
    assert_eq!(page_range(259, 9, 100), 200..259, "past the end is the last page");
    assert_eq!(page_count(200, 100), 2);
    for len in [1, 99, 100, 101, 259] {
        let covered: usize = (0..page_count(len, 100)).map(|p| page_range(len, p, 100).len()).sum();
        assert_eq!(covered, len);
    }
}
