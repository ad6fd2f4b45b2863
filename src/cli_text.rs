//! The CLI's human and spreadsheet views of a report: `--format text` and `--format csv`.

use std::fmt::Write as _;
use std::io::{self, Write};

use envreport::compare::TidyRow;
use envreport::intake::{Encoding, Format};
use envreport::{Direction, Indicator, Report, Section, Severity};

/// Columns a character takes in a terminal: two for wide East Asian characters.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `s` cut to at most `max` columns, with … when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(&c.to_string()) > max.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// A value as people read it: 35000, 3.5, ≥30, 约6.5, xx for a placeholder.
pub fn format_value(i: &Indicator) -> String {
    let v = match i.value {
        None => "xx".to_string(),
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => format!("{}", (v * 1e6).round() / 1e6),
    };
    let prefix = match i.qualifier {
        Some(envreport::Qualifier::Over) => "≥",
        Some(envreport::Qualifier::Under) => "<",
        Some(envreport::Qualifier::About) => "约",
        None => "",
    };
    format!("{prefix}{v}")
}

fn outline(out: &mut String, sections: &[Section], depth: usize) {
    for s in sections {
        let label = s.label.as_deref().unwrap_or("·");
        let _ = writeln!(out, "{}{} {}", "  ".repeat(depth + 1), label, s.title);
        outline(out, &s.children, depth + 1);
    }
}

