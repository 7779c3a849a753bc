//! The user's own document: scenarios per plan, which one is open, the language.
//! Stored apart from the dataset so a new bundled dataset never touches it.

use super::dataset::Plan;
use super::format::Lang;
use super::scenario::{Scenario, EDITS_MAX, NAME_MAX_CHARS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCENARIOS_MAX: usize = 500;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub lang: Lang,
    pub plan_id: Option<String>,
    pub scenarios: Vec<Scenario>,
    /// plan id → id of the scenario shown for it.
    pub active: BTreeMap<String, String>,
    /// Next number for a scenario id; ids are never reused.
    pub next_id: u64,
}

impl Workspace {
    pub fn active_scenario(&self, plan_id: &str) -> Option<&Scenario> {
        let id = self.active.get(plan_id)?;
        self.scenarios.iter().find(|s| &s.id == id && s.plan_id == plan_id)
    }

    /// The scenario open for `plan`, made on first use so edits always have a home.
    pub fn active_scenario_mut(&mut self, plan: &Plan, default_name: &str) -> &mut Scenario {
        let existing = self.active.get(&plan.id).and_then(|id| self.scenarios.iter().position(|s| &s.id == id));
        let index = match existing {
            Some(i) => i,
            None => {
                let id = self.new_id();
                self.scenarios.push(Scenario::new(id.clone(), plan, default_name));
                self.active.insert(plan.id.clone(), id);
                self.scenarios.len() - 1
            }
        };
        &mut self.scenarios[index]
    }

