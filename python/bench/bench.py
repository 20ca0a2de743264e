"""Throughput of the Python package, in words per second (whitespace-separated words).

    python python/bench/bench.py many FOLDER [--repeat N] [--rounds R]  annotate_many on 1 thread, then 2
    python python/bench/bench.py single FOLDER [--repeat N]  sayso.annotate one document at a time
    python python/bench/bench.py dask FOLDER [--repeat N]    a Dask LocalCluster of 2 worker processes

FOLDER holds *.txt articles; --repeat annotates the folder N times over, for
a run long enough to time. Compare `single` with the command on one core:
`taskset -c 0 sayso annotate FOLDER --out OUT`.
"""

import argparse
import json
import time
from pathlib import Path

import sayso


def load(folder, repeat):
    texts = []
    for path in sorted(Path(folder).glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    if not texts:
        raise SystemExit(f"no *.txt files in {folder}")
    return texts * repeat


def words(texts):
    return sum(len(t.split()) for t in texts)


def report(label, n_words, seconds):
    print(f"{label}: {n_words:,} words in {seconds:.2f} s = {n_words / seconds / 1000:,.0f}k words/s")


def many(texts, rounds):
    annotator = sayso.Annotator()
    annotator.annotate_many(texts[:20])  # warm up
    best = {1: float("inf"), 2: float("inf")}
    for _ in range(rounds):
        for threads in (1, 2):
            start = time.perf_counter()
            annotator.annotate_many(texts, threads=threads)
            seconds = time.perf_counter() - start
            best[threads] = min(best[threads], seconds)
            report(f"annotate_many, threads={threads}", words(texts), seconds)
    print(f"2 threads / 1 thread, best of {rounds}: {best[1] / best[2]:.2f}x")
    # What stays on one thread: reading each result's JSON into dicts under the lock.
    # Both by CPU time, which a busy machine disturbs less than the clock.
    start = time.process_time()
    results = annotator.annotate_many(texts, threads=1)
    one_thread = time.process_time() - start
    strings = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in results]
    start = time.process_time()
    for s in strings:
        json.loads(s)
    share = (time.process_time() - start) / one_thread
    print(f"held under the interpreter lock: {share:.1%} of one thread's time, so at most {1 / (share + (1 - share) / 2):.2f}x")


def single(texts):
    sayso.annotate(texts[0])  # loads the models
    start, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        sayso.annotate(t)
    report("sayso.annotate, one document at a time", words(texts), time.perf_counter() - start)
    # CPU time is steadier than the clock on a busy machine.
    report("  the same per CPU second", words(texts), time.process_time() - cpu)
    start = time.perf_counter()
    for _ in range(10000):
        sayso.annotate("")
    print(f"  a call on an empty text: {(time.perf_counter() - start) / 10000 * 1e6:.1f} µs")


def annotate_partition(texts):
    import sayso

    return sayso.Annotator().annotate_many(texts, threads=1)


def dask(texts):
    import dask.bag as db
    import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            client.run(lambda: __import__("sayso").Annotator())  # workers import the package first
            start = time.perf_counter()
            bag = db.from_sequence(texts, npartitions=16)
            results = bag.map_partitions(annotate_partition).compute()
            seconds = time.perf_counter() - start
    assert len(results) == len(texts)
    report("Dask LocalCluster, 2 worker processes", words(texts), seconds)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["many", "single", "dask"])
    parser.add_argument("folder")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1, help="for many: the best of this many rounds")
    args = parser.parse_args()
    texts = load(args.folder, args.repeat)
    if args.what == "many":
        many(texts, args.rounds)
    else:
        {"single": single, "dask": dask}[args.what](texts)
