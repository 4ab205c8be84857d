"""Benchmarks of a buddy matching round (issue 6): 3,000 waiting newcomers and 1,600
volunteers with 2 places each, spread over a Flanders-like map (see bench_matching).

Volunteers travel 5, 10 or 20 km; a quarter of the women volunteers and a fifth of the
women newcomers want a woman as partner; 200 pairs are forbidden (ended badly before).
The timed round includes finding the pairs in reach, scoring them, the min-cost flow and
the reasons of every proposal. Times are medians of several runs.
"""

from __future__ import annotations

import numpy as np

from bench.bench_matching import (
    THEMES,
    measure,
    median_time,
    municipalities,
    places_near,
    random_bits,
    relative_gap,
    week_masks,
)
from pnt.matching import (
    BuddyTable,
    Vocabulary,
    buddy_candidates,
    buddy_problem,
    buddy_round,
    greedy_buddy_round,
    lp_allocation,
)
from pnt.matching.buddies import BuddyVocabularies

SEED = 20230601
LANGUAGES = ("nl", "en", "fr", "es", "tr", "ar", "uk", "ru", "fa", "ps", "ti", "so")
VOCAB = BuddyVocabularies(Vocabulary(THEMES), Vocabulary(LANGUAGES), Vocabulary(("f", "m")))


def languages(rng: np.random.Generator, n: int, first: range, extra: float) -> np.ndarray:
    """One language from ``first`` (bit indices), plus English with chance ``extra``."""
    own = np.uint64(1) << rng.choice(np.array(first), n).astype(np.uint64)
    english = np.where(rng.random(n) < extra, np.uint64(1 << LANGUAGES.index("en")), np.uint64(0))
    return (own | english)[:, None]


def people(rng, n: int, centres, share, volunteer: bool) -> BuddyTable:
    lat, lon = places_near(rng, centres, share, n, km=2.5)
    gender = rng.integers(0, 2, n)  # 0 = f, 1 = m (VOCAB.genders order)
    wants_woman = (gender == 0) & (rng.random(n) < (0.25 if volunteer else 0.2))
    return BuddyTable(
        keys=list(range(n)),
        interests=random_bits(rng, n, len(THEMES), 2, 5),
        languages=languages(rng, n, range(0, 5) if volunteer else range(2, 12), 0.5),
        lat=lat,
        lon=lon,
        availability=week_masks(rng, n, (3, 8)),
        age=rng.uniform(20, 75, n) if volunteer else rng.uniform(18, 60, n),
        gender=gender,
        gender_pref=np.where(wants_woman, 0, -1),
        max_km=rng.choice([5.0, 10.0, 20.0], n, p=(0.3, 0.5, 0.2))
        if volunteer
        else np.full(n, np.inf),
        capacity=np.full(n, 2 if volunteer else 1),
        compulsory=(rng.random(n) < 0.7) & (not volunteer),
        waiting_days=rng.integers(0, 200, n).astype(float),
        vocab=VOCAB,
    )


def pool(n: int = 3_000, v: int = 1_600, seed: int = SEED):
    rng = np.random.default_rng(seed)
    centres, share = municipalities(rng)
    newcomers = people(rng, n, centres, share, volunteer=False)
    volunteers = people(rng, v, centres, share, volunteer=True)
    forbidden = list(
        zip(rng.integers(0, n, 200).tolist(), rng.integers(0, v, 200).tolist(), strict=True)
    )
    return newcomers, volunteers, forbidden


def run() -> dict[str, dict]:
    newcomers, volunteers, forbidden = pool()
    round_s, best = median_time(lambda: buddy_round(newcomers, volunteers, forbidden=forbidden), 7)
    greedy = greedy_buddy_round(newcomers, volunteers, forbidden=forbidden)
    scores = buddy_candidates(newcomers, volunteers, forbidden=forbidden)
    lp = lp_allocation(buddy_problem(newcomers, volunteers, scores))
    ours = best.allocation.objective
    size = (
        f"{len(newcomers)} newcomers x {len(volunteers)} volunteers (2 places), "
        f"{scores.fit.size} allowed pairs, {len(best.proposals)} proposals"
    )
    return {
        "buddy_round_s": measure(round_s, "s", note=f"{size}; median of 7; target <= 1 s"),
        "buddy_fit_vs_greedy": measure(
            ours / greedy.allocation.objective,
            "ratio",
            greedy.allocation.objective,
            ours / greedy.allocation.objective,
            note="priority-weighted total fit vs greedy in arrival order",
        ),
        "buddy_optimality_gap": measure(
            relative_gap(lp.lp_bound, ours),
            "ratio",
            lp.lp_bound,
            ours / lp.lp_bound,
            note="relative gap to the HiGHS LP optimum on the same pool",
        ),
    }
