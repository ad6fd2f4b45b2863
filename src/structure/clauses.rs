//! Clauses: each sentence split at its clause stops (，；： and their ASCII forms, the
//! tab of a table row), with the cue words each clause holds, found once for every later
//! reader (naming, comparisons, ranks).
//!
//! A stop inside quotation marks or title marks does not end the clause around them
//! (`开展“清河、净岸，护水”行动`): a quoted name is one unit of it. Brackets enclose asides
//! with clauses of their own (`浓度为35微克/立方米（同比下降5.2%，排名全省第二）`). A pair
//! left open in the sentence encloses nothing.

use super::Structure;
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::search::{match_starts, ByteSet};
use crate::text::words::{closing_quote, ends_clause_at};

/// A clause of a sentence.
#[derive(Debug, Clone)]
pub struct Clause {
    /// The clause without the stop that ends it.
    pub span: Span<Normalized>,
    /// Index of its sentence in [`Structure::sentences`] (see [`Clause::sentence`]): 32
    /// bits, like the cues and the span, for a clause of every line of a long text.
    sentence: u32,
    /// Its cue words: a range of [`Structure::cues`].
    pub cues: std::ops::Range<u32>,
}

impl Clause {
    /// Index of its sentence in [`Structure::sentences`].
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// A cue word that changes how the numbers of its clause are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// 由 (not 由于): a change "from A to B" (审批时限由20个工作日压缩至10个).
    From,
    /// 分别: the numbers after it go one to each item of the list before it.
    Respectively,
    /// 占: a share of a whole (占全市的60%).
    Share,
    /// A word that makes a number a goal: 力争, 确保, 目标 … (`target_cue` in the cues).
    Target,
}

/// A cue word found in a clause.
#[derive(Debug, Clone, Copy)]
pub struct CueHit {
    /// Which cue.
    pub cue: Cue,
    /// Where it stands.
    pub span: Span<Normalized>,
}

/// The clauses of every sentence, in order, and their cue words.
pub(super) fn split(
    text: &str,
    sentences: &[Span<Normalized>],
    lex: &Lexicon,
) -> (Vec<Clause>, Vec<CueHit>) {
    let cues = cue_hits(text, lex);
    // at least one a sentence (more in prose, grown as needed and trimmed at the end)
    let mut clauses = Vec::with_capacity(sentences.len());
    let mut pairs: Vec<(char, usize)> = Vec::new();
    let mut inside: Vec<(usize, usize)> = Vec::new();
    // clauses come in text order: the cues of each start where the last one's ended
    let mut next_cue = 0;
    let mut push = |start: usize, end: usize, sentence: usize, clauses: &mut Vec<Clause>| {
        let mut first = next_cue;
        while cues.get(first).is_some_and(|h| h.span.start() < start) {
            first += 1;
        }
        let mut last = first;
        while cues.get(last).is_some_and(|h| h.span.end() <= end) {
            last += 1;
        }
        next_cue = last;
        clauses.push(Clause {
            span: Span::new(start, end),
            sentence: u32::try_from(sentence).unwrap_or(u32::MAX),
            cues: first as u32..last as u32,
        });
    };
    // the bytes that may start a stop or a quotation mark: ASCII stops and the lead bytes
    // of the Chinese ones (，；：！？ EF, 。《》「」『』 E3, “”‘’ E2)
    const MARKS: ByteSet = ByteSet::of(b",;!?\t\xE2\xE3\xEF");
    let mut stops: Vec<(usize, usize)> = Vec::new();
    for (k, sentence) in sentences.iter().enumerate() {
        let s = sentence.slice(text);
        let b = s.as_bytes();
        let base = sentence.start();
        // the stops, and the quotations closed within the sentence (whose insides hold no
        // stop)
        inside.clear();
        pairs.clear();
        stops.clear();
        let mut i = 0;
        while let Some(at) = MARKS.find(b, i) {
            let c = s[at..].chars().next().unwrap_or(' ');
            i = at + c.len_utf8();
            if let Some(close) = closing_quote(c) {
                // quotations nest a few deep: deeper ones are ignored, which bounds the work
                if pairs.len() < 16 {
                    pairs.push((close, at));
                }
            } else if let Some(p) = pairs.iter().rposition(|&(close, _)| close == c) {
                inside.push((pairs[p].1, at));
                pairs.truncate(p);
            } else if ends_clause_at(s, at, c) {
                stops.push((at, c.len_utf8()));
            }
        }
        inside.sort_unstable();
        // the quotations opened before a stop, taken in order: the stop is enclosed when
        // one of them closes after it
        let (mut next_pair, mut covered_to) = (0, 0);
        let mut start = 0;
        let before = clauses.len();
        for &(at, len) in &stops {
            while let Some(&(_, close)) = inside.get(next_pair).filter(|p| p.0 < at) {
                covered_to = covered_to.max(close);
                next_pair += 1;
            }
            if covered_to <= at {
                push(base + start, base + at, k, &mut clauses);
                start = at + len;
            }
        }
        if start < s.len() || clauses.len() == before {
            push(base + start, base + s.len(), k, &mut clauses);
        }
    }
    clauses.shrink_to_fit();
    (clauses, cues)
}

