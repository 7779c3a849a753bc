//! How figures are written for each language: 万/亿 in Chinese, thousands separators in English.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// 12345 → "12,345".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Trims a fixed-point rendering: "12.50" → "12.5", "3.00" → "3".
fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A count of people, households or villages. Chinese writes large counts in 万 as plans do.
pub fn fmt_count(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh if n.abs() >= 100_000 => format!("{}万", trim(format!("{:.2}", n as f64 / 10_000.0))),
        _ => thousands(n),
    }
}

pub fn fmt_opt_count(n: Option<i64>, lang: Lang) -> String {
    n.map_or_else(|| "—".to_string(), |n| fmt_count(n, lang))
}

pub fn fmt_pct(p: f64, lang: Lang) -> String {
    let _ = lang;
    format!("{}%", trim(format!("{:.2}", p)))
}

/// An amount given in 万元: "30.85亿元" / "1,234.5万元" in Chinese, "¥3.09 bn" / "¥12.3 M" in English.
pub fn fmt_wan(wan: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if wan.abs() >= 10_000.0 => format!("{}亿元", trim(format!("{:.2}", wan / 10_000.0))),
        Lang::Zh => format!("{}万元", group_decimal(wan)),
        Lang::En => {
            let yuan = wan * 10_000.0;
            if yuan.abs() >= 1.0e9 {
                format!("¥{} bn", trim(format!("{:.2}", yuan / 1.0e9)))
            } else if yuan.abs() >= 1.0e6 {
                format!("¥{} M", trim(format!("{:.1}", yuan / 1.0e6)))
            } else {
                format!("¥{}", thousands(yuan.round() as i64))
            }
        }
    }
}

/// Whole 元 written exactly in 万元: 3_085_032_900 → "308,503.29", 12_345_678_9 → "12,345.6789".
pub fn wan_exact(yuan: crate::domain::money::Yuan) -> String {
    let y = yuan.0;
    let sign = if y < 0 { "-" } else { "" };
    let (whole, frac) = (y.abs() / 10_000, y.abs() % 10_000);
    let frac = format!("{frac:04}");
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{}", thousands(whole))
    } else {
        format!("{sign}{}.{frac}", thousands(whole))
    }
}

/// "16224.4" → "16,224.4": the figure as printed, with separators, at most two decimals.
pub fn group_decimal(v: f64) -> String {
    let s = trim(format!("{:.2}", v.abs()));
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut out = if v < 0.0 { "-".to_string() } else { String::new() };
    out.push_str(&thousands(int.parse::<i64>().unwrap_or(0)));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(fmt_count(10146, Lang::Zh), "10,146");
        assert_eq!(fmt_count(2_320_000, Lang::Zh), "232万");
        assert_eq!(fmt_count(2_320_000, Lang::En), "2,320,000");
        assert_eq!(fmt_count(-1234, Lang::En), "-1,234");
    }

    #[test]
    fn money() {
        assert_eq!(fmt_wan(308503.29, Lang::Zh), "30.85亿元");
        assert_eq!(fmt_wan(16224.40, Lang::Zh), "1.62亿元");
        assert_eq!(fmt_wan(1234.5, Lang::Zh), "1,234.5万元");
        assert_eq!(fmt_wan(308503.29, Lang::En), "¥3.09 bn");
        assert_eq!(fmt_wan(1234.5, Lang::En), "¥12.3 M");
    }

    #[test]
    fn exact_wan() {
        use crate::domain::money::Yuan;
        assert_eq!(wan_exact(Yuan(3_085_032_900)), "308,503.29");
        assert_eq!(wan_exact(Yuan(123_456_789)), "12,345.6789");
        assert_eq!(wan_exact(Yuan(10_000)), "1");
    }

    #[test]
    fn percents() {
        assert_eq!(fmt_pct(10.294, Lang::Zh), "10.29%");
        assert_eq!(fmt_pct(3.0, Lang::En), "3%");
    }
}
