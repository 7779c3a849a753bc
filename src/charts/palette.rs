//! Colours from the Okabe–Ito set, which stays distinct for colour-blind viewers.
use plotters::style::RGBColor;

pub const ACTUAL: RGBColor = RGBColor(0x00, 0x72, 0xB2); // blue: reported as achieved
pub const PLAN: RGBColor = RGBColor(0xE6, 0x9F, 0x00); // orange: planned
pub const SCENARIO: RGBColor = RGBColor(0xD5, 0x5E, 0x00); // vermillion: the scenario's line
pub const BASELINE: RGBColor = RGBColor(0x33, 0x33, 0x33); // near black: the plan as printed
pub const THRESHOLD: RGBColor = RGBColor(0x00, 0x9E, 0x73); // green: the exit threshold
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
