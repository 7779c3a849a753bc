//! Bars by year: the scenario's bar filled (actual years and plan years in different colours),
//! the baseline's figure as an outline at its own height, so a change shows as a gap.

use super::palette;
use crate::domain::format::Lang;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub year: i32,
    pub value: Option<f64>,
    pub baseline: Option<f64>,
    pub actual: bool,
}

pub fn bars_svg(bars: &[Bar], lang: Lang, width: u32, height: u32) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, bars, lang, width, height) {
        return error_svg(&e.to_string(), width, height);
    }
    svg
}

fn draw(svg: &mut String, bars: &[Bar], lang: Lang, width: u32, height: u32) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else { return Ok(()) };
    let max = bars.iter().flat_map(|b| [b.value, b.baseline]).flatten().fold(0.0, f64::max);
    let y_max = super::nice_ceiling(max * 1.08);
    let mut chart = ChartBuilder::on(&root)
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(78)
        .build_cartesian_2d(first.year as f64 - 0.5..last.year as f64 + 0.5, 0.0..y_max)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .x_labels((last.year - first.year + 1) as usize)
        .x_label_formatter(&|x| if (x - x.round()).abs() < 1e-6 { format!("{}", x.round() as i64) } else { String::new() })
        .y_labels(5)
        .y_label_formatter(&|y| super::axis_label(*y, lang))
        .label_style(("sans-serif", super::LABEL_SIZE).into_font().color(&palette::TEXT))
        .axis_style(palette::BASELINE)
        .draw()?;
    let half = 0.32;
    chart.draw_series(bars.iter().filter_map(|b| {
        let v = b.value?;
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
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let _ = root.draw(&Text::new(message.to_string(), (20, 20), ("sans-serif", 16).into_font()));
        let _ = root.present();
    }
    svg
}
