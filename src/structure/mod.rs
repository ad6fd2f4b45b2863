//! Structure: what each line of the normalized text is, the headings and the section tree,
//! and the sentences.
//!
//! Normalized text has one paragraph per line. The lines at the top that name the document
//! (title, issuing body, publication line, recipients) and at the foot (signature, date,
//! 抄送) are set apart from the body ([`LineRole`]); [`crate::meta`] reads the metadata
//! from them afterwards. In the body, three kinds of heading are found:
//!
//! - **numbered**, by GB/T 9704 labels (`一、` level 1, `（一）` 2, `1.` 3, `（1）` 4, `①` 5),
//!   with the title up to the first full stop when the body follows on the same line;
//! - **heading lines**: a short line standing alone, without a full stop, that titles what
//!   follows;
//! - **lead sentences**: the short first sentences of consecutive paragraphs that follow one
//!   pattern (`以政治建设为统领，提升党建引领力。…`, `以品牌建设为抓手，提升党建软实力。…`).
//!
//! `一是` / `二是` open enumerated items, not headings.

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::labels::LabelKind;

mod clauses;
mod headings;
mod lines;
mod sections;
mod sentences;
mod tables;

pub use clauses::{Clause, Cue, CueHit};
pub use tables::Table;

pub(crate) use lines::split_orgs;

/// What a line of the normalized text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// The document's title (possibly one of several title lines).
    Title,
    /// The issuing body printed above the title.
    HeaderOrg,
    /// A document number (安环发〔2022〕12号).
    DocNumber,
    /// A publication line: 发布时间, 来源, 作者.
    Source,
    /// A date standing alone in the header.
    HeaderDate,
    /// The recipients line: 各分局，局机关各科室：.
    Recipients,
    /// A subtitle under the title (——2026年1月27日在…会议上, a second headline).
    Subtitle,
    /// A byline: an official's or a reporter's name after their title (省长 罗东川).
    Byline,
    /// A table of contents in the header (目录 and its entries).
    Contents,
    /// The page's chrome above a publication line: navigation, legends, buttons.
    Chrome,
    /// Body text, including headings.
    Body,
    /// A signature: the issuing bodies at the foot.
    Signature,
    /// The signature date.
    Date,
    /// 抄送, 印发, 附件 and similar lines at the foot.
    Footer,
}

/// How a heading was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// By a GB/T 9704 label.
    Numbered(LabelKind),
    /// A short line standing alone.
    Line,
    /// The lead sentence of a paragraph in a parallel series.
    Lead,
}

/// A heading of the body.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub kind: HeadingKind,
    /// The label as written (`一、`, `（一）`), if numbered.
    pub label: Option<Span<Normalized>>,
    /// The title: no label, no trailing full stop, Chinese punctuation.
    pub title: String,
    pub title_span: Span<Normalized>,
    /// Index of the line the heading is on.
    pub line: usize,
}

/// A section: a heading and everything up to the next heading of the same or a higher level.
#[derive(Debug, Clone)]
pub struct Section {
    /// Index into [`Structure::headings`].
    pub heading: usize,
    pub parent: Option<usize>,
    pub span: Span<Normalized>,
}

/// The structure of a normalized text.
#[derive(Debug, Clone)]
pub struct Structure {
    /// One span per line (paragraph), without the newline.
    pub lines: Vec<Span<Normalized>>,
    pub roles: Vec<LineRole>,
    pub headings: Vec<Heading>,
    /// Sections in document order; `sections[i].heading == i`.
    pub sections: Vec<Section>,
    /// Sentences of all lines, in order.
    pub sentences: Vec<Span<Normalized>>,
    /// Clauses of all sentences, in order.
    pub clauses: Vec<Clause>,
    /// The cue words of the clauses, clause by clause.
    pub cues: Vec<CueHit>,
    /// Tables: runs of tab-separated lines.
    pub tables: Vec<Table>,
    /// The body lines, between the header and the footer, as a range of line indices.
    pub body: Range<usize>,
    /// Where the first heading past [`MAX_SECTIONS`](crate::limits::MAX_SECTIONS) starts.
    pub cut_headings: Option<usize>,
}

