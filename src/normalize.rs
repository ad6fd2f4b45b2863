//! Normalization: one canonical text for the later stages, with a map back to the original.
//!
//! Two stages, each writing through a [`MapBuilder`]:
//!
//! 1. **Characters** ([`fold_chars`]): line ends to `\n`; invisible characters dropped;
//!    full-width digits, Latin letters and symbols to half-width; prose punctuation to the
//!    Chinese forms `，；：？！（）“”` (but `1,100`, `14:48`, `1.5` stay); traditional to
//!    simplified characters; flattened pinyin ruby dropped (`環(huán)境` → `环境`, while
//!    `(市、区)` and `(试行)` stay); converter junk undone (`**三是**`, `PM_{2.5}`,
//!    `PM 2.5`, `pm2.5`, `m^{3}`, `PM₂.₅`).
//! 2. **Lines** ([`fold_lines`]): web junk lines and watermarks dropped; blank lines dropped
//!    so that every line is one paragraph; lines broken inside a sentence rejoined (PDF
//!    extraction: `6\n\n月1日`); spaces next to Chinese text dropped in prose.
//!
//! The result is a fixed point: normalizing normalized text changes nothing.

use crate::chars::{ends_sentence, is_cjk, is_han, is_invisible, is_space};
use crate::labels::parse_label;
use crate::lexicon::Lexicon;
use crate::offset_map::{MapBuilder, MapChain, OffsetMap, Original, Span};

/// What normalization removed from the original, for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovedKind {
    /// A line of web page furniture (扫一扫在手机打开当前页, 打印本页, navigation).
    WebJunk,
    /// A watermark or reprint notice inside a line (`( wWw.x.cOm 转载请注明 )`).
    Watermark,
    /// A page number line of a converted PDF (`- 3 -`).
    PageNumber,
    /// A line made only of symbols (`|`, `-----`).
    Separator,
}

/// Something normalization dropped, located in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub kind: RemovedKind,
    pub span: Span<Original>,
}

/// The normalized text and how it relates to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// One paragraph a line, `\n` between lines, no blank lines.
    pub text: String,
    pub map: MapChain,
    pub removed: Vec<Removed>,
    /// Where lines broken inside a sentence were rejoined (original positions of the break).
    pub rejoined: Vec<Span<Original>>,
    /// The document was mostly written in traditional characters.
    pub traditional: bool,
    /// Number of pinyin ruby annotations dropped.
    pub ruby: usize,
}

/// Drops invisible characters and turns `\r\n` and `\r` into `\n`, so that the stages
/// after it never see them; `None` when there is nothing to drop (the common case, found by
/// a scan of the bytes).
fn strip_invisible(text: &str) -> Option<(String, OffsetMap)> {
    let b = text.as_bytes();
    // control bytes, and the lead bytes of the invisible characters (C2: U+0080..U+00BF,
    // E2: U+2000..U+2FFF, EF: U+F000..U+FFFF), checked one by one
    const CANDIDATES: crate::chars::ByteSet =
        crate::chars::ByteSet::range_and(0x00, 0x1F, &[0x7F, 0xC2, 0xE2, 0xEF]);
    let mut suspect = false;
    let mut at = 0;
    while let Some(i) = CANDIDATES.find(b, at) {
        suspect = match b[i] {
            b'\n' | b'\t' => false,
            0x00..=0x1F | 0x7F => true,
            // U+0080..U+009F and U+00AD
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F | 0xAD)),
            // U+200B..U+200F, U+202A..U+202E, U+2060..U+2069
            0xE2 => {
                matches!((b.get(i + 1), b.get(i + 2)), (Some(0x80), Some(0x8B..=0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA0..=0xA9)))
            }
            // U+FEFF, U+FFFE, U+FFFF
            _ => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))
            ),
        };
        if suspect {
            break;
        }
        at = i + 1;
    }
    if !suspect {
        return None;
    }
    let mut builder = MapBuilder::with_capacity(text.len());
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let n = i + c.len_utf8();
        if c == '\r' {
            builder.copy(run, &text[run..i]);
            if b.get(n) == Some(&b'\n') {
                builder.delete(i, n);
            } else {
                builder.replace(i, n, "\n");
            }
            run = n;
        } else if is_invisible(c) {
            builder.copy(run, &text[run..i]);
            builder.delete(i, n);
            run = n;
        }
    }
    builder.copy(run, &text[run..]);
    Some(builder.finish(text.len()))
}

/// Normalizes `original`.
pub fn normalize(original: &str, lex: &Lexicon) -> Normalized {
    let stripped = strip_invisible(original);
    let (source, strip_map) = match &stripped {
        Some((t, m)) => (t.as_str(), Some(m.clone())),
        None => (original, None),
    };
    let chars = fold_chars(source, lex);
    let lines = fold_lines(&chars.text, lex);
    let to_original = |s: Span<Original>| {
        let (a, b) = (chars.map.map_start(s.start), chars.map.map_end(s.end));
        match &strip_map {
            Some(m) => Span::new(m.map_start(a), m.map_end(b)),
            None => Span::new(a, b),
        }
    };
    let removed = lines
        .removed
        .iter()
        .map(|r| Removed {
            kind: r.kind,
            span: to_original(r.span),
        })
        .collect();
    let rejoined = lines.rejoined.iter().map(|&s| to_original(s)).collect();
    let mut text = lines.text;
    let mut maps: Vec<OffsetMap> = strip_map.clone().into_iter().collect();
    maps.push(chars.map);
    maps.push(lines.map);
    // Joining lines and cutting watermarks give characters new neighbours, which the
    // character stage may read differently (`:` before a line that started with `！`): run
    // both stages again until nothing changes, so that normalizing is idempotent.
    if needs_second_round(&text, &lines.seams, lex) {
        for _ in 0..2 {
            let again = fold_chars(&text, lex);
            let again_lines = fold_lines(&again.text, lex);
            if again_lines.text == text {
                break;
            }
            text = again_lines.text;
            maps.push(again.map);
            maps.push(again_lines.map);
        }
    }
    Normalized {
        text,
        map: MapChain::new(maps),
        removed,
        rejoined,
        traditional: chars.traditional,
        ruby: chars.ruby,
    }
}

