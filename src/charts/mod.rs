//! Charts drawn by plotters into SVG strings: data in, SVG out, no signals. SVG stays crisp on a
//! projector and is the export format as well. Plotters escapes every text it writes.

pub mod backend;
pub mod bars;
pub mod lines;
pub mod multi;
pub mod palette;
pub mod plan_series;
pub mod summary;

/// Which part of a chart to draw. On screen a chart is two layers in one `<svg>`: the axes
/// (text, slow for the browser to lay out) change only with the scale; the data changes with
/// every edit, so an edit replaces shapes only.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Layer {
    Whole,
    Axes,
    Data,
}

impl Layer {
    pub(crate) fn axes(self) -> bool {
        self != Layer::Data
    }

    pub(crate) fn data(self) -> bool {
        self != Layer::Axes
    }
}

/// A chart's two layers, each the content of an `<svg>` without the `<svg>` element itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    pub axes: String,
    pub data: String,
}

impl Layers {
    /// Both layers of a chart that `draw` draws one layer at a time.
    pub(crate) fn drawn(draw: impl Fn(Layer) -> String) -> Layers {
        Layers { axes: svg_content(&draw(Layer::Axes)).to_string(), data: svg_content(&draw(Layer::Data)).to_string() }
    }
}

/// What a layer shows when its chart cannot be drawn: the message once, on the axes layer.
pub(crate) fn failed_layer(layer: Layer, message: &str, width: u32, height: u32) -> String {
    if layer.axes() {
        bars::error_svg(message, width, height)
    } else {
        String::new()
    }
}

/// The content of an `<svg>…</svg>` document: what goes inside a `<g>` of the shown chart.
fn svg_content(svg: &str) -> &str {
    let start = svg.find("<svg").and_then(|i| svg[i..].find('>').map(|j| i + j + 1)).unwrap_or(0);
    let end = svg.rfind("</svg>").filter(|&e| e >= start).unwrap_or(svg.len());
    svg[start..end].trim()
}

/// Chart size in SVG user units; the page scales it to its box.
pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 360;
/// Axis text size in SVG units: about 16 px on a laptop, larger on a projector.
pub const LABEL_SIZE: u32 = 22;

/// Text size and axis areas of a chart `width` units wide: 22 / 40 / 78 at the page's 640, larger
/// (but less than in proportion) for slides, so axes stay readable from the back of a room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub margin: u32,
    pub label: u32,
    pub x_area: u32,
    pub y_area: u32,
}

impl Frame {
    pub fn for_width(width: u32) -> Frame {
        let label = 14 + width / 80;
        Frame { margin: 14, label, x_area: label * 40 / 22, y_area: label * 78 / 22 }
    }
}

/// The frame every chart here shares: years along the bottom (whole years only), values up the
/// left, horizontal grid lines only.
pub(crate) fn draw_year_axes(
    chart: &mut plotters::chart::ChartContext<
        '_,
        backend::Svg<'_>,
        plotters::coord::cartesian::Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    years: usize,
    y_labels: usize,
    label_size: u32,
    y_label: &dyn Fn(&f64) -> String,
) -> Result<(), Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .x_labels(years)
        .x_label_formatter(&|x| if (x - x.round()).abs() < 1e-6 { format!("{}", x.round() as i64) } else { String::new() })
        .y_labels(y_labels)
        .y_label_formatter(y_label)
        .label_style(("sans-serif", label_size).into_font().color(&palette::TEXT))
        .axis_style(palette::BASELINE)
        .draw()?;
    Ok(())
}

/// A round upper bound for an axis: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, at least `max`.
pub fn nice_ceiling(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    for step in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if step * magnitude >= max {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// Axis tick labels: 1,200,000 → "120万" in Chinese, "1.2M" in English.
pub fn axis_label(v: f64, lang: crate::domain::format::Lang) -> String {
    use crate::domain::format::Lang;
    let a = v.abs();
    let trim = |s: String| if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    match lang {
        Lang::Zh if a >= 1.0e8 => format!("{}亿", trim(format!("{:.2}", v / 1.0e8))),
        Lang::Zh if a >= 1.0e4 => format!("{}万", trim(format!("{:.2}", v / 1.0e4))),
        Lang::En if a >= 1.0e9 => format!("{}B", trim(format!("{:.2}", v / 1.0e9))),
        Lang::En if a >= 1.0e6 => format!("{}M", trim(format!("{:.2}", v / 1.0e6))),
        Lang::En if a >= 1.0e4 => format!("{}k", trim(format!("{:.1}", v / 1.0e3))),
        _ => trim(format!("{:.1}", v)),
    }
}
