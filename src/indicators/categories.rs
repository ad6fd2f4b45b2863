//! Categories and standard metrics: what field of environmental work an indicator
//! belongs to, from its name or the section it stands in.

use crate::lexicon::{Category, Lexicon};
use crate::structure::Structure;

/// The standard indicator a name holds (优良天数 in 全年实现优良天数), the longest one.
pub(super) fn metric_in(name: &str, lex: &Lexicon) -> Option<(String, Category)> {
    let mut best: Option<(usize, usize, Category)> = None;
    for (i, c) in name.char_indices() {
        if !lex.indicator_names.may_start(c) {
            continue;
        }
        if let Some((len, &cat)) = lex.indicator_names.longest_at(name, i) {
            if best.is_none_or(|(_, l, _)| len > l) {
                best = Some((i, len, cat));
            }
        }
    }
    best.map(|(i, len, cat)| (name[i..i + len].to_string(), cat))
}

/// The category of the keyword that ends last in `s` (the head of the phrase), the longer
/// on a tie.
pub(super) fn keyword_category(s: &str, lex: &Lexicon) -> Option<Category> {
    let mut best: Option<(usize, usize, Category)> = None;
    for (i, c) in s.char_indices() {
        if !lex.category_keywords.may_start(c) {
            continue;
        }
        if let Some((len, &cat)) = lex.category_keywords.longest_at(s, i) {
            let key = (i + len, len);
            if best.is_none_or(|(e, l, _)| key > (e, l)) {
                best = Some((key.0, key.1, cat));
            }
        }
    }
    best.map(|(_, _, c)| c)
}

/// What an indicator inherits from the section it stands in, worked out once a section.
pub(super) struct SectionFacts {
    /// The category of the nearest enclosing title that names one.
    pub(super) category: Option<Category>,
    /// The section, or one it stands in, plans rather than reports (工作计划, 下一步打算).
    pub(super) plan: bool,
}

pub(super) fn section_facts(structure: &Structure, lex: &Lexicon) -> Vec<SectionFacts> {
    let mut out: Vec<SectionFacts> = Vec::with_capacity(structure.sections.len());
    // parents come before their children
    for s in &structure.sections {
        let title = &structure.headings[s.heading].title;
        let parent = s.parent.and_then(|p| out.get(p));
        let plan = lex.plan_word.find(title).is_some() || parent.is_some_and(|p| p.plan);
        let category = keyword_category(title, lex).or_else(|| parent.and_then(|p| p.category));
        out.push(SectionFacts { category, plan });
    }
    out
}