impl Structure {
    /// The innermost section holding `pos`, if any.
    pub fn section_at(&self, pos: usize) -> Option<usize> {
        // sections are in document order and nested: the last one starting at or before
        // `pos` whose span still holds it, walking up its parents
        let i = self.sections.partition_point(|s| s.span.start() <= pos);
        let mut cur = i.checked_sub(1);
        while let Some(k) = cur {
            let s = &self.sections[k];
            if s.span.start() <= pos && pos < s.span.end() {
                return Some(k);
            }
            cur = s.parent;
        }
        None
    }

    /// The sentence holding `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span<Normalized>> {
        let i = self.sentences.partition_point(|s| s.end() <= pos);
        self.sentences.get(i).copied().filter(|s| s.start() <= pos)
    }

    /// Frees the clauses and their cues once the indicators and checks are read: the report
    /// does not read them, and on a text of many short lines they are a large share of the
    /// memory held while it is built.
    pub fn drop_clauses(&mut self) {
        self.clauses = Vec::new();
        self.cues = Vec::new();
    }

    /// Spans of the heading labels, which are not numbers of the text.
    pub fn label_spans(&self) -> Vec<Span<Normalized>> {
        self.headings.iter().filter_map(|h| h.label).collect()
    }

    /// Lines of the body, as a range of line indices.
    pub fn body_lines(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.lines.len()).filter(|&i| self.roles[i] == LineRole::Body)
    }
}

