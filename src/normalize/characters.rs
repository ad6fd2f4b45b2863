//! Stage 1 of normalization, character by character: width, punctuation, traditional
//! characters, pinyin ruby and converter junk (see [the module](super)).

use super::offsets::{MapBuilder, OffsetMap};
use crate::lexicon::Lexicon;
use crate::text::chars::{char_at, is_cjk, is_han, is_invisible, is_space};

/// The output of the character stage.
#[derive(Debug)]
pub struct CharsFolded {
    pub text: String,
    pub map: OffsetMap,
    pub traditional: bool,
    pub ruby: usize,
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
                // (and after a share before a new sentence: 为100%.生活噪声源)
                let ends = ((is_han(prev) || prev == '”' || prev == '）')
                    && next_visible(text, n).is_none_or(is_han))
                    || (prev == '%' && next_visible(text, n).is_some_and(is_han));
                ends.then_some('。')
            }
            '"' => Some(if self.quote_open { '”' } else { '“' }),
            // １，２００: a full-width comma between digits is a thousands separator
            '，' => (self.prev(i).is_ascii_digit() && digits_after(text, n) == 3).then_some(','),
            _ => None,
        }
    }
}
