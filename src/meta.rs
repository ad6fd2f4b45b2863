//! Metadata: title, date, issuing body, region, year covered, period, kind, recipients,
//! 抄送, signature and publication lines.
//!
//! Read from the header and footer lines that [`crate::structure`] sets apart, then from
//! the first paragraphs of the body. Each field takes the most reliable source present:
//! the issuing body is the signature, else the body printed above the title, else the one
//! the title names, else the subject of the first sentences; the region is where that body
//! sits, looked up in the gazetteer (金坛生态环境局 → 常州市金坛区).

use crate::chars::{is_han, is_space};
use crate::lexicon::{Lexicon, PlaceLevel};
use crate::numerals::parse_chinese;
use crate::offset_map::{Normalized, Span};
use crate::structure::LineRole;

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

/// A date parsed from text: year, month, day and the byte length it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFound {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub len: usize,
}

impl DateFound {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

fn is_cn_num(c: char) -> bool {
    crate::chars::is_chinese_numeral(c) && c != '万' && c != '亿'
}

/// Parses a number written in Arabic digits or Chinese numerals at the start of `s`.
fn number_at(s: &str) -> Option<(u32, usize)> {
    let n = take_while_len(s, |c| c.is_ascii_digit());
    if n > 0 {
        return Some((s[..n].parse().ok()?, n));
    }
    let n = take_while_len(s, is_cn_num);
    if n == 0 {
        return None;
    }
    Some((parse_chinese(&s[..n])? as u32, n))
}

/// A date at the start of `s`: `2018年8月31日`, `二〇一八年八月三十一日`, `2020-05-13`,
/// `2020.5.13`, `2020/05/13`.
pub fn parse_date(s: &str) -> Option<DateFound> {
    let (year, yl) = number_at(s)?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    let rest = &s[yl..];
    let sep = rest.chars().next()?;
    let (month, ml, day, dl, tail) = match sep {
        '年' => {
            let r = &rest[sep.len_utf8()..];
            let (m, ml) = number_at(r)?;
            let r2 = r[ml..].strip_prefix('月')?;
            let (d, dl) = number_at(r2)?;
            let r3 = &r2[dl..];
            let t = if r3.starts_with('日') || r3.starts_with('号') {
                3
            } else {
                return None;
            };
            (m, ml + '月'.len_utf8(), d, dl, t)
        }
        '-' | '.' | '/' => {
            let r = &rest[1..];
            let (m, ml) = number_at(r).filter(|(_, l)| *l <= 2)?;
            let r2 = r[ml..].strip_prefix(sep)?;
            let (d, dl) = number_at(r2).filter(|(_, l)| *l <= 2)?;
            (m, ml + 1, d, dl, 0)
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let len = yl + sep.len_utf8() + ml + dl + tail;
    Some(DateFound {
        year: year as i32,
        month,
        day,
        len,
    })
}

/// The first date anywhere in `s`, with its byte offset.
pub fn find_date(s: &str) -> Option<(usize, DateFound)> {
    s.char_indices()
        .filter(|&(i, c)| {
            (c.is_ascii_digit() || is_cn_num(c))
                && !s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit() || is_cn_num(p))
        })
        .find_map(|(i, _)| parse_date(&s[i..]).map(|d| (i, d)))
}

/// A line that is only a date (with brackets or spaces around it).
pub fn parse_date_line(s: &str) -> Option<DateFound> {
    let t = s.trim_matches(|c: char| is_space(c) || matches!(c, '（' | '）' | '(' | ')'));
    let d = parse_date(t)?;
    t[d.len..].trim().is_empty().then_some(d)
}

/// A 4-digit year followed by 年 in `s` (not a month or range part): its value and offset.
pub fn find_year(s: &str) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let rest = &s[i + 4..];
            if rest.starts_with('年') && (i + 4 == b.len() || !b[i + 4].is_ascii_digit()) {
                let y: i32 = s[i..i + 4].parse().ok()?;
                if (1949..=2100).contains(&y) {
                    return Some((y, i));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

/// A publication line: starts with 发布时间, 来源, 作者 … followed by a colon.
pub fn is_source_line(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim_start();
    match lex.source.longest_at(t, 0) {
        Some((len, _)) => t[len..].trim_start().starts_with(['：', ':']),
        None => false,
    }
}

/// Splits a line into organisation names: by spaces, and where one name ends with an
/// organisation suffix and another begins with a place name (中共安康市委安康市人民政府).
/// Empty when any part is not an organisation.
pub fn split_orgs(s: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in s.split(|c: char| is_space(c) || c == '、') {
        let start = pos;
        pos += piece.len()
            + s[start + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if piece.is_empty() {
            continue;
        }
        let mut from = 0;
        while from < piece.len() {
            let part = &piece[from..];
            // the shortest prefix ending in a suffix after which a new organisation begins,
            // or the whole rest
            let mut cut = None;
            for (i, c) in part.char_indices().skip(2) {
                let end = i + c.len_utf8();
                if end < part.len()
                    && lex.org_suffix.longest_ending_at(part, end).is_some()
                    && starts_org(&part[end..], lex)
                {
                    cut = Some(end);
                    break;
                }
            }
            let end = cut.unwrap_or(part.len());
            let name = &part[..end];
            if lex.org_suffix.longest_ending_at(name, name.len()).is_none()
                || name.chars().count() < 3
            {
                return Vec::new();
            }
            out.push((start + from, start + from + end));
            from += end;
        }
    }
    out
}

/// Whether `s` starts like an organisation name: a place name, or 中共.
fn starts_org(s: &str, lex: &Lexicon) -> bool {
    s.starts_with("中共")
        || lex.places.full.longest_at(s, 0).is_some()
        || lex.places.short.longest_at(s, 0).is_some()
}

/// Characters that may stand in an organisation's name when reading it backwards from its
/// suffix: Han characters (not function words) and placeholders.
fn org_name_char(c: char) -> bool {
    (is_han(c)
        && !crate::chars::has(
            "在和与及对把由从向将被的是了经据受同给让使以按为于并共等其",
            c,
        ))
        || matches!(c, 'x' | 'X' | '×')
}

/// Organisation names that open a sentence or clause of `s` (`2021年，金坛生态环境局把…`).
fn subject_orgs(s: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (end, _) in s.char_indices().map(|(i, c)| (i + c.len_utf8(), c)) {
        let Some((slen, _)) = lex.org_suffix.longest_ending_at(s, end) else {
            continue;
        };
        // the longest suffix only: skip 局 when 生态环境局 also ends here
        let mut start = end - slen;
        while let Some(c) = s[..start].chars().next_back().filter(|&c| org_name_char(c)) {
            start -= c.len_utf8();
            if end - start > 48 {
                break;
            }
        }
        let boundary = s[..start].chars().next_back().is_none_or(|c| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“' | '”' | ' '
            )
        });
        let name_len = s[start..end - slen].chars().count();
        if boundary && name_len >= 1 && out.last().is_none_or(|&(_, e)| e <= start) {
            out.push((start, end));
        }
    }
    out
}

/// The place an organisation sits in, as the gazetteer names it (常州市金坛区).
fn region_of_org(org: &str, text: &str, lex: &Lexicon) -> Option<String> {
    let name = org.strip_prefix("中共").unwrap_or(org);
    let places = &lex.places;
    let candidates = match places.full.longest_at(name, 0) {
        Some((_, v)) => v.clone(),
        None => {
            let (len, v) = places.short.longest_at(name, 0)?;
            // 青川市 when the gazetteer knows only 青川县: the place as the text writes it
            if let Some(suffix) = name[len..]
                .chars()
                .next()
                .filter(|c| matches!(c, '省' | '市' | '区' | '县' | '州' | '旗' | '盟'))
            {
                let written = &name[..len + suffix.len_utf8()];
                if !v.iter().any(|&i| &*places.list[i as usize].name == written) {
                    return Some(written.to_string());
                }
            }
            v.clone()
        }
    };
    // prefer the candidate whose parents the text names most
    let score = |idx: u32| -> usize {
        let mut n = 0;
        let mut cur = places.list[idx as usize].parent;
        while let Some(p) = cur {
            let place = &places.list[p as usize];
            n += crate::chars::count_str(text, &place.name) * 2;
            if let Some(short) = &place.short {
                n += crate::chars::count_str(text, short);
            }
            cur = place.parent;
        }
        n
    };
    let best = candidates
        .iter()
        .copied()
        .max_by_key(|&i| (score(i), std::cmp::Reverse(i)))?;
    Some(places.qualified_name(best))
}

/// A region written with placeholders in a draft (`x市xx区`): the most frequent one.
fn placeholder_region(text: &str) -> Option<String> {
    let is_x = |c: char| matches!(c, 'x' | 'X' | '×');
    let mut counts: Vec<(String, usize)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev_letter = k > 0 && chars[k - 1].1.is_ascii_alphabetic();
        if !is_x(c) || prev_letter {
            k += 1;
            continue;
        }
        // x+ (省|市) x+ (区|县|市) or x+ (市|区|县)
        let mut j = k;
        let mut parts = 0;
        let mut end = i;
        loop {
            let run = chars[j..].iter().take_while(|(_, c)| is_x(*c)).count();
            if run == 0 || run > 4 {
                break;
            }
            let Some(&(si, sc)) = chars.get(j + run) else {
                break;
            };
            if !matches!(sc, '省' | '市' | '区' | '县') {
                break;
            }
            parts += 1;
            end = si + sc.len_utf8();
            j += run + 1;
        }
        if parts > 0 {
            let s = text[i..end].to_string();
            match counts.iter_mut().find(|(t, _)| *t == s) {
                Some((_, n)) => *n += parts,
                None => counts.push((s, parts)),
            }
            k = j;
        } else {
            k += 1;
        }
    }
    // the longest form among the most frequent (x市xx区 over xx区)
    counts
        .into_iter()
        .max_by_key(|(s, n)| (*n * 10 + s.chars().count(), s.len()))
        .map(|(s, _)| s)
}

/// The most mentioned place of the text, qualified by its city when that is mentioned too.
fn most_mentioned_place(text: &str, lex: &Lexicon) -> Option<String> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if let Some((len, idxs)) = lex.places.full.longest_at(text, i) {
            for &idx in idxs {
                match counts.iter_mut().find(|(p, _)| *p == idx) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((idx, 1)),
                }
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    let best = counts
        .iter()
        .max_by_key(|&&(idx, n)| {
            (
                n,
                lex.places.list[idx as usize].level == PlaceLevel::County,
                std::cmp::Reverse(idx),
            )
        })?
        .0;
    Some(lex.places.qualified_name(best))
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

/// Reads the metadata. `lines` and `roles` come from the structure stage; `body` is the
/// range of body lines.
pub fn extract(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &[LineRole],
    body: std::ops::Range<usize>,
    lex: &Lexicon,
) -> MetaFound {
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

/// The organisation a title opens with (安康市生态环境局2019年…, 某区生态环境局召开…,
/// 某市生态环境局关于…): the longest prefix that ends in an organisation suffix.
fn title_org(text: &str, m: &MetaFound, lex: &Lexicon) -> Option<Found<String>> {
    let title = m.title.as_ref()?;
    let raw = title.span.slice(text);
    let t: String = raw.chars().filter(|c| !is_space(*c)).collect();
    let limit = crate::chars::match_starts(&t, "关于")
        .next()
        .unwrap_or(t.len());
    let mut best: Option<Vec<(usize, usize)>> = None;
    for (i, c) in t[..limit].char_indices() {
        let end = i + c.len_utf8();
        if lex.org_suffix.longest_ending_at(&t, end).is_none() {
            continue;
        }
        let orgs = split_orgs(&t[..end], lex);
        if orgs.last().is_some_and(|o| o.1 == end) {
            best = Some(orgs);
        }
    }
    let orgs = best?;
    let names: Vec<&str> = orgs.iter().map(|&(a, b)| &t[a..b]).collect();
    Some(Found {
        value: names.join("、"),
        span: title.span,
    })
}

/// The year the report covers.
fn covered_year(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
) -> Option<i32> {
    if let Some((y, _)) = m.title.as_ref().and_then(|t| find_year(&t.value)) {
        return Some(y);
    }
    // a paragraph that opens with its year: 2021年，… / 2021年是… / 2021年以来…
    for &i in first_body {
        let s = lines[i].slice(text);
        if let Some((y, 0)) = find_year(s) {
            let after = &s[4 + '年'.len_utf8()..];
            if after.starts_with(['，', '是', '以', '度', '全', '，']) {
                return Some(y);
            }
        }
    }
    if let Some(d) = m.date.as_ref().filter(|_| !m.signature.is_empty()) {
        return d.value[..4].parse().ok();
    }
    // 十四五开局之年 → 2021
    for &i in first_body {
        if let Some(y) = plan_year(lines[i].slice(text)) {
            return Some(y);
        }
    }
    // the most mentioned year
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let mut rest = text;
    let mut guard = 0;
    while let Some((y, at)) = find_year(rest) {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
        rest = &rest[at + 4..];
        guard += 1;
        if guard > 10_000 {
            break;
        }
    }
    if let Some(&(y, _)) = counts.iter().max_by_key(|&&(y, n)| (n, y)) {
        return Some(y);
    }
    m.date.as_ref().and_then(|d| d.value[..4].parse().ok())
}

/// The year a five-year-plan phrase names: 十四五开局之年 → 2021, 十三五收官之年 → 2020.
pub fn plan_year(s: &str) -> Option<i32> {
    let at = s.find('十')?;
    let rest = &s[at..];
    let plan = ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"]
        .iter()
        .position(|p| rest.starts_with(p))?;
    let n = 11 + plan as i32;
    let start = 1966 + 5 * (n - 3);
    let after = &rest["十四五".len()..];
    let window: String = after.chars().take(12).collect();
    if window.contains("开局之年") || window.contains("开局年") || window.contains("第一年")
    {
        Some(start)
    } else if window.contains("收官之年")
        || window.contains("收官年")
        || window.contains("最后一年")
    {
        Some(start + 4)
    } else {
        None
    }
}

fn find_period(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
    lex: &Lexicon,
) -> Option<Found<String>> {
    let mut places: Vec<Span<Normalized>> = m.title.iter().map(|t| t.span).collect();
    places.extend(first_body.iter().take(1).map(|&i| lines[i]));
    for span in places {
        let s = span.slice(text);
        if let Some((a, b, _)) = lex.period.find(s) {
            return Some(Found {
                value: s[a..b].to_string(),
                span: Span::new(span.start + a, span.start + b),
            });
        }
        // 1-6月, 1至6月, 1—6月
        for (i, c) in s.char_indices() {
            if !c.is_ascii_digit() || s[..i].ends_with(|p: char| p.is_ascii_digit()) {
                continue;
            }
            let d1 = take_while_len(&s[i..], |c| c.is_ascii_digit());
            let r = &s[i + d1..];
            let Some(sep) = r
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '—' | '–' | '~' | '至' | '到'))
            else {
                continue;
            };
            let r2 = &r[sep.len_utf8()..];
            let d2 = take_while_len(r2, |c| c.is_ascii_digit());
            if d2 > 0 && r2[d2..].starts_with('月') {
                let end = i + d1 + sep.len_utf8() + d2 + '月'.len_utf8();
                return Some(Found {
                    value: s[i..end].to_string(),
                    span: Span::new(span.start + i, span.start + end),
                });
            }
        }
    }
    None
}

fn find_kind(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
    lex: &Lexicon,
) -> Option<String> {
    if let Some(t) = &m.title {
        let v = t.value.trim_end_matches(|c: char| !is_han(c));
        if let Some((_, kind)) = lex.doc_kind.longest_ending_at(v, v.len()) {
            return Some(kind.to_string());
        }
    }
    // 现将有关情况汇报如下
    for &i in first_body {
        let s = lines[i].slice(text);
        if let Some(at) = crate::chars::match_starts(s, "如下").next() {
            let before = &s[..at];
            for (word, kind) in [
                ("汇报", "汇报"),
                ("通报", "通报"),
                ("报告", "报告"),
                ("总结", "总结"),
            ] {
                if before.ends_with(word) {
                    return Some(kind.to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let iso = |s: &str| parse_date(s).map(|d| d.iso());
        assert_eq!(iso("2018年8月31日"), Some("2018-08-31".into()));
        assert_eq!(iso("二〇一八年八月三十一日"), Some("2018-08-31".into()));
        assert_eq!(iso("2020-05-13 14:48"), Some("2020-05-13".into()));
        assert_eq!(iso("2020.5.3"), Some("2020-05-03".into()));
        assert_eq!(iso("2020年13月1日"), None);
        assert_eq!(iso("2019年"), None);
        assert_eq!(
            parse_date_line("（2018年8月31日）").map(|d| d.iso()),
            Some("2018-08-31".into())
        );
        assert_eq!(
            find_date("发布时间：2020-05-13 14:48").map(|(i, d)| (i, d.iso())),
            Some((15, "2020-05-13".into()))
        );
    }

    #[test]
    fn years() {
        assert_eq!(
            find_year("安康市生态环境局2019年城市创建工作综述"),
            Some((2019, 24))
        );
        assert_eq!(find_year("20xx年"), None);
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
