//! Money as whole 元 (i64). Plans print 万元 with up to two decimals, i.e. whole 100 元,
//! so converting once at the edge and adding integers after that never drifts.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Yuan(pub i64);

impl Yuan {
    pub const ZERO: Yuan = Yuan(0);

    /// 万元 as printed → 元, rounded to the nearest 元.
    pub fn from_wan(wan: f64) -> Yuan {
        debug_assert!(wan.is_finite());
        Yuan((wan * 10_000.0).round() as i64)
    }

    pub fn as_wan(self) -> f64 {
        self.0 as f64 / 10_000.0
    }

    pub fn sum<I: IntoIterator<Item = Yuan>>(parts: I) -> Yuan {
        Yuan(parts.into_iter().map(|y| y.0).sum())
    }
}

impl std::ops::Add for Yuan {
    type Output = Yuan;
    fn add(self, rhs: Yuan) -> Yuan {
        Yuan(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Yuan {
    type Output = Yuan;
    fn sub(self, rhs: Yuan) -> Yuan {
        Yuan(self.0 - rhs.0)
    }
}

/// Reads an amount typed in 万元 ("1,234.5", "1234.5678") exactly into 元; more than four
/// decimals (finer than 1 元), signs and other text are refused.
pub fn parse_wan(text: &str) -> Option<Yuan> {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, ',' | '，' | ' ')).collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if int.is_empty() && frac.is_empty() || frac.len() > 4 || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) || int.len() > 12 {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac_yuan: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<4}").parse().ok()? };
    Some(Yuan(whole * 10_000 + frac_yuan))
}

/// Splits `total` in proportion to `weights` by the largest-remainder method: the parts are
/// never negative and always add up to `total` exactly. Zero or empty weights split evenly.
pub fn allocate(total: i64, weights: &[u64]) -> Vec<i64> {
    assert!(total >= 0, "allocate takes a non-negative total");
    if weights.is_empty() {
        return Vec::new();
    }
    let weight_sum: u128 = weights.iter().map(|&w| w as u128).sum();
    let even;
    let weights = if weight_sum == 0 {
        even = vec![1u64; weights.len()];
        &even[..]
    } else {
        weights
    };
    let weight_sum: u128 = weights.iter().map(|&w| w as u128).sum();
    let total_u = total as u128;
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = total_u * w as u128;
        parts.push((exact / weight_sum) as i64);
        remainders.push((exact % weight_sum, i));
    }
    let short = total - parts.iter().sum::<i64>();
    // Largest remainder first; ties go to the earlier part so the result is deterministic.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(short as usize) {
        parts[i] += 1;
    }
    debug_assert_eq!(parts.iter().sum::<i64>(), total);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wan_round_trip() {
        assert_eq!(Yuan::from_wan(16224.40), Yuan(162_244_000));
        assert_eq!(Yuan::from_wan(308503.29).0, 3_085_032_900);
        assert!((Yuan(3_085_032_900).as_wan() - 308503.29).abs() < 1e-9);
    }

    #[test]
    fn parse_wan_exactly() {
        assert_eq!(parse_wan("1,234.5"), Some(Yuan(12_345_000)));
        assert_eq!(parse_wan("0.0001"), Some(Yuan(1)));
        assert_eq!(parse_wan("308503.29"), Some(Yuan(3_085_032_900)));
        assert_eq!(parse_wan("1.23456"), None);
        assert_eq!(parse_wan("-5"), None);
        assert_eq!(parse_wan("abc"), None);
        assert_eq!(parse_wan(""), None);
    }

    #[test]
    fn allocate_by_largest_remainder() {
        assert_eq!(allocate(100, &[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(allocate(10, &[0, 0]), vec![5, 5]);
        assert_eq!(allocate(7, &[2, 5]), vec![2, 5]);
        assert_eq!(allocate(0, &[3, 4]), vec![0, 0]);
    }
}