/// Analyzes the structure of normalized text.
pub fn analyze(text: &str, lex: &Lexicon) -> Structure {
    let lines = lines::split_lines(text);
    let mut roles = vec![LineRole::Body; lines.len()];
    let body_start = lines::mark_header(text, &lines, &mut roles, lex);
    let body_end = lines::mark_footer(text, &lines, body_start, &mut roles, lex);

    let tables = tables::find(text, &lines);
    let mut headings = Vec::new();
    headings::numbered(text, &lines, body_start..body_end, &mut headings);
    headings::heading_lines(text, &lines, body_start..body_end, &mut headings);
    crate::text::sort::by_position(&mut headings, |h| h.line);
    headings::leads(text, &lines, body_start..body_end, lex, &mut headings);
    crate::text::sort::by_positions(&mut headings, |h| h.line, |h| h.title_span.start());
    // a table's rows are never headings
    headings.retain(|h| {
        let i = tables.partition_point(|t| t.lines.end <= h.line);
        !tables.get(i).is_some_and(|t| t.lines.contains(&h.line))
    });
    // past the limit, headings are read as body lines
    let cut = headings
        .get(crate::limits::MAX_SECTIONS)
        .map(|first| first.label.map_or(first.title_span.start(), |l| l.start()));
    headings.truncate(crate::limits::MAX_SECTIONS);
    headings::assign_levels(&mut headings);
    let body_span_end = if body_end > body_start {
        lines[body_end - 1].end()
    } else {
        0
    };
    let sections = sections::build(&headings, &lines, body_span_end);
    let sentences = sentences::split(text, &lines);
    let (clauses, cues) = clauses::split(text, &sentences, lex);
    Structure {
        lines,
        roles,
        headings,
        sections,
        sentences,
        clauses,
        cues,
        tables,
        body: body_start..body_end,
        cut_headings: cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn headings(text: &str) -> Vec<(u8, String)> {
        let lex = Lexicon::builtin();
        let n = normalize(text, lex);
        analyze(&n.text, lex)
            .headings
            .into_iter()
            .map(|h| (h.level, h.title))
            .collect()
    }

    #[test]
    fn numbered_with_inline_body() {
        let t = "总体情况如下。\n一、深化认识，提高站位。省委环保督察组反馈意见后，市委高度重视。\n二、加强领导，推进整改。成立了领导小组。";
        assert_eq!(
            headings(t),
            vec![
                (1, "深化认识，提高站位".to_string()),
                (1, "加强领导，推进整改".to_string())
            ]
        );
    }

    #[test]
    fn gb_levels_and_weak_labels() {
        let t = "一、工作情况\n（一）深学细悟\n全年召开会议5次。\n1. 打好蓝天保卫战。一是分解任务。\n2. 打好碧水保卫战。一是印发方案。\n3 全力保障安全。共出动人员。\n（1）细项。内容内容内容。";
        let h = headings(t);
        assert_eq!(
            h.iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![1, 2, 3, 3, 3, 4]
        );
        assert_eq!(h[4].1, "全力保障安全");
    }

    #[test]
    fn lead_sentences_in_parallel() {
        let t = "近年来，全局以创建为核心，取得实效，工作连续两年被评为优秀。\n将城市创建与改善生态环境相结合。狠抓质量提升，在攻坚战上下功夫。\n将城市创建与防范安全风险相结合。狠抓综合治理，在化解风险上下功夫。\n城市创建是一项系统工程，根本目的是让百姓更幸福。我局将继续努力。";
        let h = headings(t);
        assert_eq!(
            h,
            vec![
                (1, "将城市创建与改善生态环境相结合".into()),
                (1, "将城市创建与防范安全风险相结合".into())
            ]
        );
    }

    #[test]
    fn heading_lines_with_leads_below() {
        let t = "2021年，全局工作取得新成效。\n坚持党建引领，提升生态铁军战斗力\n“党建是生命线。”全局把党建放在首位。\n以政治建设为统领，提升党建引领力。理论清醒，才能政治坚定。\n以品牌建设为抓手，提升党建软实力。推动党建与业务融合。\n聚焦源头治理，强化污染防治攻坚战\n绘一片蓝天让空气常新。大气质量事关百姓幸福。\n护一江碧水让清水长流。水是城市的核心资源。";
        assert_eq!(
            headings(t),
            vec![
                (1, "坚持党建引领，提升生态铁军战斗力".into()),
                (2, "以政治建设为统领，提升党建引领力".into()),
                (2, "以品牌建设为抓手，提升党建软实力".into()),
                (1, "聚焦源头治理，强化污染防治攻坚战".into()),
                (2, "绘一片蓝天让空气常新".into()),
                (2, "护一江碧水让清水长流".into()),
            ]
        );
    }

    #[test]
    fn enumerations_are_not_headings() {
        assert!(headings(
            "工作如下。\n一是加强秸秆禁烧管控。开展巡查。\n二是严格扬尘管控。召开会议。"
        )
        .is_empty());
    }

    #[test]
    fn header_and_footer_roles() {
        let lex = Lexicon::builtin();
        let t = "安康市生态环境局\n安康市生态环境局关于第二季度专项整治工作开展情况的通报\n各分局，局机关各科室：\n正文第一段。\n正文第二段。\n中共安康市委 安康市人民政府\n2018年8月31日\n抄送：市纪委。";
        let n = normalize(t, lex);
        let s = analyze(&n.text, lex);
        use LineRole::*;
        assert_eq!(
            s.roles,
            vec![HeaderOrg, Title, Recipients, Body, Body, Signature, Date, Footer]
        );
    }

    #[test]
    fn sections_nest() {
        let lex = Lexicon::builtin();
        let t = "一、工作情况\n（一）甲项工作\n内容一。\n（二）乙项工作\n内容二。\n二、工作计划\n内容三。";
        let n = normalize(t, lex);
        let s = analyze(&n.text, lex);
        let parents: Vec<Option<usize>> = s.sections.iter().map(|x| x.parent).collect();
        assert_eq!(parents, vec![None, Some(0), Some(0), None]);
        let pos = n.text.find("内容二").unwrap();
        assert_eq!(s.section_at(pos), Some(2));
        assert_eq!(
            s.sentence_at(pos).map(|x| x.slice(&n.text)),
            Some("内容二。")
        );
    }
}
