//! A chart in one sentence, for screen readers (the chart's aria-label) and anyone who cannot
//! see the drawing. Built from the very bars and lines the chart is drawn from, so the words and
//! the picture cannot disagree. Numbers are written by the caller (units are interface text).

use super::bars::Bar;
use super::lines::Series;
use crate::domain::format::Lang;

/// The few words a summary needs besides the numbers, in the language shown.
pub struct Words<'a> {
    /// For a year the plan gives no figure for.
    pub unknown: &'a str,
    /// After a year reported as achieved.
    pub achieved: &'a str,
    /// Before the printed figure where a scenario changed it ("原为" / "was").
    pub was: &'a str,
}

struct Punctuation {
    after_title: &'static str,
    between_items: &'static str,
    between_series: &'static str,
    end: &'static str,
}

fn punctuation(lang: Lang) -> Punctuation {
    match lang {
        Lang::Zh => Punctuation { after_title: "：", between_items: "、", between_series: "；", end: "。" },
        Lang::En => Punctuation { after_title: " — ", between_items: ", ", between_series: "; ", end: "." },
    }
}

/// The title, then what it shows; a chart with nothing drawn is its title alone.
fn sentence(title: &str, body: &str, p: &Punctuation) -> String {
    if body.is_empty() {
        format!("{title}{}", p.end)
    } else {
        format!("{title}{}{body}{}", p.after_title, p.end)
    }
}

/// "2016年1,885人" / "2016: 1,885 people", with notes in brackets.
fn item(year: i32, value: &str, notes: &[String], lang: Lang) -> String {
    let mut out = match lang {
        Lang::Zh => format!("{year}年{value}"),
        Lang::En => format!("{year}: {value}"),
    };
    if !notes.is_empty() {
        match lang {
            Lang::Zh => out.push_str(&format!("（{}）", notes.join("，"))),
            Lang::En => out.push_str(&format!(" ({})", notes.join(", "))),
        }
    }
    out
}

fn value_text(v: Option<f64>, fmt: &dyn Fn(f64) -> String, words: &Words) -> String {
    v.filter(|v| v.is_finite()).map_or_else(|| words.unknown.to_string(), fmt)
}

/// The note for a value a scenario moved away from the printed one.
fn was_note(value: Option<f64>, printed: Option<f64>, fmt: &dyn Fn(f64) -> String, words: &Words, lang: Lang) -> Option<String> {
    let p = printed.filter(|p| p.is_finite())?;
    if value.is_some_and(|v| (v - p).abs() < 1e-9) {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!("{}{}", words.was, fmt(p)),
        Lang::En => format!("{} {}", words.was, fmt(p)),
    })
}

/// Bars by year: "每年脱贫人数：2016年1,885人（已完成）、…、2019年3,324人。"
pub fn bars_summary(title: &str, bars: &[Bar], fmt: &dyn Fn(f64) -> String, words: &Words, lang: Lang) -> String {
    let p = punctuation(lang);
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            let mut notes = Vec::new();
            if b.actual {
                notes.push(words.achieved.to_string());
            }
            notes.extend(was_note(b.value, b.baseline, fmt, words, lang));
            item(b.year, &value_text(b.value, fmt, words), &notes, lang)
        })
        .collect();
    sentence(title, &items.join(p.between_items), &p)
}

/// A line by year, the printed plan's line for the notes of changed years, and an optional
/// named level: "年末剩余贫困人口：2015年10,146人、…；退出标准对应人数1,683人。"
pub fn line_summary(
    title: &str,
    line: &Series,
    printed: &Series,
    level: Option<(&str, f64)>,
    fmt: &dyn Fn(f64) -> String,
    words: &Words,
    lang: Lang,
) -> String {
    let p = punctuation(lang);
    let items: Vec<String> = line
        .points
        .iter()
        .map(|&(year, value)| {
            let was = printed.points.iter().find(|q| q.0 == year).and_then(|q| q.1);
            let notes: Vec<String> = was_note(value, was, fmt, words, lang).into_iter().collect();
            item(year, &value_text(value, fmt, words), &notes, lang)
        })
        .collect();
    let mut out = format!("{title}{}{}", p.after_title, items.join(p.between_items));
    if let Some((name, v)) = level {
        let sep = if lang == Lang::Zh { "" } else { " " };
        out.push_str(&format!("{}{name}{sep}{}", p.between_series, fmt(v)));
    }
    out.push_str(p.end);
    out
}

/// Named series by year: "贫困发生率：安图县（2015年10.29%、2016年8%）；渑池县（…）。"
pub fn series_summary(title: &str, series: &[(String, Vec<(i32, Option<f64>)>)], fmt: &dyn Fn(f64) -> String, words: &Words, lang: Lang) -> String {
    let p = punctuation(lang);
    let (open, close) = if lang == Lang::Zh { ("（", "）") } else { (" (", ")") };
    let parts: Vec<String> = series
        .iter()
        .map(|(name, points)| {
            let items: Vec<String> = points.iter().map(|&(year, v)| item(year, &value_text(v, fmt, words), &[], lang)).collect();
            format!("{name}{open}{}{close}", items.join(p.between_items))
        })
        .collect();
    sentence(title, &parts.join(p.between_series), &p)
}
