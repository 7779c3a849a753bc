//! Splitting a plan's money across years, sources, categories or townships: edit a part, lock
//! some, rebalance the rest. Whole 元 throughout; rebalancing uses the largest-remainder split, so
//! the parts add up to the total exactly.

use super::dataset::{Lines, Plan};
use super::money::{allocate, Yuan};
use super::scenario::Scenario;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Year,
    Source,
    Category,
    Township,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [Dimension::Year, Dimension::Source, Dimension::Category, Dimension::Township];
}

/// A scenario's change to one part: its amount and whether it is locked against rebalancing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetEdit {
    pub dimension: Dimension,
    pub key: String,
    pub yuan: i64,
    pub locked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The year as text, or the item's Chinese name.
    pub key: String,
    pub label_en: Option<String>,
    /// As printed; `None` where the plan lists the item without an amount.
    pub printed: Option<Yuan>,
    pub amount: Yuan,
    pub locked: bool,
    pub lines: Lines,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Balance {
    pub total: Yuan,
    pub sum: Yuan,
}

impl Balance {
    /// Positive: the parts add up to more than the total.
    pub fn difference(&self) -> Yuan {
        self.sum - self.total
    }

    pub fn is_balanced(&self) -> bool {
        self.sum == self.total
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetError {
    NoTotal,
    NoSuchPart { key: String },
    Negative,
    /// The locked parts alone exceed the total: nothing left to share out.
    LockedExceedTotal { locked: Yuan, total: Yuan },
    /// Every part is locked, so there is nothing to rebalance.
    AllLocked,
}

impl BudgetError {
    pub fn message_zh(&self) -> String {
        use super::format::{fmt_wan, Lang};
        match self {
            BudgetError::NoTotal => "本规划未载明资金总额，无法平衡。".into(),
            BudgetError::NoSuchPart { key } => format!("规划中没有“{key}”这一项。"),
            BudgetError::Negative => "金额不能为负。".into(),
            BudgetError::LockedExceedTotal { locked, total } => format!(
                "已锁定部分合计{}，超过资金总额{}，无法再分配。请解锁部分项目或降低金额。",
                fmt_wan(locked.as_wan(), Lang::Zh),
                fmt_wan(total.as_wan(), Lang::Zh)
            ),
            BudgetError::AllLocked => "所有项目均已锁定，无可再分配的部分。".into(),
        }
    }

    pub fn message_en(&self) -> String {
        use super::format::{fmt_wan, Lang};
        match self {
            BudgetError::NoTotal => "The plan states no funding total, so nothing can be balanced.".into(),
            BudgetError::NoSuchPart { key } => format!("The plan has no part “{key}”."),
            BudgetError::Negative => "An amount cannot be negative.".into(),
            BudgetError::LockedExceedTotal { locked, total } => format!(
                "The locked parts add up to {}, more than the total of {}; unlock a part or lower an amount.",
                fmt_wan(locked.as_wan(), Lang::En),
                fmt_wan(total.as_wan(), Lang::En)
            ),
            BudgetError::AllLocked => "Every part is locked; there is nothing to rebalance.".into(),
        }
    }
}

/// The printed parts of `dimension`, before any edit.
fn printed_parts(plan: &Plan, dimension: Dimension) -> Vec<Part> {
    let f = &plan.funding;
    let part = |key: String, label_en: Option<String>, amount: Option<f64>, lines: &Lines| Part {
        key,
        label_en,
        printed: amount.map(Yuan::from_wan),
        amount: amount.map(Yuan::from_wan).unwrap_or(Yuan::ZERO),
        locked: false,
        lines: lines.clone(),
    };
    match dimension {
        Dimension::Year => f.by_year.iter().map(|r| part(r.year.to_string(), None, r.amount_wan_yuan, &r.lines)).collect(),
        Dimension::Source => f.by_source.iter().map(|r| part(r.name_zh.clone(), r.name_en.clone(), r.amount_wan_yuan, &r.lines)).collect(),
        Dimension::Category => f.by_category.iter().map(|r| part(r.name_zh.clone(), r.name_en.clone(), r.amount_wan_yuan, &r.lines)).collect(),
        Dimension::Township => f.by_township.iter().map(|r| part(r.name_zh.clone(), r.name_en.clone(), r.amount_wan_yuan, &r.lines)).collect(),
    }
}

/// Dimensions this plan can split its money by (it prints parts and a total).
pub fn dimensions(plan: &Plan) -> Vec<Dimension> {
    if plan.funding.total_wan_yuan.is_none() {
        return Vec::new();
    }
    Dimension::ALL.into_iter().filter(|&d| !printed_parts(plan, d).is_empty()).collect()
}

/// The parts of `dimension` with the scenario's edits applied.
pub fn parts(plan: &Plan, scenario: Option<&Scenario>, dimension: Dimension) -> Vec<Part> {
    let mut parts = printed_parts(plan, dimension);
    if let Some(s) = scenario {
        for e in s.budget.iter().filter(|e| e.dimension == dimension) {
            if let Some(p) = parts.iter_mut().find(|p| p.key == e.key) {
                p.amount = Yuan(e.yuan);
                p.locked = e.locked;
            }
        }
    }
    parts
}

pub fn balance(plan: &Plan, parts: &[Part]) -> Option<Balance> {
    let total = Yuan::from_wan(plan.funding.total_wan_yuan?);
    Some(Balance { total, sum: Yuan::sum(parts.iter().map(|p| p.amount)) })
}

impl Scenario {
    fn put_budget(&mut self, plan: &Plan, dimension: Dimension, key: &str, yuan: Yuan, locked: bool) {
        let printed = printed_parts(plan, dimension).into_iter().find(|p| p.key == key).and_then(|p| p.printed).unwrap_or(Yuan::ZERO);
        self.budget.retain(|e| !(e.dimension == dimension && e.key == key));
        if yuan != printed || locked {
            self.budget.push(BudgetEdit { dimension, key: key.to_string(), yuan: yuan.0, locked });
            self.budget.sort_by(|a, b| (a.dimension, &a.key).cmp(&(b.dimension, &b.key)));
        }
    }

    fn part(&self, plan: &Plan, dimension: Dimension, key: &str) -> Result<Part, BudgetError> {
        parts(plan, Some(self), dimension).into_iter().find(|p| p.key == key).ok_or(BudgetError::NoSuchPart { key: key.to_string() })
    }

    /// Sets one part's amount; the balance shows what that does to the total.
    pub fn set_part(&mut self, plan: &Plan, dimension: Dimension, key: &str, yuan: Yuan) -> Result<(), BudgetError> {
        if yuan.0 < 0 {
            return Err(BudgetError::Negative);
        }
        let part = self.part(plan, dimension, key)?;
        self.put_budget(plan, dimension, key, yuan, part.locked);
        Ok(())
    }

    pub fn set_locked(&mut self, plan: &Plan, dimension: Dimension, key: &str, locked: bool) -> Result<(), BudgetError> {
        let part = self.part(plan, dimension, key)?;
        self.put_budget(plan, dimension, key, part.amount, locked);
        Ok(())
    }

    /// Shares what the locked parts leave of the total among the unlocked parts, in proportion to
    /// their current amounts (evenly when those are all zero).
    pub fn rebalance(&mut self, plan: &Plan, dimension: Dimension) -> Result<(), BudgetError> {
        let total = Yuan::from_wan(plan.funding.total_wan_yuan.ok_or(BudgetError::NoTotal)?);
        let current = parts(plan, Some(self), dimension);
        let locked = Yuan::sum(current.iter().filter(|p| p.locked).map(|p| p.amount));
        if locked > total {
            return Err(BudgetError::LockedExceedTotal { locked, total });
        }
        let free: Vec<&Part> = current.iter().filter(|p| !p.locked).collect();
        if free.is_empty() {
            return Err(BudgetError::AllLocked);
        }
        let weights: Vec<u64> = free.iter().map(|p| p.amount.0.max(0) as u64).collect();
        let shares = allocate((total - locked).0, &weights);
        for (part, share) in free.iter().zip(shares) {
            self.put_budget(plan, dimension, &part.key, Yuan(share), false);
        }
        Ok(())
    }

    /// Drops the scenario's changes to one dimension.
    pub fn reset_budget(&mut self, dimension: Dimension) {
        self.budget.retain(|e| e.dimension != dimension);
    }
}

/// Money of a year divided by the people exiting that year, in 元 per person.
pub fn money_per_exit(plan: &Plan, scenario: Option<&Scenario>, rows: &[super::dataset::ExitRow]) -> Vec<(i32, Option<i64>)> {
    let by_year = parts(plan, scenario, Dimension::Year);
    rows.iter()
        .map(|r| {
            let money = by_year.iter().find(|p| p.key == r.year.to_string()).filter(|p| p.printed.is_some()).map(|p| p.amount);
            let value = match (money, r.people) {
                (Some(m), Some(n)) if n > 0 => Some(m.0 / n),
                _ => None,
            };
            (r.year, value)
        })
        .collect()
}