/// Whether a character the first stage left as it was stands near a seam of the second
/// stage, where its neighbours changed: ASCII punctuation that may yet become Chinese,
/// converter junk, brackets whose pairing spans the line, or a bracketed watermark that
/// the joined line now holds whole (found by fuzzing).
fn needs_second_round(text: &str, seams: &[usize], lex: &Lexicon) -> bool {
    // what the first stage may still change, given its neighbours
    let sensitive = |prev: Option<char>, c: char, next: Option<char>| match c {
        ',' | ':' => {
            !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()))
        }
        ';' | '!' | '?' | '"' | '*' | '_' | '^' => true,
        '.' => prev.is_some_and(|p| is_han(p) || p == '”' || p == '）'),
        _ => false,
    };
    seams.iter().any(|&at| {
        let at = floor_boundary(text, at);
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let lo = floor_boundary(text, at.saturating_sub(24)).max(line_start);
        let hi = floor_boundary(text, at + 24).min(line_end).max(lo);
        let window: Vec<char> = text[lo..hi].chars().collect();
        let near = (0..window.len()).any(|k| {
            sensitive(
                k.checked_sub(1).map(|j| window[j]),
                window[k],
                window.get(k + 1).copied(),
            )
        });
        // brackets pair across the whole line
        let line = &text[line_start..line_end];
        near || line.contains(['(', ')'])
            || (line.contains(['（', '【', '['])
                && !inline_junk(text, line_start, line_end, lex).is_empty())
    })
}

/// The output of the character stage.
#[derive(Debug)]
pub struct CharsFolded {
    pub text: String,
    pub map: OffsetMap,
    pub traditional: bool,
    pub ruby: usize,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Tone-marked vowels of pinyin.
fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

fn untoned(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}

/// Whether `s` (toneless, ü as v) splits into between 1 and `max` pinyin syllables.
fn splits_into_syllables(s: &str, max: usize, lex: &Lexicon) -> bool {
    // most ruby is one syllable after one character
    if s.len() <= 6 && lex.is_pinyin_syllable(s) {
        return max >= 1;
    }
    let n = s.len();
    // fewest syllables needed to cover s[..i]
    let mut best = vec![usize::MAX; n + 1];
    best[0] = 0;
    for i in 0..n {
        if best[i] == usize::MAX {
            continue;
        }
        for len in 1..=6.min(n - i) {
            if lex.is_pinyin_syllable(&s[i..i + len]) {
                best[i + len] = best[i + len].min(best[i] + 1);
            }
        }
    }
    best[n] >= 1 && best[n] <= max
}

/// A full-width form folded to its half-width character; the Chinese punctuation that the
/// canonical text keeps (，（）：；！？) is left alone.
fn fold_width(c: char) -> Option<char> {
    match c {
        '，' | '（' | '）' | '：' | '；' | '！' | '？' => None,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        // every space but the tab and the line break becomes an ASCII space
        '\u{3000}'
        | '\u{A0}'
        | '\u{85}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}' => Some(' '),
        '｡' => Some('。'),
        '､' => Some('、'),
        '「' => Some('“'),
        '」' => Some('”'),
        '『' => Some('‘'),
        '』' => Some('’'),
        '₀'..='₉' => char::from_u32(c as u32 - '₀' as u32 + '0' as u32),
        '\u{2028}' | '\u{2029}' => Some('\n'),
        _ => None,
    }
}

fn folded_at(text: &str, i: usize) -> Option<char> {
    char_at(text, i).map(|c| fold_width(c).unwrap_or(c))
}

/// The next character after byte `i` that is not a space, folded, on the same line.
/// Punctuation that may itself become Chinese is looked through, so that a run of it is
/// decided alike whatever was converted before (the stage stays idempotent).
fn next_visible(text: &str, i: usize) -> Option<char> {
    for c in text.get(i..)?.chars() {
        let c = fold_width(c).unwrap_or(c);
        if c == '\n' || c == '\r' {
            return None;
        }
        if is_space(c)
            || is_invisible(c)
            || matches!(
                c,
                ',' | ':'
                    | ';'
                    | '!'
                    | '?'
                    | '('
                    | ')'
                    | '"'
                    | '.'
                    | '“'
                    | '”'
                    | '，'
                    | '：'
                    | '；'
                    | '！'
                    | '？'
                    | '（'
                    | '）'
                    | '。'
                    | '*'
            )
        {
            continue;
        }
        return Some(c);
    }
    None
}

/// How many digits (of either width) follow byte `n`, looking through invisible characters.
fn digits_after(text: &str, n: usize) -> usize {
    text[n..]
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| fold_width(c).unwrap_or(c))
        .take_while(char::is_ascii_digit)
        .take(4)
        .count()
}

/// The largest character boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mostly_traditional(text: &str, lex: &Lexicon) -> bool {
    let (mut han, mut trad) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_han(c) {
            han += 1;
            if lex.t2s.get(c).is_some() && !lex.t2s.is_ambiguous(c) {
                trad += 1;
            }
        }
    }
    han >= 10 && trad * 10 >= han
}

/// Stage 1: characters. See the module documentation.
pub fn fold_chars(text: &str, lex: &Lexicon) -> CharsFolded {
    let traditional = mostly_traditional(text, lex);
    // tone-marked vowels are two-byte characters (lead bytes C3..C7) or ḿ (E1 B8 BF)
    let ruby_possible = text
        .bytes()
        .any(|b| (0xC3..=0xC7).contains(&b) || b == 0xE1)
        && text.chars().any(is_tone_vowel);
    let mut f = CharFolder {
        text,
        lex,
        b: MapBuilder::with_capacity(text.len() + text.len() / 8),
        run: 0,
        quote_open: false,
        parens: Vec::new(),
        traditional,
        ruby_possible,
        ruby: 0,
    };
    f.run();
    let CharFolder { b, ruby, .. } = f;
    let (text, map) = b.finish(text.len());
    CharsFolded {
        text,
        map,
        traditional,
        ruby,
    }
}

