//! Native tests of the exports: CSV (read back by a small RFC 4180 reader), XLSX (opened with
//! the `zip` crate and, where present, python's zipfile), file names, one-scenario workspaces.

use plan_explorer::domain::dataset::parse_dataset;
use plan_explorer::domain::export::{
    column_name, crc32, file_name, framed_svg, sheet_name, single_scenario, svg_size, to_csv, to_xlsx, xml_escape, Caption, Cell, KeyStyle, LegendKey, Table,
};
use plan_explorer::domain::schedule::Measure;
use plan_explorer::domain::workspace::Workspace;
use plan_explorer::store::envelope::{decode_workspace, encode, WORKSPACE_FORMAT, WORKSPACE_SCHEMA};
use std::io::Read;

/// RFC 4180: fields split by commas, records by CRLF, quoted fields may hold anything, `""` is a quote.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    assert!(field.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

fn sample() -> Table {
    Table {
        title: "安图县 · 每年脱贫人数".into(),
        headers: vec!["年份".into(), "状态".into(), "规划原文".into(), "方案".into()],
        rows: vec![
            vec![Cell::Number(2016.0), Cell::text("实际"), Cell::Number(1885.0), Cell::Number(1885.0)],
            vec![Cell::Number(2017.0), Cell::text("计划, \"修订\"\n第二行"), Cell::Number(2823.5), Cell::Empty],
            vec![Cell::Number(2018.0), Cell::text("=SUM(A1:A9)"), Cell::Number(12345678.0), Cell::Number(-0.25)],
            vec![Cell::Number(2019.0), Cell::text("<b>&'x'</b>"), Cell::number(Some(f64::NAN)), Cell::count(None)],
        ],
    }
}

#[test]
fn csv_starts_with_a_bom_and_reads_back_cell_for_cell() {
    let csv = to_csv(&sample());
    assert!(csv.starts_with('\u{FEFF}'), "Excel needs the BOM to read UTF-8 Chinese");
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let records = read_csv(csv.trim_start_matches('\u{FEFF}'));
    assert_eq!(
        records,
        vec![
            vec!["年份", "状态", "规划原文", "方案"],
            vec!["2016", "实际", "1885", "1885"],
            vec!["2017", "计划, \"修订\"\n第二行", "2823.5", ""],
            vec!["2018", "'=SUM(A1:A9)", "12345678", "-0.25"],
            vec!["2019", "<b>&'x'</b>", "", ""],
        ]
    );
}

#[test]
fn csv_numbers_are_plain_and_unknown_is_empty_never_zero() {
    let t = Table {
        title: "t".into(),
        headers: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        rows: vec![vec![Cell::Number(1234567890.0), Cell::Number(0.1 + 0.2 - 0.3 + 0.3), Cell::count(None), Cell::Number(-0.0)]],
    };
    let csv = to_csv(&t);
    let line = csv.split("\r\n").nth(1).unwrap();
    assert_eq!(line, "1234567890,0.30000000000000004,,0");
    assert!(!csv.contains("e+") && !csv.contains("1,234"), "{csv}");
}

#[test]
fn csv_guards_against_formula_injection() {
    for bad in ["=1+1", "+1", "-1", "@SUM(1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
        let t = Table { title: "t".into(), headers: vec![bad.into()], rows: vec![vec![Cell::text(bad)]] };
        let records = read_csv(to_csv(&t).trim_start_matches('\u{FEFF}'));
        assert_eq!(records[0][0], format!("'{bad}"), "header {bad:?}");
        assert_eq!(records[1][0], format!("'{bad}"), "cell {bad:?}");
    }
    // Numbers are numbers, not text: a negative number stays a number.
    let t = Table { title: "t".into(), headers: vec!["n".into()], rows: vec![vec![Cell::Number(-5.0)]] };
    assert!(to_csv(&t).ends_with("\r\n-5\r\n"));
    let t = Table { title: "t".into(), headers: vec!["n".into()], rows: vec![vec![Cell::text("1 = 1")]] };
    assert!(to_csv(&t).ends_with("\r\n1 = 1\r\n"), "only a leading sign is a risk");
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().to_string(), text)
        })
        .collect()
}

