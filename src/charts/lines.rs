//! Lines by year: the scenario solid, the baseline dashed beneath it, and an optional horizontal
//! threshold (e.g. the count of poor people at which the incidence meets the exit standard).

use super::palette;
use crate::domain::format::Lang;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// (year, value); gaps where the value is unknown.
    pub points: Vec<(i32, Option<f64>)>,
}

pub fn lines_svg(scenario: &Series, baseline: &Series, threshold: Option<f64>, lang: Lang, width: u32, height: u32) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, scenario, baseline, threshold, lang, width, height) {
        return super::bars::error_svg(&e.to_string(), width, height);
    }
    svg
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
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
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
    super::draw_year_axes(&mut chart, (last - first + 1) as usize, 5, f.label, &|y| super::axis_label(*y, lang))?;
    if let Some(t) = threshold {
        chart.draw_series(DashedLineSeries::new(
            vec![(first as f64 - 0.3, t), (last as f64 + 0.3, t)],
            6,
            4,
            palette::THRESHOLD.stroke_width(2),
        ))?;
    }
    chart.draw_series(DashedLineSeries::new(b.clone(), 8, 6, palette::BASELINE.stroke_width(2)))?;
    chart.draw_series(b.iter().map(|&p| Circle::new(p, 4, palette::BASELINE.filled())))?;
    chart.draw_series(LineSeries::new(s.clone(), palette::SCENARIO.stroke_width(3)))?;
    chart.draw_series(s.iter().map(|&p| Circle::new(p, 5, palette::SCENARIO.filled())))?;
    if y_min < 0.0 {
        chart.draw_series(LineSeries::new(vec![(first as f64 - 0.3, 0.0), (last as f64 + 0.3, 0.0)], palette::BASELINE.stroke_width(1)))?;
    }
    root.present()?;
    Ok(())
}