struct CharFolder<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    b: MapBuilder,
    /// Start of the input not yet written (pending copy).
    run: usize,
    quote_open: bool,
    /// For each `(` open on this line: whether it was written as `（`.
    parens: Vec<bool>,
    traditional: bool,
    ruby_possible: bool,
    ruby: usize,
}

impl CharFolder<'_> {
    fn flush(&mut self, upto: usize) {
        if upto > self.run {
            self.b.copy(self.run, &self.text[self.run..upto]);
        }
        self.run = upto;
    }

    /// The output so far, pending copy included, as its last characters backwards (at position
    /// `i` of the input).
    fn output_back(&self, i: usize) -> impl Iterator<Item = char> + '_ {
        self.text[self.run..i]
            .chars()
            .rev()
            .chain(self.b.as_str().chars().rev())
    }

    /// The last character of the output before input position `i`.
    fn prev(&self, i: usize) -> char {
        self.output_back(i).next().unwrap_or('\n')
    }

    /// The last character of the output before `i` that is not a space.
    fn prev_visible(&self, i: usize) -> char {
        self.output_back(i).find(|&c| !is_space(c)).unwrap_or('\n')
    }

    /// How many Han characters end the output before `i` (at most 8).
    fn han_run(&self, i: usize) -> usize {
        self.output_back(i)
            .take(8)
            .take_while(|&c| is_han(c))
            .count()
    }

    /// Keeps the state that runs along a line: open quotation marks and brackets. Only the
    /// characters that change it come here.
    fn note(&mut self, c: char) {
        match c {
            '“' => self.quote_open = true,
            '”' => self.quote_open = false,
            '\n' => {
                self.quote_open = false;
                self.parens.clear();
            }
            '（' | '(' => self.parens.push(c == '（'),
            '）' | ')' => {
                self.parens.pop();
            }
            _ => {}
        }
    }

    /// Writes `with` for the input `at..end`.
    fn put(&mut self, at: usize, end: usize, with: &str) {
        self.flush(at);
        self.b.replace(at, end, with);
        self.run = end;
        for c in with.chars() {
            self.note(c);
        }
    }

    /// Writes `c` for the single character at `at..end`.
    fn put_char(&mut self, at: usize, end: usize, c: char) {
        self.flush(at);
        self.b.substitute(at, end, c);
        self.run = end;
        self.note(c);
    }

    fn drop(&mut self, at: usize, end: usize) {
        self.flush(at);
        self.b.delete(at, end);
        self.run = end;
    }

    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // fast paths: CJK ideographs (lead bytes E4..E9) change only when traditional,
            // ASCII letters, digits and spaces never
            if (0xE4..=0xE9).contains(&b) && i + 2 < bytes.len() {
                let code = ((b as u32 & 0x0F) << 12)
                    | ((bytes[i + 1] as u32 & 0x3F) << 6)
                    | (bytes[i + 2] as u32 & 0x3F);
                if let Some(c) = char::from_u32(code) {
                    if let Some(s) = self.lex.t2s.get(c) {
                        if self.traditional || !self.lex.t2s.is_ambiguous(c) {
                            self.put_char(i, i + 3, s);
                        }
                    }
                }
                i += 3;
                continue;
            }
            if (b.is_ascii_alphanumeric() && b != b'p' && b != b'P') || b == b' ' {
                i += 1;
                continue;
            }
            let Some(c) = char_at(text, i) else { break };
            if is_han(c) {
                let n = i + c.len_utf8();
                if let Some(s) = self.lex.t2s.get(c) {
                    if self.traditional || !self.lex.t2s.is_ambiguous(c) {
                        self.put_char(i, n, s);
                    }
                }
                i = n;
                continue;
            }
            i = self.special(i, c);
        }
        self.flush(text.len());
    }

    /// Handles a character that may change; returns where to continue.
    fn special(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let n = i + c.len_utf8();
        if c == '\r' {
            if text.as_bytes().get(n) == Some(&b'\n') {
                self.drop(i, n);
            } else {
                self.put(i, n, "\n");
            }
            return n;
        }
        if c == '\n' {
            self.note(c);
            return n;
        }
        if is_invisible(c) {
            self.drop(i, n);
            return n;
        }
        if (c == '(' || c == '（') && self.ruby_possible && self.han_run(i) > 0 {
            if let Some(end) = self.ruby_end(n, self.han_run(i)) {
                self.drop(i, end);
                self.ruby += 1;
                return end;
            }
        }
        // converter junk: **bold**, PM_{2.5}, m^{3}, m^3
        if c == '*' {
            // the second star, looking through invisible characters
            let mut j = n;
            while let Some(x) = char_at(text, j).filter(|&x| is_invisible(x)) {
                j += x.len_utf8();
            }
            if char_at(text, j) == Some('*') {
                self.drop(i, j + 1);
                return j + 1;
            }
        }
        if (c == '_' || c == '^') && self.prev(i).is_ascii_alphanumeric() {
            if let Some(next) = self.script(i, c) {
                return next;
            }
        }
        if c == 'p' || c == 'P' {
            return self.particulate(i, c);
        }
        let folded = fold_width(c);
        let f = folded.unwrap_or(c);
        if let Some(p) = self.punctuation(i, n, f) {
            self.put_char(i, n, p);
            return n;
        }
        if let Some(f) = folded {
            if f == '\n' {
                self.put(i, n, "\n");
            } else {
                self.put_char(i, n, f);
            }
        } else {
            self.note(c);
        }
        n
    }

    /// Where a pinyin ruby that opens just before `from` ends, if it is one.
    fn ruby_end(&self, from: usize, han_run: usize) -> Option<usize> {
        let rest = self.text.get(from..)?;
        let mut plain = String::new();
        for (j, c) in rest.char_indices() {
            if c == ')' || c == '）' {
                let ok =
                    !plain.is_empty() && splits_into_syllables(&plain, han_run.min(8), self.lex);
                return ok.then_some(from + j + c.len_utf8());
            }
            // a line break inside the ruby (a PDF line ends in it) goes with it
            if is_invisible(c) || matches!(c, '\n' | '\r' | ' ') {
                continue;
            }
            plain.push(untoned(c)?);
            if plain.len() > 6 * han_run.min(8) {
                return None;
            }
        }
        None
    }

    /// `_{2.5}`, `_2`, `^{3}`, `^3` after a letter or digit; returns where to continue.
    fn script(&mut self, i: usize, c: char) -> Option<usize> {
        let text = self.text;
        let rest = &text[i + 1..];
        let sup = |d: &str| match d {
            "2" => Some("²"),
            "3" => Some("³"),
            _ => None,
        };
        if let Some(inner) = rest.strip_prefix('{') {
            let close = inner.find('}')?;
            let content = &inner[..close];
            if content.is_empty()
                || content.len() > 12
                || !content
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            {
                return None;
            }
            let open_end = i + 2;
            let end = open_end + close + 1;
            if c == '^' {
                if let Some(s) = sup(content) {
                    self.put(i, end, s);
                    return Some(end);
                }
            }
            self.drop(i, open_end);
            for ch in content.chars() {
                self.note(ch);
            }
            self.flush(open_end + close);
            self.drop(open_end + close, end);
            return Some(end);
        }
        // the next character as a digit of either width (２, ₂)
        let raw = rest.chars().next()?;
        let d = fold_width(raw).unwrap_or(raw);
        if !d.is_ascii_digit() {
            return None;
        }
        if c == '^' {
            let mut buf = [0u8; 4];
            let s = sup(d.encode_utf8(&mut buf))?;
            // m^3 but not a^32
            let after = &rest[raw.len_utf8()..];
            if after
                .chars()
                .next()
                .is_some_and(|ch| fold_width(ch).unwrap_or(ch).is_ascii_digit())
            {
                return None;
            }
            let end = i + 1 + raw.len_utf8();
            self.put(i, end, s);
            return Some(end);
        }
        self.drop(i, i + 1);
        Some(i + 1)
    }

    /// `pm2.5`, `PM 2.5`, `ＰＭ２．５`: the particulate matter names, written `PM2.5`.
    fn particulate(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let n = i + c.len_utf8();
        let m = char_at(text, n);
        let is_m = matches!(m, Some('m' | 'M'));
        if !is_m || self.prev(i).is_ascii_alphabetic() {
            self.note(c);
            return n;
        }
        let after_m = n + 1;
        let mut j = after_m;
        while let Some(ch) = char_at(text, j).filter(|&ch| is_space(ch)) {
            j += ch.len_utf8();
        }
        let digit = folded_at(text, j).is_some_and(|d| d.is_ascii_digit());
        let followed_by_letter = char_at(text, after_m).is_some_and(|ch| ch.is_ascii_alphabetic());
        if !digit || followed_by_letter {
            self.note(c);
            return n;
        }
        if c == 'P' && m == Some('M') {
            self.note('P');
            self.note('M');
        } else {
            self.put(i, after_m, "PM");
        }
        if j > after_m {
            self.drop(after_m, j);
        }
        j
    }

    /// The Chinese form of ASCII punctuation `f` at `i..n` in prose, if it changes.
    fn punctuation(&mut self, i: usize, n: usize, f: char) -> Option<char> {
        if !matches!(
            f,
            ',' | ':' | ';' | '!' | '?' | '(' | ')' | '.' | '"' | '，'
        ) {
            return None;
        }
        let text = self.text;
        let cjk_near =
            |this: &Self| is_cjk(this.prev_visible(i)) || next_visible(text, n).is_some_and(is_cjk);
        match f {
            ',' => {
                // thousands separator: digit , ddd (not a fourth digit)
                if self.prev(i).is_ascii_digit() && digits_after(text, n) == 3 {
                    return None;
                }
                cjk_near(self).then_some('，')
            }
            ':' => {
                let time = self.prev(i).is_ascii_digit()
                    && next_visible(text, n).is_some_and(|c| c.is_ascii_digit());
                (!time && cjk_near(self)).then_some('：')
            }
            // a closing bracket takes the form its opening one was given
            ')' if !self.parens.is_empty() => {
                self.parens.last().copied().unwrap_or(false).then_some('）')
            }
            ';' | '!' | '?' | '(' | ')' => cjk_near(self).then_some(match f {
                ';' => '；',
                '!' => '！',
                '?' => '？',
                '(' => '（',
                _ => '）',
            }),
            '.' => {
                let prev = self.prev_visible(i);
                let ends = (is_han(prev) || prev == '”' || prev == '）')
                    && next_visible(text, n).is_none_or(is_han);
                ends.then_some('。')
            }
            '"' => Some(if self.quote_open { '”' } else { '“' }),
            // １，２００: a full-width comma between digits is a thousands separator
            '，' => (self.prev(i).is_ascii_digit() && digits_after(text, n) == 3).then_some(','),
            _ => None,
        }
    }
}

