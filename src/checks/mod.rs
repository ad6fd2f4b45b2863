//! What the numbers of a report mean against the standards and against each other: checks
//! of values against the limits of the national standards in force for the year reported
//! (`standards.rs`), consistency checks between the numbers the report gives
//! (`consistency.rs`) and the placeholders a draft still holds (`placeholders.rs`).
//!
//! Every check states what it computed (`45 + 15 = 60 ✓`, `287 / 365 = 78.6% ✓`), so a
//! reader can cite it, and points at every span involved.

use crate::indicators::Findings;
use crate::lexicon::Lexicon;
use crate::meta::MetaFound;
use crate::names::named_enum;
use crate::numbers::Mention;
use crate::span::{Normalized, Span};
use crate::structure::Structure;

mod consistency;
mod placeholders;
mod standards;

pub(crate) use placeholders::is_unfilled;

named_enum! {
    /// What a check compares.
    pub enum CheckKind {
        /// A value against the limit of a national standard.
        Standard = "standard",
        /// Numbers of the report against each other.
        Consistency = "consistency",
        /// An unfilled placeholder of a draft.
        Placeholder = "placeholder",
        /// The same sentence twice.
        Duplicate = "duplicate",
    }
}

named_enum! {
    /// What a check found.
    pub enum Verdict {
        /// Within the limit.
        Within = "within",
        /// Above a maximum.
        Above = "above",
        /// Below a minimum.
        Below = "below",
        /// The numbers agree.
        Consistent = "consistent",
        /// The numbers disagree.
        Inconsistent = "inconsistent",
        /// A placeholder is still to be filled.
        Unfilled = "unfilled",
    }
}

named_enum! {
    /// Which check it is: a stable code that interfaces translate.
    pub enum CheckRule {
        /// An air pollutant's concentration against GB 3095.
        AirQuality = "air_quality",
        /// A surface-water concentration against the classes of GB 3838.
        WaterClass = "water_class",
        /// A sound level against its functional zone's limit in GB 3096.
        NoiseZone = "noise_zone",
        /// An air quality index against the levels of HJ 633.
        AqiLevel = "aqi_level",
        /// Parts against the total they are stated of.
        PartsTotal = "parts_total",
        /// A share against the count and the total it is stated of.
        ShareOfCount = "share_of_count",
        /// A share of days against the days of the year.
        ShareOfDays = "share_of_days",
        /// A stated change against the two values the report gives.
        Change = "change",
        /// A share above 100 %.
        ShareOver100 = "share_over_100",
        /// A rank beyond the size of its scope.
        RankBeyondScope = "rank_beyond_scope",
        /// The same sentence twice.
        DuplicateSentence = "duplicate_sentence",
        /// An unfilled placeholder.
        Placeholder = "placeholder",
    }
}

/// A check and what it found, in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckFound {
    pub kind: CheckKind,
    pub rule: CheckRule,
    pub verdict: Verdict,
    /// The standard cited (GB 3095-2012).
    pub standard: Option<String>,
    /// The limit, in the indicator's catalogue unit.
    pub limit: Option<f64>,
    /// The class the limit is for (二级, Ⅲ类, 2类区 as the data file writes: 2, Ⅲ, 2).
    pub class: Option<String>,
    /// The table and clause of the standard.
    pub source: Option<String>,
    /// What was computed, to cite: `45 + 15 = 60 ✓`.
    pub computed: Option<String>,
    /// A sentence in English; interfaces translate by `rule`.
    pub message: String,
    /// The indicators involved (indices into the findings).
    pub indicators: Vec<usize>,
    /// Every span involved.
    pub spans: Vec<Span<Normalized>>,
}

/// What the checks read.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub structure: &'a Structure,
    pub meta: &'a MetaFound,
    pub mentions: &'a [Mention],
    pub findings: &'a Findings,
    pub lex: &'a Lexicon,
}

