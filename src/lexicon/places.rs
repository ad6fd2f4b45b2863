//! The gazetteer: provinces, cities and counties of the PRC, by full and short name.

use super::PhraseSet;

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceLevel {
    Province,
    City,
    County,
}

/// A province, city or county of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: Box<str>,
    /// The name without its administrative suffix (金坛区 → 金坛), if at least two characters.
    pub short: Option<Box<str>>,
    pub level: PlaceLevel,
    pub parent: Option<u32>,
}

/// The gazetteer: places by full and short name.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub list: Vec<Place>,
    /// Full names, for finding places in running text.
    pub full: PhraseSet<Vec<u32>>,
    /// Short names, for names that prefix an organisation (金坛生态环境局).
    pub short: PhraseSet<Vec<u32>>,
}

impl Places {
    /// The full name of a place with its parents down from the city (常州市金坛区).
    pub fn qualified_name(&self, idx: u32) -> String {
        let place = &self.list[idx as usize];
        match (place.level, place.parent) {
            (PlaceLevel::County, Some(p)) if self.list[p as usize].level == PlaceLevel::City => {
                format!("{}{}", self.list[p as usize].name, place.name)
            }
            _ => place.name.to_string(),
        }
    }
}

/// The name of a place without its administrative suffix, when two characters or more
/// remain: 金坛区 → 金坛, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施.
pub(super) fn short_place_name(name: &str) -> Option<&str> {
    const AUTONOMOUS: [&str; 4] = ["自治区", "自治州", "自治县", "自治旗"];
    const SUFFIXES: [&str; 12] = [
        "特别行政区",
        "地区",
        "林区",
        "矿区",
        "新区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
        "州",
    ];
    if AUTONOMOUS.iter().any(|s| name.ends_with(s)) {
        // the ethnic names before 自治… start where the place name ends: take two characters
        let end = name.char_indices().nth(2).map(|(i, _)| i)?;
        return Some(&name[..end]);
    }
    let stem = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    (stem.chars().count() >= 2).then_some(stem)
}
