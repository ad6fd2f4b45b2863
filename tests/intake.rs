//! Files as users drop them: Word documents written here with the ZIP format, saved web
//! pages, and what must be refused; through the library and through the CLI.

use std::process::Command;

use envreport::intake::{self, Encoding, Format};
use envreport::{analyze, Options, Section};

// ---- a minimal ZIP writer (stored and deflated entries, CRC-32), as Word writes them ----

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn zip(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let (method, stored) = if deflate {
            (8u16, miniz_oxide::deflate::compress_to_vec(data, 6))
        } else {
            (0u16, data.to_vec())
        };
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((stored.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4B50, false));
        out.extend(&stored);
        directory.extend(header(0x0201_4B50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4B50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A paragraph numbered by list `num` at level `level`.
fn np(num: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A paragraph in style `style`.
fn sp(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<w:tc>{}</w:tc>", p(c))).collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// A Word document as Word lays it out: numbering through list definitions and heading
/// styles, a table, a header, a footer and footnotes in their own parts.
fn report_docx(deflate: bool) -> Vec<u8> {
    let body = [
        p("青川市生态环境局2023年工作总结"),
        p("2023年，我局坚持以习近平生态文明思想为指导，全力推进污染防治攻坚战。"),
        sp("Heading1", "主要工作成效"),
        np(1, 1, "大气环境质量持续改善"),
        r#"<w:p><w:r><w:t>全市优良天数为287天，同比增加12天</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>，全省排名第3。</w:t></w:r></w:p>"#.to_string(),
        np(1, 1, "水环境质量稳步提升"),
        np(1, 2, "国考断面水质优良比例达到100%。"),
        np(1, 2, "整治入河排污口35个。"),
        table(&[&["指标", "数值"], &["新增新能源公交车", "约300辆"]]),
        sp("Heading1", "存在的问题"),
        p("部分区域臭氧浓度仍然偏高。"),
        p("青川市生态环境局"),
        p("2024年1月18日"),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr><w:headerReference w:id="rId3"/></w:sectPr></w:body></w:document>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#
    );
    let rels = format!(
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>"#
    );
    let document_rels = format!(
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="{REL}numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="{REL}styles" Target="styles.xml"/>
        <Relationship Id="rId3" Type="{REL}header" Target="header1.xml"/><Relationship Id="rId4" Type="{REL}footer" Target="footer1.xml"/>
        <Relationship Id="rId5" Type="{REL}footnotes" Target="footnotes.xml"/><Relationship Id="rId6" Type="{REL}hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>"#
    );
    let header = format!("<w:hdr {W}>{}</w:hdr>", p("页眉：内部资料 2023年度"));
    let footer = format!("<w:ftr {W}>{}</w:ftr>", p("第 1 页 共 9 页"));
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        p("脚注：数据来自监测站，共15个站点。")
    );
    let content_types = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
    zip(
        &[
            ("[Content_Types].xml", content_types.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("word/document.xml", document.as_bytes()),
            ("word/_rels/document.xml.rels", document_rels.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
            ("word/header1.xml", header.as_bytes()),
            ("word/footer1.xml", footer.as_bytes()),
            ("word/footnotes.xml", footnotes.as_bytes()),
        ],
        deflate,
    )
}

fn no_legacy(_: &[u8], e: Encoding) -> envreport::Result<String> {
    panic!("no {e:?} expected here")
}

fn titles(sections: &[Section], out: &mut Vec<String>) {
    for s in sections {
        out.push(format!(
            "{}{} {}",
            "  ".repeat(usize::from(s.level).saturating_sub(1)),
            s.label.as_deref().unwrap_or(""),
            s.title
        ));
        titles(&s.children, out);
    }
}

#[test]
fn word_documents_read_with_their_numbering_and_tables() {
    for deflate in [true, false] {
        let doc = intake::read("工作总结.docx", &report_docx(deflate), None, no_legacy).unwrap();
        assert_eq!((doc.format, doc.encoding), (Format::Docx, Encoding::Utf8));
        assert_eq!(
            doc.text,
            "青川市生态环境局2023年工作总结\n\
             2023年，我局坚持以习近平生态文明思想为指导，全力推进污染防治攻坚战。\n\
             一、主要工作成效\n\
             （一）大气环境质量持续改善\n\
             全市优良天数为287天，同比增加12天，全省排名第3。\n\
             （二）水环境质量稳步提升\n\
             1. 国考断面水质优良比例达到100%。\n\
             2. 整治入河排污口35个。\n\
             指标\t数值\n\
             新增新能源公交车\t约300辆\n\
             二、存在的问题\n\
             部分区域臭氧浓度仍然偏高。\n\
             青川市生态环境局\n\
             2024年1月18日\n"
        );
        // headers, footers and footnotes stay out of the body
        for outside in ["页眉", "第 1 页", "脚注", "15个站点"] {
            assert!(
                !doc.text.contains(outside),
                "{outside} leaked into the text"
            );
        }
    }
}

#[test]
fn headings_numbered_by_word_are_recognised() {
    let doc = intake::read("r.docx", &report_docx(true), None, no_legacy).unwrap();
    let report = analyze(&doc.text, &Options::default());
    let mut outline = Vec::new();
    titles(&report.sections, &mut outline);
    assert_eq!(
        outline,
        [
            "一、 主要工作成效",
            "  （一） 大气环境质量持续改善",
            "  （二） 水环境质量稳步提升",
            "    1. 国考断面水质优良比例达到100%",
            "    2. 整治入河排污口35个",
            "二、 存在的问题"
        ]
    );
    assert_eq!(
        report.meta.title.as_deref(),
        Some("青川市生态环境局2023年工作总结")
    );
    assert_eq!(report.meta.date.as_deref(), Some("2024-01-18"));
    let found: Vec<(&str, Option<f64>)> = report
        .indicators
        .iter()
        .map(|i| (i.name.as_str(), i.value))
        .collect();
    assert!(found.contains(&("全市优良天数", Some(287.0))), "{found:?}");
    assert!(
        found.contains(&("新增新能源公交车", Some(300.0))),
        "{found:?}"
    );
    assert_eq!(report.comparisons[0].value, Some(12.0));
    assert_eq!(report.ranks[0].rank, Some(3));
}

#[test]
fn archives_that_are_not_word_documents_are_refused_by_name() {
    let message = |bytes: &[u8]| {
        intake::read("x.docx", bytes, None, no_legacy)
            .unwrap_err()
            .to_string()
    };
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")], true);
    assert!(message(&xlsx).contains("Excel"));
    let other = zip(&[("notes.txt", b"hello")], false);
    assert!(message(&other).contains("not a Word document"));
    let mut cut = report_docx(true);
    cut.truncate(cut.len() / 2);
    assert!(message(&cut).contains("damaged"));
    // a part whose data is not deflate
    let mut broken = report_docx(true);
    let at = broken
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap()
        + 17;
    broken[at..at + 40].fill(0xFF);
    assert!(message(&broken).contains("damaged"));
}

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青川市2023年生态环境状况公报_青川市人民政府门户网站</title>
<script>document.write("<p>广告</p>")</script><style>.a{}</style></head>
<body><div class="nav">首页 | 政务公开 | 互动交流</div>
<div class="position">当前位置：首页 &gt; 政务公开</div>
<div class="article"><h1>青川市2023年生态环境状况公报</h1>
<p>一、大气环境</p><p>2023年，全市优良天数为287天，同比增加12天。</p>
<p>PM<sub>2.5</sub>年均浓度32微克/立方米，同比下降8.6%。</p></div>
<div id="footer">主办：青川市人民政府办公室</div></body></html>"#;

#[test]
fn web_pages_in_a_declared_legacy_encoding() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(PAGE);
    let decode = |b: &[u8], e: Encoding| {
        assert_eq!(e, Encoding::Gb18030);
        Ok(encoding_rs::GB18030
            .decode_without_bom_handling(b)
            .0
            .into_owned())
    };
    let doc = intake::read("page.htm", &bytes, None, decode).unwrap();
    assert_eq!(
        (doc.format, doc.encoding),
        (Format::Html, Encoding::Gb18030)
    );
    assert!(
        doc.text
            .starts_with("当前位置：首页 > 政务公开\n青川市2023年生态环境状况公报\n一、大气环境\n"),
        "{}",
        doc.text
    );
    for dropped in ["广告", "互动交流", "主办", ".a{}"] {
        assert!(!doc.text.contains(dropped), "{dropped} kept");
    }
    let report = analyze(&doc.text, &Options::default());
    assert_eq!(
        report.meta.title.as_deref(),
        Some("青川市2023年生态环境状况公报")
    );
    assert_eq!(report.indicators.len(), 2, "{:?}", report.indicators);
}

#[test]
fn pages_are_recognised_by_content_without_a_name() {
    let doc = intake::read(
        "-",
        PAGE.replace("gb2312", "utf-8").as_bytes(),
        None,
        no_legacy,
    )
    .unwrap();
    assert_eq!(doc.format, Format::Html);
    // a text file that merely mentions tags stays text
    let doc = intake::read(
        "notes.txt",
        "关于<html>标签的说明".as_bytes(),
        None,
        no_legacy,
    )
    .unwrap();
    assert_eq!(doc.format, Format::Text);
}

// ---- the CLI ----------------------------------------------------------------------------

fn envreport(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_envreport"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("envreport-intake-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn cli_reads_word_documents_and_web_pages() {
    let docx = temp("总结.docx", &report_docx(true));
    let (code, out, err) = envreport(&["analyze", &docx]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["input"]["format"], "docx");
    assert_eq!(json["sections"][0]["title"], "主要工作成效");

    let (bytes, _, _) = encoding_rs::GB18030.encode(PAGE);
    let page = temp("公报.html", &bytes);
    let (code, out, err) = envreport(&["analyze", "--format", "text", &page]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("html") && out.contains("gb18030"), "{out}");
    assert!(out.contains("青川市2023年生态环境状况公报"), "{out}");

    // the same page on standard input is recognised by its content
    let out = Command::new(env!("CARGO_BIN_EXE_envreport"))
        .args(["analyze", "-"])
        .stdin(std::fs::File::open(&page).unwrap())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["input"]["format"], "html");
}

#[test]
fn cli_refuses_what_it_cannot_read_and_goes_on() {
    let xlsx = temp(
        "表.xlsx",
        &zip(&[("xl/workbook.xml", b"<workbook/>")], true),
    );
    let docx = temp("ok.docx", &report_docx(false));
    let (code, out, err) = envreport(&["analyze", "--format", "jsonl", &xlsx, &docx]);
    assert_eq!(code, 2);
    assert!(err.contains("Excel"), "{err}");
    assert_eq!(
        out.lines().count(),
        1,
        "the readable file is still analyzed"
    );
}

/// The document part of a Word document made of `paragraphs` empty paragraphs.
fn empty_paragraphs(paragraphs: usize) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    xml.push_str(&"<w:p/>".repeat(paragraphs));
    xml.push_str("</w:body></w:document>");
    xml.into_bytes()
}

#[test]
fn a_part_that_inflates_past_the_input_limit_is_refused_there() {
    // 64 MB of XML in a ZIP of a few hundred kilobytes
    let xml = empty_paragraphs(intake::MAX_INPUT_BYTES / 6 + 1);
    assert!(xml.len() > intake::MAX_INPUT_BYTES);
    let honest = zip(&[("word/document.xml", &xml)], true);
    assert!(honest.len() < 1_000_000, "{}", honest.len());
    let refused = |bytes: &[u8]| match intake::read("炸弹.docx", bytes, None, no_legacy) {
        Err(envreport::Error::TooLarge { limit, .. }) => limit,
        other => panic!("not refused as too large: {other:?}"),
    };
    // the declared size is refused before inflating
    assert_eq!(refused(&honest), intake::MAX_INPUT_BYTES);
    // a header that lies about the size: inflating stops at the limit
    let mut lying = honest.clone();
    let small = 1000u32.to_le_bytes();
    for (signature, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let header = lying.windows(4).position(|w| w == signature).unwrap();
        lying[header + at..header + at + 4].copy_from_slice(&small);
    }
    assert_eq!(refused(&lying), intake::MAX_INPUT_BYTES);
}
