//! Paragraphs whose line breaks were lost: a web page or a PDF copy that runs headings and
//! body text into one line (`…报告如下:  一、2015年环境质量现状  2015年1月1日至…`,
//! `…保留沙尘。 一、339 个城市空气质量状况 按照《环境空气质量标准》…`). Where such a line
//! holds a heading label that stands where a line must have started, the line stage parts it
//! there, and parts the heading's title from the body text after it.

use crate::text::chars::is_han;
use crate::text::labels::{parse_label, LabelKind};

/// Whether a label of this kind heads a section (the labels that open a line in GB/T 9704;
/// `1.` and `（1）` also number the items of a list inside a sentence, so they do not count).
fn strong(kind: LabelKind) -> bool {
    matches!(
        kind,
        LabelKind::Chinese | LabelKind::ChineseParen | LabelKind::Part
    )
}

/// Where a strong label stands at `line[at..]` as the start of a lost line: its number.
fn label_at(line: &str, at: usize) -> Option<u32> {
    let l = parse_label(&line[at..]).filter(|l| strong(l.kind) && !l.weak)?;
    Some(l.number)
}

/// What stands before a position: the last character that is not a space, and how many
/// spaces stand between.
fn before(line: &str, at: usize) -> Option<(char, usize)> {
    let head = &line[..at];
    let trimmed = head.trim_end_matches(' ');
    let spaces = head.len() - trimmed.len();
    trimmed.chars().next_back().map(|c| (c, spaces))
}

