//! The `sayso` Python module: who said what in news text, from the
//! `sayso-nlp` engine.
//!
//! Every result is the JSON text of [`sayso_nlp::json::to_json`], the value
//! `sayso annotate` prints, read by Python's own `json.loads`: a dict equals
//! the command's JSON for the same text, down to lists rather than tuples.
//! The JSON is written on the worker threads, without the interpreter lock.

use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView, PyString};
use sayso_nlp::json;

create_exception!(
    sayso,
    EngineError,
    PyRuntimeError,
    "The engine failed on a text or could not load its models. This is a bug: please report it with the text."
);

/// The annotator behind the module-level `annotate`, loaded on first use.
static SHARED: OnceLock<sayso_nlp::Annotator> = OnceLock::new();

/// Annotates news text: entities, speakers and quotes.
///
/// The models are loaded once, when the annotator is made (about 20 ms), and
/// shared by every call, including the threads of `annotate_many`. An
/// annotator pickles as "load the models again", so it can be sent to Dask or
/// Spark workers. With `unreviewed=True` it keeps every reported attribution
/// found, also those the built-in reviewer finds seldom right (as
/// `sayso annotate --unreviewed` does).
#[pyclass(frozen, name = "Annotator", module = "sayso")]
struct PyAnnotator {
    inner: sayso_nlp::Annotator,
    unreviewed: bool,
}

#[pymethods]
impl PyAnnotator {
    #[new]
    #[pyo3(signature = (unreviewed = false))]
    fn new(unreviewed: bool) -> PyResult<Self> {
        let inner = load()?;
        let inner = if unreviewed { inner.without_review() } else { inner };
        Ok(Self { inner, unreviewed })
    }

    /// Annotate one text and return the annotation as a dict.
    ///
    /// The dict is the JSON that `sayso annotate` prints: `version`, `title`,
    /// `entities`, `speakers` and `quotes`, spans as `[start, end]` indices
    /// into `text` (Python string indices). With `include_text=True` the text
    /// is included under `text`.
    ///
    /// Raises `TypeError` for anything but a `str` (decode `bytes` first) and
    /// `ValueError` for a `str` holding lone surrogates.
    #[pyo3(signature = (text, *, include_text = false))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        include_text: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        annotate_one(py, &self.inner, text, include_text)
    }

    /// Annotate many texts on several cores; return the dicts in input order.
    ///
    /// `texts` is any iterable of `str` (it is read into memory first: for a
    /// stream, call this on chunks of a few thousand). `threads` defaults to
    /// every core; the interpreter lock is released while the engine runs, so
    /// other Python threads keep going.
    #[pyo3(signature = (texts, threads = None, *, include_text = false))]
    fn annotate_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        include_text: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = thread_count(threads)?;
        if texts.is_instance_of::<PyString>() {
            // A str is an iterable of one-character texts: surely not what was meant.
            return Err(PyTypeError::new_err(
                "texts is one str: pass a list of texts, or call annotate() for one",
            ));
        }
        let mut owned = Vec::new();
        for (i, item) in texts.try_iter().map_err(|_| not_iterable(texts))?.enumerate() {
            owned.push(text_of(&item?, &format!("texts[{i}]"))?);
        }
        let inner = &self.inner;
        let results = py.detach(|| annotate_parallel(inner, &owned, threads, include_text));
        drop(owned);
        let list = PyList::empty(py);
        for (i, result) in results.into_iter().enumerate() {
            let json = result.map_err(|panic| engine_failed(&format!("texts[{i}]"), &panic))?;
            list.append(loads(py, &json)?)?;
        }
        Ok(list)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (bool,))> {
        Ok((slf.get_type().into_any(), (slf.get().unreviewed,)))
    }

    fn __repr__(&self) -> &'static str {
        if self.unreviewed { "sayso.Annotator(unreviewed=True)" } else { "sayso.Annotator()" }
    }
}

/// Annotate `text` and return the annotation as a dict (the JSON that
/// `sayso annotate` prints).
///
/// Uses one annotator shared by the whole process, loaded on the first call.
/// See `Annotator.annotate` for the result and the errors.
#[pyfunction]
#[pyo3(signature = (text, *, include_text = false))]
fn annotate<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    include_text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let annotator = match SHARED.get() {
        Some(a) => a,
        None => {
            let loaded = load()?;
            SHARED.get_or_init(|| loaded)
        }
    };
    annotate_one(py, annotator, text, include_text)
}

