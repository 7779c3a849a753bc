//! Untrusted input never panics and is never half-applied: property tests of the import reader,
//! the share-link decoder, the stored-workspace migration and the route parser.

use plan_explorer::domain::dataset::{parse_dataset, Dataset};
use plan_explorer::domain::route;
use plan_explorer::domain::share::{decode_scenario, encode_scenario};
use plan_explorer::domain::scenario::Scenario;
use plan_explorer::domain::schedule::Measure;
use plan_explorer::domain::workspace::Workspace;
use plan_explorer::store::envelope::{decode_workspace, encode, LoadError, WORKSPACE_FORMAT, WORKSPACE_SCHEMA};
use plan_explorer::store::import::{read_import, Imported};
use proptest::prelude::*;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| parse_dataset(include_str!("../public/data/plans.json")).unwrap())
}

fn saved_workspace() -> String {
    let d = dataset();
    let p = d.plan("antu").unwrap();
    let mut w = Workspace::default();
    w.create_scenario(p, "A");
    w.active_scenario_mut(p, "A").set_exit(p, 2018, Measure::People, 3000).unwrap();
    encode(WORKSPACE_FORMAT, WORKSPACE_SCHEMA, 4, 0.0, &w)
}

#[test]
fn a_saved_workspace_reads_back_through_the_import_path() {
    match read_import(&saved_workspace()).unwrap() {
        Imported::Workspace(w) => assert_eq!(w.scenarios[0].exits[0].value, 3000),
        other => panic!("read as {other:?}"),
    }
    assert!(matches!(read_import(include_str!("../public/data/plans.json")), Ok(Imported::Dataset(_))));
}

#[test]
fn stored_versions_are_checked() {
    let text = saved_workspace();
    assert_eq!(decode_workspace(&text.replace("\"schema_version\":1", "\"schema_version\":2")).unwrap_err(), LoadError::TooNew { found: 2 });
    assert!(matches!(decode_workspace(&text.replace("\"schema_version\":1", "\"schema_version\":0")), Err(LoadError::Migration { from: 0, .. })));
    assert_eq!(decode_workspace(&text.replace(WORKSPACE_FORMAT, "other/app")).unwrap_err(), LoadError::NotOurFormat);
    let err = decode_workspace(&text.replace("\"value\":3000", "\"value\":1e400")).unwrap_err();
    assert!(matches!(err, LoadError::NotJson { .. } | LoadError::Invalid { .. }), "{err:?}");
    let err = decode_workspace(&text.replace("\"year\":2018", "\"year\":3018")).unwrap_err();
    assert!(matches!(&err, LoadError::Invalid { path, .. } if path.contains("exits[0].year")), "{err:?}");
    assert!(!err.message_zh().is_empty() && !err.message_en().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_the_readers(text in ".{0,400}") {
        let _ = read_import(&text);
        let _ = decode_workspace(&text);
        let _ = decode_scenario(&text, dataset());
        let _ = route::parse(&text);
    }

    #[test]
    fn mutated_saves_are_read_or_refused_with_a_reason(pos in 0usize..400, byte in 0u8..128, cut in 0usize..400) {
        let text = saved_workspace();
        let mut bytes = text.clone().into_bytes();
        let i = pos % bytes.len();
        bytes[i] = byte;
        let mutated = String::from_utf8_lossy(&bytes).to_string();
        match decode_workspace(&mutated) {
            Ok(env) => prop_assert!(env.data.validate().is_ok()),
            Err(e) => prop_assert!(!e.message_en().is_empty() && !e.message_zh().is_empty()),
        }
        let truncated = &text[..cut.min(text.len())];
        if cut < text.len() {
            prop_assert!(decode_workspace(truncated).is_err());
        }
    }

    #[test]
    fn share_links_round_trip_and_mutations_are_refused_or_valid(v2018 in 0i64..20_000, v2019 in 0i64..20_000, pos in 0usize..200, ch in "[A-Za-z0-9_-]") {
        let d = dataset();
        let p = d.plan("antu").unwrap();
        let mut s = Scenario::new("x", p, "方案");
        s.set_exit(p, 2018, Measure::People, v2018).unwrap();
        s.set_exit(p, 2019, Measure::People, v2019).unwrap();
        let encoded = encode_scenario(&s);
        let back = decode_scenario(&encoded, d).unwrap();
        prop_assert_eq!(&back.exits, &s.exits);
        let mut chars: Vec<char> = encoded.chars().collect();
        let i = pos % chars.len();
        chars[i] = ch.chars().next().unwrap();
        let mutated: String = chars.into_iter().collect();
        if let Ok(ok) = decode_scenario(&mutated, d) {
            // Whatever decodes went through the edit functions: locked years untouched.
            let rows = ok.apply(p).rows;
            prop_assert_eq!(rows[0].people, Some(1885));
            prop_assert_eq!(rows[1].people, Some(2823));
        }
    }

    #[test]
    fn routes_round_trip(view in 0usize..5, id in "[a-z]{1,10}", slide in proptest::option::of(0u32..50)) {
        let r = route::Route { view: route::View::ALL[view].clone(), plan_id: Some(id), scenario: None, slide };
        prop_assert_eq!(route::parse(&route::format(&r)), Ok(r));
    }
}

#[test]
fn a_parse_error_names_the_field_it_stopped_at() {
    use plan_explorer::domain::json::{parse, path_at};
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Row {
        year: i32,
        people: i64,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        rows: Vec<Row>,
    }
    let err = parse::<Doc>("{\"name\":\"a\",\"rows\":[{\"year\":2016,\"people\":1},\n {\"year\":\"x\",\"people\":2}]}").unwrap_err();
    assert_eq!(err.path, "rows[1].year", "{err:?}");
    assert!(err.reason.contains("invalid type") && !err.reason.contains(" at line "), "{err:?}");
    let err = parse::<Doc>("{\"name\":\"a\",\"rows\":[{\"year\":2016}]}").unwrap_err();
    assert_eq!(err.path, "rows[0]", "{err:?}");
    assert!(err.reason.contains("people"), "{err:?}");
    // Brackets and commas inside strings are text, not structure.
    assert_eq!(path_at(r#"{"a\"[,":{"b":[1,2,"x,]"#, 22), "a\\\"[,.b[2]");
    assert_eq!(path_at("", 5), "");
}

#[test]
fn a_dataset_kept_as_fetched_reads_back_and_is_recognised_as_unchanged() {
    use plan_explorer::store::envelope::{dataset_data_text, decode_dataset, DATASET_FORMAT, DATASET_SCHEMA};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/plans.json")).unwrap();
    let raw: &serde_json::value::RawValue = serde_json::from_str(text.trim()).unwrap();
    let stored = encode(DATASET_FORMAT, DATASET_SCHEMA, 1, 0.0, &raw);
    assert_eq!(dataset_data_text(&stored), Some(text.trim()));
    assert_eq!(&decode_dataset(&stored).unwrap().data, dataset());
    // Another copy is told apart without decoding it.
    let other = stored.replacen("\"poor_people\":10146", "\"poor_people\":10147", 1);
    assert_ne!(dataset_data_text(&other), Some(text.trim()));
    assert_eq!(dataset_data_text("{\"format\":\"other\"}"), None);
}