impl Context<'_> {
    /// The value of indicator `k` in its catalogue unit, with its catalogue entry's index,
    /// when it is a fact of the period (not a goal, a bound, a baseline or a placeholder).
    fn canonical_fact(&self, k: usize) -> Option<(u32, f64)> {
        let ind = &self.findings.indicators[k];
        if ind.target || ind.bound || ind.baseline {
            return None;
        }
        let c = ind.canonical?;
        let v = self.mentions[ind.mention].value?;
        Some((c.entry, v * c.factor))
    }

    /// Whether the report covers part of a year (a month, a quarter, 1-7月): its means are
    /// no annual means, its days no year's days.
    fn partial_year(&self) -> bool {
        let part = |s: &str| {
            (s.contains('月') || s.contains("季度") || s.contains("上半年"))
                && !s.contains("1-12月")
                && !s.contains("1～12月")
                && !s.contains("全年")
        };
        self.meta.period.as_ref().is_some_and(|p| part(&p.value))
            || self.meta.title.as_ref().is_some_and(|t| part(&t.value))
    }

    /// The catalogue id of indicator `k`, if it has one.
    fn id_of(&self, k: usize) -> Option<&str> {
        let c = self.findings.indicators[k].canonical?;
        Some(self.id(c.entry))
    }

    /// The catalogue id of an entry.
    fn id(&self, entry: u32) -> &str {
        self.lex
            .catalogue
            .entries
            .get(entry as usize)
            .map_or("", |e| &e.id)
    }
}

/// Every check of a report, in text order of their first span.
pub fn find(
    text: &str,
    structure: &Structure,
    meta: &MetaFound,
    mentions: &[Mention],
    findings: &Findings,
    lex: &Lexicon,
) -> Vec<CheckFound> {
    let ctx = Context {
        text,
        structure,
        meta,
        mentions,
        findings,
        lex,
    };
    let mut out = standards::check(&ctx);
    out.extend(consistency::check(&ctx));
    out.extend(placeholders::check(&ctx));
    crate::text::sort::by_position(&mut out, |c| {
        c.spans.first().map_or(usize::MAX, |s| s.start())
    });
    out
}

/// A number as a report would write it: no trailing zeros, at most `decimals` decimals.
/// Written with integers, not the float printer, which is large in WebAssembly.
pub(crate) fn fmt(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(9) as u32;
    let scale = 10u64.pow(decimals);
    let scaled = (v.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= 1e18 {
        return if v.is_nan() {
            "NaN".into()
        } else {
            "∞".into()
        };
    }
    let n = scaled as u64;
    let (int, frac) = (n / scale, n % scale);
    let mut s = String::new();
    if v < 0.0 && n > 0 {
        s.push('-');
    }
    s.push_str(&int.to_string());
    if decimals > 0 && frac > 0 {
        let digits = format!("{frac:0width$}", width = decimals as usize);
        s.push('.');
        s.push_str(digits.trim_end_matches('0'));
    }
    s
}

/// Decimals written in the numeral of `mention` (`78.6%` → 1).
pub(crate) fn decimals(text: &str, mention: &Mention) -> usize {
    let s = mention.number.slice(text);
    s.find('.').map_or(0, |i| {
        s[i + 1..].chars().take_while(char::is_ascii_digit).count()
    })
}

#[cfg(test)]
mod tests {
    use super::fmt;

    #[test]
    fn numbers_as_reports_write_them() {
        assert_eq!(fmt(45.1, 4), "45.1");
        assert_eq!(fmt(-5.4507, 1), "-5.5");
        assert_eq!(fmt(78.6301, 1), "78.6");
        assert_eq!(fmt(60.0, 4), "60");
        assert_eq!(fmt(0.02, 4), "0.02");
        assert_eq!(fmt(-0.01, 1), "0");
        assert_eq!(fmt(12400.0, 0), "12400");
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The checks of `text`, run through the whole pipeline.
    pub(crate) fn run(text: &str) -> (String, Vec<CheckFound>) {
        let lex = Lexicon::builtin();
        let n = crate::normalize::normalize(text, lex);
        let s = crate::structure::analyze(&n.text, lex);
        let meta = crate::meta::extract(&n.text, &s, lex);
        let mentions = crate::numbers::find(&n.text, &s.label_spans(), lex);
        let f = crate::indicators::find(&n.text, &s, &meta, &mentions, lex);
        let checks = find(&n.text, &s, &meta, &mentions, &f, lex);
        (n.text, checks)
    }

    /// The checks of one rule, as `verdict computed`.
    pub(crate) fn of(text: &str, rule: CheckRule) -> Vec<String> {
        run(text)
            .1
            .into_iter()
            .filter(|c| c.rule == rule)
            .map(|c| format!("{} {}", c.verdict.name(), c.computed.unwrap_or_default()))
            .collect()
    }
}