    /// The scenarios of one plan, in the order they were made.
    pub fn scenarios_of<'a>(&'a self, plan_id: &'a str) -> impl Iterator<Item = &'a Scenario> + 'a {
        self.scenarios.iter().filter(move |s| s.plan_id == plan_id)
    }

    /// Makes an empty scenario for `plan` and opens it.
    pub fn create_scenario(&mut self, plan: &Plan, name: &str) -> String {
        let id = self.new_id();
        self.scenarios.push(Scenario::new(id.clone(), plan, clip_name(name)));
        self.active.insert(plan.id.clone(), id.clone());
        id
    }

    /// Copies scenario `id` under `name` and opens the copy.
    pub fn duplicate_scenario(&mut self, id: &str, name: &str) -> Option<String> {
        let mut copy = self.scenarios.iter().find(|s| s.id == id)?.clone();
        let new_id = self.new_id();
        copy.id = new_id.clone();
        copy.name = clip_name(name);
        self.active.insert(copy.plan_id.clone(), new_id.clone());
        self.scenarios.push(copy);
        Some(new_id)
    }

    pub fn rename_scenario(&mut self, id: &str, name: &str) -> bool {
        let name = clip_name(name);
        match self.scenarios.iter_mut().find(|s| s.id == id) {
            Some(s) if !name.trim().is_empty() => {
                s.name = name;
                true
            }
            _ => false,
        }
    }

    /// Deletes scenario `id`; its plan then shows the printed plan until another is chosen.
    pub fn delete_scenario(&mut self, id: &str) -> Option<Scenario> {
        let index = self.scenarios.iter().position(|s| s.id == id)?;
        let removed = self.scenarios.remove(index);
        if self.active.get(&removed.plan_id).map(String::as_str) == Some(id) {
            self.active.remove(&removed.plan_id);
        }
        Some(removed)
    }

    /// Opens scenario `id` for its plan; `None` shows the printed plan.
    pub fn open_scenario(&mut self, plan_id: &str, id: Option<&str>) {
        match id.filter(|id| self.scenarios.iter().any(|s| s.id == *id && s.plan_id == plan_id)) {
            Some(id) => {
                self.active.insert(plan_id.to_string(), id.to_string());
            }
            None => {
                self.active.remove(plan_id);
            }
        }
    }

    /// Adds a scenario that came from elsewhere (a link, an import) with a fresh id, unless an
    /// identical one is already there; returns the id it has here.
    pub fn adopt_scenario(&mut self, mut scenario: Scenario) -> String {
        if let Some(same) = self.scenarios.iter().find(|s| {
            s.plan_id == scenario.plan_id && s.name == scenario.name && s.exits == scenario.exits && s.budget == scenario.budget && s.counties == scenario.counties
        }) {
            let id = same.id.clone();
            self.active.insert(scenario.plan_id.clone(), id.clone());
            return id;
        }
        let id = self.new_id();
        scenario.id = id.clone();
        scenario.name = clip_name(&scenario.name);
        self.active.insert(scenario.plan_id.clone(), id.clone());
        self.scenarios.push(scenario);
        id
    }

    fn new_id(&mut self) -> String {
        self.next_id += 1;
        format!("s{}", self.next_id)
    }

    /// What of the stored scenarios the dataset no longer supports: plans that are gone, edits to
    /// years that are not (or no longer) editable, parts and counties that no longer exist.
    /// Such edits are kept in the scenario, reported here, and not applied.
    pub fn reconcile(&self, dataset: &super::dataset::Dataset) -> Vec<Unapplied> {
        let mut out = Vec::new();
        for s in &self.scenarios {
            let Some(plan) = dataset.plan(&s.plan_id) else {
                out.push(Unapplied {
                    scenario: s.name.clone(),
                    zh: format!("规划“{}”已不在数据中，方案保留但无法显示", s.plan_id),
                    en: format!("plan “{}” is no longer in the data; the scenario is kept but cannot be shown", s.plan_id),
                });
                continue;
            };
            for e in s.apply(plan).ignored {
                out.push(Unapplied {
                    scenario: s.name.clone(),
                    zh: format!("{}年的修改（{}）无法应用：该年份不在可编辑的计划年份中", e.year, e.value),
                    en: format!("the edit for {} ({}) cannot apply: that year is not an editable plan year", e.year, e.value),
                });
            }
            for b in &s.budget {
                if !super::budget::parts(plan, None, b.dimension).iter().any(|p| p.key == b.key) {
                    out.push(Unapplied {
                        scenario: s.name.clone(),
                        zh: format!("资金项“{}”已不在规划中", b.key),
                        en: format!("funding part “{}” is no longer in the plan", b.key),
                    });
                }
            }
            for c in &s.counties {
                if !plan.counties.iter().any(|k| k.name_zh == c.name_zh) {
                    out.push(Unapplied {
                        scenario: s.name.clone(),
                        zh: format!("“{}”已不在规划的县名单中", c.name_zh),
                        en: format!("“{}” is no longer among the plan's counties", c.name_zh),
                    });
                }
            }
        }
        out
    }

    /// Restores the scenario part of `other` (undo/redo keep the language and the plan shown).
    pub fn restore_scenarios(&mut self, other: Workspace) {
        self.scenarios = other.scenarios;
        self.active = other.active;
        self.next_id = self.next_id.max(other.next_id);
    }

    /// Checks the bounds that types alone cannot; a stored or imported workspace must pass.
    pub fn validate(&self) -> Result<(), (String, String)> {
        if self.scenarios.len() > SCENARIOS_MAX {
            return Err(("scenarios".into(), format!("more than {SCENARIOS_MAX} scenarios")));
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            if s.name.chars().count() > NAME_MAX_CHARS {
                return Err((format!("scenarios[{i}].name"), format!("longer than {NAME_MAX_CHARS} characters")));
            }
            if s.exits.len() > EDITS_MAX {
                return Err((format!("scenarios[{i}].exits"), format!("more than {EDITS_MAX} edits")));
            }
            for (j, e) in s.exits.iter().enumerate() {
                if !(1990..=2035).contains(&e.year) {
                    return Err((format!("scenarios[{i}].exits[{j}].year"), format!("{} is not a plan year", e.year)));
                }
                if !(0..=super::scenario::EXITS_MAX).contains(&e.value) {
                    return Err((format!("scenarios[{i}].exits[{j}].value"), format!("{} is out of range", e.value)));
                }
            }
        }
        Ok(())
    }
}

/// An edit kept in a scenario that the current dataset cannot apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Unapplied {
    pub scenario: String,
    pub zh: String,
    pub en: String,
}

fn clip_name(name: &str) -> String {
    name.trim().chars().take(NAME_MAX_CHARS).collect()
}
