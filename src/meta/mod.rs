//! Metadata: title, date, issuing body, region, year covered, period, kind, recipients,
//! 抄送, signature and publication lines.
//!
//! Read from the header and footer lines that [`crate::structure`] sets apart, then from
//! the first paragraphs of the body. Each field takes the most reliable source present:
//! the issuing body is the signature, else the body printed above the title, else the one
//! the title names, else the subject of the first sentences; the region is where that body
//! sits, looked up in the gazetteer (金坛生态环境局 → 常州市金坛区).

use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::structure::{split_orgs, LineRole, Structure};
use crate::text::chars::{is_han, is_space, visible_len};
use crate::text::dates::{find_date, parse_date_line, DateFound};
use crate::text::stamps;

mod orgs;
mod period;
mod region;

use orgs::{byline_org, dateline_media, learned_from, subject_orgs, title_org};
use period::{covered_year, find_kind, find_period};
use region::{
    most_mentioned, most_mentioned_place, placeholder_region, qualify_org, region_of_org,
    region_of_title, TextPlaces,
};

/// A metadata value and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Span<Normalized>,
}

/// The metadata found in a document.
#[derive(Debug, Clone, Default)]
pub struct MetaFound {
    pub title: Option<Found<String>>,
    /// Publication or signature date, `YYYY-MM-DD`.
    pub date: Option<Found<String>>,
    pub org: Option<Found<String>>,
    pub region: Option<String>,
    pub year: Option<i32>,
    pub period: Option<Found<String>>,
    pub kind: Option<String>,
    pub recipients: Option<Found<String>>,
    pub cc: Option<Found<String>>,
    pub signature: Vec<Found<String>>,
    /// Publication time as written on the publication line (`2020-05-13 14:48`).
    pub published: Option<Found<String>>,
    pub source: Option<Found<String>>,
    pub author: Option<Found<String>>,
}

