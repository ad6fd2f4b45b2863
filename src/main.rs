//! The `envreport` command: read, decode, analyze, print.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use envreport::intake::{self, Encoding};
use envreport::{analyze_with, Input, Lexicon, LexiconFile, OffsetEncoding, Options, Report};

mod cli_compare;
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
    /// Set reports side by side: one row an indicator (by catalogue id), one column a
    /// report, ordered by region or year, each cell the value in the catalogue's unit and
    /// its change from the column before (text; csv, wide or --long; json; xlsx).
    Compare(CompareArgs),
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    /// A readable table.
    Text,
    /// One indicator a row and one report a column; with --long, one value a row.
    Csv,
    /// The table as JSON (columns and rows with their cells).
    Json,
    /// A workbook with the wide sheet 对比 and the long sheet 明细 (needs --output, or
    /// standard output that is not a terminal).
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareOrder {
    /// By region, then year.
    Region,
    /// By year, then region.
    Year,
    /// As the files are given.
    Input,
}

#[derive(clap::Args)]
struct CompareArgs {
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: CompareFormat,
    /// How the columns are ordered.
    #[arg(long, value_enum, default_value = "region")]
    order: CompareOrder,
    /// Only the indicators that at least two reports state.
    #[arg(long)]
    shared: bool,
    /// Only catalogued indicators.
    #[arg(long)]
    catalogued: bool,
    /// Only the indicators of this category (air, water, soil, noise, …).
    #[arg(long)]
    category: Option<String>,
    /// The CSV in the long form: one value a row, with its report, region and year.
    #[arg(long)]
    long: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
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
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
}

/// The files to read and how: what `analyze`, `checks` and `compare` share.
#[derive(clap::Args)]
struct InputArgs {
    /// Reports to analyze: text files (UTF-8, UTF-16, GB18030/GBK, Big5), saved web pages
    /// (.html) or Word documents (.docx), or folders of them (read with their
    /// subfolders); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// How span offsets count: Unicode characters, UTF-8 bytes or UTF-16 code units.
    #[arg(long, value_enum, default_value = "chars")]
    offsets: Offsets,
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

/// Reads a text file, web page or Word document (see [`intake::read_native`]).
fn decode(name: &str, bytes: &[u8], encoding: Option<Encoding>) -> Result<(String, Input), String> {
    let document = intake::read_native(name, bytes, encoding).map_err(|e| e.to_string())?;
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

/// The extensions a folder's files are read for.
const REPORT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "html", "htm", "xhtml", "docx"];

/// The files named, with each folder replaced by the reports in it and its subfolders
/// (by [`REPORT_EXTENSIONS`], hidden files left out), in path order.
fn expand(names: &[String]) -> Result<Vec<String>, String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) -> Result<(), String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| {
                format!(
                    "cannot read the folder {}: {}",
                    dir.display(),
                    io_message(&e)
                )
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|x| {
                REPORT_EXTENSIONS.contains(&x.to_string_lossy().to_lowercase().as_str())
            }) {
                out.push(p.to_string_lossy().into_owned());
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for name in names {
        let path = std::path::Path::new(name);
        if name != "-" && path.is_dir() {
            let before = out.len();
            walk(path, &mut out)?;
            if out.len() == before {
                return Err(format!(
                    "no reports in the folder {name} (files ending in .{})",
                    REPORT_EXTENSIONS.join(", .")
                ));
            }
        } else {
            out.push(name.clone());
        }
    }
    Ok(out)
}

/// Files analyzed before their results are written: output streams in batches this many
/// times the number of jobs, so a folder of any size runs in bounded memory.
const BATCH_PER_JOB: usize = 16;

/// What the reading and analysis commands share: the lexicon, the options, the files
/// (folders expanded) and the number of jobs.
struct Run {
    lexicon: Option<Lexicon>,
    options: Options,
    files: Vec<String>,
    jobs: usize,
    encoding: Option<Encoding>,
    /// Several files, or a folder: output names each file.
    many: bool,
}

