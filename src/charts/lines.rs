//! Lines by year: the scenario solid, the baseline dashed beneath it, and an optional horizontal
//! threshold (e.g. the count of poor people at which the incidence meets the exit standard).

use super::{failed_layer, palette, Layer, Layers};
use crate::domain::format::Lang;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// (year, value); gaps where the value is unknown.
    pub points: Vec<(i32, Option<f64>)>,
}

pub fn lines_svg(scenario: &Series, baseline: &Series, threshold: Option<f64>, lang: Lang, width: u32, height: u32) -> String {
    layer_svg(scenario, baseline, threshold, lang, width, height, Layer::Whole)
}

/// The same chart as `lines_svg`, as its axes and its data apart.
pub fn lines_layers(scenario: &Series, baseline: &Series, threshold: Option<f64>, lang: Lang, width: u32, height: u32) -> Layers {
    Layers::drawn(|layer| layer_svg(scenario, baseline, threshold, lang, width, height, layer))
}

fn layer_svg(scenario: &Series, baseline: &Series, threshold: Option<f64>, lang: Lang, width: u32, height: u32, layer: Layer) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, scenario, baseline, threshold, lang, width, height, layer) {
        return failed_layer(layer, &e.to_string(), width, height);
    }
    let svg = dashed(svg, palette::THRESHOLD, THRESHOLD_WIDTH, "6 4");
    dashed(svg, palette::BASELINE, BASELINE_WIDTH, "8 6")
}

const THRESHOLD_WIDTH: u32 = 2;
/// Unique to the baseline line: the axes share its colour at width 1.
const BASELINE_WIDTH: u32 = 2;

/// Gives the lines drawn in `color` at `width` an SVG dash pattern. plotters' dashed series
/// writes one element per dash (dozens per line); one line with a pattern looks the same and
/// keeps a redraw to a few dozen nodes.
fn dashed(svg: String, color: RGBColor, width: u32, pattern: &str) -> String {
    let style = format!("stroke=\"#{:02X}{:02X}{:02X}\" stroke-width=\"{width}\"", color.0, color.1, color.2);
    svg.replace(&style, &format!("{style} stroke-dasharray=\"{pattern}\""))
}

fn known(series: &Series) -> Vec<(f64, f64)> {
    series.points.iter().filter_map(|&(y, v)| Some((y as f64, v?))).collect()
}

fn draw(
    svg: &mut String,
    scenario: &Series,
    baseline: &Series,
    threshold: Option<f64>,
    lang: Lang,
    width: u32,
    height: u32,
    layer: Layer,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = super::backend::Svg::with_string(svg, (width, height)).into_drawing_area();
    if layer.axes() {
        root.fill(&WHITE)?;
    }
    let years: Vec<i32> = scenario.points.iter().chain(&baseline.points).map(|p| p.0).collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else { return Ok(()) };
    let s = known(scenario);
    let b = known(baseline);
    let max = s.iter().chain(&b).map(|p| p.1).chain(threshold).fold(0.0, f64::max);
    let min = s.iter().chain(&b).map(|p| p.1).fold(0.0, f64::min);
    let y_max = super::nice_ceiling(max * 1.08);
    let y_min = if min < 0.0 { -super::nice_ceiling(-min * 1.1) } else { 0.0 };
    let f = super::Frame::for_width(width);
    let mut chart = ChartBuilder::on(&root)
        .margin(f.margin)
        .x_label_area_size(f.x_area)
        .y_label_area_size(f.y_area)
        .build_cartesian_2d(first as f64 - 0.3..last as f64 + 0.3, y_min..y_max)?;
    if layer.axes() {
        super::draw_year_axes(&mut chart, (last - first + 1) as usize, 5, f.label, &|y| super::axis_label(*y, lang))?;
    }
    if !layer.data() {
        root.present()?;
        return Ok(());
    }
    if let Some(t) = threshold {
        chart.draw_series(LineSeries::new(vec![(first as f64 - 0.3, t), (last as f64 + 0.3, t)], palette::THRESHOLD.stroke_width(THRESHOLD_WIDTH)))?;
    }
    chart.draw_series(LineSeries::new(b.clone(), palette::BASELINE.stroke_width(BASELINE_WIDTH)))?;
    chart.draw_series(b.iter().map(|&p| Circle::new(p, 4, palette::BASELINE.filled())))?;
    chart.draw_series(LineSeries::new(s.clone(), palette::SCENARIO.stroke_width(3)))?;
    chart.draw_series(s.iter().map(|&p| Circle::new(p, 5, palette::SCENARIO.filled())))?;
    if y_min < 0.0 {
        chart.draw_series(LineSeries::new(vec![(first as f64 - 0.3, 0.0), (last as f64 + 0.3, 0.0)], palette::BASELINE.stroke_width(1)))?;
    }
    root.present()?;
    Ok(())
}
