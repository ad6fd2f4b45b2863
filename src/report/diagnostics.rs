//! Diagnostics: what is worth telling about the input (junk removed, placeholders, lines
//! rejoined, nothing found).

use super::{Diagnostic, DiagnosticCode, Parts, Severity, SpanOut};
use crate::limits::{MAX_NOTES_PER_KIND, MAX_NUMERALS, MAX_SECTIONS};
use crate::normalize::RemovedKind;
use crate::span::{Original, Span};

pub(super) fn diagnostics(
    p: &Parts<'_>,
    out: &dyn Fn(Span<Original>) -> SpanOut,
) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    // notes of each kind so far, and where the first one left out stands
    let mut kinds: Vec<(DiagnosticCode, usize, Option<Span<Original>>)> = Vec::new();
    let mut push = |code: DiagnosticCode,
                    severity: Severity,
                    message: String,
                    span: Option<Span<Original>>| {
        let k = match kinds.iter().position(|k| k.0 == code) {
            Some(k) => k,
            None => {
                kinds.push((code, 0, None));
                kinds.len() - 1
            }
        };
        let (_, count, first_left_out) = &mut kinds[k];
        *count += 1;
        if *count > MAX_NOTES_PER_KIND {
            if *count == MAX_NOTES_PER_KIND + 1 {
                *first_left_out = span;
            }
            return;
        }
        let o = span.map(out);
        d.push(Diagnostic {
            code,
            severity,
            message,
            text: span.map(|s| s.slice(p.original).to_string()),
            start: o.map(|o| o.start),
            end: o.map(|o| o.end),
        });
    };
    if p.original.trim().is_empty() {
        push(
            DiagnosticCode::Empty,
            Severity::Info,
            "the input holds no text".into(),
            None,
        );
        return d;
    }
    if p.normalized.traditional {
        push(
            DiagnosticCode::Traditional,
            Severity::Info,
            "traditional characters were read as simplified".into(),
            None,
        );
    }
    if p.normalized.ruby > 0 {
        push(
            DiagnosticCode::Ruby,
            Severity::Info,
            format!(
                "{} pinyin annotations after characters were ignored",
                p.normalized.ruby
            ),
            None,
        );
    }
    for r in &p.normalized.removed {
        let (code, what) = match r.kind {
            RemovedKind::WebJunk => (
                DiagnosticCode::WebJunk,
                "a line of web page furniture was ignored",
            ),
            RemovedKind::Watermark => (DiagnosticCode::Watermark, "a watermark was ignored"),
            RemovedKind::PageNumber => (DiagnosticCode::PageNumber, "a page number was ignored"),
            RemovedKind::Separator => (DiagnosticCode::Separator, "a line of symbols was ignored"),
        };
        push(code, Severity::Info, what.into(), Some(r.span));
    }
    for r in &p.normalized.rejoined {
        push(
            DiagnosticCode::LineRejoined,
            Severity::Info,
            "a line broken inside a sentence was joined to the next".into(),
            Some(*r),
        );
    }
    for m in p
        .mentions
        .iter()
        .filter(|m| crate::checks::is_unfilled(&p.normalized.text, m))
    {
        let span = p.normalized.map.to_original(m.span);
        push(
            DiagnosticCode::Placeholder,
            Severity::Warning,
            "an unfilled placeholder (xx) stands where a number belongs".into(),
            Some(span),
        );
    }
    if let Some((han, letters)) = mostly_not_chinese(&p.normalized.text) {
        push(
            DiagnosticCode::NotChinese,
            Severity::Warning,
            format!(
                "the text is mostly not Chinese ({han} Chinese characters, {letters} Latin letters): the analyzer reads Chinese reports, and its findings here are unreliable"
            ),
            None,
        );
    }
    // the line where a limit cut the reading; of a very long line (a text that lost its
    // line breaks), the words around the cut
    let line_from = |at: usize| {
        let text = &p.normalized.text;
        let mut at = crate::text::chars::floor_boundary(text, at);
        // a cut at a line's end: the next line is where reading stopped
        if text[at..].starts_with('\n') {
            at += 1;
        }
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let start = text[start..at]
            .char_indices()
            .rev()
            .nth(QUOTE_AROUND_CUT - 1)
            .map_or(start, |(i, _)| start + i);
        let end = text[at..end]
            .char_indices()
            .nth(QUOTE_AROUND_CUT)
            .map_or(end, |(i, _)| at + i);
        p.normalized.map.to_original(Span::new(start, end))
    };
    if let Some(at) = p.structure.cut_headings {
        push(
            DiagnosticCode::TooManySections,
            Severity::Warning,
            format!(
                "the report has more than {MAX_SECTIONS} headings: those from here on are read as body text"
            ),
            Some(line_from(at)),
        );
    }
    if let Some(at) = p.numerals_cut {
        push(
            DiagnosticCode::TooManyNumerals,
            Severity::Warning,
            format!(
                "the report has more than {MAX_NUMERALS} numbers: the text from here on was not read for numbers"
            ),
            Some(line_from(at)),
        );
    }
    if p.structure.headings.is_empty() {
        push(
            DiagnosticCode::NoHeadings,
            Severity::Info,
            "no headings were found: the outline is empty".into(),
            None,
        );
    }
    if p.findings.indicators.is_empty() {
        push(
            DiagnosticCode::NoIndicators,
            Severity::Info,
            "no quantities were found".into(),
            None,
        );
    }
    for (code, count, first_left_out) in kinds {
        if count > MAX_NOTES_PER_KIND {
            let left_out = count - MAX_NOTES_PER_KIND;
            let o = first_left_out.map(out);
            d.push(Diagnostic {
                code: DiagnosticCode::TooManyNotes,
                severity: Severity::Info,
                message: format!(
                    "{left_out} more notes of the kind {} were not listed (at most {MAX_NOTES_PER_KIND} of a kind)",
                    code.name()
                ),
                text: first_left_out.map(|s| s.slice(p.original).to_string()),
                start: o.map(|o| o.start),
                end: o.map(|o| o.end),
            });
        }
    }
    d
}

/// How many characters on each side of a limit's cut its note quotes, at most.
const QUOTE_AROUND_CUT: usize = 200;

/// The counts of Chinese characters and Latin letters when a text long enough to judge
/// holds far more letters (a report in English, a page of code): `None` for a Chinese text.
fn mostly_not_chinese(text: &str) -> Option<(usize, usize)> {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else if crate::text::chars::is_han(c) {
            han += 1;
        }
    }
    // Chinese reports name pollutants and standards in Latin letters (PM2.5, GB 3095), a
    // few letters a hundred characters; a word of English is five letters for one
    // character's meaning
    (letters >= 200 && han * 5 < letters).then_some((han, letters))
}

#[cfg(test)]
mod tests {
    use super::mostly_not_chinese;

    #[test]
    fn english_is_noticed_and_chinese_with_latin_names_is_not() {
        let english = "The city's air quality improved in 2023: the average PM2.5 concentration fell to 35 micrograms per cubic metre. ".repeat(4);
        assert!(mostly_not_chinese(&english).is_some());
        let chinese = "全市PM2.5平均浓度为35微克/立方米，符合GB 3095-2012二级标准，NO2、SO2、O3、CO浓度均达标。".repeat(10);
        assert!(mostly_not_chinese(&chinese).is_none());
        assert!(
            mostly_not_chinese("short English text").is_none(),
            "too short to judge"
        );
    }
}