fn clean(s: &str) -> String {
    let t = s.trim_matches(|c: char| is_space(c) || matches!(c, '：' | ':' | '。' | '，'));
    // drop spaces between Chinese characters
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (k, &c) in chars.iter().enumerate() {
        if is_space(c)
            && (chars.get(k.wrapping_sub(1)).is_some_and(|&p| is_han(p))
                || chars.get(k + 1).is_some_and(|&n| is_han(n)))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// A title as a page gives it, without what the page adds: quotes of front matter, a table
/// cell's bar, a site's name after a dash (…_滁州市人民政府网), a trailing run of stray
/// punctuation (…整改最快，！).
fn clean_title(s: &str) -> String {
    let mut t = clean(s);
    for (open, close) in [('\'', '\''), ('"', '"'), ('“', '”')] {
        if t.len() > 2 && t.starts_with(open) && t.ends_with(close) {
            t = t[open.len_utf8()..t.len() - close.len_utf8()].to_string();
        }
    }
    // a site's name after the title: _X网, -X网站, |X门户
    if let Some(at) = t.rfind(['_', '|', '－', '-']) {
        let site = t[at + 1..].trim();
        if at > 0
            && site.chars().count() <= 16
            && (site.is_empty()
                || ["网", "网站", "门户", "政府"]
                    .iter()
                    .any(|w| site.ends_with(w)))
        {
            t.truncate(at);
        }
    }
    let t = t.trim_end_matches(|c: char| is_space(c) || c == '|');
    // trailing punctuation that holds a comma is stray
    let core = t.trim_end_matches(|c: char| {
        matches!(
            c,
            '，' | '、' | '！' | '？' | '。' | '；' | '：' | '!' | '?' | ','
        )
    });
    let tail = &t[core.len()..];
    if tail.contains(['，', '、', ',', '；', '：']) {
        core.to_string()
    } else {
        t.to_string()
    }
}

fn found(s: usize, e: usize, value: String) -> Found<String> {
    Found {
        value,
        span: Span::new(s, e),
    }
}

/// A line of front matter: its key and its value's range (`title: '…'`, `date: …`).
fn front_matter_field(s: &str) -> Option<(&str, usize)> {
    let at = s.find([':', '：'])?;
    let key = s[..at].trim();
    let ok = !key.is_empty()
        && key.len() <= 20
        && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_');
    let colon = s[at..].chars().next().map_or(1, char::len_utf8);
    ok.then_some((key, at + colon))
}

/// Organisation candidates, from the most reliable kind to the least; the first kind that
/// has one gives the organisation.
#[derive(Default)]
struct OrgCandidates {
    /// 1 the signature, 2 the header organisation or an organisation-and-date line, 3 发布机构,
    /// 4 an official's byline, 5 the title's, 6 the publisher before a publication line's
    /// fields, 7 the source or author, 8 a dateline's newspaper, 9 whom a reporter learned
    /// from, 10 the government a speech to 各位代表 speaks for, 11 a subject of the first
    /// sentences.
    ranked: [Option<Found<String>>; 11],
}

impl OrgCandidates {
    fn offer(&mut self, rank: usize, f: Found<String>) {
        let slot = &mut self.ranked[rank - 1];
        if slot.is_none() && !f.value.is_empty() {
            *slot = Some(f);
        }
    }
    fn best(self) -> Option<Found<String>> {
        self.ranked.into_iter().flatten().next()
    }
}

/// An organisation followed by a date (`环境科学研究和宣传教育中心 二○二一年八月八日`, the
/// cover of a PDF): the organisation's range and the date.
fn org_and_date(s: &str, lex: &Lexicon) -> Option<((usize, usize), usize, DateFound)> {
    let (at, d) = find_date(s)?;
    let org = s[..at].trim_end();
    let start = org.len()
        - org
            .trim_start_matches(|c: char| is_space(c) || c == '•')
            .len();
    let orgs = split_orgs(&org[start..], lex);
    let last = orgs.last()?;
    (start + last.1 == org.len()).then_some(((start + orgs[0].0, org.len()), at, d))
}

/// Reads the metadata from the lines of `structure` and their roles.
pub fn extract(text: &str, structure: &Structure, lex: &Lexicon) -> MetaFound {
    let (lines, roles, body) = (&structure.lines, &structure.roles, structure.body.clone());
    let mut m = MetaFound::default();
    let line = |i: usize| lines[i].slice(text);
    let mut orgs = OrgCandidates::default();

    // title: the title lines joined
    let title_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| roles[i] == LineRole::Title)
        .collect();
    if let (Some(&first), Some(&last)) = (title_lines.first(), title_lines.last()) {
        let joined: String = title_lines.iter().map(|&i| clean(line(i))).collect();
        m.title = Some(found(
            lines[first].start(),
            lines[last].end(),
            clean_title(&joined),
        ));
    }
    let mut labelled_title = None;

    // header organisation, publication lines, recipients, header date
    let mut header_org = None;
    let mut header_date = None;
    let mut cover_date = None;
    let mut footer_published = None;
    for i in 0..lines.len() {
        let s = line(i);
        let base = lines[i].start();
        let in_footer = i >= body.end && body.end > body.start;
        match roles[i] {
            LineRole::HeaderOrg => {
                let names = split_orgs(s, lex);
                if let (Some(f), Some(l)) = (names.first(), names.last()) {
                    let v: Vec<String> = names.iter().map(|&(a, b)| clean(&s[a..b])).collect();
                    header_org = Some(found(base + f.0, base + l.1, v.join("、")));
                }
            }
            LineRole::Source => {
                let mut published = None;
                read_source_line(
                    s,
                    base,
                    lex,
                    &mut m,
                    &mut orgs,
                    &mut labelled_title,
                    &mut published,
                );
                if let Some(p) = published {
                    if in_footer {
                        footer_published.get_or_insert(p);
                    } else if m.published.is_none() {
                        m.published = Some(p);
                    }
                }
            }
            LineRole::Subtitle | LineRole::HeaderDate => {
                if let Some(((a, b), at, d)) = org_and_date(s, lex) {
                    orgs.offer(2, found(base + a, base + b, clean(&s[a..b])));
                    cover_date.get_or_insert(found(base + at, base + at + d.len, d.iso()));
                } else if let Some(d) = parse_date_line(s) {
                    header_date.get_or_insert(found(base, lines[i].end(), d.iso()));
                }
            }
            LineRole::Byline => {
                if let Some(org) = byline_org(s, lex) {
                    orgs.offer(4, found(base, lines[i].end(), org));
                }
            }
            LineRole::Recipients => {
                m.recipients = Some(found(base, lines[i].end(), clean(s)));
            }
            LineRole::Signature => {
                for (a, b) in split_orgs(s, lex) {
                    m.signature.push(found(base + a, base + b, clean(&s[a..b])));
                }
            }
            LineRole::Date => {
                if let Some(d) = parse_date_line(s) {
                    m.date = Some(found(base, lines[i].end(), d.iso()));
                }
            }
            LineRole::Footer => {
                if let Some((len, field)) = lex.footer.longest_at(s, 0) {
                    if &**field == "cc" && m.cc.is_none() {
                        let v = s[len..]
                            .trim_start_matches(|c: char| is_space(c) || c == '：' || c == ':');
                        let vstart = lines[i].end() - v.len();
                        m.cc = Some(found(vstart, lines[i].end(), clean(v)));
                    }
                }
            }
            _ => {}
        }
    }
    if m.title.is_none() {
        m.title = labelled_title;
    }
    // a title that opens with its issuing body: 中国环境监测总站：2021年7月…报告
    if let Some(t) = &mut m.title {
        if let Some((prefix, rest)) = t.value.split_once('：') {
            let names = split_orgs(prefix, lex);
            if names.last().is_some_and(|l| l.1 == prefix.len()) && visible_len(rest) >= 4 {
                orgs.offer(
                    5,
                    Found {
                        value: prefix.to_string(),
                        span: t.span,
                    },
                );
                t.value = rest.to_string();
            }
        }
        if let Some(o) = title_org(&t.value, lex) {
            orgs.offer(
                5,
                Found {
                    value: o,
                    span: t.span,
                },
            );
        }
    }

    let first_body: Vec<usize> = body.clone().take(3).collect();
    // the cover of a PDF: the body named above, then its date (中国环境监测总站 2021年8月5日)
    if let Some(&i) = first_body.first() {
        let s = line(i);
        let head = &s[..crate::text::chars::floor_boundary(s, 400)];
        if let Some(named) = orgs.ranked.iter().flatten().next().map(|f| f.value.clone()) {
            for at in crate::text::search::match_starts(head, &named) {
                let after = &head[at + named.len()..];
                let pad = after.len() - after.trim_start().len();
                if let Some(d) = crate::text::dates::parse_date(&after[pad..]) {
                    let ds = lines[i].start() + at + named.len() + pad;
                    cover_date.get_or_insert(found(ds, ds + d.len, d.iso()));
                    break;
                }
            }
        }
    }

    // date: the signature's, the cover's, the publication's, a header date, the footer's
    if m.date.is_none() {
        m.date = cover_date;
    }
    for p in [&m.published, &footer_published] {
        if m.date.is_none() {
            if let Some(p) = p {
                if let Some((_, d)) = find_date(&p.value) {
                    m.date = Some(Found {
                        value: d.iso(),
                        span: p.span,
                    });
                }
            }
        }
    }
    if m.date.is_none() {
        m.date = header_date;
    }
    if m.published.is_none() {
        m.published = footer_published;
    }

    // organisation
    if !m.signature.is_empty() {
        let names: Vec<&str> = m.signature.iter().map(|f| f.value.as_str()).collect();
        let span = m.signature[0]
            .span
            .cover(m.signature[m.signature.len() - 1].span);
        orgs.offer(
            1,
            Found {
                value: names.join("、"),
                span,
            },
        );
    }
    if let Some(h) = header_org {
        orgs.offer(2, h);
    }
    if let Some(f) = &m.source {
        orgs.offer(7, f.clone());
    }
    if let Some(f) = &m.author {
        orgs.offer(7, f.clone());
    }
    for &i in &first_body {
        let s = line(i);
        let base = lines[i].start();
        if let Some((a, b)) = dateline_media(s, lex) {
            orgs.offer(8, found(base + a, base + b, s[a..b].to_string()));
        }
        if let Some((a, b)) = learned_from(s, lex) {
            orgs.offer(9, found(base + a, base + b, clean(&s[a..b])));
        }
        if let Some(&(a, b)) = subject_orgs(s, lex).first() {
            orgs.offer(11, found(base + a, base + b, s[a..b].to_string()));
        }
    }
    // a speech to the people's congress (各位代表) is the government's work report
    let speech = first_body
        .first()
        .is_some_and(|&i| line(i).starts_with("各位代表"))
        || (0..body.start)
            .any(|i| roles[i] == LineRole::Recipients && line(i).starts_with("各位代表"));
    let title_region = m
        .title
        .as_ref()
        .and_then(|t| region_of_title(&t.value, text, lex));
    let places = TextPlaces::new(text, lex);
    if speech {
        let place = title_region.clone().or_else(|| {
            most_mentioned(&places, None, 2)
                .map(|idx| lex.places.list[idx as usize].name.to_string())
        });
        if let Some(p) = place.filter(|p| p.as_str() != region::NATIONAL) {
            let at = lines[first_body
                .first()
                .copied()
                .unwrap_or(0)
                .min(lines.len().saturating_sub(1))];
            orgs.offer(10, found(at.start(), at.start(), format!("{p}人民政府")));
        }
    }
    m.org = orgs.best().map(|mut f| {
        // 省人民政府 → 青海省人民政府, when the text names the place
        let names: Vec<String> = f
            .value
            .split('、')
            .map(|o| qualify_org(o, &places).unwrap_or_else(|| o.to_string()))
            .collect();
        f.value = names.join("、");
        f
    });

    // region: the title's place, where the organisation sits, a placeholder region, the
    // most named place
    m.region = title_region
        .or_else(|| {
            m.org.as_ref().and_then(|o| {
                o.value
                    .split('、')
                    .find_map(|org| region_of_org(org, text, lex))
            })
        })
        .or_else(|| placeholder_region(text))
        .or_else(|| most_mentioned_place(&places));

    m.year = covered_year(text, lines, &m, &first_body, lex);
    m.period = find_period(text, lines, &m, &first_body, lex);
    m.kind = find_kind(text, lines, &m, &first_body, lex);
    m
}

/// Reads one publication line: its labelled fields, a date stamp, and the publisher or
/// source written before them (`湖南省生态环境厅  时间：…`, `兰州日报·ZAKER兰州 2024-06-04`).
fn read_source_line(
    s: &str,
    base: usize,
    lex: &Lexicon,
    m: &mut MetaFound,
    orgs: &mut OrgCandidates,
    title: &mut Option<Found<String>>,
    published: &mut Option<Found<String>>,
) {
    // front matter: title: '…', date: Wed, 26 May 2021, author: 新浪财经
    if let Some((key, v)) = front_matter_field(s) {
        let value = clean(&s[v..]);
        let f = || found(base + v, base + s.len(), value.clone());
        match key.to_ascii_lowercase().as_str() {
            "title" if title.is_none() => {
                *title = Some(found(base + v, base + s.len(), clean_title(&value)))
            }
            "date" | "published" | "pubdate" => {
                if let Some((_, d)) = find_date(&value) {
                    published.get_or_insert(found(base + v, base + s.len(), d.iso()));
                }
            }
            "author" if m.author.is_none() => m.author = Some(f()),
            "source" if m.source.is_none() => m.source = Some(f()),
            _ => {}
        }
        return;
    }
    let fields = stamps::fields(s, lex);
    // what stands before the first field: a date stamp, a publisher or a source
    let lead_end = fields.first().map_or(s.len(), |f| f.0);
    let mut lead = &s[..lead_end];
    let stamp = stamps::date_stamp(lead);
    if let Some((at, _)) = stamp {
        let written = lead[at..].trim();
        published.get_or_insert(found(
            base + at,
            base + at + written.len(),
            written.to_string(),
        ));
        lead = &lead[..at];
    }
    let lead = lead
        .trim_matches(|c: char| is_space(c) || matches!(c, '•' | '·' | '（' | '(' | '【' | '|'));
    // (only on a publication line proper: a list item of front matter names no publisher)
    let stamped = stamp.is_some() || !fields.is_empty();
    if stamped && !lead.is_empty() && visible_len(lead) <= 40 {
        let at = base + (lead.as_ptr() as usize - s.as_ptr() as usize);
        if split_orgs(lead, lex)
            .last()
            .is_some_and(|l| l.1 == lead.len())
        {
            orgs.offer(6, found(at, at + lead.len(), clean(lead)));
        } else if let Some(name) = lead
            .split(['·', '|', ' ', '　'])
            .next()
            .filter(|n| n.chars().any(is_han))
        {
            if m.source.is_none() {
                m.source = Some(found(at, at + name.len(), clean(name)));
            }
        }
    }
    for (_, a, b, field) in fields {
        let raw = s[a..b].trim_end_matches(|c: char| is_space(c) || c == '|');
        let value = clean(raw);
        if value.is_empty() {
            continue;
        }
        let f = || found(base + a, base + a + raw.len(), value.clone());
        match field {
            "published" => {
                published.get_or_insert_with(f);
            }
            "title" if title.is_none() => {
                *title = Some(found(base + a, base + a + raw.len(), clean_title(&value)))
            }
            "org" => orgs.offer(3, f()),
            "source" if m.source.is_none() => {
                // 来源：市生态环境局办公室 王秀荣 — a trailing personal name is the author
                if let Some((org, person)) = raw.trim().rsplit_once(is_space) {
                    let p = person.trim();
                    if (2..=4).contains(&p.chars().count())
                        && p.chars().all(is_han)
                        && m.author.is_none()
                    {
                        let pstart = base + a + raw.find(p).unwrap_or(0);
                        m.author = Some(found(pstart, pstart + p.len(), p.to_string()));
                        m.source = Some(found(base + a, pstart, clean(org)));
                        continue;
                    }
                }
                m.source = Some(f());
            }
            "author" if m.author.is_none() => m.author = Some(f()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::orgs::subject_orgs;
    use super::period::plan_year;
    use super::region::{placeholder_region, region_of_org};
    use crate::lexicon::Lexicon;
    use crate::structure::split_orgs;

    #[test]
    fn years() {
        assert_eq!(plan_year("20xx年是“十四五”的开局之年"), Some(2021));
        assert_eq!(plan_year("2020年是十三五收官之年"), Some(2020));
    }

    #[test]
    fn organisations() {
        let lex = Lexicon::builtin();
        let texts = |s: &str, spans: Vec<(usize, usize)>| -> Vec<String> {
            spans
                .into_iter()
                .map(|(a, b)| s[a..b].to_string())
                .collect()
        };
        let names = |s: &str| texts(s, split_orgs(s, lex));
        assert_eq!(
            names("中共安康市委 安康市人民政府"),
            vec!["中共安康市委", "安康市人民政府"]
        );
        assert_eq!(
            names("中共安康市委安康市人民政府"),
            vec!["中共安康市委", "安康市人民政府"]
        );
        assert_eq!(names("安康市生态环境局"), vec!["安康市生态环境局"]);
        assert!(names("城市创建工作综述").is_empty());
        let subj = |s: &str| texts(s, subject_orgs(s, lex));
        assert_eq!(
            subj("2021年，金坛生态环境局把减污降碳作为抓手")[0],
            "金坛生态环境局"
        );
        assert_eq!(
            subj("之年。xx生态环境局在区委区政府的领导下")[0],
            "xx生态环境局"
        );
    }

    #[test]
    fn regions() {
        let lex = Lexicon::builtin();
        assert_eq!(
            region_of_org("金坛生态环境局", "美丽常州金坛样板", lex).as_deref(),
            Some("常州市金坛区")
        );
        assert_eq!(
            region_of_org("中共安康市委", "", lex).as_deref(),
            Some("安康市")
        );
        assert_eq!(
            placeholder_region("成立了x市xx区指挥部，x市xx区方案，xx区").as_deref(),
            Some("x市xx区")
        );
    }
}
