//! Character classes of Chinese text, shared by every stage.

/// A Han character (CJK unified ideographs, their extensions and compatibility forms),
/// or the ideographic zero `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{3134F}'
        | '〇')
}

/// Chinese (full-width) punctuation as it stands in normalized text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '〈'
            | '〉'
            | '﹏'
            | '～'
    )
}

/// Han characters and Chinese punctuation: the characters next to which a space is noise.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Punctuation that ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// White space of any width, including the ideographic space (but not the line break).
#[inline]
pub fn is_space(c: char) -> bool {
    match c as u32 {
        0x20 | 0x09 | 0x0B | 0x0C | 0x0D => true,
        0..=0x7F => false,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => true,
        _ => false,
    }
}

/// The character before byte `i` of `text`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The number of characters of `s` that are not spaces.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|&c| !is_space(c)).count()
}

/// Characters that are never text: control characters (but tab and newline), zero-width
/// characters, byte order marks and bidirectional formatting marks.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFFE}'
            | '\u{FFFF}'
            | '\u{AD}')
}

/// Opening quotation marks and brackets that enclose a name in normalized text.
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '《')
}

/// The value of a Chinese digit, including the financial forms (壹贰叁) and 两.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a Chinese multiplier character below 万 (十 百 千 and financial forms).
pub fn chinese_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// 万 and 亿, the large multipliers that also follow Arabic numbers (3.5万).
pub fn chinese_big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

/// The characters of Chinese numerals (○ is tested apart), as a bitmap of U+3000..U+A000
/// built at compile time.
const NUMERAL_CHARS: &str =
    "零〇一壹幺二贰两貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅";
const NUMERAL_BASE: u32 = 0x3000;
static NUMERAL_BITS: [u64; 0x7000 / 64] = {
    let mut bits = [0u64; 0x7000 / 64];
    let bytes = NUMERAL_CHARS.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // every character of the list is three bytes of UTF-8
        let c = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        let k = (c - NUMERAL_BASE) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 3;
    }
    bits
};

/// Any character that may stand in a Chinese numeral.
#[inline]
pub fn is_chinese_numeral(c: char) -> bool {
    let code = c as u32;
    if code == '○' as u32 {
        return true;
    }
    if !(NUMERAL_BASE..NUMERAL_BASE + 0x7000).contains(&code) {
        return false;
    }
    let k = (code - NUMERAL_BASE) as usize;
    NUMERAL_BITS[k / 64] & (1 << (k % 64)) != 0
}

/// The placeholder letter of unfilled drafts (`xx次`, `x.x%`).
pub fn is_placeholder_letter(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×')
}

/// The byte length of the longest prefix of `s` whose characters satisfy `f`.
pub fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The largest character boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character at byte `i` of `text`, if `i` is on a boundary within it.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('环') && is_han('〇') && is_han('𠀀'));
        assert!(!is_han('，') && is_cjk('，') && !is_cjk('a'));
        assert!(is_invisible('\u{202E}') && is_invisible('\u{0007}') && !is_invisible('\n'));
        assert_eq!(chinese_digit('两'), Some(2));
        assert_eq!(chinese_small_unit('佰'), Some(100));
        assert!(is_space('\u{3000}') && !is_space('\n') && is_space('\u{2003}'));
        for c in "零〇一二两十百千万亿壹贰佰仟廿卅○".chars() {
            assert!(is_chinese_numeral(c), "{c}");
        }
        for c in "是个年的环a1".chars() {
            assert!(!is_chinese_numeral(c), "{c}");
        }
    }
}
