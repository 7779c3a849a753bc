//! Colours from the Okabe–Ito set, which stays distinct for colour-blind viewers.
use plotters::style::RGBColor;

pub const ACTUAL: RGBColor = RGBColor(0x00, 0x72, 0xB2); // blue: reported as achieved
pub const PLAN: RGBColor = RGBColor(0xE6, 0x9F, 0x00); // orange: planned
pub const SCENARIO: RGBColor = RGBColor(0xD5, 0x5E, 0x00); // vermillion: the scenario's line
pub const BASELINE: RGBColor = RGBColor(0x33, 0x33, 0x33); // near black: the plan as printed
pub const THRESHOLD: RGBColor = RGBColor(0x00, 0x9E, 0x73); // green: the exit threshold
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// One colour per plan on the comparison charts (Okabe–Ito, yellow left out: too light on white).
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
];

pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// `#rrggbb`, for the HTML legend beside a chart.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}
