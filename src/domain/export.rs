//! What is shown at a meeting, as files that travel: a table as CSV or XLSX, file names, and a
//! workspace holding one scenario. Pure: bytes and strings out, the page does the downloading.

use super::workspace::Workspace;

/// One value of an exported table. An unknown figure is `Empty`, never 0.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count that may be unknown.
    pub fn count(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Number(n as f64))
    }

    /// A measured value that may be unknown; NaN and infinity are unknown too.
    pub fn number(v: Option<f64>) -> Cell {
        match v {
            Some(v) if v.is_finite() => Cell::Number(v),
            _ => Cell::Empty,
        }
    }

    /// Text that may be missing.
    pub fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_string()))
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Plain decimal: no thousands separators, no exponent, so every spreadsheet reads it as a number.
fn number_text(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    // -0 prints as "-0" otherwise.
    let v = if v == 0.0 { 0.0 } else { v };
    Some(format!("{v}"))
}

/// A text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a
/// leading apostrophe: the cell then shows the text instead of evaluating it.
fn defuse(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => csv_field(&defuse(s)),
        Cell::Number(v) => number_text(*v).unwrap_or_default(),
        Cell::Empty => String::new(),
    }
}

/// RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a byte order mark so that
/// Excel shows Chinese. Headers are text like any other cell, so they are guarded too.
pub fn to_csv(table: &Table) -> String {
    let mut out = String::from("\u{FEFF}");
    let head: Vec<String> = table.headers.iter().map(|h| csv_field(&defuse(h))).collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(csv_cell).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Escapes XML text and drops the control characters XML 1.0 cannot hold at all.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Spreadsheet column name of a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not empty.
pub fn sheet_name(title: &str) -> String {
    let clean: String = title.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    if clean.is_empty() {
        "Sheet1".to_string()
    } else {
        clean
    }
}

fn inline_string(reference: &str, text: &str, style: u8) -> String {
    let style = if style > 0 { format!(" s=\"{style}\"") } else { String::new() };
    format!("<c r=\"{reference}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{}</t></is></c>", xml_escape(text))
}

fn sheet_xml(table: &Table) -> String {
    let columns = table.rows.iter().map(Vec::len).chain([table.headers.len()]).max().unwrap_or(0);
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
    ));
    if columns > 0 {
        xml.push_str(&format!(r#"<cols><col min="1" max="{columns}" width="18" customWidth="1"/></cols>"#));
    }
    xml.push_str("<sheetData>");
    xml.push_str("<row r=\"1\">");
    for (i, h) in table.headers.iter().enumerate() {
        xml.push_str(&inline_string(&format!("{}1", column_name(i)), h, 1));
    }
    xml.push_str("</row>");
    for (r, row) in table.rows.iter().enumerate() {
        let n = r + 2;
        xml.push_str(&format!("<row r=\"{n}\">"));
        for (i, cell) in row.iter().enumerate() {
            let reference = format!("{}{n}", column_name(i));
            match cell {
                Cell::Text(s) => xml.push_str(&inline_string(&reference, s, 0)),
                Cell::Number(v) => {
                    if let Some(v) = number_text(*v) {
                        xml.push_str(&format!("<c r=\"{reference}\"><v>{v}</v></c>"));
                    }
                }
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"</Types>"#,
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    r#"</Relationships>"#,
);

const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"</Relationships>"#,
);

/// Two cell formats: 0 plain, 1 bold (the header row).
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#,
);

fn workbook_xml(table: &Table) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        xml_escape(&sheet_name(&table.title))
    )
}

/// A one-sheet workbook: headers in bold on a frozen first row, numbers as numbers, text as
/// inline strings (inline strings are never formulas, so no guard is needed here).
pub fn to_xlsx(table: &Table) -> Vec<u8> {
    let parts: [(&str, Vec<u8>); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook_xml(table).into_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes().to_vec()),
        ("xl/styles.xml", STYLES.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.xml", sheet_xml(table).into_bytes()),
    ];
    stored_zip(&parts)
}