/// The byte offsets (inside `line`, a line of the character stage's output, where every space
/// is an ASCII space) at which a new line starts: before each label that opens a lost line,
/// and after the title of each heading so found.
pub(super) fn breaks(line: &str) -> Vec<usize> {
    let mut labels: Vec<(usize, u32, char, usize)> = Vec::new();
    for (at, c) in line.char_indices().skip(1) {
        if !matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '（'
                | '('
                | '第'
        ) {
            continue;
        }
        // what stands before first: cheap, and most such characters are prose (一个, 十分)
        let Some((prev, spaces)) = before(line, at) else {
            continue;
        };
        if spaces == 0 && !matches!(prev, '。' | '！' | '？' | '：' | ':') {
            continue;
        }
        let Some(number) = label_at(line, at) else {
            continue;
        };
        labels.push((at, number, prev, spaces));
    }
    let mut out: Vec<usize> = label_at(line, 0)
        .and_then(|_| title_end(line, 0))
        .or_else(|| lead_word_end(line))
        .into_iter()
        .collect();
    for (k, &(at, number, prev, spaces)) in labels.iter().enumerate() {
        let accepted = match prev {
            // a sentence ended before it
            '。' | '！' | '？' => true,
            // 报告如下：一、… with the next section's label later on the line
            '：' | ':' => {
                spaces >= 1
                    || labels[k + 1..].iter().any(|&(_, n, p, s)| {
                        n == number + 1 && (matches!(p, '。' | '！' | '？') || s >= 2)
                    })
            }
            // the items of an enumeration inside a sentence
            '；' | '，' | '、' | ',' | ';' => false,
            // after a heading's title or the end of a table row: parted by spaces
            _ => spaces >= 2 || (spaces == 1 && out.last().is_some_and(|&b| at - b <= 3 * 40)),
        };
        if !accepted {
            continue;
        }
        out.push(at);
        if let Some(t) = title_end(line, at) {
            out.push(t);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A lead word set off by a space before its paragraph (`大气环境 2022年，全区…`): where the
/// paragraph starts. Not in a copy that spaces everything (`6 月 3 日, 在…`).
fn lead_word_end(line: &str) -> Option<usize> {
    let space = line.find(' ')?;
    let word = &line[..space];
    let n = word.chars().count();
    let rest = line[space..].trim_start_matches(' ');
    let ok = (2..=8).contains(&n)
        && word.chars().all(is_han)
        && rest.chars().count() >= 15
        && rest.contains(['，', '。', ','])
        && rest.matches(' ').count() <= 1
        && rest.starts_with(|c: char| is_han(c) || c.is_ascii_digit());
    ok.then(|| line.len() - rest.len())
}

/// Where the title of the heading found at `line[at..]` ends, when body text follows it on
/// the line parted by spaces: `一、339 个城市空气质量状况 按照《…` → before `按照`. A space
/// between a number and its measure word (`339 个`) does not end a title.
fn title_end(line: &str, at: usize) -> Option<usize> {
    let label = parse_label(&line[at..])?;
    let start = at + label.len;
    let mut chars = 0;
    let mut prev: Option<char> = None;
    let rest = &line[start..];
    for (i, c) in rest.char_indices() {
        if c == ' ' {
            let after = rest[i..].trim_start_matches(' ');
            let spaces = rest.len() - i - after.len();
            let next = after.chars().next()?;
            let title_ok = chars >= 2
                && prev.is_some_and(|p| is_han(p) || matches!(p, '）' | '》' | ')'))
                && (is_han(next) || next.is_ascii_digit() || next == '（' || next == '(');
            // and body text follows: a sentence, not the second half of a title
            // (一、坚持绿色发展 推动高质量发展)
            let body = after
                .chars()
                .take(120)
                .any(|c| matches!(c, '，' | '。' | ',' | '.' | '、'))
                && after.chars().count() >= 15;
            if title_ok && body && (spaces >= 2 || chars >= 4) {
                return Some(start + i + spaces);
            }
        } else {
            // a title holds no sentence punctuation
            if matches!(c, '，' | '。' | '；' | '：' | ',' | ';' | ':') {
                return None;
            }
            chars += 1;
            if chars > 30 {
                return None;
            }
            prev = Some(c);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        for b in breaks(line) {
            out.push(line[pos..b].trim());
            pos = b;
        }
        out.push(line[pos..].trim());
        out
    }

    #[test]
    fn lost_breaks_before_labels() {
        let line = "推动了环保各项工作有序开展。现将工作汇报如下:  一、2015年环境质量现状  2015年1月1日至11月10日,城市环境空气质量达到II级以上天数共计258天。  二、2015年工作回顾  (一)加强建设项目环境监督管理。截至2015年10月31日,权限内共审批项目314个。  (二)环境执法力度不断加大。制定方案。";
        assert_eq!(
            parts(line),
            [
                "推动了环保各项工作有序开展。现将工作汇报如下:",
                "一、2015年环境质量现状",
                "2015年1月1日至11月10日,城市环境空气质量达到II级以上天数共计258天。",
                "二、2015年工作回顾",
                "(一)加强建设项目环境监督管理。截至2015年10月31日,权限内共审批项目314个。",
                "(二)环境执法力度不断加大。制定方案。",
            ]
        );
    }

    #[test]
    fn spaced_pdf_copy() {
        let line = "优 良天数比例保留沙尘。 一、339 个城市空气质量状况 按照《环境空气质量标准》评价,2021 年 7 月,全国城市平均优良天数比例为 92.4%。 二、168 个城市空气质量 (一)总体状况 2021 年 7 月 168 个城市平均优良天数比例为 87.9%。";
        assert_eq!(
            parts(line),
            [
                "优 良天数比例保留沙尘。",
                "一、339 个城市空气质量状况",
                "按照《环境空气质量标准》评价,2021 年 7 月,全国城市平均优良天数比例为 92.4%。",
                "二、168 个城市空气质量",
                "(一)总体状况",
                "2021 年 7 月 168 个城市平均优良天数比例为 87.9%。",
            ]
        );
    }

    #[test]
    fn a_heading_run_into_its_first_sentence() {
        assert_eq!(
            parts("四、 城市环境噪声 城市声环境监测包括城市区域环境噪声、 城市道路交通噪声和城市功能区噪声监测."),
            ["四、 城市环境噪声", "城市声环境监测包括城市区域环境噪声、 城市道路交通噪声和城市功能区噪声监测."]
        );
        // two halves of one title stay together
        let heading = "一、坚持绿色发展 推动高质量发展";
        assert_eq!(parts(heading), [heading]);
    }

    #[test]
    fn lead_words_set_off_by_a_space() {
        assert_eq!(
            parts("大气环境 2022年，全区优良天数比例为88.5%，PM2.5平均浓度为32微克/立方米。"),
            [
                "大气环境",
                "2022年，全区优良天数比例为88.5%，PM2.5平均浓度为32微克/立方米。"
            ]
        );
        // a copy that spaces everything stays whole
        let spaced = "全市 2022 年 优良天数 比例 为 88.5%, 同比 上升 2.1 个 百分点。";
        assert_eq!(parts(spaced), [spaced]);
    }

    #[test]
    fn enumerations_inside_sentences_stay() {
        for line in [
            "今年主要做了三方面的工作，成效明显，群众满意度不断提高：一、加强监管，严格执法；二、强化服务，优化审批；三、完善制度，夯实基础，推动全年目标顺利完成。",
            "会议要求，各地要按照省里的统一部署，认真落实好三项措施，（一）压实责任，（二）强化督查，（三）严肃问责，确保各项整改任务按期完成到位。",
            "全市共有监测点位三十个，其中一类区五个，二类区十个，三类区十个，四类区五个，监测结果表明全市声环境质量总体较好。",
        ] {
            assert_eq!(parts(line), [line], "{line}");
        }
    }
}