/// What the line stage removed, in the coordinates of its input.
#[derive(Debug, Clone, Copy)]
pub struct RemovedInLine {
    pub kind: RemovedKind,
    pub span: Span<Original>,
}

/// The output of the line stage.
#[derive(Debug)]
pub struct LinesFolded {
    pub text: String,
    pub map: OffsetMap,
    pub removed: Vec<RemovedInLine>,
    pub rejoined: Vec<Span<Original>>,
    /// Output positions where characters got new neighbours: joins, cuts, and line starts
    /// after dropped lines.
    pub seams: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Line {
    /// Content range (without the surrounding white space) in the stage's input.
    start: usize,
    end: usize,
    /// Ranges inside the content to drop (junk fragments, leading markers).
    cuts: Vec<(usize, usize, Option<RemovedKind>)>,
    facts: LineFacts,
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| is_space(c) || c == '\t')
            .len();
    let trail = s.len() - s.trim_end_matches(|c: char| is_space(c) || c == '\t').len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|&c| !is_space(c)).collect();
    if let Some(inner) = t.strip_prefix('第') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        return digits > 0 && inner[digits..].starts_with('页');
    }
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－');
    let core = t.trim_matches(dashes);
    let has_dash = core.len() < t.len();
    let digits = !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit()) && core.len() <= 4;
    let fraction = core.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.bytes().chain(b.bytes())).all(|x| x.is_ascii_digit())
    });
    (digits && has_dash) || (fraction && t.len() <= 9)
}