/// Every cue word of the text, in text order.
fn cue_hits(text: &str, lex: &Lexicon) -> Vec<CueHit> {
    let mut hits = Vec::new();
    let mut hit = |cue: Cue, at: usize, len: usize| {
        hits.push(CueHit {
            cue,
            span: Span::new(at, at + len),
        })
    };
    for at in match_starts(text, "由").filter(|&at| !text[at..].starts_with("由于")) {
        hit(Cue::From, at, '由'.len_utf8());
    }
    for at in match_starts(text, "分别") {
        hit(Cue::Respectively, at, "分别".len());
    }
    for at in match_starts(text, "占") {
        hit(Cue::Share, at, '占'.len_utf8());
    }
    for (at, c) in text.char_indices() {
        if lex.target_cue.may_start(c) {
            if let Some((len, _)) = lex.target_cue.longest_at(text, at) {
                hit(Cue::Target, at, len);
            }
        }
    }
    crate::text::sort::by_position(&mut hits, |h| h.span.start());
    hits
}

impl Structure {
    /// The clause holding `pos` (a position at a clause's stop belongs to the clause it
    /// ends).
    pub fn clause_at(&self, pos: usize) -> Option<&Clause> {
        let i = self.clauses.partition_point(|c| c.span.end() < pos);
        self.clauses.get(i).filter(|c| c.span.start() <= pos)
    }

    /// The cue words of `clause`, in text order.
    pub fn cues(&self, clause: &Clause) -> &[CueHit] {
        &self.cues[clause.cues.start as usize..clause.cues.end as usize]
    }

    /// Whether `clause` holds `cue` anywhere.
    pub fn has_cue(&self, clause: &Clause, cue: Cue) -> bool {
        self.cues(clause).iter().any(|h| h.cue == cue)
    }

    /// The last `cue` of `clause` that ends at or before `pos`.
    pub fn cue_before(&self, clause: &Clause, cue: Cue, pos: usize) -> Option<Span<Normalized>> {
        self.cues(clause)
            .iter()
            .rev()
            .find(|h| h.cue == cue && h.span.end() <= pos)
            .map(|h| h.span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn clauses(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let n = normalize(text, lex);
        let s = crate::structure::analyze(&n.text, lex);
        s.clauses
            .iter()
            .map(|c| c.span.slice(&n.text).to_string())
            .collect()
    }

    #[test]
    fn stops_split_sentences_into_clauses() {
        assert_eq!(
            clauses("全区优良天数为287天，同比增加12天；全市排名第2。共1,100万元。"),
            [
                "全区优良天数为287天",
                "同比增加12天",
                "全市排名第2",
                "共1,100万元"
            ]
        );
    }

    #[test]
    fn pairs_hold_their_stops() {
        assert_eq!(
            clauses("开展“清河，净岸”行动，浓度为35微克/立方米（同比下降5.2%，排名第二）。"),
            [
                "开展“清河，净岸”行动",
                "浓度为35微克/立方米（同比下降5.2%",
                "排名第二）"
            ]
        );
        // a quotation left open encloses nothing
        assert_eq!(clauses("“一，二，三"), ["“一", "二", "三"]);
    }

    #[test]
    fn cue_words_are_found_once() {
        let lex = Lexicon::builtin();
        let t =
            "审批时限由20个工作日压缩至10个，由于天气原因，力争达到85%以上，二者分别占60%和40%。";
        let n = normalize(t, lex);
        let s = crate::structure::analyze(&n.text, lex);
        let cues: Vec<Vec<Cue>> = s
            .clauses
            .iter()
            .map(|c| s.cues(c).iter().map(|h| h.cue).collect())
            .collect();
        assert_eq!(
            cues,
            [
                vec![Cue::From],
                vec![],
                vec![Cue::Target],
                vec![Cue::Respectively, Cue::Share]
            ]
        );
        let pos = n.text.find("20个").unwrap();
        let c = s.clause_at(pos).unwrap();
        assert!(s.cue_before(c, Cue::From, pos).is_some());
        assert!(s.cue_before(c, Cue::From, c.span.start()).is_none());
    }
}
