//! The region a report is about: the place its title names, else where its issuing body
//! sits, in the gazetteer's terms; a county is qualified by its city when the text names
//! that city (常州市金坛区, but 陆良县 in a text that never names 曲靖).

use crate::lexicon::{Lexicon, PlaceLevel};
use crate::text::search::count_str;

/// The region of a report of the whole country.
pub(super) const NATIONAL: &str = "全国";

/// Words that name the whole country in a title or an organisation (全国, 我国, 中国,
/// 国家).
fn names_nation(s: &str) -> bool {
    ["全国", "我国", "中国", "国家", "国务院", "生态环境部"]
        .iter()
        .any(|w| s.contains(w))
}

/// How often the text names a place, by full and short name.
fn mentions(text: &str, idx: u32, lex: &Lexicon) -> usize {
    let place = &lex.places.list[idx as usize];
    let full = count_str(text, &place.name);
    let short = place.short.as_deref().map_or(0, |s| count_str(text, s));
    // a short name counts its full name's mentions too
    full.max(short)
}

/// The name of a place as the report would give it: a county with its city when the text
/// names that city.
fn qualified(idx: u32, text: &str, lex: &Lexicon) -> String {
    let places = &lex.places;
    let place = &places.list[idx as usize];
    match (place.level, place.parent) {
        (PlaceLevel::County, Some(p))
            if places.list[p as usize].level == PlaceLevel::City && mentions(text, p, lex) > 0 =>
        {
            places.qualified_name(idx)
        }
        _ => place.name.to_string(),
    }
}

/// Of the places a name may be, the one whose parents the text names most.
fn best_candidate(candidates: &[u32], text: &str, lex: &Lexicon) -> Option<u32> {
    let places = &lex.places;
    let score = |idx: u32| -> usize {
        let mut n = 0;
        let mut cur = places.list[idx as usize].parent;
        while let Some(p) = cur {
            n += mentions(text, p, lex);
            cur = places.list[p as usize].parent;
        }
        n
    };
    candidates
        .iter()
        .copied()
        .max_by_key(|&i| (score(i), std::cmp::Reverse(i)))
}

/// The place an organisation sits in, as the gazetteer names it (金坛生态环境局 → 常州市金坛区).
pub(super) fn region_of_org(org: &str, text: &str, lex: &Lexicon) -> Option<String> {
    let name = org.strip_prefix("中共").unwrap_or(org);
    if names_nation(&name[..crate::text::chars::floor_boundary(name, 12)])
        && !name.starts_with("国家级")
    {
        return Some(NATIONAL.to_string());
    }
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
    let best = best_candidate(&candidates, text, lex)?;
    Some(qualified(best, text, lex))
}