impl Run {
    fn new(args: &InputArgs) -> Result<Run, String> {
        let files = expand(&args.files)?;
        let jobs = args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Ok(Run {
            lexicon: load_lexicon(&args.lexicon)?,
            options: Options {
                offsets: args.offsets.into(),
            },
            many: files.len() > 1
                || args
                    .files
                    .iter()
                    .any(|f| f != "-" && PathBuf::from(f).is_dir()),
            files,
            jobs,
            encoding: args.encoding,
        })
    }

    fn lex(&self) -> &Lexicon {
        self.lexicon.as_ref().unwrap_or_else(|| Lexicon::builtin())
    }

    /// Reads and analyzes the files batch by batch, handing each report (with its text)
    /// to `each` in the order of the files; a file that cannot be read is reported on
    /// standard error. Returns whether every file was analyzed, or the first write error.
    fn each(
        &self,
        mut each: impl FnMut(&str, &Report, &str) -> io::Result<()>,
    ) -> io::Result<bool> {
        let mut all = true;
        let batch = (self.jobs * BATCH_PER_JOB).max(1);
        for names in self.files.chunks(batch) {
            let analyzed = parallel_map(names, self.jobs, |name| {
                read_input(name, self.encoding).map(|(text, input)| {
                    let report = Report {
                        input: Some(input),
                        ..analyze_with(&text, &self.options, self.lex())
                    };
                    (report, text)
                })
            });
            for (name, r) in names.iter().zip(analyzed) {
                match r.map_err(|e| format!("{name}: {e}")).and_then(|r| r) {
                    Ok((report, text)) => each(name, &report, &text)?,
                    Err(e) => {
                        eprintln!("envreport: {e}");
                        all = false;
                    }
                }
            }
        }
        Ok(all)
    }
}

