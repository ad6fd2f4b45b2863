//! The caps on what one report lists (`envreport::limits`): past each, the analysis stops
//! listing, says so in a diagnostic that points at where it stopped, and stays bounded.

use envreport::limits::{MAX_NOTES_PER_KIND, MAX_NUMERALS, MAX_SECTIONS};
use envreport::{analyze, Diagnostic, DiagnosticCode, Options, Report};

fn notes(r: &Report, code: DiagnosticCode) -> Vec<&Diagnostic> {
    r.diagnostics.iter().filter(|d| d.code == code).collect()
}

fn count_sections(sections: &[envreport::Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.children))
        .sum()
}

/// The line of `text` where a diagnostic's span starts (offsets are characters).
fn line_of(text: &str, d: &Diagnostic) -> usize {
    let start = d.start.expect("the note points at the text");
    text.chars().take(start).filter(|&c| c == '\n').count()
}

#[test]
fn headings_past_the_limit_are_body_text_and_the_cut_is_noted() {
    let lines = MAX_SECTIONS + 500;
    let text: String = (0..lines)
        .map(|i| format!("{}. 第{i}项工作\n", i % 9 + 1))
        .collect();
    let r = analyze(&text, &Options::default());
    assert_eq!(count_sections(&r.sections), MAX_SECTIONS);
    let cut = notes(&r, DiagnosticCode::TooManySections);
    assert_eq!(cut.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(
        line_of(&text, cut[0]),
        MAX_SECTIONS,
        "the note points at the first heading left out"
    );
    assert!(cut[0].message.contains(&MAX_SECTIONS.to_string()));
}

#[test]
fn a_cut_inside_a_very_long_line_quotes_the_words_around_it() {
    // a text that lost its line breaks: one line of every numeral
    let text: String = (0..MAX_NUMERALS + 50)
        .map(|i| format!("排放{}吨，", i % 9 + 1))
        .collect();
    let r = analyze(&text, &Options::default());
    let cut = notes(&r, DiagnosticCode::TooManyNumerals);
    assert_eq!(cut.len(), 1);
    let quoted = cut[0].text.as_deref().unwrap_or_default();
    let n = quoted.chars().count();
    assert!((350..=400).contains(&n), "{n} characters quoted");
    // the quote is the text where it points, and what was read ends inside it
    let start = cut[0].start.unwrap();
    let at: String = text.chars().skip(start).take(n).collect();
    assert_eq!(at, quoted);
    let last = r.indicators.last().unwrap();
    assert!(start <= last.start && last.end <= start + n);
}

#[test]
fn numerals_past_the_limit_are_not_read_and_the_cut_is_noted() {
    let lines = MAX_NUMERALS + 300;
    let text: String = (0..lines)
        .map(|i| format!("第{i}号站点排放量{}吨。\n", i + 1))
        .collect();
    let r = analyze(&text, &Options::default());
    assert!(r.indicators.len() <= MAX_NUMERALS, "{}", r.indicators.len());
    assert!(
        r.indicators.len() >= MAX_NUMERALS / 3,
        "{}",
        r.indicators.len()
    );
    let cut = notes(&r, DiagnosticCode::TooManyNumerals);
    assert_eq!(cut.len(), 1);
    // it quotes the whole line where reading stopped
    let quoted = cut[0].text.as_deref().unwrap_or_default();
    assert!(
        quoted.starts_with('第') && quoted.ends_with("吨。"),
        "{quoted}"
    );
    // two numerals a line: the cut falls in the second half of the text
    let line = line_of(&text, cut[0]);
    assert!(
        (MAX_NUMERALS / 2 - 2..MAX_NUMERALS / 2 + 2).contains(&line),
        "{line}"
    );
    // what was read ends where the note points
    let last = r.indicators.last().unwrap();
    let last_line = text.chars().take(last.start).filter(|&c| c == '\n').count();
    assert!(last_line <= line, "{last_line} > {line}");
}

#[test]
fn notes_of_one_kind_past_the_limit_are_counted_in_one_note() {
    let extra = 250;
    let text: String = (0..MAX_NOTES_PER_KIND + extra)
        .map(|i| format!("第{i}处问题完成整治xx处。\n"))
        .collect();
    let r = analyze(&text, &Options::default());
    assert_eq!(
        notes(&r, DiagnosticCode::Placeholder).len(),
        MAX_NOTES_PER_KIND
    );
    let more = notes(&r, DiagnosticCode::TooManyNotes);
    assert_eq!(more.len(), 1, "{:?}", more);
    assert!(
        more[0]
            .message
            .starts_with(&format!("{extra} more notes of the kind placeholder")),
        "{}",
        more[0].message
    );
    assert_eq!(
        line_of(&text, more[0]),
        MAX_NOTES_PER_KIND,
        "it points at the first one left out"
    );
}

#[test]
fn an_ordinary_report_is_not_cut() {
    let text =
        "一、大气环境\n2023年，全市优良天数为287天，同比增加12天。\n二、水环境\n完成整治xx处。\n";
    let r = analyze(text, &Options::default());
    assert!(r.diagnostics.iter().all(|d| !matches!(
        d.code,
        DiagnosticCode::TooManySections
            | DiagnosticCode::TooManyNumerals
            | DiagnosticCode::TooManyNotes
    )));
}
