"""Bad input raises a clear Python exception; odd input is annotated."""

import pickle
import threading

import pytest

import sayso
from conftest import SAMPLE, read_text


@pytest.mark.parametrize("call", ["function", "method"])
def test_bytes_are_refused_with_a_hint_to_decode(call):
    annotate = sayso.annotate if call == "function" else sayso.Annotator().annotate
    for data in (b"Mayor Holt said so.", bytearray(b"x"), memoryview(b"x")):
        with pytest.raises(TypeError, match=r"bytes, not str: decode it first"):
            annotate(data)


@pytest.mark.parametrize("value, name", [(None, "NoneType"), (42, "int"), (["text"], "list")])
def test_other_types_are_refused_naming_the_type(value, name):
    with pytest.raises(TypeError, match=rf"text must be a str, not {name}"):
        sayso.annotate(value)


def test_lone_surrogates_are_refused():
    text = b"caf\xe9 au lait".decode("utf-8", errors="surrogateescape")
    with pytest.raises(ValueError, match="lone surrogate"):
        sayso.annotate(text)
    with pytest.raises(ValueError, match=r"texts\[1\] is not valid Unicode"):
        sayso.Annotator().annotate_many(["fine", text])


def test_a_bad_item_in_many_is_named_by_its_index():
    with pytest.raises(TypeError, match=r"texts\[2\] is bytes"):
        sayso.Annotator().annotate_many(["a", "b", b"c"])
    with pytest.raises(TypeError, match="iterable of str"):
        sayso.Annotator().annotate_many(5)
    with pytest.raises(TypeError, match="texts is one str"):
        sayso.Annotator().annotate_many("Mayor Ann Holt said so.")


@pytest.mark.parametrize("threads, error", [(0, ValueError), (-1, ValueError), (True, ValueError), ("2", TypeError)])
def test_bad_thread_counts_are_refused(threads, error):
    with pytest.raises(error, match="threads must be"):
        sayso.Annotator().annotate_many(["a"], threads=threads)


def test_odd_texts_are_annotated():
    odd = ["", " ", "\n\n\n", "\x00\x01\x1b[31m", "\u202eevil", "“" * 500, "word " * 20000, "🏆" * 100]
    results = sayso.Annotator().annotate_many(odd, threads=3)
    assert len(results) == len(odd)
    assert all(r["version"] == 1 for r in results)
    assert results[0]["entities"] == [] and results[0]["title"] is None


def test_many_accepts_any_iterable_and_keeps_order():
    texts = [read_text(SAMPLE), "Mayor Ann Holt said the vote will wait.", "", "Nothing here."] * 5
    expected = [sayso.annotate(t) for t in texts]
    annotator = sayso.Annotator()
    assert annotator.annotate_many(t for t in texts) == expected
    assert annotator.annotate_many(tuple(texts), threads=7) == expected
    assert annotator.annotate_many([]) == []


def test_an_annotator_pickles_and_repeats_its_results():
    annotator = pickle.loads(pickle.dumps(sayso.Annotator()))
    assert isinstance(annotator, sayso.Annotator)
    assert annotator.annotate(read_text(SAMPLE)) == sayso.annotate(read_text(SAMPLE))


def test_errors_are_python_exceptions():
    assert issubclass(sayso.EngineError, RuntimeError)


def test_the_interpreter_lock_is_released_while_annotating():
    # Another Python thread keeps counting while the engine runs.
    texts = [read_text(SAMPLE)] * 200
    count = 0
    stop = threading.Event()

    def counter():
        nonlocal count
        while not stop.is_set():
            count += 1

    thread = threading.Thread(target=counter)
    thread.start()
    try:
        before = count
        sayso.Annotator().annotate_many(texts, threads=1)
        during = count - before
    finally:
        stop.set()
        thread.join()
    assert during > 1000, f"the other thread counted only {during} times"