#[test]
fn xlsx_is_a_zip_of_the_office_open_xml_parts() {
    let bytes = to_xlsx(&sample());
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let files = unzip(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml", "the content types come first");
    for part in ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/styles.xml"] {
        assert!(names.contains(&part), "{part} in {names:?}");
    }
    let get = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone()).unwrap();
    let sheet = get("xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">年份</t></is></c>"#), "{sheet}");
    assert!(sheet.contains(r#"<c r="C2"><v>1885</v></c>"#));
    assert!(sheet.contains(r#"<c r="C4"><v>12345678</v></c>"#));
    assert!(sheet.contains(r#"<c r="D4"><v>-0.25</v></c>"#));
    assert!(sheet.contains("计划, &quot;修订&quot;\n第二行"));
    assert!(sheet.contains("&lt;b&gt;&amp;&apos;x&apos;&lt;/b&gt;"), "text is escaped");
    assert!(sheet.contains(">=SUM(A1:A9)<"), "inline strings are never formulas");
    assert!(!sheet.contains(r#"r="D3""#) && !sheet.contains(r#"r="C5""#) && !sheet.contains(r#"r="D5""#), "unknown cells are left out, not 0");
    let workbook = get("xl/workbook.xml");
    assert!(workbook.contains(r#"<sheet name="安图县 · 每年脱贫人数" sheetId="1" r:id="rId1"/>"#), "{workbook}");
    for (name, text) in &files {
        assert!(text.starts_with("<?xml"), "{name}");
    }
}

#[test]
fn xlsx_opens_with_pythons_zipfile_when_python_is_there() {
    let bytes = to_xlsx(&sample());
    let path = std::env::temp_dir().join(format!("pe-export-test-{}.xlsx", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let script = "import sys, zipfile, xml.dom.minidom as m\n\
z = zipfile.ZipFile(sys.argv[1])\n\
assert z.testzip() is None\n\
[m.parseString(z.read(n)) for n in z.namelist()]\n\
print(z.read('xl/worksheets/sheet1.xml').decode('utf-8'))";
    let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let Ok(out) = out else {
        eprintln!("python3 not found: skipped");
        return;
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<v>1885</v>"));
}

#[test]
fn xml_escape_drops_characters_xml_cannot_hold() {
    assert_eq!(xml_escape("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
    assert_eq!(xml_escape("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;");
}

#[test]
fn columns_and_sheet_names_follow_excel() {
    assert_eq!(column_name(0), "A");
    assert_eq!(column_name(25), "Z");
    assert_eq!(column_name(26), "AA");
    assert_eq!(column_name(27), "AB");
    assert_eq!(column_name(701), "ZZ");
    assert_eq!(column_name(702), "AAA");
    assert_eq!(sheet_name("a/b[c]:d*e?f\\g"), "abcdefg");
    assert_eq!(sheet_name(""), "Sheet1");
    assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
}

#[test]
fn file_names_keep_chinese_and_drop_what_file_systems_refuse() {
    assert_eq!(file_name(&["安图县", "每年脱贫人数"], (2024, 3, 7), "png"), "安图县-每年脱贫人数-20240307.png");
    assert_eq!(file_name(&["a/b", "c:d?", "", " . "], (2020, 12, 31), "csv"), "a_b-c_d_-20201231.csv");
    let long = "x".repeat(500);
    assert!(file_name(&[&long], (2020, 1, 1), "csv").len() < 80);
}

#[test]
fn svg_size_reads_the_root_element() {
    assert_eq!(svg_size(r#"<svg width="640" height="360" viewBox="0 0 640 360" xmlns="http://www.w3.org/2000/svg">"#), Some((640.0, 360.0)));
    assert_eq!(svg_size(r#"<?xml version="1.0"?><svg xmlns="x" height="10px" width="20px"><rect width="1" height="1"/></svg>"#), Some((20.0, 10.0)));
    assert_eq!(svg_size("<svg viewBox=\"0 0 1 1\"><rect width=\"5\" height=\"5\"/></svg>"), None, "only the root's own attributes count");
    assert_eq!(svg_size("no svg"), None);
}

#[test]
fn one_scenario_workspace_round_trips_through_the_stored_format() {
    let dataset = parse_dataset(include_str!("../public/data/plans.json")).unwrap();
    let antu = dataset.plan("antu").unwrap();
    let mianchi = dataset.plan("mianchi").unwrap();
    let mut ws = Workspace::default();
    ws.create_scenario(antu, "first");
    ws.create_scenario(mianchi, "other plan");
    ws.create_scenario(antu, "second");
    ws.active_scenario_mut(antu, "x").set_exit(antu, 2018, Measure::People, 4114).unwrap();
    assert!(single_scenario(&ws, "shanxi").is_none(), "no scenario open");
    let one = single_scenario(&ws, "antu").unwrap();
    assert_eq!(one.scenarios.len(), 1);
    assert_eq!(one.scenarios[0].name, "second");
    assert_eq!(one.active.get("antu"), Some(&one.scenarios[0].id));
    assert_eq!(one.active.len(), 1);
    let text = encode(WORKSPACE_FORMAT, WORKSPACE_SCHEMA, 3, 0.0, &one);
    let back = decode_workspace(&text).unwrap().data;
    assert_eq!(back, one);
    // Importing it elsewhere adds the scenario with its edit.
    let mut other = Workspace::default();
    for s in back.scenarios {
        other.adopt_scenario(s);
    }
    let rows = other.active_scenario("antu").unwrap().apply(antu).rows;
    assert_eq!(rows.iter().find(|r| r.year == 2018).and_then(|r| r.people), Some(4114));
}

#[test]
fn a_framed_chart_carries_its_caption_above_and_its_source_below() {
    let chart = r#"<svg width="640" height="360" viewBox="0 0 640 360" xmlns="http://www.w3.org/2000/svg"><rect x="1" y="1" width="5" height="5"/></svg>"#;
    let key = |label: &str, style| LegendKey { color: "#0072b2".into(), style, label: label.into() };
    let caption = Caption {
        title: "每年脱贫人数".into(),
        subtitle: "安图县 · 推演方案：<b>&".into(),
        keys: vec![key("已完成（实际）", KeyStyle::Fill), key("计划", KeyStyle::Outline), key("推演", KeyStyle::Line), key("标准", KeyStyle::Dashed), key("安图县", KeyStyle::Marked('◆'))],
        note: "来源：安图县规划".into(),
    };
    let svg = framed_svg(chart, &caption);
    assert!(svg.starts_with("<svg"));
    let (w, h) = svg_size(&svg).unwrap();
    assert_eq!(w, 640.0, "as wide as the chart");
    assert!(h > 360.0 + 60.0, "room for the caption: {h}");
    assert!(svg.contains(">每年脱贫人数</text>") && svg.contains("推演方案：&lt;b&gt;&amp;") && svg.contains(">来源：安图县规划</text>"));
    assert!(svg.contains(r#"<svg x="0" y=""#) && svg.contains(r#"<rect x="1" y="1" width="5" height="5"/>"#), "the chart is nested whole");
    assert_eq!(svg.matches("<svg").count(), 2);
    assert_eq!(svg.matches("</svg>").count(), 2);
    assert!(svg.contains(r##"fill="#0072b2" text-anchor="middle">◆</text>"##), "the marker in the series colour");
    assert!(svg.contains("stroke-dasharray") && svg.contains(r##"fill="none" stroke="#0072b2""##));
    // Many keys wrap onto further rows instead of running off the picture.
    let many = Caption { keys: (0..12).map(|i| key(&format!("第{i}个规划名称较长"), KeyStyle::Line)).collect(), ..caption.clone() };
    let (_, h_many) = svg_size(&framed_svg(chart, &many)).unwrap();
    assert!(h_many > h + 40.0, "{h_many} vs {h}");
    // No caption: the chart on a white page, nothing else.
    let bare = framed_svg(chart, &Caption::default());
    assert_eq!(bare.matches("<text").count(), 0);
}

#[test]
fn crc32_is_the_zip_checksum() {
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
    assert_eq!(crc32("脱贫".as_bytes()), crc32(&[0xE8, 0x84, 0xB1, 0xE8, 0xB4, 0xAB]));
}
