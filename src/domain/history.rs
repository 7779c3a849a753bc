//! Undo and redo of the user's edits, as whole snapshots: simple, and every step restores
//! exactly what was there. Consecutive edits of the same thing (a slider being dragged, one cell
//! retyped) merge into one step.

/// Steps kept; older ones are dropped (a bound on memory, far beyond a meeting's edits).
pub const STEPS_MAX: usize = 5_000;

#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<(T, Option<String>)>,
    future: Vec<T>,
}

impl<T: Clone + PartialEq> Default for History<T> {
    fn default() -> Self {
        History { past: Vec::new(), future: Vec::new() }
    }
}

impl<T: Clone + PartialEq> History<T> {
    /// Records `before` as an undo step. With a `merge_key` equal to the last step's, the edit
    /// joins that step instead (the snapshot from before the first of them is kept).
    pub fn record(&mut self, before: &T, merge_key: Option<&str>) {
        self.future.clear();
        if let (Some(key), Some((_, last))) = (merge_key, self.past.last()) {
            if last.as_deref() == Some(key) {
                return;
            }
        }
        self.past.push((before.clone(), merge_key.map(str::to_string)));
        if self.past.len() > STEPS_MAX {
            self.past.remove(0);
        }
    }

    /// Ends merging, so the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.past.last_mut() {
            last.1 = None;
        }
    }

    pub fn undo(&mut self, current: &T) -> Option<T> {
        let (before, _) = self.past.pop()?;
        self.future.push(current.clone());
        Some(before)
    }

    pub fn redo(&mut self, current: &T) -> Option<T> {
        let after = self.future.pop()?;
        self.past.push((current.clone(), None));
        Some(after)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_and_merging() {
        let mut h = History::default();
        h.record(&0, None);
        h.record(&1, Some("slider"));
        h.record(&2, Some("slider")); // merged: undo goes back to 1
        assert_eq!(h.undo(&3), Some(1));
        assert_eq!(h.undo(&1), Some(0));
        assert_eq!(h.undo(&0), None);
        assert_eq!(h.redo(&0), Some(1));
        assert_eq!(h.redo(&1), Some(3));
        h.record(&3, None);
        assert!(!h.can_redo(), "a new edit clears redo");
    }
}
