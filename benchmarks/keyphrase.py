"""keyphrase: what the focus-keyphrase analysis adds to a warm full analysis.

The bundled article is analysed with every rule and its keyphrase (A), and
with every rule but the keyphrase rules (B), interleaved A B A B so that
machine noise hits both alike. Target: A ≤ 1.10 × B.
"""

from __future__ import annotations

import statistics

from benchmarks.common import ARTICLE, Outcome, Verdict, heading, ms, summary, table, timed

RUNS = 30
LIMIT = 1.10


def run(quick: bool) -> Outcome:
    """Measure the keyphrase overhead on the bundled article."""
    import seofr

    heading("keyphrase: overhead of the focus-keyphrase rules on a warm analysis")
    runs = 8 if quick else RUNS

    def with_keyphrase() -> object:
        return seofr.analyze(ARTICLE, keyword="vélo électrique")

    def without_keyphrase() -> object:
        return seofr.analyze(ARTICLE, ignore=["K"])

    for call in (with_keyphrase, without_keyphrase):  # load the model, fill the caches
        call()
    a_samples: list[float] = []
    b_samples: list[float] = []
    for _ in range(runs):
        a_samples.append(timed(with_keyphrase))
        b_samples.append(timed(without_keyphrase))
    a, b = statistics.median(a_samples), statistics.median(b_samples)
    print(
        table(
            ["analysis", "median", "runs"],
            [
                ["all rules, keyphrase « vélo électrique » (A)", ms(a), runs],
                ["all rules but the keyphrase rules (B)", ms(b), runs],
            ],
        )
    )
    ratio = a / b
    print(f"A / B = {ratio:.3f}")
    return Outcome(
        "keyphrase",
        {
            "with_keyphrase_s": summary(a_samples),
            "without_keyphrase_s": summary(b_samples),
            "ratio": ratio,
        },
        [Verdict("keyphrase analysis over the rest of a warm full analysis", ratio, LIMIT, "×")],
    )
