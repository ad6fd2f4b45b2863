//! The `envreport` command as a user runs it: formats, standard input, several files,
//! encodings, exit codes and messages.

use std::io::Write;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn envreport(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_envreport"))
        .args(args)
        .output()
        .expect("run envreport")
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_envreport"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run envreport");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).expect("JSON output")
}

fn example() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/www/example.txt")
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the text", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

#[test]
fn analyze_prints_one_json_report() {
    let r = json(&envreport(&["analyze", example()]));
    assert_eq!(r["schema_version"], 1);
    assert_eq!(r["offsets"], "chars");
    assert_eq!(r["meta"]["org"], "青川市生态环境局");
    assert!(r["indicators"].as_array().unwrap().len() > 10);
    assert_eq!(r["input"]["encoding"], "utf-8");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = "2021年，全区优良天数为287天，同比增加12天。";
    let r = json(&with_stdin(&["analyze", "-"], text.as_bytes()));
    assert_eq!(r["indicators"][0]["value"], 287.0);
    assert_eq!(r["comparisons"][0]["value"], 12.0);
}

#[test]
fn several_files_give_an_array_or_lines() {
    let dir = scratch("several");
    let a = write(&dir, "a.txt", "优良天数为287天。".as_bytes());
    let b = write(&dir, "b.txt", "关闭企业10家，罚款36万元。".as_bytes());
    let all = json(&envreport(&["analyze", &a, &b, "-j", "2"]));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["file"], a.as_str());
    assert_eq!(all[1]["report"]["indicators"].as_array().unwrap().len(), 2);

    let lines = stdout(&envreport(&["analyze", "--format", "jsonl", &a, &b]));
    let lines: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["file"], b.as_str());
    assert_eq!(lines[1]["indicators"][1]["value"], 360000.0);
}

#[test]
fn csv_has_one_row_per_indicator_with_comparison_and_rank() {
    let report = json(&envreport(&["analyze", example()]));
    let csv = stdout(&envreport(&["analyze", "--format", "csv", example()]));
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    for column in [
        "name",
        "value",
        "unit",
        "comparison",
        "rank",
        "canonical",
        "check",
    ] {
        assert!(header.contains(column), "no {column} column in {header}");
    }
    assert!(header.starts_with("report,title,region,year,"), "{header}");
    assert_eq!(
        lines.count(),
        report["indicators"].as_array().unwrap().len()
    );
    assert!(csv.contains("微克/立方米"));
}

#[test]
fn text_format_shows_outline_and_table() {
    let text = stdout(&envreport(&["analyze", "--format", "text", example()]));
    assert!(text.contains("标题 title: 青川市生态环境局2023年工作总结"));
    assert!(text.contains("（一） 环境空气质量稳中向好"));
    assert!(text.contains("优良天数比例"));
}

