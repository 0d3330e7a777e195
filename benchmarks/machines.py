"""The machines behind the image rows of benchmarks/results, named by the domain classifier each
scored on (`gankit train-classifier` is seeded, but its weights depend on the machine's kernels,
so each machine has its own: the short hash of its weights, the last part of a row's
`extractor`). Two classifiers of the same recipe move FID by about 2 % and recall by under 0.005
(benchmarks/results/extractor-spread.md). Used by the tables of fmnist.py, conditional.py and
ogan.py; light (no torch), so docs_results.py can import it cheaply.
"""

from __future__ import annotations

# short hash → (letter, machine and dates)
XEON = "2-core Intel Xeon (AVX-512 BF16, AMX), torch 2.13.0+cpu"
EPYC = "2-core AMD EPYC (Zen 4, AVX-512 BF16), torch 2.13.0+cpu"
OLDER = ("2-core CPU shared with other jobs, 2026-11-23, on the classifier of then (precision "
         "and recall on its penultimate features only)")
CLASSIFIERS: dict[str, tuple[str, str]] = {
    "837ca4c0ce88": ("A", f"{XEON}, 2026-11-28 and 11-29"),
    "041b9f0d0cde": ("B", f"{EPYC}, 2026-12-01 to 12-05"),
    "83a67c76b467": ("C", f"{XEON}, 2026-12-02 and 12-03"),
    "d0b8798867c5": ("D", (f"{OLDER}; and {EPYC}, 2026-12-07 and 12-08 (the image-to-image "
                           f"rows: the same seeded recipe gave the same weights)")),
}


def short(extractor: str) -> str:
    """`classifier:fashion-mnist:837ca4c0ce88` → `837ca4c0ce88`."""
    return extractor.rsplit(":", 1)[-1]


def letter(extractor: str) -> str:
    """The machine's letter for a row's extractor (its short hash when the machine is unknown)."""
    return CLASSIFIERS.get(short(extractor), (short(extractor), ""))[0]


def legend(extractors: set[str] | list[str]) -> str:
    """One line naming the machine behind each letter used."""
    seen = sorted({short(e) for e in extractors if e},
                  key=lambda h: CLASSIFIERS.get(h, (h, ""))[0])
    parts = [f"{CLASSIFIERS[h][0]} = {CLASSIFIERS[h][1]} (classifier {h})" if h in CLASSIFIERS
             else f"{h} = a classifier of unrecorded provenance" for h in seen]
    return ("Machines (each scores on its own domain classifier, one thread per run): "
            + "; ".join(parts) + ".")