/// CRC-32 (IEEE), a byte at a time from a 1 KB table built at compile time: `crc32fast` puts a
/// 16 KB table into the wasm for a speed that a sheet of a few hundred rows does not need.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8))
}

/// 1980-01-01 00:00 in MS-DOS form: a fixed date keeps the file the same for the same table.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The fields a local file header and its central directory entry share, in the order both
/// write them: version needed, flags, method, time, date, CRC, sizes, name length.
fn put_entry_fields(out: &mut Vec<u8>, crc: u32, size: u32, name_len: u16) {
    put16(out, 20); // version needed: 2.0
    put16(out, 0x0800); // flags: names are UTF-8
    put16(out, 0); // method: stored
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, crc);
    put32(out, size); // compressed
    put32(out, size); // uncompressed
    put16(out, name_len);
}

/// A zip archive of stored (uncompressed) entries: a few dozen lines here instead of the `zip`
/// crate and a deflater in the wasm; a sheet of a few hundred rows needs no compression.
/// Sizes stay far below the 4 GB limit of plain zip.
pub fn stored_zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_bytes = name.as_bytes();
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put_entry_fields(&mut out, crc, size, name_bytes.len() as u16);
        put16(&mut out, 0); // extra
        out.extend_from_slice(name_bytes);
        out.extend_from_slice(data);
        // Its central directory entry.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: 2.0, MS-DOS attributes
        put_entry_fields(&mut central, crc, size, name_bytes.len() as u16);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name_bytes);
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

/// Longest file name part kept from a plan, chart or scenario name.
const NAME_PART_MAX_CHARS: usize = 60;

/// `<part>-<part>-…-<YYYYMMDD>.<ext>`, with the characters file systems refuse replaced by `_`
/// and empty parts left out. Chinese names are kept as they are.
pub fn file_name(parts: &[&str], date: (i32, u32, u32), ext: &str) -> String {
    let mut pieces: Vec<String> = parts
        .iter()
        .map(|p| {
            let clean: String = p
                .chars()
                .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '_' } else { c })
                .take(NAME_PART_MAX_CHARS)
                .collect();
            clean.trim().trim_matches('.').trim().to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = date;
    pieces.push(format!("{y:04}{m:02}{d:02}"));
    format!("{}.{ext}", pieces.join("-"))
}

/// The width and height an SVG string declares on its root element, in user units.
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("<svg")?;
    let tag_end = svg[start..].find('>')? + start;
    let tag = &svg[start..tag_end];
    let attr = |name: &str| -> Option<f64> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        let end = tag[at..].find('"')? + at;
        let v: f64 = tag[at..end].trim_end_matches("px").parse().ok()?;
        (v.is_finite() && v > 0.0).then_some(v)
    };
    Some((attr("width")?, attr("height")?))
}

/// How a legend key is drawn: a filled box, an outlined box, a solid or a dashed line, or a
/// line with the series' marker on it (shapes tell series apart without colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStyle {
    Fill,
    Outline,
    Line,
    Dashed,
    Marked(char),
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendKey {
    /// `#rrggbb`.
    pub color: String,
    pub style: KeyStyle,
    pub label: String,
}

/// What a chart picture carries once it leaves the page: its title, what it shows (plan,
/// scenario), the legend that sits beside it in HTML, and where the figures come from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    pub title: String,
    pub subtitle: String,
    pub keys: Vec<LegendKey>,
    pub note: String,
}

const PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 24.0;
const SUBTITLE_SIZE: f64 = 16.0;
const KEY_SIZE: f64 = 15.0;
const NOTE_SIZE: f64 = 13.0;

/// A rough width of `text` at `size`: Chinese characters are square, Latin ones about half.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.56 * size } else { size }).sum()
}