/// Classifies a line's content: junk to drop whole, or `None` to keep.
fn junk_kind(content: &str, lex: &Lexicon) -> Option<RemovedKind> {
    if content.chars().all(|c| !c.is_alphanumeric()) {
        return Some(RemovedKind::Separator);
    }
    // junk is short: a phrase and at most a dozen other characters
    if content.len() > 240 {
        return None;
    }
    if content.len() <= 40 && is_page_number(content) {
        return Some(RemovedKind::PageNumber);
    }
    let chars = content.chars().count();
    if let Some((s, e, _)) = lex.junk_line.find(content) {
        let rest = content[..s]
            .chars()
            .chain(content[e..].chars())
            .filter(|c| c.is_alphanumeric())
            .count();
        if rest <= 12 {
            return Some(RemovedKind::WebJunk);
        }
    }
    if chars <= 60 && lex.junk_prefix.starts(content) {
        return Some(RemovedKind::WebJunk);
    }
    None
}

/// Bracketed watermark fragments inside a line: `（ wWw.x.cOm 转载请注明 ）`.
fn inline_junk(text: &str, start: usize, end: usize, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let line = &text[start..end];
    // spaces inside a phrase (转载  请注明) are dropped by this stage: match without them
    // (the character stage left only ASCII spaces)
    fn spaceless(s: &str) -> std::borrow::Cow<'_, str> {
        if s.contains(' ') {
            std::borrow::Cow::Owned(s.split(' ').collect())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }
    // the line's brackets are found by one pass over its bytes; each bracket's content is
    // then matched against the phrases (short: scanning the whole line for each phrase
    // costs more)
    let brackets: [&[u8]; 4] = [b"(", b"[", "（".as_bytes(), "【".as_bytes()];
    let mut i = 0;
    while let Some(open) = crate::chars::find_any_seq(line.as_bytes(), i, brackets) {
        let oc = char_at(line, open).unwrap_or('(');
        let close_c = match oc {
            '（' => '）',
            '(' => ')',
            '【' => '】',
            _ => ']',
        };
        let inner_start = open + oc.len_utf8();
        // a watermark is short: look for its close within 60 characters, not counting
        // spaces (which the next stage drops; found by fuzzing)
        let mut seen = 0;
        let close = line[inner_start..]
            .char_indices()
            .take(4096)
            .take_while(|&(_, c)| {
                seen += usize::from(!is_space(c));
                seen <= 61
            })
            .find(|&(_, c)| c == close_c)
            .map(|(rel, _)| inner_start + rel);
        let Some(close) = close else {
            i = inner_start;
            continue;
        };
        let inner = &line[inner_start..close];
        if lex.junk_inline.find(&spaceless(inner)).is_some() {
            // take the spaces before the fragment too
            let mut s = open;
            while let Some(c) = line[..s].chars().next_back().filter(|&c| is_space(c)) {
                s -= c.len_utf8();
            }
            out.push((start + s, start + close + close_c.len_utf8()));
        }
        i = close + close_c.len_utf8();
    }
    out
}

/// Markdown and web markers at the start of a line (`--`, `##`, `* `, `> `, `- * `).
fn leading_marker(content: &str) -> usize {
    let mut cut = 0;
    loop {
        let rest = &content[cut..];
        let n = rest
            .bytes()
            .take_while(|b| matches!(b, b'-' | b'=' | b'#' | b'*' | b'>' | b'~'))
            .count();
        if n == 0 || rest[n..].starts_with(|c: char| c.is_ascii_digit()) {
            return cut;
        }
        let after = &rest[n..];
        cut += n
            + (after.len()
                - after
                    .trim_start_matches(|c: char| is_space(c) || is_invisible(c))
                    .len());
    }
}

/// What the line stage needs to know of a line, read in one pass over its bytes.
#[derive(Debug, Clone, Copy, Default)]
struct LineFacts {
    /// Holds a space of any width (but a tab).
    space: bool,
    tab: bool,
    /// Holds Chinese sentence punctuation: ，。；！？、
    prose: bool,
    /// Characters that are not spaces.
    visible: usize,
}

impl LineFacts {
    /// The facts of a line of the character stage's output, where every space is an ASCII
    /// space (the other spaces were folded to it).
    fn of(s: &str) -> Self {
        let c = crate::chars::count_bytes(s.as_bytes());
        let prose = s
            .chars()
            .any(|c| matches!(c, '，' | '。' | '、' | '；' | '！' | '？'));
        LineFacts {
            space: c.spaces > 0,
            tab: c.tabs > 0,
            prose,
            visible: c.chars - c.spaces - c.tabs,
        }
    }
}

/// Whether a line is structure that must start on its own line.
fn is_structural(s: &str, lex: &Lexicon) -> bool {
    if parse_label(s).is_some() || lex.footer.starts(s) {
        return true;
    }
    // a date line or a short line ending in an organisation (a signature)
    let n = s.chars().count();
    n <= 20 && (s.ends_with('日') || lex.org_suffix.longest_ending_at(s, s.len()).is_some())
}

/// What the join decision needs to know of the line built so far, kept up to date as lines
/// are appended (a PDF can break one paragraph into thousands of lines).
#[derive(Debug, Default)]
struct Acc {
    /// The paragraph opens with a heading label.
    labelled: bool,
    /// Its last two characters, for how it ends.
    last: Option<char>,
    before_last: Option<char>,
    prose: bool,
    tab: bool,
    visible: usize,
}

