//! The `envreport` command: read, decode, analyze, print.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use envreport::intake::{self, Encoding};
use envreport::{analyze_with, Input, Lexicon, LexiconFile, OffsetEncoding, Options, Report};

mod cli_text;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "envreport",
    version,
    about = "Analyze Chinese government environmental reports: metadata, outline and indicators"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze reports and print their metadata, outline and indicators.
    Analyze(AnalyzeArgs),
    /// Print the checks of reports: values against the national standards, numbers against
    /// each other, unfilled placeholders (text: one a line; csv; json: the checks array).
    Checks(AnalyzeArgs),
    /// Print every number of a text, one JSON object a line (for checking the parser).
    Numbers(NumbersArgs),
    /// Print the normalized text the analysis works on (for debugging).
    Normalize(NormalizeArgs),
    /// Time the analysis of a file on one thread; prints JSON with the median and fastest
    /// run and every run's time, in milliseconds.
    Bench(BenchArgs),
    /// List the catalogue of standard indicators: id, name, category, unit, which way is
    /// better, period and aliases (tab-separated; --json for JSON).
    Catalogue(CatalogueArgs),
}

#[derive(clap::Args)]
struct CatalogueArgs {
    /// Print a JSON array instead of tab-separated lines.
    #[arg(long)]
    json: bool,
}

fn catalogue_cmd(a: CatalogueArgs) -> ExitCode {
    let entries = envreport::catalogue();
    let mut out = String::new();
    if a.json {
        out = serde_json::to_string_pretty(&entries).unwrap_or_default();
        out.push('\n');
    } else {
        out.push_str("id\tname\tcategory\tunit\tbetter\tperiod\taliases\n");
        for e in &entries {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                e.id,
                e.name,
                e.category.name(),
                e.unit,
                e.better.name(),
                e.period.name(),
                e.aliases.join("|")
            ));
        }
    }
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.write_all(out.as_bytes());
    let _ = lock.flush();
    ExitCode::SUCCESS
}

#[derive(clap::Args)]
struct NormalizeArgs {
    #[command(flatten)]
    input: NumbersArgs,
    /// Print each line with the role the analysis gives it (title, source, body,
    /// heading 2, signature, …) before a tab.
    #[arg(long)]
    roles: bool,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// A text file, web page or Word document; `-` reads standard input.
    file: String,
    /// How many timed runs.
    #[arg(long, default_value_t = 10)]
    runs: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON report (a JSON array of {file, report} for several files).
    Json,
    /// One JSON report a line, with its file name.
    Jsonl,
    /// A readable outline and indicator table.
    Text,
    /// One indicator a row, with its comparison and rank.
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    Chars,
    Utf8,
    Utf16,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Reports to analyze: text files (UTF-8, UTF-16, GB18030/GBK, Big5), saved web pages
    /// (.html) or Word documents (.docx); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// How span offsets count: Unicode characters, UTF-8 bytes or UTF-16 code units.
    #[arg(long, value_enum, default_value = "chars")]
    offsets: Offsets,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// Add entries to a lexicon: KIND=FILE, KIND one of units, cues, indicators, junk, t2s,
    /// pinyin, places, catalogue, limits. Repeatable.
    #[arg(long, value_name = "KIND=FILE")]
    lexicon: Vec<String>,
    /// Files analyzed at once (default: the number of processors).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// The encoding of the input files (utf-8, utf-16le, utf-16be, gb18030/gbk, big5);
    /// detected when not given.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::from_label(s).map_err(|e| e.to_string())
}

#[derive(clap::Args)]
struct NumbersArgs {
    /// A text file, web page or Word document; `-` reads standard input.
    file: Option<String>,
    /// Analyze this text instead of a file.
    #[arg(long, conflicts_with = "file")]
    text: Option<String>,
    #[arg(long, value_enum, default_value = "chars")]
    offsets: Offsets,
    /// The encoding of the input file; detected when not given.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

impl From<Offsets> for OffsetEncoding {
    fn from(o: Offsets) -> Self {
        match o {
            Offsets::Chars => OffsetEncoding::Chars,
            Offsets::Utf8 => OffsetEncoding::Utf8,
            Offsets::Utf16 => OffsetEncoding::Utf16,
        }
    }
}

/// Reads a file (or standard input for `-`) as text, decoding it by its detected
/// encoding or the one given.
fn read_input(name: &str, encoding: Option<Encoding>) -> Result<(String, Input), String> {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(name).map_err(|e| format!("cannot read {name}: {}", io_message(&e)))?
    };
    let label = if name == "-" { "standard input" } else { name };
    decode(name, &bytes, encoding).map_err(|e| format!("cannot read {label}: {e}"))
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "it is a directory".into(),
        _ => e.to_string(),
    }
}