/// The readable view: metadata, outline, indicators, comparisons, ranks, diagnostics.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let m = &r.meta;
    let input = r.input.as_ref();
    let field = |label: &str, v: Option<String>| v.map(|v| format!("{label}: {v}"));
    let lines: Vec<String> = [
        field("标题 title", m.title.clone()),
        field("机关 org", m.org.clone()),
        field("日期 date", m.date.clone()),
        field("地区 region", m.region.clone()),
        field("年度 year", m.year.map(|y| y.to_string())),
        field("时段 period", m.period.clone()),
        field("文种 kind", m.kind.clone()),
        field("主送 recipients", m.recipients.clone()),
        field("抄送 cc", m.cc.clone()),
        field("来源 source", m.source.clone()),
        // how the file was read, when it was not plain UTF-8 text
        field(
            "格式 format",
            input
                .filter(|i| i.format != Format::Text)
                .map(|i| i.format.name().into()),
        ),
        field(
            "编码 encoding",
            input
                .filter(|i| i.encoding != Encoding::Utf8)
                .map(|i| i.encoding.name().into()),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    for l in &lines {
        let _ = writeln!(out, "{l}");
    }
    let _ = writeln!(
        out,
        "\n提纲 Outline ({} sections)",
        count_sections(&r.sections)
    );
    outline(&mut out, &r.sections, 0);
    let _ = writeln!(out, "\n指标 Indicators ({})", r.indicators.len());
    if !r.indicators.is_empty() {
        let rows: Vec<[String; 5]> = r
            .indicators
            .iter()
            .map(|i| {
                let cmp =
                    i.comparison
                        .and_then(|c| r.comparisons.get(c))
                        .map_or(String::new(), |c| {
                            let arrow = match c.direction {
                                Direction::Up => "▲",
                                Direction::Down => "▼",
                                Direction::Flat => "＝",
                            };
                            let v = c.value.map_or(String::new(), |v| {
                                format!("{v}{}", c.unit.as_deref().unwrap_or(""))
                            });
                            format!("{arrow}{v}")
                        });
                let rank = i
                    .rank
                    .and_then(|k| r.ranks.get(k))
                    .map_or(String::new(), |k| {
                        format!(
                            "{}第{}",
                            k.scope.as_deref().unwrap_or(""),
                            k.rank.map_or("x".into(), |n| n.to_string())
                        )
                    });
                [
                    fit(&i.name, 36),
                    format_value(i),
                    i.unit.clone(),
                    [cmp, rank]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    fit(i.section_title.as_deref().unwrap_or(""), 24),
                ]
            })
            .collect();
        let head = [
            "名称 name",
            "数值 value",
            "单位",
            "比较/排名",
            "章节 section",
        ];
        let widths: Vec<usize> = (0..5)
            .map(|c| {
                rows.iter()
                    .map(|r| width(&r[c]))
                    .chain([width(head[c])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String]| -> String {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| pad(c, *w))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        let _ = writeln!(out, "  {}", line(&head.map(String::from)));
        for row in &rows {
            let _ = writeln!(out, "  {}", line(row));
        }
    }
    let unlinked: Vec<_> = r
        .comparisons
        .iter()
        .filter(|c| c.indicator.is_none())
        .collect();
    if !unlinked.is_empty() {
        let _ = writeln!(out, "\n比较 Comparisons");
        for c in unlinked {
            let _ = writeln!(out, "  {}", c.text);
        }
    }
    let unlinked: Vec<_> = r.ranks.iter().filter(|k| k.indicator.is_none()).collect();
    if !unlinked.is_empty() {
        let _ = writeln!(out, "\n排名 Ranks");
        for k in unlinked {
            let _ = writeln!(
                out,
                "  {}{}",
                k.subject
                    .as_deref()
                    .map_or(String::new(), |s| format!("{s}：")),
                k.text
            );
        }
    }
    let warnings: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    if !warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n提示 Diagnostics: {} unfilled placeholders and other warnings",
            warnings.len()
        );
    }
    out
}

fn count_sections(s: &[Section]) -> usize {
    s.iter().map(|x| 1 + count_sections(&x.children)).sum()
}

fn csv_field(s: &str) -> String {
    // a leading = + - @ would be a formula in a spreadsheet
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Writes one CSV line.
pub fn csv_line(out: &mut impl Write, fields: &[String]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// The header of the indicators' CSV: the columns of [`TidyRow`].
pub fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", TidyRow::COLUMNS.join(","))
}

/// One indicator of a report a row (see [`TidyRow`]).
pub fn write_csv(out: &mut impl Write, file: &str, r: &Report, text: &str) -> io::Result<()> {
    for row in envreport::compare::tidy(file, r, text) {
        csv_line(out, &row.cells())?;
    }
    Ok(())
}

/// The checks of a report, one a line: verdict, what was computed, the message, the
/// standard and its source, and the text of the first span.
pub fn render_checks(r: &Report) -> String {
    let mut s = String::new();
    for c in &r.checks {
        let _ = write!(
            s,
            "{:<12} {:<18} {}",
            c.verdict.name(),
            c.rule.name(),
            c.computed.as_deref().unwrap_or("")
        );
        if let Some(std) = &c.standard {
            let _ = write!(s, "  [{std}]");
        }
        let _ = writeln!(s, "  {}", c.message);
    }
    if r.checks.is_empty() {
        s.push_str("no checks\n");
    }
    s
}

/// The header of the checks' CSV.
pub fn write_checks_csv_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "file,kind,rule,verdict,standard,class,limit,computed,message,source,indicators,start,end"
    )
}

/// One check of a report a row.
pub fn write_checks_csv(out: &mut impl Write, file: &str, r: &Report) -> io::Result<()> {
    for c in &r.checks {
        let first = c.spans.first();
        let ids: Vec<String> = c.indicators.iter().map(|i| i.to_string()).collect();
        let row = [
            file.to_string(),
            c.kind.name().to_string(),
            c.rule.name().to_string(),
            c.verdict.name().to_string(),
            c.standard.clone().unwrap_or_default(),
            c.class.clone().unwrap_or_default(),
            c.limit.map_or(String::new(), |v| v.to_string()),
            c.computed.clone().unwrap_or_default(),
            c.message.clone(),
            c.source.clone().unwrap_or_default(),
            ids.join(" "),
            first.map_or(String::new(), |s| s.start.to_string()),
            first.map_or(String::new(), |s| s.end.to_string()),
        ];
        csv_line(out, &row)?;
    }
    Ok(())
}