impl Acc {
    fn new(s: &str, f: LineFacts) -> Self {
        let mut a = Acc {
            labelled: parse_label(s).is_some(),
            ..Acc::default()
        };
        a.extend(s, f);
        a
    }

    /// Appends `s`, whose facts are `f` (those of its line: cuts and spaces do not change
    /// whether it is prose or has a tab, and a count of visible characters is the same).
    fn extend(&mut self, s: &str, f: LineFacts) {
        self.prose |= f.prose;
        self.tab |= f.tab;
        self.visible += f.visible;
        let mut rev = s.chars().rev();
        match (rev.next(), rev.next()) {
            (Some(l), Some(b)) => (self.last, self.before_last) = (Some(l), Some(b)),
            (Some(l), None) => (self.last, self.before_last) = (Some(l), self.last),
            _ => {}
        }
    }

    /// Whether the paragraph so far ends a sentence (or a list intro).
    fn ends_complete(&self) -> bool {
        match self.last {
            None => true,
            Some(c) if ends_sentence(c) || c == '：' || c == '…' => true,
            Some('”' | '’' | '）' | '》' | '」') => self
                .before_last
                .is_some_and(|c| ends_sentence(c) || c == '…'),
            _ => false,
        }
    }
}

/// A line cannot start with closing or continuing punctuation: it continues the one before.
fn opens_with_closing(s: &str) -> bool {
    s.starts_with([
        '，', '、', '。', '；', '：', '！', '？', '）', '》', '”', '’', '%',
    ])
}

/// Whether the line built so far continues into `next` (`next_tab`: whether it holds a tab).
fn continues(prev: &Acc, next: &str, next_tab: bool, lex: &Lexicon) -> bool {
    if prev.tab || next_tab {
        return false;
    }
    let (Some(last), Some(first)) = (prev.last, next.chars().next()) else {
        return false;
    };
    if opens_with_closing(next) {
        return true;
    }
    if is_structural(next, lex) {
        return false;
    }
    // a line cannot end inside an opening bracket or after a comma
    if matches!(last, '，' | '、' | '（' | '“' | '《') {
        return true;
    }
    // 6\n月1日, 1314\n个: a number split from its unit
    if last.is_ascii_digit()
        && (matches!(
            first,
            '年' | '月' | '日' | '号' | '时' | '万' | '亿' | '余' | '多'
        ) || lex.units.longest_at(next, 0).is_some())
    {
        return true;
    }
    // 一\n是: an enumeration split from its 是
    if first == '是' && crate::chars::chinese_digit(last).is_some() {
        return true;
    }
    // a long line of prose that stops in the middle of a sentence
    prev.prose && !prev.labelled && prev.visible >= 25 && !prev.ends_complete()
}

/// Stage 2: lines. See the module documentation.
pub fn fold_lines(text: &str, lex: &Lexicon) -> LinesFolded {
    let mut removed = Vec::new();
    let mut kept: Vec<Line> = Vec::with_capacity(text.len() / 128);
    let mut start = 0;
    while start <= text.len() {
        let end = crate::chars::find_byte(text.as_bytes(), start, b'\n').unwrap_or(text.len());
        let (cs, ce) = trim_range(text, start, end);
        if cs < ce {
            // watermarks first, so that the rest of the line is judged as it will stand
            let watermarks = inline_junk(text, cs, ce, lex);
            let junk = if watermarks.is_empty() {
                junk_kind(&text[cs..ce], lex)
            } else {
                let mut rest = String::new();
                let mut pos = cs;
                for &(s, e) in &watermarks {
                    rest.push_str(&text[pos..s]);
                    pos = e;
                }
                rest.push_str(&text[pos..ce]);
                let rest = rest.trim_matches(|c: char| is_space(c));
                if rest.is_empty() {
                    Some(RemovedKind::Watermark)
                } else {
                    junk_kind(rest, lex)
                }
            };
            if let Some(kind) = junk {
                removed.push(RemovedInLine {
                    kind,
                    span: Span::new(cs, ce),
                });
            } else {
                let mut cuts = Vec::new();
                // a marker (--, ##) may stand after a watermark that opens the line
                let mut text_start = cs;
                for (s, e) in watermarks {
                    removed.push(RemovedInLine {
                        kind: RemovedKind::Watermark,
                        span: Span::new(s, e),
                    });
                    // a watermark that opens the line takes the white space after it along
                    let mut e = e;
                    if s <= text_start {
                        while let Some(c) = char_at(text, e).filter(|&c| is_space(c) && e < ce) {
                            e += c.len_utf8();
                        }
                        text_start = e;
                    }
                    cuts.push((s, e, Some(RemovedKind::Watermark)));
                }
                let lead = leading_marker(&text[text_start..ce]);
                if lead > 0 && text_start + lead < ce {
                    let at = cuts.partition_point(|c| c.0 < text_start);
                    cuts.insert(at, (text_start, text_start + lead, None));
                }
                // cuts in order, overlapping ones merged
                cuts.sort_by_key(|c| c.0);
                let mut merged: Vec<(usize, usize, Option<RemovedKind>)> =
                    Vec::with_capacity(cuts.len());
                for c in cuts {
                    match merged.last_mut() {
                        Some(last) if c.0 <= last.1 => last.1 = last.1.max(c.1),
                        _ => merged.push(c),
                    }
                }
                let line = Line {
                    start: cs,
                    end: ce,
                    cuts: merged,
                    facts: LineFacts::of(&text[cs..ce]),
                };
                if visible_after_cuts(text, &line) {
                    kept.push(line);
                }
            }
        }
        if end == text.len() {
            break;
        }
        start = end + 1;
    }

    // which lines continue the one before: first the lines that open with closing
    // punctuation, which always continue; then, between the units these make, the rules that
    // read the next unit's content (so a decision never changes once the units are joined)
    let contents: Vec<_> = kept.iter().map(|l| cleaned(text, l)).collect();
    let mut joined = vec![false; kept.len()];
    for k in 1..kept.len() {
        joined[k] = opens_with_closing(&contents[k])
            && !contents[k].contains('\t')
            && !contents[k - 1].contains('\t');
    }
    let mut acc = Acc::default();
    let mut k = 0;
    while k < kept.len() {
        let unit_end = joined_run_end(&joined, k);
        let unit: std::borrow::Cow<str> = if unit_end == k + 1 {
            std::borrow::Cow::Borrowed(&*contents[k])
        } else {
            std::borrow::Cow::Owned(contents[k..unit_end].concat())
        };
        // the facts of what the lines keep (a watermark cut away does not count)
        let facts = (k..unit_end).fold(LineFacts::default(), |a, j| {
            let l = if kept[j].cuts.is_empty() {
                kept[j].facts
            } else {
                LineFacts::of(&contents[j])
            };
            LineFacts {
                space: a.space || l.space,
                tab: a.tab || l.tab,
                prose: a.prose || l.prose,
                visible: a.visible + l.visible,
            }
        });
        if k > 0 && continues(&acc, &unit, facts.tab, lex) {
            joined[k] = true;
            acc.extend(&unit, facts);
        } else {
            acc = Acc::new(&unit, facts);
        }
        k = unit_end;
    }

    let mut b = MapBuilder::with_capacity(text.len());
    let mut rejoined = Vec::new();
    let mut seams = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        // one output line: kept[k] and the lines that continue it
        let group_end = joined_run_end(&joined, k);
        let group = &kept[k..group_end];
        let prose = group.iter().any(|l| l.facts.prose);
        let from = if k == 0 { 0 } else { kept[k - 1].end };
        if k > 0 {
            // keep the first line break between two paragraphs
            let nl = text[from..].find('\n').map_or(from, |x| from + x);
            b.delete(from, nl);
            b.copy(nl, "\n");
            // (dropped lines are no seam: a line starts after a line break either way)
            b.delete(nl + 1, group[0].start);
        } else {
            b.delete(0, group[0].start);
        }
        for (j, line) in group.iter().enumerate() {
            if j > 0 {
                let prev_end = group[j - 1].end;
                b.delete(prev_end, line.start);
                rejoined.push(Span::new(prev_end, line.start));
                seams.push(b.as_str().len());
            }
            if !line.cuts.is_empty() {
                seams.push(b.as_str().len());
            }
            emit_line(&mut b, text, line, prose, j == 0, lex);
            if !line.cuts.is_empty() {
                seams.push(b.as_str().len());
            }
        }
        k = group_end;
    }
    let last = kept.last().map_or(0, |l| l.end);
    b.delete(last, text.len());
    let (out, map) = b.finish(text.len());
    LinesFolded {
        text: out,
        map,
        removed,
        rejoined,
        seams,
    }
}