#[test]
fn offsets_count_in_the_encoding_asked_for() {
    let text = "𠀀𠀀优良天数为287天。";
    let span = |enc: &str| {
        let r = json(&with_stdin(
            &["analyze", "--offsets", enc, "-"],
            text.as_bytes(),
        ));
        (
            r["indicators"][0]["start"].as_u64().unwrap(),
            r["offsets"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(span("chars"), (7, "chars".into()));
    assert_eq!(span("utf16"), (9, "utf16".into()));
    assert_eq!(span("utf8"), (8 + 15, "utf8".into()));
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message_and_others_still_print() {
    let dir = scratch("unreadable");
    let good = write(&dir, "good.txt", "优良天数为287天。".as_bytes());
    let binary = write(
        &dir,
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    let pdf = write(&dir, "report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let missing = dir.join("missing.txt").to_string_lossy().into_owned();

    let o = envreport(&[
        "analyze", "--format", "jsonl", &good, &binary, &pdf, &missing,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("cannot read {missing}: no such file")),
        "{err}"
    );
    assert!(err.contains("image.png: it is not text"), "{err}");
    assert!(
        err.contains("report.pdf: PDF files are not read yet"),
        "{err}"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);

    // a folder is read for its reports (good.txt; the picture and the PDF left out)
    let o = envreport(&["analyze", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    let empty = scratch("empty-folder");
    let o = envreport(&["analyze", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no reports in the folder"));
}

#[test]
fn legacy_encodings_give_the_same_report_as_utf8() {
    let dir = scratch("encodings");
    let text = std::fs::read_to_string(example()).unwrap();
    let want = json(&envreport(&["analyze", example()]));
    for (name, bytes, label) in [
        (
            "gb18030.txt",
            encode(&text, encoding_rs::GB18030),
            "gb18030",
        ),
        ("utf16le.txt", utf16(&text, true), "utf-16le"),
        ("utf16be.txt", utf16(&text, false), "utf-16be"),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            "utf-8",
        ),
    ] {
        let path = write(&dir, name, &bytes);
        let got = json(&envreport(&["analyze", &path]));
        assert_eq!(got["input"]["encoding"], label, "{name}");
        assert_eq!(got["indicators"], want["indicators"], "{name}");
        assert_eq!(got["sections"], want["sections"], "{name}");
    }
}

#[test]
fn big5_traditional_text_reads_like_its_utf8() {
    let dir = scratch("big5");
    let text = "二〇二三年全區空氣優良天數為287天，同比增加12天，在全市排名第2。關閉企業10家。";
    let path = write(&dir, "big5.txt", &encode(text, encoding_rs::BIG5));
    let got = json(&envreport(&["analyze", &path]));
    let want = json(&with_stdin(&["analyze", "-"], text.as_bytes()));
    assert_eq!(got["input"]["encoding"], "big5");
    assert_eq!(got["indicators"], want["indicators"]);
    assert_eq!(got["ranks"], want["ranks"]);
}

#[test]
fn a_short_gbk_snippet_is_detected() {
    let dir = scratch("gbk");
    let text = "全区优良天数为287天，同比增加12天，重污染天数减少3天。";
    let path = write(&dir, "gbk.txt", &encode(text, encoding_rs::GBK));
    let got = json(&envreport(&["analyze", &path]));
    assert_eq!(got["input"]["encoding"], "gb18030");
    assert_eq!(got["indicators"][0]["name"], "全区优良天数");
}

#[test]
fn encoding_option_overrides_detection() {
    let dir = scratch("override");
    let path = write(
        &dir,
        "gbk.txt",
        &encode("优良天数为287天。", encoding_rs::GBK),
    );
    let got = json(&envreport(&["analyze", "--encoding", "gbk", &path]));
    assert_eq!(got["indicators"][0]["value"], 287.0);

    let o = envreport(&["analyze", "--encoding", "utf-8", &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not valid utf-8"));

    let o = envreport(&["analyze", "--encoding", "latin1", &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected utf-8"));
}

#[test]
fn numbers_lists_every_mention_with_its_kind() {
    let out = stdout(&envreport(&[
        "numbers",
        "--text",
        "2021年6月，“十四五”期间完成3.5万口，占比百分之零点九，第2名。",
    ]));
    let mentions: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |text: &str| {
        mentions
            .iter()
            .find(|m| m["text"] == text)
            .unwrap_or_else(|| panic!("no {text} in {out}"))
    };
    assert_eq!(find("3.5万口")["value"], 35000.0);
    assert_eq!(find("百分之零点九")["kind"], "percent");
    assert_eq!(find("百分之零点九")["value"], 0.9);
    let kinds: Vec<&str> = mentions
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"ordinal"), "{kinds:?}");

    let from_stdin = stdout(&with_stdin(&["numbers", "-"], "共3个。".as_bytes()));
    assert_eq!(from_stdin.lines().count(), 1);
}

#[test]
fn a_bad_lexicon_file_is_reported_with_its_line() {
    let dir = scratch("lexicon");
    let bad = write(
        &dir,
        "units.tsv",
        "# unit\tcategory\n吨\tnot-a-category\textra\tcolumns\n".as_bytes(),
    );
    let o = envreport(&["analyze", "--lexicon", &format!("units={bad}"), example()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn the_seeds_in_gb18030_and_utf16_give_the_same_reports_as_in_utf8() {
    let dir = scratch("seed-encodings");
    for (seed, text) in common::seeds() {
        let want = json(&envreport(&["analyze", seed.to_str().unwrap()]));
        let name = seed.file_stem().unwrap().to_string_lossy().into_owned();
        for (suffix, bytes, label) in [
            ("gb18030", encode(&text, encoding_rs::GB18030), "gb18030"),
            ("utf16le", utf16(&text, true), "utf-16le"),
            ("utf16be", utf16(&text, false), "utf-16be"),
        ] {
            let path = write(&dir, &format!("{name}-{suffix}.txt"), &bytes);
            let got = json(&envreport(&["analyze", &path]));
            assert_eq!(got["input"]["encoding"], label, "{name} {suffix}");
            for part in ["meta", "sections", "indicators", "comparisons", "ranks"] {
                assert_eq!(got[part], want[part], "{name} {suffix}: {part}");
            }
        }
    }
}

#[test]
fn catalogue_lists_every_entry_once_with_its_unit() {
    let o = envreport(&["catalogue"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id\tname\tcategory\tunit\tbetter\tperiod\taliases")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 150, "{} entries", rows.len());
    assert!(rows.iter().all(|r| r.len() == 7 && !r[6].is_empty()));
    let mut ids: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique");
    let pm25 = rows
        .iter()
        .find(|r| r[0] == "air.pm25.mean")
        .expect("PM2.5");
    assert_eq!((pm25[3], pm25[4]), ("μg/m³", "down"));
    let j = json(&envreport(&["catalogue", "--json"]));
    assert_eq!(j.as_array().map(Vec::len), Some(rows.len()));
}

#[test]
fn checks_prints_each_check_in_text_csv_and_json() {
    let dir = scratch("checks");
    let f = write(
        &dir,
        "draft.txt",
        "2022年工作总结\n全市PM2.5平均浓度为45.1微克/立方米。督察反馈问题60个，已完成整改45个，剩余15个。完成投资（待填）万元。\n"
            .as_bytes(),
    );
    let text = stdout(&envreport(&["checks", "--format", "text", &f]));
    assert!(
        text.contains("above") && text.contains("GB 3095-2012"),
        "{text}"
    );
    assert!(text.contains("45 + 15 = 60 ✓"), "{text}");
    assert!(text.contains("（待填）"), "{text}");
    let csv = stdout(&envreport(&["checks", "--format", "csv", &f]));
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.starts_with("file,kind,rule,verdict,"));
    let j = json(&envreport(&["checks", &f]));
    assert_eq!(j.as_array().map(Vec::len), Some(3));
}

/// Two years of one county and one of another, as a folder.
fn compare_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(
        dir.join("a_2022.txt"),
        "德清县2022年生态环境状况公报\n2022年，德清县PM2.5平均浓度为40微克/立方米，优良天数比例为80.0%，查处环境违法案件12件。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a_2023.txt"),
        "德清县2023年生态环境状况公报\n2023年，德清县PM2.5平均浓度为0.036毫克/立方米，优良天数比例为82.5%。\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("more/b_2023.txt"),
        "安吉县2023年生态环境状况公报\n2023年，安吉县PM2.5平均浓度为30微克/立方米。\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.pdf"), b"%PDF-1.4").unwrap(); // not a report: skipped
    dir
}

#[test]
fn compare_sets_a_folder_side_by_side_with_the_single_reports_values() {
    let dir = compare_folder("compare-json");
    let d = dir.to_str().unwrap();
    let t = json(&envreport(&[
        "compare", "--format", "json", "--order", "year", d,
    ]));
    let labels: Vec<&str> = t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["a_2022.txt", "b_2023.txt", "a_2023.txt"],
        "year, then region"
    );
    let pm = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "air.pm25.mean")
        .expect("a PM2.5 row");
    // each cell is the value its own report gives, in the catalogue's unit
    for (c, col) in t["columns"].as_array().unwrap().iter().enumerate() {
        let single = json(&envreport(&["analyze", col["label"].as_str().unwrap()]));
        let ind = single["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["canonical"] == "air.pm25.mean")
            .unwrap();
        let cell = &pm["cells"][c]["figure"]["row"];
        assert_eq!(cell["value"], ind["canonical_value"]);
        assert_eq!(cell["start"], ind["start"]);
    }
    assert_eq!(pm["cells"][2]["change"], 6.0, "36 after 30");
    assert_eq!(pm["cells"][2]["improved"], false);
    // the rows of one report go with --shared
    let shared = json(&envreport(&["compare", "--format", "json", "--shared", d]));
    assert!(shared["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["reports"].as_u64().unwrap() >= 2));
}

#[test]
fn compare_csv_wide_and_long_and_a_workbook() {
    let dir = compare_folder("compare-csv");
    let d = dir.to_str().unwrap();
    let wide = stdout(&envreport(&[
        "compare", "--format", "csv", "--order", "input", d,
    ]));
    let mut lines = wide.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(
        header[..7],
        [
            "key",
            "canonical",
            "name",
            "category",
            "unit",
            "better",
            "reports"
        ]
    );
    assert!(
        header[7].ends_with("a_2022.txt") && header[9].ends_with("b_2023.txt"),
        "{header:?}"
    );
    let pm: Vec<&str> = wide
        .lines()
        .find(|l| l.starts_with("air.pm25.mean,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(pm[7..], ["40", "36", "30"]);
    let long = stdout(&envreport(&["compare", "--format", "csv", "--long", d]));
    let header: Vec<&str> = long.lines().next().unwrap().split(',').collect();
    for column in [
        "report",
        "region",
        "year",
        "canonical",
        "name",
        "value",
        "unit",
        "check",
        "start",
    ] {
        assert!(header.contains(&column), "{column} in {header:?}");
    }
    let rows: Vec<Vec<&str>> = long
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let pm: Vec<&Vec<&str>> = rows
        .iter()
        .filter(|r| r[col("canonical")] == "air.pm25.mean")
        .collect();
    assert_eq!(pm.len(), 3);
    assert!(pm.iter().any(|r| r[col("region")] == "安吉县"
        && r[col("value")] == "30"
        && r[col("year")] == "2023"));
    let out = dir.join("t.xlsx");
    stdout(&envreport(&[
        "compare",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
        d,
    ]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("xl/worksheets/sheet2.xml"), "two sheets");
}

#[test]
fn analyze_walks_a_folder_into_one_table_and_says_which_file_failed() {
    let dir = compare_folder("compare-walk");
    let d = dir.to_str().unwrap();
    let csv = stdout(&envreport(&["analyze", "--format", "csv", "-j", "2", d]));
    let files: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(!csv.contains("notes.pdf"));
    let missing = dir.join("missing.txt");
    let o = envreport(&["analyze", "--format", "csv", d, missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
    assert!(
        String::from_utf8_lossy(&o.stdout).lines().count() > 3,
        "the others still come"
    );
    // many files as one JSON array, streamed
    let all = json(&envreport(&["analyze", d]));
    assert_eq!(all.as_array().unwrap().len(), 3);
}
