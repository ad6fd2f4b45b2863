//! The closed word classes of Chinese prose, defined once: the punctuation that ends a
//! clause, the conjunctions that join list items, the dashes of ranges and the paired
//! marks that enclose names and asides. Open vocabularies (verbs, units, cue words) are
//! data files in `data/`, read by the lexicon.

/// Punctuation that ends a clause within a sentence: the Chinese comma, semicolon and
/// colon, the sentence stops, their ASCII forms (but the colon, which in normalized text
/// is a time's), and the tab of a table row. A comma between digits (`1,100`) is no stop;
/// see [`ends_clause_at`].
pub fn is_clause_stop(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '：' | '。' | '！' | '？' | ',' | ';' | '!' | '?' | '\t'
    )
}

/// Whether the character at byte `i` of `s` ends a clause: a clause stop, but a comma
/// between two digits (a thousands separator).
pub fn ends_clause_at(s: &str, i: usize, c: char) -> bool {
    if c == ',' {
        let b = s.as_bytes();
        let digit_before = i > 0 && b[i - 1].is_ascii_digit();
        let digit_after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        return !(digit_before && digit_after);
    }
    is_clause_stop(c)
}

/// The conjunctions that join two items of a list: 和, 及, 与.
pub fn is_conjunction(c: char) -> bool {
    matches!(c, '和' | '及' | '与')
}

/// What stands between two items of a list: a conjunction or the enumeration comma 、.
pub fn is_list_separator(c: char) -> bool {
    c == '、' || is_conjunction(c)
}

/// Whether `between` (spaces aside) is exactly one list separator: 和, 及, 与 or 、.
pub fn separates_items(between: &str) -> bool {
    let mut chars = between.trim_matches(' ').chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_list_separator(c))
}

/// Function words: prepositions, conjunctions and particles, which do not stand inside
/// the name of an organisation (金坛生态环境局|把…) or a noun.
pub fn is_function_word(c: char) -> bool {
    crate::text::search::has(
        "在和与及对把由从向将被的是了经据受同给让使以按为于并共等其",
        c,
    )
}

/// Prepositions that turn what follows into an object (对X进行…, 为社区建成…).
pub fn is_object_preposition(c: char) -> bool {
    matches!(c, '对' | '向' | '把' | '给' | '将')
}

/// The dashes and words that join the ends of a range: `3-5天`, `6～9`, `3万至5万`,
/// `一百二十到一百五十`.
pub const RANGE_DASHES: [&str; 7] = ["-", "—", "–", "~", "～", "至", "到"];

/// Whether `between` is exactly one range dash.
pub fn is_range_dash(between: &str) -> bool {
    RANGE_DASHES.contains(&between)
}

/// The range dash that `s` starts with, if any.
pub fn range_dash_at(s: &str) -> Option<&'static str> {
    RANGE_DASHES.iter().copied().find(|d| s.starts_with(d))
}

/// The closing mark of quotation or title marks that open with `c`: what they enclose is a
/// name or a quotation, one unit of the clause around it.
pub fn closing_quote(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '「' => '」',
        '『' => '』',
        _ => return None,
    })
}

/// The closing bracket of a bracket that opens with `c`: what it encloses is an aside, with
/// clauses of its own.
pub fn closing_bracket(c: char) -> Option<char> {
    Some(match c {
        '（' => '）',
        '【' => '】',
        '〔' => '〕',
        '(' => ')',
        '[' => ']',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_clause_stop('，') && is_clause_stop('\t') && !is_clause_stop('、'));
        assert!(ends_clause_at("a,b", 1, ','));
        assert!(!ends_clause_at("1,100", 1, ','));
        assert!(ends_clause_at("1,b", 1, ','));
        assert!(separates_items(" 和 ") && separates_items("、") && !separates_items("和与"));
        assert!(is_range_dash("至") && !is_range_dash("至于"));
        assert_eq!(range_dash_at("～9"), Some("～"));
        assert_eq!(closing_quote('《'), Some('》'));
        assert_eq!(closing_bracket('（'), Some('）'));
        assert_eq!(closing_quote('（'), None);
    }
}
