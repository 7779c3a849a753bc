//! Where a figure is printed in its plan's text. A record cites every line it was read from (a
//! baseline cites six); the lines that print the number a user clicked are found by reading the
//! numbers on each cited line.

/// The cited lines (1-based numbers into `text`) that print `v` exactly: as is, with thousands
/// separators, or in 万 or 亿 (or in 元 where the data keeps 万元). Numbers are read whole, so 80
/// is not found in "180", "2018" or "8.05", and 10146 is not found as a rounded "1.01万". Empty
/// when no cited line prints it (a figure spelled in words, rounded, or derived).
pub fn lines_printing(v: f64, cited: &[u32], text: &[String]) -> Vec<u32> {
    if v == 0.0 || !v.is_finite() {
        return Vec::new();
    }
    let tolerance = 1e-9 * v.abs().max(1.0);
    let same = |x: f64| [1.0, 1e4, 1e8, 1e-4].iter().any(|k| (x * k - v).abs() <= tolerance);
    cited
        .iter()
        .copied()
        .filter(|&n| {
            let Some(line) = (n as usize).checked_sub(1).and_then(|i| text.get(i)) else { return false };
            numbers_in(line).any(same)
        })
        .collect()
}

/// The numbers printed in a line, each read whole: digits, with ',' between thousands and one
/// '.' before decimals (either only when a digit follows).
fn numbers_in(line: &str) -> impl Iterator<Item = f64> + '_ {
    let bytes = line.as_bytes();
    let digit = move |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !digit(i) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let mut value = 0.0;
        let mut scale: Option<f64> = None;
        while i < bytes.len() {
            match bytes[i] {
                b @ b'0'..=b'9' => {
                    let d = f64::from(b - b'0');
                    match scale.as_mut() {
                        Some(s) => {
                            *s /= 10.0;
                            value += d * *s;
                        }
                        None => value = value * 10.0 + d,
                    }
                }
                b',' if scale.is_none() && digit(i + 1) => {}
                b'.' if scale.is_none() && digit(i + 1) => scale = Some(1.0),
                _ => break,
            }
            i += 1;
        }
        Some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    fn numbers(line: &str) -> Vec<f64> {
        numbers_in(line).collect()
    }

    #[test]
    fn numbers_are_read_whole() {
        assert_eq!(numbers("5646户10146人"), [5646.0, 10146.0]);
        assert_eq!(numbers("总投资30.85亿元，12,345万元"), [30.85, 12345.0]);
        assert_eq!(numbers("2016年 1885 2823"), [2016.0, 1885.0, 2823.0]);
        assert_eq!(numbers("第1.2.3条，共5,人。"), [1.2, 3.0, 5.0]);
        assert!(numbers("没有数字").is_empty());
    }

    #[test]
    fn finds_the_lines_that_print_the_number() {
        let t = text(&["全县总人口98636人", "2015年底，全县有贫困村80个", "经动态调整，5646户10146人"]);
        assert_eq!(lines_printing(10146.0, &[1, 2, 3], &t), [3]);
        assert_eq!(lines_printing(80.0, &[1, 2, 3], &t), [2]);
    }

    #[test]
    fn a_number_inside_a_longer_one_is_not_found() {
        let t = text(&["2018年", "180个", "8.05%", "1,080人", "80.5万"]);
        assert!(lines_printing(80.0, &[1, 2, 3, 4, 5], &t).is_empty());
        assert!(lines_printing(5.0, &[3, 5], &t).is_empty());
    }

    #[test]
    fn wan_yi_and_separators_are_read() {
        let t = text(&["总投资30.85亿元", "资金 12,345 万元", "发生率10.29%", "共3.5万人"]);
        assert_eq!(lines_printing(308_500.0, &[1, 2, 3], &t), [1]);
        assert_eq!(lines_printing(12_345.0, &[1, 2, 3], &t), [2]);
        assert_eq!(lines_printing(10.29, &[1, 2, 3], &t), [3]);
        assert_eq!(lines_printing(35_000.0, &[4], &t), [4]);
    }

    #[test]
    fn a_rounded_figure_is_not_taken_for_the_figure() {
        let t = text(&["第1条", "约1.01万人", "10146人"]);
        assert_eq!(lines_printing(10146.0, &[1, 2, 3], &t), [3]);
        assert!(lines_printing(10146.0, &[1, 2], &t).is_empty());
    }

    #[test]
    fn only_cited_lines_that_exist_are_returned() {
        let t = text(&["10146人", "10146人"]);
        assert_eq!(lines_printing(10146.0, &[2, 9, 0], &t), [2]);
        assert!(lines_printing(0.0, &[1], &t).is_empty());
    }
}
