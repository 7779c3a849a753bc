//! Bars by year: the scenario's bar filled (actual years and plan years in different colours),
//! the baseline's figure as an outline at its own height, so a change shows as a gap.

use super::{failed_layer, palette, Layer, Layers};
use crate::domain::format::Lang;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub year: i32,
    pub value: Option<f64>,
    pub baseline: Option<f64>,
    pub actual: bool,
}


/// The top of the value axis for `bars`: a round figure a little above the largest bar.
pub fn y_max_for(bars: &[Bar]) -> f64 {
    let max = bars.iter().flat_map(|b| [b.value, b.baseline]).flatten().fold(0.0, f64::max);
    super::nice_ceiling(max * 1.08)
}

/// Where the plot area of a bars chart lies in SVG units, to turn a pointer position back into
/// a year and a value (dragging a bar).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    pub y_max: f64,
}

impl Geometry {
    pub fn new(bars: &[Bar], width: u32, height: u32, y_max: f64) -> Option<Geometry> {
        let (first, last) = (bars.first()?, bars.last()?);
        let f = super::Frame::for_width(width);
        Some(Geometry {
            left: (f.margin + f.y_area) as f64,
            right: (width - f.margin) as f64,
            top: f.margin as f64,
            bottom: (height - f.margin - f.x_area) as f64,
            x0: first.year as f64 - 0.5,
            x1: last.year as f64 + 0.5,
            y_max,
        })
    }

    /// The year whose bar slot contains `x` (SVG units), if any.
    pub fn year_at(&self, x: f64) -> Option<i32> {
        if x < self.left || x > self.right {
            return None;
        }
        let data = self.x0 + (x - self.left) / (self.right - self.left) * (self.x1 - self.x0);
        Some(data.round() as i32)
    }

    /// The value at height `y` (SVG units), clamped to the axis.
    pub fn value_at(&self, y: f64) -> f64 {
        let share = (self.bottom - y) / (self.bottom - self.top);
        (share.clamp(0.0, 1.0)) * self.y_max
    }

    /// Height (SVG units) of `value`.
    pub fn y_of(&self, value: f64) -> f64 {
        self.bottom - value / self.y_max * (self.bottom - self.top)
    }
}

/// Draws `bars`; `y_max` fixes the value axis (kept still while a bar is dragged).
pub fn bars_svg(bars: &[Bar], lang: Lang, width: u32, height: u32, y_max: Option<f64>) -> String {
    layer_svg(bars, lang, width, height, y_max, Layer::Whole)
}

/// The same chart as `bars_svg`, as its axes and its data apart.
pub fn bars_layers(bars: &[Bar], lang: Lang, width: u32, height: u32, y_max: Option<f64>) -> Layers {
    Layers::drawn(|layer| layer_svg(bars, lang, width, height, y_max, layer))
}

fn layer_svg(bars: &[Bar], lang: Lang, width: u32, height: u32, y_max: Option<f64>, layer: Layer) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, bars, lang, width, height, y_max.unwrap_or_else(|| y_max_for(bars)), layer) {
        return failed_layer(layer, &e.to_string(), width, height);
    }
    svg
}

fn draw(svg: &mut String, bars: &[Bar], lang: Lang, width: u32, height: u32, y_max: f64, layer: Layer) -> Result<(), Box<dyn std::error::Error>> {
    let root = super::backend::Svg::with_string(svg, (width, height)).into_drawing_area();
    if layer.axes() {
        root.fill(&WHITE)?;
    }
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else { return Ok(()) };
    let f = super::Frame::for_width(width);
    let mut chart = ChartBuilder::on(&root)
        .margin(f.margin)
        .x_label_area_size(f.x_area)
        .y_label_area_size(f.y_area)
        .build_cartesian_2d(first.year as f64 - 0.5..last.year as f64 + 0.5, 0.0..y_max)?;
    if layer.axes() {
        super::draw_year_axes(&mut chart, (last.year - first.year + 1) as usize, 5, f.label, &|y| super::axis_label(*y, lang))?;
    }
    if !layer.data() {
        root.present()?;
        return Ok(());
    }
    let half = 0.32;
    chart.draw_series(bars.iter().filter_map(|b| {
        let v = b.value?.min(y_max);
        let color = if b.actual { palette::ACTUAL } else { palette::PLAN };
        let x = b.year as f64;
        Some(Rectangle::new([(x - half, 0.0), (x + half, v)], color.filled()))
    }))?;
    chart.draw_series(bars.iter().filter_map(|b| {
        let v = b.baseline?;
        let x = b.year as f64;
        Some(Rectangle::new([(x - half, 0.0), (x + half, v)], palette::BASELINE.stroke_width(2)))
    }))?;
    chart.draw_series(bars.iter().filter(|b| b.value.is_none()).map(|b| {
        Text::new("—", (b.year as f64 - 0.05, y_max * 0.03), ("sans-serif", 16).into_font().color(&palette::TEXT))
    }))?;
    root.present()?;
    Ok(())
}

pub fn error_svg(message: &str, width: u32, height: u32) -> String {
    let mut svg = String::new();
    {
        let root = super::backend::Svg::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let _ = root.draw(&Text::new(message.to_string(), (20, 20), ("sans-serif", 16).into_font()));
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_positions_map_back_to_years_and_values() {
        let bars: Vec<Bar> = (2016..=2020).map(|y| Bar { year: y, value: Some(1000.0), baseline: None, actual: false }).collect();
        let g = Geometry::new(&bars, 640, 360, 4000.0).unwrap();
        assert_eq!(g.year_at(92.0 + 534.0 * 0.5 / 5.0), Some(2016));
        assert_eq!(g.year_at(92.0 + 534.0 * 4.5 / 5.0), Some(2020));
        assert_eq!(g.year_at(10.0), None);
        assert!((g.value_at(g.y_of(2500.0)) - 2500.0).abs() < 1e-9);
        assert_eq!(g.value_at(-50.0), 4000.0);
        assert_eq!(g.value_at(1000.0), 0.0);
    }
}
