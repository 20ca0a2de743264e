"""The Python results are the JSON that `sayso annotate` prints, for the same text."""

import pytest

import sayso
from conftest import DEV_TEXT, SAMPLE, our_articles, read_text


@pytest.mark.parametrize("path", our_articles(), ids=lambda p: p.name)
def test_annotate_equals_the_command(path, cli_json):
    assert sayso.annotate(read_text(path)) == cli_json(path)


@pytest.mark.parametrize("path", our_articles(), ids=lambda p: p.name)
def test_include_text_equals_the_command(path, cli_json):
    ann = sayso.annotate(read_text(path), include_text=True)
    assert ann == cli_json(path, "--include-text")
    assert ann["text"] == read_text(path)


def test_every_entry_point_gives_the_same_result():
    texts = [read_text(p) for p in our_articles()]
    annotator = sayso.Annotator()
    one_by_one = [sayso.annotate(t) for t in texts]
    assert [annotator.annotate(t) for t in texts] == one_by_one
    assert annotator.annotate_many(texts) == one_by_one
    assert annotator.annotate_many(texts, threads=1) == one_by_one


def test_spans_index_the_python_string():
    text = read_text(SAMPLE) + "\n“Ça suffit,” dit Zoë Müller 🏆 à Genève.\n"
    ann = sayso.annotate(text)
    assert ann["entities"], "the sample has entities"
    for e in ann["entities"]:
        start, end = e["span"]
        assert text[start:end] == e["text"]
    for q in ann["quotes"]:
        start, end = q["content"]
        assert 0 <= start < end <= len(text)
    for s in ann["speakers"]:
        assert all(text[a:b] for a, b in s["mentions"])


def test_the_sample_has_its_contract_shape():
    ann = sayso.annotate(read_text(SAMPLE))
    assert ann["version"] == sayso.JSON_VERSION == 1
    assert set(ann) == {"version", "title", "entities", "speakers", "quotes"}
    assert ann["speakers"] and ann["quotes"]
    assert isinstance(ann["speakers"][0]["name"], str)


def test_the_polnear_dev_folder_equals_the_command(cli_folder):
    if not DEV_TEXT.is_dir():
        pytest.skip(f"the PolNeAR dev texts are not at {DEV_TEXT} (../shared is absent)")
    paths = sorted(DEV_TEXT.glob("*.txt"))
    expected = cli_folder(DEV_TEXT)
    assert len(expected) == len(paths) > 0
    got = sayso.Annotator().annotate_many([read_text(p) for p in paths])
    for path, ann in zip(paths, got):
        assert ann == expected[path.stem], path.name


def test_unreviewed_keeps_what_the_reviewer_leaves_out(cli_json, tmp_path):
    text = (
        "Harbor City council delays stadium vote\n\n"
        "Republicans rebuffed the plan, and the mayor's office did not recommend prosecution of the developer.\n\n"
        "\u201cWe will open the bridge in May,\u201d the mayor said.\n"
    )
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8", newline="")
    unreviewed = sayso.Annotator(unreviewed=True)
    assert unreviewed.annotate(text) == cli_json(path, "--unreviewed")
    assert sayso.Annotator().annotate(text) == cli_json(path)
    reviewed_quotes = sayso.annotate(text)["quotes"]
    all_quotes = unreviewed.annotate(text)["quotes"]
    assert len(all_quotes) > len(reviewed_quotes)
    # Pickling keeps the choice.
    import pickle

    again = pickle.loads(pickle.dumps(unreviewed))
    assert repr(again) == "sayso.Annotator(unreviewed=True)"
    assert again.annotate(text) == unreviewed.annotate(text)