fn visible_after_cuts(text: &str, line: &Line) -> bool {
    let mut pos = line.start;
    for &(s, e, _) in &line.cuts {
        if text[pos..s].chars().any(|c| !is_space(c)) {
            return true;
        }
        pos = e;
    }
    text[pos..line.end].chars().any(|c| !is_space(c))
}

/// The end of the run of lines starting at `k`: `k` and the lines joined to the one before.
fn joined_run_end(joined: &[bool], k: usize) -> usize {
    k + 1 + joined[k + 1..].iter().take_while(|&&j| j).count()
}

/// The line's content with its cuts applied and spaces dropped (for join decisions).
fn cleaned<'t>(text: &'t str, line: &Line) -> std::borrow::Cow<'t, str> {
    let content = &text[line.start..line.end];
    if line.cuts.is_empty() && !line.facts.space {
        return std::borrow::Cow::Borrowed(content);
    }
    // the character stage left only ASCII spaces
    let mut s = String::with_capacity(content.len());
    let mut pos = line.start;
    for &(a, e, _) in &line.cuts {
        text[pos..a].split(' ').for_each(|p| s.push_str(p));
        pos = e;
    }
    text[pos..line.end].split(' ').for_each(|p| s.push_str(p));
    std::borrow::Cow::Owned(s)
}

/// Writes a line's content: cuts dropped, and spaces next to Chinese text dropped (in prose
/// everywhere, elsewhere only between Chinese and Latin or digits).
fn emit_line(
    b: &mut MapBuilder,
    text: &str,
    line: &Line,
    prose: bool,
    first_in_group: bool,
    lex: &Lexicon,
) {
    let content = &text[line.start..line.end];
    if line.cuts.is_empty() && !line.facts.space {
        b.copy(line.start, content);
        return;
    }
    // what to drop, in order: the cuts, and the runs of spaces next to Chinese text
    let mut drops: Vec<(usize, usize)> = line.cuts.iter().map(|&(s, e, _)| (s, e)).collect();
    if line.facts.space {
        // a line-initial number label keeps the space after it (5 全力保障…)
        let keep_label_space = first_in_group && parse_label(content).is_some_and(|l| l.weak);
        let bytes = content.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // the next space (the character stage folded every space to an ASCII one)
            let Some(off) = bytes[i..].iter().position(|&x| x == b' ') else {
                break;
            };
            i += off;
            let mut j = i + 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            let (at, end) = (line.start + i, line.start + j);
            let inside_cut = line.cuts.iter().any(|&(s, e, _)| at < e && s < end);
            let before = content[..i].chars().next_back();
            let after = content[j..].chars().next();
            let drop = match (before, after) {
                (Some(x), Some(y)) if !inside_cut => {
                    let label_space =
                        keep_label_space && i <= 3 && !seen_text_after_digits(&content[..i]);
                    !label_space
                        && if prose {
                            is_cjk(x) || is_cjk(y)
                        } else {
                            // only a number parted from its unit (2022 年, 6 项)
                            x.is_ascii_digit()
                                && (matches!(
                                    y,
                                    '年' | '月' | '日' | '号' | '时' | '万' | '亿' | '余' | '多'
                                ) || lex.units.longest_at(text, end).is_some())
                        }
                }
                _ => false,
            };
            if drop {
                drops.push((at, end));
            }
            i = j;
        }
        drops.sort_unstable();
    }
    let mut pos = line.start;
    for (s, e) in drops {
        if s < pos {
            continue;
        }
        b.copy(pos, &text[pos..s]);
        b.delete(s, e);
        pos = e;
    }
    b.copy(pos, &text[pos..line.end]);
}

