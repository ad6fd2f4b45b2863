//! The Python module `envreport._core`: the analyzer's results as JSON text, which the
//! `envreport` package turns into dicts and pandas data frames. The analysis runs with
//! the interpreter's lock released, so threads (and Dask's workers) run it in parallel.

use envreport::compare::{self, CompareOptions, Order, TidyRow};
use envreport::{analyze, intake, Input, OffsetEncoding, Options, Report};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

fn options(offsets: &str) -> PyResult<Options> {
    let offsets: OffsetEncoding = offsets
        .parse()
        .map_err(|e: envreport::Error| PyValueError::new_err(e.to_string()))?;
    Ok(Options { offsets })
}

/// Reads a report file as the command line does: text in any supported encoding, a
/// saved web page or a Word document.
fn read_file(path: &str, encoding: Option<&str>) -> PyResult<(String, Input)> {
    let encoding = encoding
        .map(intake::Encoding::from_label)
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let bytes =
        std::fs::read(path).map_err(|e| PyOSError::new_err(format!("cannot read {path}: {e}")))?;
    let document = intake::read_native(path, &bytes, encoding)
        .map_err(|e| PyValueError::new_err(format!("cannot read {path}: {e}")))?;
    Ok((
        document.text,
        Input {
            encoding: document.encoding,
            format: document.format,
        },
    ))
}

/// The report of a text, as JSON.
#[pyfunction]
#[pyo3(signature = (text, offsets = "chars"))]
fn analyze_json(py: Python<'_>, text: &str, offsets: &str) -> PyResult<String> {
    let options = options(offsets)?;
    Ok(py.detach(|| analyze(text, &options).to_json()))
}

/// The text of a file and its report, as JSON.
#[pyfunction]
#[pyo3(signature = (path, offsets = "chars", encoding = None))]
fn read_json(
    py: Python<'_>,
    path: &str,
    offsets: &str,
    encoding: Option<&str>,
) -> PyResult<(String, String)> {
    let options = options(offsets)?;
    py.detach(|| {
        let (text, input) = read_file(path, encoding)?;
        let report = Report {
            input: Some(input),
            ..analyze(&text, &options)
        };
        Ok((text, report.to_json()))
    })
}

/// The tidy rows of many reports (`(label, text)` pairs, or file paths with `files`), as
/// one JSON array.
#[pyfunction]
#[pyo3(signature = (items, files, encoding = None))]
fn tidy_json(
    py: Python<'_>,
    items: Vec<(String, String)>,
    files: bool,
    encoding: Option<&str>,
) -> PyResult<String> {
    py.detach(|| {
        let mut rows: Vec<TidyRow> = Vec::new();
        for (label, text) in &items {
            let text = if files {
                read_file(text, encoding)?.0
            } else {
                text.clone()
            };
            let report = analyze(&text, &Options::default());
            rows.extend(compare::tidy(label, &report, &text));
        }
        serde_json::to_string(&rows).map_err(|e| PyValueError::new_err(e.to_string()))
    })
}

/// The comparison table of many reports (as [`tidy_json`] takes them), as JSON.
#[pyfunction]
#[pyo3(signature = (items, files, order = "region", min_reports = 1, encoding = None))]
fn compare_json(
    py: Python<'_>,
    items: Vec<(String, String)>,
    files: bool,
    order: &str,
    min_reports: usize,
    encoding: Option<&str>,
) -> PyResult<String> {
    let order: Order = order
        .parse()
        .map_err(|e: envreport::Error| PyValueError::new_err(e.to_string()))?;
    py.detach(|| {
        let mut entries = Vec::new();
        for (label, text) in &items {
            let text = if files {
                read_file(text, encoding)?.0
            } else {
                text.clone()
            };
            entries.push(compare::entry(label, &analyze(&text, &Options::default()), &text));
        }
        let options = CompareOptions {
            order,
            min_reports,
            ..Default::default()
        };
        serde_json::to_string(&compare::table(&entries, &options))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    })
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_function(wrap_pyfunction!(tidy_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add("COLUMNS", TidyRow::COLUMNS.to_vec())?;
    m.add("VERSION", envreport::VERSION)?;
    Ok(())
}