/// Parse `text` into dependency trees and return them as CoNLL-U (the text
/// `sayso parse` prints for plain text): one sentence a block, each word with
/// its universal and Penn tags, its head and its relation.
///
/// Uses one parsing annotator shared by the whole process, loaded on the
/// first call.
#[pyfunction]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    static PARSING: OnceLock<sayso_nlp::Annotator> = OnceLock::new();
    let text = text_of(text, "text")?;
    let annotator = match PARSING.get() {
        Some(a) => a,
        None => {
            let loaded = load()?
                .with_syntax()
                .map_err(|e| EngineError::new_err(format!("the built-in parser could not be loaded: {e}")))?;
            PARSING.get_or_init(|| loaded)
        }
    };
    let trees = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| sayso_nlp::syntax::conllu::of_text(annotator, &text)))
            .map_err(|_| "the parser panicked".to_owned())
    });
    match trees {
        Ok(Some(conllu)) => Ok(conllu),
        Ok(None) => Err(EngineError::new_err("the built-in parser could not be loaded")),
        Err(panic) => Err(engine_failed("text", &panic)),
    }
}

fn load() -> PyResult<sayso_nlp::Annotator> {
    sayso_nlp::Annotator::new()
        .map_err(|e| EngineError::new_err(format!("the built-in models could not be loaded: {e}")))
}

fn annotate_one<'py>(
    py: Python<'py>,
    annotator: &sayso_nlp::Annotator,
    text: &Bound<'py, PyAny>,
    include_text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text, "text")?;
    let json = py.detach(|| annotate_json(annotator, &text, include_text));
    loads(py, &json.map_err(|panic| engine_failed("text", &panic))?)
}

/// The annotation JSON as Python objects.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// Annotate `texts` on `threads` threads, each taking the next text in turn.
fn annotate_parallel(
    annotator: &sayso_nlp::Annotator,
    texts: &[String],
    threads: NonZeroUsize,
    include_text: bool,
) -> Vec<Result<String, String>> {
    sayso_nlp::parallel::map_in_order(texts, threads.get(), |t| annotate_json(annotator, t, include_text))
        .into_iter()
        // `guarded` catches the engine's panics, so a result is only missing
        // if something outside the engine panicked.
        .map(|r| r.unwrap_or_else(|| Err("a worker thread stopped".to_owned())))
        .collect()
}

/// The annotation JSON of `text`, as `sayso annotate` prints it. A panic in
/// the engine becomes its message, so that a bug becomes a Python exception
/// instead of taking the interpreter down.
fn annotate_json(annotator: &sayso_nlp::Annotator, text: &str, include_text: bool) -> Result<String, String> {
    let ann = catch_unwind(AssertUnwindSafe(|| annotator.annotate(text))).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })?;
    serde_json::to_string(&json::to_json(&ann, text, include_text)).map_err(|e| e.to_string())
}

fn engine_failed(what: &str, panic: &str) -> PyErr {
    EngineError::new_err(format!(
        "the engine failed on {what}: {panic} (this is a bug: please report it with the text)"
    ))
}

/// The Rust string of a Python `str`, or an exception that says what to do.
fn text_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if obj.is_instance_of::<PyString>() {
        return obj.extract::<String>().map_err(|_| {
            PyValueError::new_err(format!(
                "{what} is not valid Unicode: it holds a lone surrogate (as made by \
                 errors='surrogateescape'); decode the bytes with errors='replace' instead"
            ))
        });
    }
    if obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyMemoryView>()
    {
        return Err(PyTypeError::new_err(format!(
            "{what} is bytes, not str: decode it first, e.g. data.decode('utf-8', errors='replace')"
        )));
    }
    Err(PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(obj))))
}

fn not_iterable(obj: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!("texts must be an iterable of str (a list, say), not {}", type_name(obj)))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}

/// The number of threads for `annotate_many`: every core when not given.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<NonZeroUsize> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN));
    };
    let wrong = || PyValueError::new_err("threads must be a positive whole number, or None for every core");
    if threads.is_instance_of::<pyo3::types::PyBool>() {
        return Err(wrong());
    }
    let n: i64 = threads.extract().map_err(|_| {
        PyTypeError::new_err(format!("threads must be an int or None, not {}", type_name(threads)))
    })?;
    usize::try_from(n).ok().and_then(NonZeroUsize::new).ok_or_else(wrong)
}

/// Who said what in news text: entities, speakers and quotes.
///
/// `sayso.annotate(text)` returns the annotation as a dict, the same JSON
/// that `sayso annotate` prints; `sayso.Annotator().annotate_many(texts)`
/// annotates many texts on every core.
#[pymodule(name = "sayso")]
fn sayso_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_class::<PyAnnotator>()?;
    m.add("EngineError", m.py().get_type::<EngineError>())?;
    m.add("JSON_VERSION", json::JSON_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