/// Whether `s` holds anything but ASCII digits (the label number of `5 全力`).
fn seen_text_after_digits(s: &str) -> bool {
    !s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s, Lexicon::builtin()).text
    }

    #[test]
    fn width_and_punctuation() {
        assert_eq!(norm("ＰＭ２．５浓度为３４微克"), "PM2.5浓度为34微克");
        assert_eq!(norm("近年来,安康市;好!"), "近年来，安康市；好！");
        assert_eq!(norm("共1,100万元,增长"), "共1,100万元，增长");
        assert_eq!(
            norm("发布时间:2020-05-13 14:48 来源:市局"),
            "发布时间：2020-05-13 14:48 来源：市局"
        );
        assert_eq!(norm("(一)深学细悟"), "（一）深学细悟");
        assert_eq!(norm("不断规范自身工作行为."), "不断规范自身工作行为。");
        assert_eq!(norm("学习\"x+x+x”体系"), "学习“x+x+x”体系");
        assert_eq!(norm("「好」"), "“好”");
    }

    #[test]
    fn traditional_and_ruby() {
        assert_eq!(
            norm("省委第三環(huán)境保護(hù)督察組"),
            "省委第三环境保护督察组"
        );
        assert_eq!(
            norm("環(huán)境保護(hù)工作職責(zé)(試行)"),
            "环境保护工作职责（试行）"
        );
        assert_eq!(norm("各縣(市、區(qū))"), "各县（市、区）");
        // a PDF line break inside the ruby (found by fuzzing: the next pass stripped it)
        assert_eq!(norm("實施細(\nxì)則(試行)"), "实施细则（试行）");
        // without any tone mark in the document, a Latin parenthesis stays
        assert_eq!(norm("标准(de)"), "标准（de）");
    }

    #[test]
    fn converter_junk() {
        assert_eq!(norm("**三是**定期公开"), "三是定期公开");
        assert_eq!(norm("PM_{2.5}平均浓度"), "PM2.5平均浓度");
        assert_eq!(norm("pm2.5和PM 10"), "PM2.5和PM10");
        assert_eq!(norm("约3000m^{2}，5m^3"), "约3000m²，5m³");
        assert_eq!(norm("PM₂.₅浓度"), "PM2.5浓度");
    }

    #[test]
    fn junk_lines() {
        assert_eq!(norm("正文。\n扫一扫在手机打开当前页\n|\n"), "正文。");
        // spaces inside the watermark's phrase (found by fuzzing)
        assert_eq!(
            norm("增加11天。( wWw.x.cOm 转载          请注明 )分享"),
            "增加11天。分享"
        );
        assert_eq!(
            norm("--安康市生态环境局综述\n\n正文。"),
            "安康市生态环境局综述\n正文。"
        );
        assert_eq!(
            norm("及时整改。( wWw.850500.cOm 转载请注明 )"),
            "及时整改。"
        );
        assert_eq!(norm("第一段。\n- 3 -\n第二段。"), "第一段。\n第二段。");
    }

    #[test]
    fn broken_lines_rejoin() {
        let t = "关庙污水处理厂建设工程正在开展进场开工前期准备工作，5月31日取得批复，6\n\n月1日省政府已批准用地手续。";
        assert_eq!(norm(t), "关庙污水处理厂建设工程正在开展进场开工前期准备工作，5月31日取得批复，6月1日省政府已批准用地手续。");
        assert_eq!(
            norm("4. 坚持系统思维深入谋划，积极稳妥推进“双碳”工作。一\n\n是围绕重点目标任务。"),
            "4.坚持系统思维深入谋划，积极稳妥推进“双碳”工作。一是围绕重点目标任务。"
        );
        assert_eq!(
            norm("在提高效率上下功夫\n，跑出加速度。"),
            "在提高效率上下功夫，跑出加速度。"
        );
        // a heading line stays on its own
        assert_eq!(
            norm("坚持党建引领，提升生态铁军战斗力\n“党建是生命线。”"),
            "坚持党建引领，提升生态铁军战斗力\n“党建是生命线。”"
        );
        assert_eq!(
            norm("一、工作情况\n(一)深学细悟"),
            "一、工作情况\n（一）深学细悟"
        );
    }

    #[test]
    fn spaces() {
        assert_eq!(
            norm("围绕解决大气等 6 项重点整治任务，做好 2022 年工作。"),
            "围绕解决大气等6项重点整治任务，做好2022年工作。"
        );
        assert_eq!(
            norm("中共安康市委 安康市人民政府"),
            "中共安康市委 安康市人民政府"
        );
        assert_eq!(
            norm("5 全力保障区域环境安全。一是加强"),
            "5 全力保障区域环境安全。一是加强"
        );
        assert_eq!(
            norm("  将城市创建与服务企业发展相结合。"),
            "将城市创建与服务企业发展相结合。"
        );
    }

    #[test]
    fn idempotent_on_examples() {
        for t in [
            "a,b",
            "環(huán)境",
            "x\r\ny",
            "**三是**",
            "6\n\n月1日",
            "PM 2.5",
            "\"引号\"内容\"再\"",
        ] {
            let once = norm(t);
            assert_eq!(norm(&once), once, "{t:?}");
        }
    }

    #[test]
    fn spans_map_back() {
        let original = "省委第三環(huán)境保護(hù)督察組對我市";
        let n = normalize(original, Lexicon::builtin());
        let at = n.text.find("环境").unwrap();
        let span = n.map.to_original(Span::new(at, at + "环境".len()));
        assert_eq!(span.slice(original), "環(huán)境");
        let at = n.text.find("保护").unwrap();
        let span = n.map.to_original(Span::new(at, at + "保护".len()));
        assert_eq!(
            span.slice(original),
            "保護",
            "the span ends before the ruby"
        );
    }
}