fn svg_text(x: f64, y: f64, size: f64, extra: &str, text: &str) -> String {
    format!(r##"<text x="{x}" y="{y}" font-size="{size}" fill="#222222"{extra}>{}</text>"##, xml_escape(text))
}

fn key_glyph(x: f64, y: f64, key: &LegendKey) -> String {
    let color = xml_escape(&key.color);
    let mid = y - KEY_SIZE * 0.35;
    match key.style {
        KeyStyle::Fill => format!(r#"<rect x="{x}" y="{}" width="18" height="12" fill="{color}"/>"#, mid - 6.0),
        KeyStyle::Outline => format!(r#"<rect x="{}" y="{}" width="17" height="11" fill="none" stroke="{color}" stroke-width="2"/>"#, x + 0.5, mid - 5.5),
        KeyStyle::Line => format!(r#"<line x1="{x}" y1="{mid}" x2="{}" y2="{mid}" stroke="{color}" stroke-width="3"/>"#, x + 18.0),
        KeyStyle::Dashed => format!(r#"<line x1="{x}" y1="{mid}" x2="{}" y2="{mid}" stroke="{color}" stroke-width="3" stroke-dasharray="5 3"/>"#, x + 18.0),
        KeyStyle::Marked(marker) => format!(
            r#"<line x1="{x}" y1="{mid}" x2="{}" y2="{mid}" stroke="{color}" stroke-width="3"/><text x="{}" y="{}" font-size="{KEY_SIZE}" fill="{color}" text-anchor="middle">{}</text>"#,
            x + 18.0,
            x + 9.0,
            y,
            xml_escape(&marker.to_string())
        ),
    }
}

/// The chart SVG inside a white page with its caption: title and subtitle above, the legend
/// keys in rows, the note below. Same width as the chart; every text is escaped.
pub fn framed_svg(chart: &str, caption: &Caption) -> String {
    let Some(start) = chart.find("<svg") else { return chart.to_string() };
    let chart = &chart[start..];
    let (width, chart_height) = svg_size(chart).unwrap_or((640.0, 360.0));
    let mut parts = Vec::new();
    let mut y = PAD + TITLE_SIZE;
    if !caption.title.is_empty() {
        parts.push(svg_text(PAD, y, TITLE_SIZE, r#" font-weight="700""#, &caption.title));
    }
    if !caption.subtitle.is_empty() {
        y += SUBTITLE_SIZE + 10.0;
        parts.push(svg_text(PAD, y, SUBTITLE_SIZE, "", &caption.subtitle));
    }
    if !caption.keys.is_empty() {
        y += KEY_SIZE + 14.0;
        let mut x = PAD;
        for key in &caption.keys {
            let w = 24.0 + text_width(&key.label, KEY_SIZE);
            if x > PAD && x + w > width - PAD {
                x = PAD;
                y += KEY_SIZE + 10.0;
            }
            parts.push(key_glyph(x, y, key));
            parts.push(svg_text(x + 24.0, y, KEY_SIZE, "", &key.label));
            x += w + 18.0;
        }
    }
    let chart_top = (y + 8.0).ceil();
    let mut height = chart_top + chart_height;
    if !caption.note.is_empty() {
        height += NOTE_SIZE + 6.0;
        parts.push(format!(
            r##"<text x="{PAD}" y="{height}" font-size="{NOTE_SIZE}" fill="#555555">{}</text>"##,
            xml_escape(&caption.note)
        ));
        height += 10.0;
    }
    // The chart becomes a nested <svg> placed below the caption.
    let nested = format!(r#"<svg x="0" y="{chart_top}"{}"#, &chart[4..]);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif"><rect width="{width}" height="{height}" fill="#ffffff"/>{}{nested}</svg>"##,
        parts.concat()
    )
}

/// A workspace holding only the scenario open for `plan_id`: the same stored format as a whole
/// workspace, so the ordinary import reads it back. `None` when no scenario is open.
pub fn single_scenario(workspace: &Workspace, plan_id: &str) -> Option<Workspace> {
    let scenario = workspace.active_scenario(plan_id)?.clone();
    let mut out = Workspace { lang: workspace.lang, plan_id: Some(plan_id.to_string()), next_id: workspace.next_id, ..Workspace::default() };
    out.active.insert(plan_id.to_string(), scenario.id.clone());
    out.scenarios.push(scenario);
    Some(out)
}
