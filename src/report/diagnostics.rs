//! Diagnostics: what is worth telling about the input (junk removed, placeholders, lines
//! rejoined, nothing found).

use super::{Diagnostic, DiagnosticCode, Parts, Severity, SpanOut};
use crate::normalize::RemovedKind;
use crate::span::{Original, Span};

pub(super) fn diagnostics(
    p: &Parts<'_>,
    out: &dyn Fn(Span<Original>) -> SpanOut,
) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let mut push = |code: DiagnosticCode,
                    severity: Severity,
                    message: String,
                    span: Option<Span<Original>>| {
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
    d
}
