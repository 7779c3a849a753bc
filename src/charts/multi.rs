//! Several named series on one line chart, one colour and one marker shape per series so that
//! lines stay apart without colour. The names are not drawn here: the page puts the legend in
//! HTML beside the chart. Filled markers are achieved years (or the baseline), hollow ones planned.

use crate::domain::format::Lang;
use plotters::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

impl Marker {
    const ALL: [Marker; 5] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown];

    pub fn for_index(i: usize) -> Marker {
        Marker::ALL[i % Marker::ALL.len()]
    }

    /// The same shape as a text glyph, for the HTML legend.
    pub fn glyph(self, filled: bool) -> &'static str {
        match (self, filled) {
            (Marker::Circle, true) => "●",
            (Marker::Circle, false) => "○",
            (Marker::Square, true) => "■",
            (Marker::Square, false) => "□",
            (Marker::Triangle, true) => "▲",
            (Marker::Triangle, false) => "△",
            (Marker::Diamond, true) => "◆",
            (Marker::Diamond, false) => "◇",
            (Marker::TriangleDown, true) => "▼",
            (Marker::TriangleDown, false) => "▽",
        }
    }

    /// Outline in pixels around the point.
    fn outline(self, r: i32) -> Vec<(i32, i32)> {
        match self {
            Marker::Circle => (0..16)
                .map(|k| {
                    let a = k as f64 * std::f64::consts::PI / 8.0;
                    ((a.cos() * r as f64).round() as i32, (a.sin() * r as f64).round() as i32)
                })
                .collect(),
            Marker::Square => {
                let s = r * 85 / 100;
                vec![(-s, -s), (s, -s), (s, s), (-s, s)]
            }
            Marker::Triangle => vec![(0, -r - 1), (r, r * 7 / 10), (-r, r * 7 / 10)],
            Marker::Diamond => {
                let s = r + 1;
                vec![(0, -s), (s, 0), (0, s), (-s, 0)]
            }
            Marker::TriangleDown => vec![(0, r + 1), (r, -r * 7 / 10), (-r, -r * 7 / 10)],
        }
    }
}

/// How the value axis is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Percent,
    Index,
    Yuan,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub color: RGBColor,
    pub marker: Marker,
    /// (year, value, achieved); a `None` value breaks the line.
    pub points: Vec<(i32, Option<f64>, bool)>,
}

pub fn multi_svg(lines: &[Line], axis: Axis, lang: Lang, width: u32, height: u32) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, lines, axis, lang, width, height) {
        return super::bars::error_svg(&e.to_string(), width, height);
    }
    svg
}

fn axis_label(v: f64, axis: Axis, lang: Lang) -> String {
    let trim = |s: String| if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    match axis {
        Axis::Percent => format!("{}%", trim(format!("{v:.1}"))),
        Axis::Index => trim(format!("{v:.1}")),
        Axis::Yuan => super::axis_label(v, lang),
    }
}

/// Runs of consecutive known points: a line never bridges an unknown year.
fn runs(points: &[(i32, Option<f64>, bool)]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for &(year, value, _) in points {
        match value {
            Some(v) => out.last_mut().map_or((), |run| run.push((year as f64, v))),
            None => out.push(Vec::new()),
        }
    }
    out.retain(|r| r.len() > 1);
    out
}

fn draw(svg: &mut String, lines: &[Line], axis: Axis, lang: Lang, width: u32, height: u32) -> Result<(), Box<dyn std::error::Error>> {
    let root = super::backend::Svg::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let years: Vec<i32> = lines.iter().flat_map(|l| l.points.iter().map(|p| p.0)).collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        root.present()?;
        return Ok(());
    };
    let values = || lines.iter().flat_map(|l| l.points.iter().filter_map(|p| p.1)).filter(|v| v.is_finite());
    let max = values().fold(0.0, f64::max);
    let min = values().fold(0.0, f64::min);
    let y_max = super::nice_ceiling(max * 1.08);
    let y_min = if min < 0.0 { -super::nice_ceiling(-min * 1.1) } else { 0.0 };
    let pad = 0.35;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(78)
        .build_cartesian_2d(first as f64 - pad..last as f64 + pad, y_min..y_max)?;
    super::draw_year_axes(&mut chart, (last - first + 1) as usize, 6, super::LABEL_SIZE, &|y| axis_label(*y, axis, lang))?;
    // Series that meet at one value (e.g. all at 0 once everyone has exited) are nudged apart
    // sideways by a few pixels so that every marker stays visible.
    let n = lines.len() as f64;
    let dodge = |k: usize| (k as f64 - (n - 1.0) / 2.0) * 0.05;
    for (k, line) in lines.iter().enumerate() {
        for run in runs(&line.points) {
            let run: Vec<(f64, f64)> = run.into_iter().map(|(x, y)| (x + dodge(k), y)).collect();
            chart.draw_series(LineSeries::new(run, line.color.stroke_width(3)))?;
        }
    }
    // Markers after all lines, so no line crosses a marker; sparse series last, on top.
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(lines[k].points.iter().filter(|p| p.1.is_some()).count()));
    for k in order {
        let line = &lines[k];
        let outline = line.marker.outline(7);
        let mut closed = outline.clone();
        closed.extend(outline.first().copied());
        for &(year, value, achieved) in &line.points {
            let Some(v) = value else { continue };
            let at = (year as f64 + dodge(k), v);
            if achieved {
                chart.draw_series(std::iter::once(EmptyElement::at(at) + Polygon::new(outline.clone(), line.color.filled())))?;
            } else {
                chart.draw_series(std::iter::once(
                    EmptyElement::at(at)
                        + Polygon::new(outline.clone(), WHITE.filled())
                        + PathElement::new(closed.clone(), line.color.stroke_width(3)),
                ))?;
            }
        }
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::charts::palette;
    use super::*;

    #[test]
    fn unknown_years_break_the_line() {
        let r = runs(&[(2016, Some(1.0), true), (2017, Some(2.0), true), (2018, None, false), (2019, Some(3.0), false), (2020, Some(4.0), false)]);
        assert_eq!(r, vec![vec![(2016.0, 1.0), (2017.0, 2.0)], vec![(2019.0, 3.0), (2020.0, 4.0)]]);
    }

    #[test]
    fn draws_every_series_and_escapes_nothing_from_data() {
        let lines = [
            Line { color: palette::series(0), marker: Marker::for_index(0), points: vec![(2015, Some(100.0), true), (2016, Some(80.0), false)] },
            Line { color: palette::series(1), marker: Marker::for_index(1), points: vec![(2019, Some(2.0), false)] },
        ];
        let svg = multi_svg(&lines, Axis::Index, Lang::Zh, 640, 360);
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("#0072B2") || svg.contains("#0072b2") || svg.contains("rgb(0,114,178)"), "{svg}");
        assert!(svg.contains("2015") && svg.contains("2019"));
        assert!(multi_svg(&[], Axis::Percent, Lang::En, 640, 360).starts_with("<svg"));
    }
}
