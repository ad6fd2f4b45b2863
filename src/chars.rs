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
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '“' | '”' | '‘' | '’' | '（' | '）' | '《' | '》'
            | '【' | '】' | '〔' | '〕' | '「' | '」' | '『' | '』' | '…' | '—' | '·' | '〈' | '〉'
            | '﹏' | '～'
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

/// Punctuation that ends a clause (a sentence end, or a comma, an enumeration comma, a colon).
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '，' | '、' | '：' | ',' | ':')
}

/// White space of any width, including the ideographic space.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{A0}' || (c.is_whitespace() && c != '\n')
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

/// Closing quotation marks and brackets that enclose a name in normalized text.
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》')
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

/// Any character that may stand in a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_small_unit(c).is_some()
        || chinese_big_unit(c).is_some()
        || matches!(c, '廿' | '卅')
}

/// The placeholder letter of unfilled drafts (`xx次`, `x.x%`).
pub fn is_placeholder_letter(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×')
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
        assert!(is_space('\u{3000}') && !is_space('\n'));
    }
}
