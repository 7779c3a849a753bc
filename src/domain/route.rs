//! What the URL hash says: which view, which plan, and (for share links) the scenario shown.
//! Links carry a version so an old link keeps opening after the format changes.
//!
//! Format: `#v1/<view>[/<plan id>][?s=<scenario>]`, e.g. `#v1/plan/antu`, `#v1/compare`.
//! The scenario part is the compact edit list of `share::encode_scenario`.

use serde::{Deserialize, Serialize};

pub const ROUTE_VERSION: u32 = 1;
/// Longer hashes are refused before parsing.
pub const HASH_MAX_CHARS: usize = 8_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// One plan: cards, charts, what-if.
    #[default]
    Plan,
    /// All plans side by side.
    Compare,
    /// Projects of all plans, searchable.
    Projects,
    /// 数据核查 across plans.
    Checks,
    /// Full-screen slides.
    Present,
}

impl View {
    pub const ALL: [View; 5] = [View::Plan, View::Compare, View::Projects, View::Checks, View::Present];

    pub fn slug(&self) -> &'static str {
        match self {
            View::Plan => "plan",
            View::Compare => "compare",
            View::Projects => "projects",
            View::Checks => "checks",
            View::Present => "present",
        }
    }

    fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub plan_id: Option<String>,
    /// Encoded scenario carried by a share link (not yet decoded or validated).
    pub scenario: Option<String>,
    /// Slide number in presentation mode (0-based).
    pub slide: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteError {
    TooLong,
    UnknownVersion(String),
    UnknownView(String),
    BadPlanId,
    BadSlide,
}

impl RouteError {
    pub fn message_zh(&self) -> String {
        match self {
            RouteError::TooLong => "链接过长，已忽略。".into(),
            RouteError::UnknownVersion(v) => format!("链接版本“{v}”无法识别，已打开默认视图。"),
            RouteError::UnknownView(v) => format!("链接中的视图“{v}”不存在，已打开默认视图。"),
            RouteError::BadPlanId => "链接中的规划编号无效。".into(),
            RouteError::BadSlide => "链接中的幻灯片编号无效。".into(),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            RouteError::TooLong => "The link is too long and was ignored.".into(),
            RouteError::UnknownVersion(v) => format!("Link version “{v}” is not known; the default view is shown."),
            RouteError::UnknownView(v) => format!("The link's view “{v}” does not exist; the default view is shown."),
            RouteError::BadPlanId => "The link's plan id is not valid.".into(),
            RouteError::BadSlide => "The link's slide number is not valid.".into(),
        }
    }
}

fn valid_plan_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Parses a location hash (with or without the leading `#`). An empty hash is the default route.
pub fn parse(hash: &str) -> Result<Route, RouteError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > HASH_MAX_CHARS {
        return Err(RouteError::TooLong);
    }
    if hash.is_empty() {
        return Ok(Route::default());
    }
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let mut parts = path.split('/');
    let version = parts.next().unwrap_or_default();
    if version != format!("v{ROUTE_VERSION}") {
        return Err(RouteError::UnknownVersion(version.chars().take(20).collect()));
    }
    let mut route = Route::default();
    if let Some(view) = parts.next().filter(|s| !s.is_empty()) {
        route.view = View::from_slug(view).ok_or_else(|| RouteError::UnknownView(view.chars().take(20).collect()))?;
    }
    if let Some(id) = parts.next().filter(|s| !s.is_empty()) {
        if !valid_plan_id(id) {
            return Err(RouteError::BadPlanId);
        }
        route.plan_id = Some(id.to_string());
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "s" if !value.is_empty() => route.scenario = Some(value.to_string()),
            "slide" => route.slide = Some(value.parse().map_err(|_| RouteError::BadSlide)?),
            _ => {} // unknown keys from newer links are ignored
        }
    }
    Ok(route)
}

pub fn format(route: &Route) -> String {
    let mut out = format!("#v{ROUTE_VERSION}/{}", route.view.slug());
    if let Some(id) = &route.plan_id {
        out.push('/');
        out.push_str(id);
    }
    let mut query = Vec::new();
    if let Some(s) = &route.scenario {
        query.push(format!("s={s}"));
    }
    if let Some(n) = route.slide {
        query.push(format!("slide={n}"));
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let r = Route { view: View::Plan, plan_id: Some("antu".into()), scenario: Some("abc".into()), slide: None };
        assert_eq!(format(&r), "#v1/plan/antu?s=abc");
        assert_eq!(parse(&format(&r)), Ok(r));
        assert_eq!(parse(""), Ok(Route::default()));
        assert_eq!(parse("#v1/compare").unwrap().view, View::Compare);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(parse("#v9/plan"), Err(RouteError::UnknownVersion("v9".into())));
        assert_eq!(parse("#v1/nowhere"), Err(RouteError::UnknownView("nowhere".into())));
        assert_eq!(parse("#v1/plan/<script>"), Err(RouteError::BadPlanId));
        assert_eq!(parse("#v1/present/antu?slide=x"), Err(RouteError::BadSlide));
    }
}
