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
use crate::text::chars::{is_han, is_space};
use crate::text::dates::{find_date, parse_date_line};

mod orgs;
mod period;
mod region;

use orgs::{subject_orgs, title_org};
use period::{covered_year, find_kind, find_period};
use region::{most_mentioned_place, placeholder_region, region_of_org};

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

fn found(text: &str, s: usize, e: usize, value: String) -> Found<String> {
    let _ = text;
    Found {
        value,
        span: Span::new(s, e),
    }
}

/// Parses a publication line into (field, value start, value end) triples.
fn source_fields(line: &str, lex: &Lexicon) -> Vec<(&'static str, usize, usize)> {
    // positions of every label followed by a colon
    let mut labels: Vec<(usize, usize, &str)> = Vec::new();
    for (i, _) in line.char_indices() {
        if let Some((len, field)) = lex.source.longest_at(line, i) {
            let after = line[i + len..].trim_start();
            let boundary = i == 0
                || line[..i].ends_with(|c: char| is_space(c) || c == '|' || c.is_ascii_digit());
            if after.starts_with(['：', ':']) && boundary && labels.last().is_none_or(|l| l.1 <= i)
            {
                let colon = line.len() - after.len();
                labels.push((
                    i,
                    colon + after.chars().next().map_or(0, char::len_utf8),
                    field,
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (k, &(_, vstart, field)) in labels.iter().enumerate() {
        let vend = labels.get(k + 1).map_or(line.len(), |l| l.0);
        let field: &'static str = match field {
            "published" => "published",
            "source" => "source",
            "author" => "author",
            _ => continue,
        };
        out.push((field, vstart, vend));
    }
    out
}

/// Reads the metadata from the lines of `structure` and their roles.
pub fn extract(text: &str, structure: &Structure, lex: &Lexicon) -> MetaFound {
    let (lines, roles, body) = (&structure.lines, &structure.roles, structure.body.clone());
    let mut m = MetaFound::default();
    let line = |i: usize| lines[i].slice(text);

    // title: the title lines joined
    let title_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| roles[i] == LineRole::Title)
        .collect();
    if let (Some(&first), Some(&last)) = (title_lines.first(), title_lines.last()) {
        let joined: String = title_lines.iter().map(|&i| clean(line(i))).collect();
        m.title = Some(found(text, lines[first].start, lines[last].end, joined));
    }

    // header organisation, publication line, recipients, header date
    let mut header_org = None;
    let mut header_date = None;
    for i in 0..lines.len() {
        let s = line(i);
        let base = lines[i].start;
        match roles[i] {
            LineRole::HeaderOrg => {
                let orgs = split_orgs(s, lex);
                if let (Some(f), Some(l)) = (orgs.first(), orgs.last()) {
                    let names: Vec<String> = orgs.iter().map(|&(a, b)| clean(&s[a..b])).collect();
                    header_org = Some(found(text, base + f.0, base + l.1, names.join("、")));
                }
            }
            LineRole::Source => {
                for (field, a, b) in source_fields(s, lex) {
                    let value = clean(&s[a..b]);
                    if value.is_empty() {
                        continue;
                    }
                    match field {
                        "published" if m.published.is_none() => {
                            m.published = Some(found(text, base + a, base + b, value))
                        }
                        "source" if m.source.is_none() => {
                            // 来源：市生态环境局办公室 王秀荣 — a trailing personal name is the author
                            let raw = s[a..b].trim();
                            if let Some((org, person)) = raw.rsplit_once(is_space) {
                                let p = person.trim();
                                if (2..=4).contains(&p.chars().count())
                                    && p.chars().all(is_han)
                                    && m.author.is_none()
                                {
                                    let pstart = base + a + (s[a..b].find(p).unwrap_or(0));
                                    m.author =
                                        Some(found(text, pstart, pstart + p.len(), p.to_string()));
                                    let o = clean(org);
                                    m.source = Some(found(text, base + a, pstart, o));
                                    continue;
                                }
                            }
                            m.source = Some(found(text, base + a, base + b, value))
                        }
                        "author" if m.author.is_none() => {
                            m.author = Some(found(text, base + a, base + b, value))
                        }
                        _ => {}
                    }
                }
            }
            LineRole::Recipients => {
                m.recipients = Some(found(text, base, lines[i].end, clean(s)));
            }
            LineRole::HeaderDate => {
                if let Some(d) = parse_date_line(s) {
                    header_date.get_or_insert(found(text, base, lines[i].end, d.iso()));
                }
            }
            LineRole::Signature => {
                for (a, b) in split_orgs(s, lex) {
                    m.signature
                        .push(found(text, base + a, base + b, clean(&s[a..b])));
                }
            }
            LineRole::Date => {
                if let Some(d) = parse_date_line(s) {
                    m.date = Some(found(text, base, lines[i].end, d.iso()));
                }
            }
            LineRole::Footer => {
                if let Some((len, field)) = lex.footer.longest_at(s, 0) {
                    if &**field == "cc" && m.cc.is_none() {
                        let v = s[len..]
                            .trim_start_matches(|c: char| is_space(c) || c == '：' || c == ':');
                        let vstart = lines[i].end - v.len();
                        m.cc = Some(found(text, vstart, lines[i].end, clean(v)));
                    }
                }
            }
            _ => {}
        }
    }

    // date: the signature date, else the publication date, else a header date
    if m.date.is_none() {
        if let Some(p) = &m.published {
            if let Some((off, d)) = find_date(&p.value) {
                let _ = off;
                m.date = Some(Found {
                    value: d.iso(),
                    span: p.span,
                });
            }
        }
    }
    if m.date.is_none() {
        m.date = header_date;
    }

    // organisation: signature, header organisation, the title's, the first sentence's
    let first_body: Vec<usize> = body.clone().take(3).collect();
    if !m.signature.is_empty() {
        let names: Vec<&str> = m.signature.iter().map(|f| f.value.as_str()).collect();
        let span = m.signature[0]
            .span
            .cover(m.signature[m.signature.len() - 1].span);
        m.org = Some(Found {
            value: names.join("、"),
            span,
        });
    } else if let Some(h) = header_org {
        m.org = Some(h);
    } else if let Some(t) = title_org(text, &m, lex) {
        m.org = Some(t);
    } else {
        for &i in &first_body {
            let s = line(i);
            if let Some(&(a, b)) = subject_orgs(s, lex).first() {
                m.org = Some(found(
                    text,
                    lines[i].start + a,
                    lines[i].start + b,
                    s[a..b].to_string(),
                ));
                break;
            }
        }
    }

    // region: where the organisation sits; else a placeholder region; else the most named place
    m.region = m
        .org
        .as_ref()
        .and_then(|o| {
            o.value
                .split('、')
                .find_map(|org| region_of_org(org, text, lex))
        })
        .or_else(|| placeholder_region(text))
        .or_else(|| most_mentioned_place(text, lex));

    m.year = covered_year(text, lines, &m, &first_body);
    m.period = find_period(text, lines, &m, &first_body, lex);
    m.kind = find_kind(text, lines, &m, &first_body, lex);
    m
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