/// Reads a text file, web page or Word document (see [`intake::read`]), decoding legacy
/// encodings with encoding_rs.
fn decode(name: &str, bytes: &[u8], encoding: Option<Encoding>) -> Result<(String, Input), String> {
    let document = intake::read(name, bytes, encoding, |bytes, encoding| {
        let decoder = encoding_rs::Encoding::for_label(encoding.name().as_bytes())
            .unwrap_or(encoding_rs::UTF_8);
        decoder
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
            .ok_or_else(|| envreport::Error::Input {
                message: format!("it is not valid {} text", encoding.name()),
            })
    })
    .map_err(|e| e.to_string())?;
    Ok((
        document.text,
        Input {
            encoding: document.encoding,
            format: document.format,
        },
    ))
}

fn load_lexicon(specs: &[String]) -> Result<Option<Lexicon>, String> {
    if specs.is_empty() {
        return Ok(None);
    }
    let mut lex = Lexicon::builtin().clone();
    for spec in specs {
        let (kind, path) = spec
            .split_once('=')
            .ok_or_else(|| format!("--lexicon {spec}: expected KIND=FILE"))?;
        let file = LexiconFile::from_name(kind).ok_or_else(|| {
            format!("--lexicon {spec}: unknown kind {kind:?}; expected units, cues, indicators, junk, t2s, pinyin, places, catalogue or limits")
        })?;
        let text = std::fs::read_to_string(PathBuf::from(path))
            .map_err(|e| format!("--lexicon {spec}: cannot read {path}: {}", io_message(&e)))?;
        lex.add(file, &text).map_err(|e| e.to_string())?;
    }
    Ok(Some(lex))
}

/// Runs `work` over every item on `jobs` threads, keeping the input order. A panic in
/// `work` (a bug of the analyzer) becomes that item's error, so the other items are still
/// printed and the command still says that one failed.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Result<R, String>> {
    let guarded = |item: &T| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item))).map_err(|e| {
            let what = e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("internal error ({what}); please report it with the file")
        })
    };
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items.iter().map(guarded).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<R, String>>> = (0..items.len()).map(|_| None).collect();
    let chunks: Vec<Vec<(usize, Result<R, String>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, guarded(item)));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    for (i, r) in chunks.into_iter().flatten() {
        results[i] = Some(r);
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("internal error: the file was not analyzed".into())))
        .collect()
}

fn analyze_cmd(args: AnalyzeArgs, checks_only: bool) -> ExitCode {
    let lexicon = match load_lexicon(&args.lexicon) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("envreport: {e}");
            return ExitCode::from(2);
        }
    };
    let lex = lexicon.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let options = Options {
        offsets: args.offsets.into(),
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // standard input is read once, up front
    let analyzed = parallel_map(&args.files, jobs, |name| {
        read_input(name, args.encoding).map(|(text, input)| Report {
            input: Some(input),
            ..analyze_with(&text, &options, lex)
        })
    });
    let results: Vec<(String, Result<Report, String>)> = args
        .files
        .iter()
        .zip(analyzed)
        .map(|(name, r)| {
            let r = r.map_err(|e| format!("{name}: {e}")).and_then(|r| r);
            (name.clone(), r)
        })
        .collect();

    let mut failed = false;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let many = args.files.len() > 1;
    let mut ok: Vec<(&str, &Report)> = Vec::new();
    for (name, r) in &results {
        match r {
            Ok(report) => ok.push((name, report)),
            Err(e) => {
                eprintln!("envreport: {e}");
                failed = true;
            }
        }
    }
    let written = if checks_only {
        write_checks(&mut out, &ok, args.format, many)
    } else {
        write_reports(&mut out, &ok, &args, many)
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("envreport: cannot write the output: {e}");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The checks of the reports, in the format asked for.
fn write_checks(
    out: &mut impl Write,
    ok: &[(&str, &Report)],
    format: Format,
    many: bool,
) -> io::Result<()> {
    match format {
        Format::Json if !many => {
            let checks = ok.first().map(|(_, r)| &r.checks);
            writeln!(
                out,
                "{}",
                serde_json::to_string(&checks).unwrap_or_default()
            )
        }
        Format::Json | Format::Jsonl => ok.iter().try_for_each(|(f, r)| {
            let v = serde_json::json!({ "file": f, "checks": r.checks });
            writeln!(out, "{v}")
        }),
        Format::Text => ok.iter().try_for_each(|(f, r)| {
            if many {
                writeln!(out, "== {f}")?;
            }
            write!(out, "{}", cli_text::render_checks(r))
        }),
        Format::Csv => cli_text::write_checks_csv(out, ok),
    }
}

/// The reports, in the format asked for.
fn write_reports(
    out: &mut impl Write,
    ok: &[(&str, &Report)],
    args: &AnalyzeArgs,
    many: bool,
) -> io::Result<()> {
    match args.format {
        Format::Json if !many => ok.first().map_or(Ok(()), |(_, r)| {
            let s = if args.pretty {
                serde_json::to_string_pretty(r)
            } else {
                serde_json::to_string(r)
            };
            writeln!(out, "{}", s.unwrap_or_default())
        }),
        Format::Json => {
            let all: Vec<serde_json::Value> = ok
                .iter()
                .map(|(f, r)| serde_json::json!({ "file": f, "report": r }))
                .collect();
            let s = if args.pretty {
                serde_json::to_string_pretty(&all)
            } else {
                serde_json::to_string(&all)
            };
            writeln!(out, "{}", s.unwrap_or_default())
        }
        Format::Jsonl => ok.iter().try_for_each(|(f, r)| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("file".into(), serde_json::Value::String(f.to_string()));
            }
            writeln!(out, "{v}")
        }),
        Format::Text => ok.iter().try_for_each(|(f, r)| {
            if many {
                writeln!(out, "== {f}")?;
            }
            write!(out, "{}", cli_text::render(r))
        }),
        Format::Csv => cli_text::write_csv(out, ok),
    }
}