/// The names of places in `s`, left to right, each the longest at its position (a full
/// name before a short one): where it stands, the places it may be, and whether
/// it is a full name.
fn place_names<'a>(
    s: &'a str,
    lex: &'a Lexicon,
) -> impl Iterator<Item = (usize, &'a [u32], bool)> + 'a {
    let places = &lex.places;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() {
            let at = i;
            let hit = places
                .full
                .longest_at(s, at)
                .map(|(len, idxs)| (len, idxs, true))
                .or_else(|| {
                    places
                        .short
                        .longest_at(s, at)
                        .map(|(len, idxs)| (len, idxs, false))
                });
            match hit {
                Some((len, idxs, full)) => {
                    i += len;
                    return Some((at, idxs.as_slice(), full));
                }
                None => i += s[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        None
    })
}

/// The places a title names, the one the text names most first (国庆假日北京世园会贵州园区…
/// in a text about 贵州 → 贵州省); 全国 for a title of the whole country.
pub(super) fn region_of_title(title: &str, text: &str, lex: &Lexicon) -> Option<String> {
    let found: Vec<(u32, usize)> = place_names(title, lex)
        .filter_map(|(at, idxs, _)| best_candidate(idxs, text, lex).map(|best| (best, at)))
        .collect();
    let best = found
        .iter()
        .max_by_key(|&&(idx, at)| (mentions(text, idx, lex), std::cmp::Reverse(at)))
        .map(|&(idx, _)| idx);
    match best {
        Some(idx) => Some(qualified(idx, text, lex)),
        None if names_nation(title) => Some(NATIONAL.to_string()),
        None => None,
    }
}

/// The places a text names, found once for every question asked of them: the scan of the
/// whole text against the gazetteer is the costliest step of the metadata.
pub(super) struct TextPlaces<'t> {
    text: &'t str,
    lex: &'t Lexicon,
    names: std::cell::OnceCell<Vec<(&'t [u32], bool)>>,
}

impl<'t> TextPlaces<'t> {
    pub(super) fn new(text: &'t str, lex: &'t Lexicon) -> Self {
        TextPlaces {
            text,
            lex,
            names: std::cell::OnceCell::new(),
        }
    }

    /// The place names of the text, left to right: the places each may be, and whether it
    /// is a full name.
    fn names(&self) -> &[(&'t [u32], bool)] {
        self.names.get_or_init(|| {
            place_names(self.text, self.lex)
                .map(|(_, idxs, full)| (idxs, full))
                .collect()
        })
    }
}

/// The most mentioned place of a level (or of any level), with short names counted, if the
/// text names it at least `min` times.
pub(super) fn most_mentioned(
    places_of: &TextPlaces<'_>,
    level: Option<PlaceLevel>,
    min: usize,
) -> Option<u32> {
    let places = &places_of.lex.places;
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for &(idxs, is_full) in places_of.names() {
        for &idx in idxs {
            // short names of counties are too often words (城区, 河口); those of provinces
            // and cities count
            let l = places.list[idx as usize].level;
            if (!is_full && l == PlaceLevel::County) || level.is_some_and(|w| w != l) {
                continue;
            }
            match counts.iter_mut().find(|(p, _)| *p == idx) {
                Some((_, n)) => *n += 1,
                None => counts.push((idx, 1)),
            }
        }
    }
    counts
        .iter()
        .filter(|&&(_, n)| n >= min)
        .max_by_key(|&&(idx, n)| {
            (
                n,
                places.list[idx as usize].level == PlaceLevel::County,
                std::cmp::Reverse(idx),
            )
        })
        .map(|&(idx, _)| idx)
}

/// The most mentioned place of the text, or 全国 when the text speaks of the whole country
/// more often than of any place.
pub(super) fn most_mentioned_place(places: &TextPlaces<'_>) -> Option<String> {
    let (text, lex) = (places.text, places.lex);
    let nation = count_str(text, "全国") + count_str(text, "我国");
    let best = most_mentioned(places, None, 2);
    let n = best.map_or(0, |idx| mentions(text, idx, lex));
    if nation > n.max(2) {
        return Some(NATIONAL.to_string());
    }
    best.map(|idx| qualified(idx, text, lex))
}

/// The name of a government or body written without its place (省人民政府, 市生态环境局) with
/// the place of that level the text names most (青海省人民政府); `None` when the name has
/// its place or the text names none often enough.
pub(super) fn qualify_org(org: &str, places_of: &TextPlaces<'_>) -> Option<String> {
    let lex = places_of.lex;
    let level = match org.chars().next()? {
        '省' => PlaceLevel::Province,
        '市' | '州' | '盟' => PlaceLevel::City,
        '县' | '区' | '旗' => PlaceLevel::County,
        _ => return None,
    };
    let idx = most_mentioned(places_of, Some(level), 2)?;
    let place = &lex.places.list[idx as usize];
    // the place's own suffix stands for the level character: 青海省 + 人民政府
    let first = org.chars().next()?;
    if !place.name.ends_with(first) {
        return None;
    }
    Some(format!("{}{}", place.name, &org[first.len_utf8()..]))
}

/// A region written with placeholders in a draft (`x市xx区`): the most frequent one.
pub(super) fn placeholder_region(text: &str) -> Option<String> {
    let is_x = |c: char| matches!(c, 'x' | 'X' | '×');
    let mut counts: Vec<(String, usize)> = Vec::new();
    // x+ (省|市) x+ (区|县|市) or x+ (市|区|县) from byte `i`: where it ends, and its parts
    let parse = |i: usize| {
        let (mut end, mut parts) = (i, 0);
        loop {
            let rest = &text[end..];
            let run = rest.chars().take_while(|&c| is_x(c)).count();
            if run == 0 || run > 4 {
                break;
            }
            let xs: usize = rest.chars().take(run).map(char::len_utf8).sum();
            match rest[xs..].chars().next() {
                Some(sc @ ('省' | '市' | '区' | '县')) => {
                    parts += 1;
                    end += xs + sc.len_utf8();
                }
                _ => break,
            }
        }
        (end, parts)
    };
    let mut prev_letter = false;
    let mut resume = 0;
    for (i, c) in text.char_indices() {
        let after_letter = std::mem::replace(&mut prev_letter, c.is_ascii_alphabetic());
        if i < resume || !is_x(c) || after_letter {
            continue;
        }
        let (end, parts) = parse(i);
        if parts > 0 {
            let s = &text[i..end];
            match counts.iter_mut().find(|(t, _)| t == s) {
                Some((_, n)) => *n += parts,
                None => counts.push((s.to_string(), parts)),
            }
            resume = end;
        }
    }
    // the longest form among the most frequent (x市xx区 over xx区)
    counts
        .into_iter()
        .max_by_key(|(s, n)| (*n * 10 + s.chars().count(), s.len()))
        .map(|(s, _)| s)
}
