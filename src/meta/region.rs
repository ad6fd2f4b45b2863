//! The region a report is about: where its issuing body sits, in the gazetteer's terms.

use crate::lexicon::{Lexicon, PlaceLevel};

/// The place an organisation sits in, as the gazetteer names it (常州市金坛区).
pub(super) fn region_of_org(org: &str, text: &str, lex: &Lexicon) -> Option<String> {
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
            n += crate::text::search::count_str(text, &place.name) * 2;
            if let Some(short) = &place.short {
                n += crate::text::search::count_str(text, short);
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
pub(super) fn placeholder_region(text: &str) -> Option<String> {
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
pub(super) fn most_mentioned_place(text: &str, lex: &Lexicon) -> Option<String> {
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