/// The text of a `numbers` or `normalize` command: `--text`, a file or standard input.
fn input_text(args: &NumbersArgs) -> Result<String, ExitCode> {
    match (&args.text, &args.file) {
        (Some(t), _) => Ok(t.clone()),
        (None, Some(f)) => read_input(f, args.encoding).map(|(t, _)| t).map_err(|e| {
            eprintln!("envreport: {e}");
            ExitCode::from(2)
        }),
        (None, None) => {
            eprintln!("envreport: numbers needs a FILE, - for standard input, or --text STRING");
            Err(ExitCode::from(2))
        }
    }
}

fn roles_cmd(args: NumbersArgs) -> ExitCode {
    let text = match input_text(&args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (role, line) in envreport::line_roles(&text) {
        if writeln!(out, "{role}\t{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn numbers_cmd(args: NumbersArgs, normalize: bool) -> ExitCode {
    let text = match input_text(&args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let options = Options {
        offsets: args.offsets.into(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if normalize {
        let n = envreport::normalize(&text);
        let _ = writeln!(out, "{n}");
        let _ = out.flush();
        return ExitCode::SUCCESS;
    }
    for n in envreport::numbers(&text, &options) {
        if writeln!(out, "{}", serde_json::to_string(&n).unwrap_or_default()).is_err() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn bench_cmd(args: BenchArgs) -> ExitCode {
    let text = match read_input(&args.file, None) {
        Ok((t, _)) => t,
        Err(e) => {
            eprintln!("envreport: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options::default();
    std::hint::black_box(envreport::analyze(&text, &options)); // warm up
    let mut times: Vec<f64> = (0..args.runs.max(1))
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(envreport::analyze(std::hint::black_box(&text), &options));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mb = text.len() as f64 / 1e6;
    let median = times[times.len() / 2];
    println!(
        "{}",
        serde_json::json!({
            "bytes": text.len(),
            "runs": times.len(),
            "median_ms": median,
            "fastest_ms": times[0],
            "times_ms": times,
            "median_mb_per_s": mb / (median / 1000.0),
        })
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(a) => analyze_cmd(a, false),
        Command::Checks(a) => analyze_cmd(a, true),
        Command::Numbers(n) => numbers_cmd(n, false),
        Command::Normalize(n) if n.roles => roles_cmd(n.input),
        Command::Normalize(n) => numbers_cmd(n.input, true),
        Command::Bench(b) => bench_cmd(b),
        Command::Catalogue(c) => catalogue_cmd(c),
    }
}

#[cfg(test)]
mod tests {
    use super::parallel_map;

    #[test]
    fn a_panicking_item_is_an_error_and_the_others_still_come() {
        let items: Vec<u32> = (0..40).collect();
        for jobs in [1, 4] {
            let out = parallel_map(&items, jobs, |&i| {
                assert!(i != 17, "item {i}");
                i * 2
            });
            assert_eq!(out.len(), 40);
            for (i, r) in out.iter().enumerate() {
                match r {
                    Ok(v) => assert_eq!(*v, i as u32 * 2),
                    Err(e) => assert!(i == 17 && e.contains("item 17"), "{i}: {e}"),
                }
            }
            assert!(out[17].is_err());
        }
    }
}
