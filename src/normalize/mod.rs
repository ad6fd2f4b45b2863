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

use crate::lexicon::Lexicon;
use crate::span::{Original, Span};
use crate::text::chars::{floor_boundary, is_han, is_invisible};
use offsets::{MapBuilder, MapChain, OffsetMap};

mod characters;
mod flattened;
mod junk;
mod lines;
mod markup;
pub mod offsets;

pub use characters::fold_chars;
pub use lines::fold_lines;

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
    const CANDIDATES: crate::text::search::ByteSet =
        crate::text::search::ByteSet::range_and(0x00, 0x1F, &[0x7F, 0xC2, 0xE2, 0xEF]);
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
    // the stages before the character stage: invisible characters, then pasted markup
    let mut pre: Vec<OffsetMap> = Vec::new();
    let invisible = strip_invisible(original);
    let after_invisible = match &invisible {
        Some((t, m)) => {
            pre.push(m.clone());
            t.as_str()
        }
        None => original,
    };
    let unmarked = markup::strip(after_invisible);
    let source = match &unmarked {
        Some((t, m)) => {
            pre.push(m.clone());
            t.as_str()
        }
        None => after_invisible,
    };
    let chars = fold_chars(source, lex);
    let lines = fold_lines(&chars.text, lex);
    let to_original = |s: Span<Original>| {
        let (mut a, mut b) = (chars.map.map_start(s.start()), chars.map.map_end(s.end()));
        for m in pre.iter().rev() {
            (a, b) = (m.map_start(a), m.map_end(b));
        }
        Span::new(a, b)
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
    let mut maps: Vec<OffsetMap> = pre.clone();
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
    // the line-wide tests, once a line however many seams it holds (a line joined from
    // thousands of broken ones would otherwise be read once a seam)
    let mut line_seen: Option<(usize, usize, Option<bool>)> = None;
    seams.iter().any(|&at| {
        let at = floor_boundary(text, at);
        let (line_start, line_end) = match line_seen {
            Some((start, end, _)) if (start..=end).contains(&at) => (start, end),
            _ => {
                let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                line_seen = Some((start, end, None));
                (start, end)
            }
        };
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
        if near {
            return true;
        }
        if let Some((_, _, Some(found))) = line_seen {
            return found;
        }
        // brackets pair across the whole line
        let line = &text[line_start..line_end];
        // a label whose line the cut or the join has made a lost line break
        let found = !flattened::breaks(line).is_empty()
            || line.contains(['(', ')'])
            || (line.contains(['（', '【', '['])
                && !junk::inline_junk(text, line_start, line_end, lex).is_empty());
        line_seen = Some((line_start, line_end, Some(found)));
        found
    })
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
        // photo captions
        assert_eq!(
            norm("第一段。\n生态环境部（5月26日摄） 摄影/章轲\n第二段。"),
            "第一段。\n第二段。"
        );
        assert_eq!(
            norm("第一段。\n湿地公园一角（资料图）\n第二段。"),
            "第一段。\n第二段。"
        );
        // a sentence that tells of a photo stays
        assert_eq!(norm("志愿者在河边拍摄）风景。"), "志愿者在河边拍摄）风景。");
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
