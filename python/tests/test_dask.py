"""The Dask recipe from the README, on a local cluster of two worker processes."""

import sys
from pathlib import Path

import pytest

from conftest import ARTICLES, DEV_TEXT

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'dask[distributed]'")
import cloudpickle  # noqa: E402  (installed with distributed)
import dask.bag as db  # noqa: E402

# The workers cannot import this test module, so its functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def annotate_partition(paths):
    """The README's recipe: one annotator per partition, its texts on it."""
    import sayso

    annotator = sayso.Annotator()
    texts = [open(p, encoding="utf-8", newline="").read() for p in paths]
    return list(zip(paths, annotator.annotate_many(texts, threads=1)))


def test_a_local_cluster_annotates_a_folder_like_the_command(cli_folder):
    folder = DEV_TEXT if DEV_TEXT.is_dir() else ARTICLES
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    expected = cli_folder(folder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            bag = db.from_sequence(paths, npartitions=4)
            results = dict(bag.map_partitions(annotate_partition).compute())
    assert len(results) == len(paths) == len(expected)
    for path, ann in results.items():
        assert ann == expected[Path(path).stem], path