/// The exit code of a command that wrote `written` (a broken pipe is no error).
fn finish(written: io::Result<bool>) -> ExitCode {
    match written {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("envreport: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn analyze_cmd(args: AnalyzeArgs, checks_only: bool) -> ExitCode {
    let run = match Run::new(&args.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("envreport: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let many = run.many;
    let mut first = true;
    let written = (|| {
        // what comes before the first report
        match (args.format, checks_only) {
            (Format::Csv, true) => cli_text::write_checks_csv_header(&mut out)?,
            (Format::Csv, false) => cli_text::write_csv_header(&mut out)?,
            (Format::Json, false) if many => write!(out, "[")?,
            _ => {}
        }
        let all = run.each(|f, r, text| {
            let result = if checks_only {
                write_checks(&mut out, f, r, args.format, many)
            } else {
                write_report(&mut out, f, r, text, &args, many, first)
            };
            first = false;
            result
        })?;
        if args.format == Format::Json && !checks_only && many {
            writeln!(out, "]")?;
        }
        out.flush()?;
        Ok(all)
    })();
    finish(written)
}

fn compare_cmd(args: CompareArgs) -> ExitCode {
    let fail = |e: String| {
        eprintln!("envreport: {e}");
        ExitCode::from(2)
    };
    let run = match Run::new(&args.input) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let category = match args.category.as_deref().map(|c| {
        envreport::Category::from_name(c).ok_or_else(|| {
            let all: Vec<&str> = envreport::Category::ALL.iter().map(|c| c.name()).collect();
            format!("--category {c}: expected one of {}", all.join(", "))
        })
    }) {
        Some(Err(e)) => return fail(e),
        Some(Ok(c)) => Some(c),
        None => None,
    };
    if args.format == CompareFormat::Xlsx && args.output.is_none() && io::stdout().is_terminal() {
        return fail(
            "--format xlsx writes a workbook: give --output FILE or redirect the output".into(),
        );
    }
    // only each report's figures are kept, so a folder of any size fits
    let mut entries = Vec::new();
    let all = run.each(|f, r, text| {
        entries.push(envreport::compare::entry_with(f, r, text, run.lex()));
        Ok(())
    });
    let Ok(all) = all else {
        return fail("cannot read the reports".into());
    };
    let options = envreport::compare::CompareOptions {
        order: match args.order {
            CompareOrder::Region => envreport::compare::Order::Region,
            CompareOrder::Year => envreport::compare::Order::Year,
            CompareOrder::Input => envreport::compare::Order::Input,
        },
        min_reports: if args.shared { 2 } else { 1 },
        category,
        catalogued_only: args.catalogued,
    };
    let table = envreport::compare::table_with(&entries, &options, run.lex());
    let mut bytes: Vec<u8> = Vec::new();
    let made = match args.format {
        CompareFormat::Text => Ok(cli_compare::render(&table).into_bytes()),
        CompareFormat::Csv if args.long => cli_compare::write_long_csv(&mut bytes, &table)
            .map(|_| bytes)
            .map_err(|e| e.to_string()),
        CompareFormat::Csv => cli_compare::write_wide_csv(&mut bytes, &table)
            .map(|_| bytes)
            .map_err(|e| e.to_string()),
        CompareFormat::Json => {
            Ok((serde_json::to_string(&table).unwrap_or_default() + "\n").into_bytes())
        }
        CompareFormat::Xlsx => cli_compare::xlsx(&table),
    };
    let bytes = match made {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, &bytes),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&bytes).and_then(|_| out.flush())
        }
    };
    finish(written.map(|_| all))
}

/// The checks of a report, in the format asked for.
fn write_checks(
    out: &mut impl Write,
    f: &str,
    r: &Report,
    format: Format,
    many: bool,
) -> io::Result<()> {
    match format {
        Format::Json if !many => writeln!(
            out,
            "{}",
            serde_json::to_string(&r.checks).unwrap_or_default()
        ),
        Format::Json | Format::Jsonl => {
            let v = serde_json::json!({ "file": f, "checks": r.checks });
            writeln!(out, "{v}")
        }
        Format::Text => {
            if many {
                writeln!(out, "== {f}")?;
            }
            write!(out, "{}", cli_text::render_checks(r))
        }
        Format::Csv => cli_text::write_checks_csv(out, f, r),
    }
}

/// A report, in the format asked for (a JSON array's items after the first get a comma).
fn write_report(
    out: &mut impl Write,
    f: &str,
    r: &Report,
    text: &str,
    args: &AnalyzeArgs,
    many: bool,
    first: bool,
) -> io::Result<()> {
    match args.format {
        Format::Json if !many => {
            write_json(out, r, args.pretty)?;
            writeln!(out)
        }
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Filed<'a> {
                file: &'a str,
                report: &'a Report,
            }
            if !first {
                write!(out, ",")?;
            }
            write_json(out, &Filed { file: f, report: r }, args.pretty)
        }
        Format::Jsonl => {
            #[derive(serde::Serialize)]
            struct Line<'a> {
                #[serde(flatten)]
                report: &'a Report,
                file: &'a str,
            }
            write_json(out, &Line { report: r, file: f }, false)?;
            writeln!(out)
        }
        Format::Text => {
            if many {
                writeln!(out, "== {f}")?;
            }
            write!(out, "{}", cli_text::render(r))
        }
        Format::Csv => cli_text::write_csv(out, f, r, text),
    }
}

/// A value written as JSON, compact or indented, as it is serialized (a report of a
/// hundred thousand indicators is never held as one string).
fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    let written = if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        serde_json::to_writer(&mut *out, value)
    };
    written.map_err(io::Error::from)
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

/// mimalloc's option that bounds the CLI's peak memory (`make bench-memory`): memory freed
/// by one stage goes back to the system at once rather than a second later (mimalloc's
/// default), so that the next stage's allocations do not add to it. Without it a hostile
/// text of tiny lines peaks at about 25 % more.
fn configure_allocator() {
    // the index of `mi_option_purge_delay` in mimalloc v3's `mi_option_e` (mimalloc.h)
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: setting an option is a plain store into mimalloc's option table, valid at
    // any time; this one is read whenever memory is next purged.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

fn main() -> ExitCode {
    configure_allocator();
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(a) => analyze_cmd(a, false),
        Command::Checks(a) => analyze_cmd(a, true),
        Command::Compare(a) => compare_cmd(a),
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
