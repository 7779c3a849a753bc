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

    fn new_id(&mut self) -> String {
        self.next_id += 1;
        format!("s{}", self.next_id)
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
