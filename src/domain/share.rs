//! A scenario as a short URL-safe text for share links, and the strict decoding of one. A link
//! is untrusted input: size, types, ranges and list lengths are all checked, and a rejection
//! names the field and the reason.

use super::budget::BudgetEdit;
use super::dataset::Dataset;
use super::scenario::{CountyMove, ExitEdit, Scenario, EDITS_MAX, EXITS_MAX, NAME_MAX_CHARS};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

pub const ENCODED_MAX_CHARS: usize = 6_000;
const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    v: u32,
    plan: String,
    name: String,
    #[serde(default)]
    exits: Vec<ExitEdit>,
    #[serde(default)]
    budget: Vec<BudgetEdit>,
    #[serde(default)]
    counties: Vec<CountyMove>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub field: String,
    pub reason_zh: String,
    pub reason_en: String,
}

impl Rejected {
    fn new(field: &str, zh: impl Into<String>, en: impl Into<String>) -> Rejected {
        Rejected { field: field.to_string(), reason_zh: zh.into(), reason_en: en.into() }
    }

    pub fn message_zh(&self) -> String {
        format!("链接中的方案无法打开（{}）：{}", self.field, self.reason_zh)
    }

    pub fn message_en(&self) -> String {
        format!("The scenario in the link cannot be opened ({}): {}", self.field, self.reason_en)
    }
}

pub fn encode_scenario(s: &Scenario) -> String {
    let shared = Shared {
        v: FORMAT_VERSION,
        plan: s.plan_id.clone(),
        name: s.name.clone(),
        exits: s.exits.clone(),
        budget: s.budget.clone(),
        counties: s.counties.clone(),
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&shared).unwrap_or_default())
}

/// Decodes and checks a shared scenario against the dataset. The id is left empty for the caller.
pub fn decode_scenario(text: &str, dataset: &Dataset) -> Result<Scenario, Rejected> {
    if text.len() > ENCODED_MAX_CHARS {
        return Err(Rejected::new("s", format!("长度超过{ENCODED_MAX_CHARS}个字符"), format!("longer than {ENCODED_MAX_CHARS} characters")));
    }
    let bytes = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| Rejected::new("s", "不是有效的编码", "not valid base64url"))?;
    let text = String::from_utf8(bytes).map_err(|_| Rejected::new("s", "不是有效的文本", "not valid UTF-8 text"))?;
    let shared: Shared = super::json::parse(&text).map_err(|e| {
        Rejected::new(&e.path, format!("类型或格式错误（{}）", e.reason), format!("wrong type or shape ({})", e.reason))
    })?;
    if shared.v != FORMAT_VERSION {
        return Err(Rejected::new("v", format!("版本{}无法识别", shared.v), format!("version {} is not known", shared.v)));
    }
    let plan = dataset.plan(&shared.plan).ok_or_else(|| Rejected::new("plan", format!("没有编号为“{}”的规划", shared.plan), format!("no plan with id “{}”", shared.plan)))?;
    if shared.name.chars().count() > NAME_MAX_CHARS {
        return Err(Rejected::new("name", format!("名称超过{NAME_MAX_CHARS}个字"), format!("name longer than {NAME_MAX_CHARS} characters")));
    }
    if shared.exits.len() + shared.budget.len() + shared.counties.len() > EDITS_MAX {
        return Err(Rejected::new("exits", format!("修改超过{EDITS_MAX}项"), format!("more than {EDITS_MAX} edits")));
    }
    let [start, end] = plan.period;
    let years: Vec<i32> = plan.exit_schedule.iter().map(|r| r.year).collect();
    for (i, e) in shared.exits.iter().enumerate() {
        if !years.contains(&e.year) {
            return Err(Rejected::new(&format!("exits[{i}].year"), format!("{}年不在本规划的时序内", e.year), format!("{} is not a year of the plan's schedule", e.year)));
        }
        if !(0..=EXITS_MAX).contains(&e.value) {
            return Err(Rejected::new(&format!("exits[{i}].value"), format!("{}超出范围", e.value), format!("{} is out of range", e.value)));
        }
    }
    for (i, b) in shared.budget.iter().enumerate() {
        if !(0..=1_000_000_000_000_000).contains(&b.yuan) {
            return Err(Rejected::new(&format!("budget[{i}].yuan"), "金额超出范围", "amount out of range"));
        }
    }
    for (i, c) in shared.counties.iter().enumerate() {
        if !(start..=end).contains(&c.year) || !plan.counties.iter().any(|k| k.name_zh == c.name_zh) {
            return Err(Rejected::new(&format!("counties[{i}]"), "县名或年份不在本规划中", "county or year not in the plan"));
        }
    }
    // Re-apply through the edit functions so locked years and plan figures are honoured.
    let mut scenario = Scenario::new("", plan, shared.name);
    for (i, e) in shared.exits.iter().enumerate() {
        scenario.set_exit(plan, e.year, e.measure, e.value).map_err(|_| {
            Rejected::new(&format!("exits[{i}].year"), format!("{}年已完成，不可修改", e.year), format!("{} is reported as achieved and cannot change", e.year))
        })?;
    }
    for (i, b) in shared.budget.iter().enumerate() {
        let field = format!("budget[{i}].key");
        scenario
            .set_part(plan, b.dimension, &b.key, super::money::Yuan(b.yuan))
            .and_then(|_| scenario.set_locked(plan, b.dimension, &b.key, b.locked))
            .map_err(|e| Rejected::new(&field, e.message_zh(), e.message_en()))?;
    }
    for (i, c) in shared.counties.iter().enumerate() {
        scenario.move_county(plan, &c.name_zh, c.year).map_err(|_| Rejected::new(&format!("counties[{i}]"), "该年份不可修改", "that year cannot change"))?;
    }
    Ok(scenario)
}
