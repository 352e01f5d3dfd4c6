"""Score the extractor on a folder of gold annotations: per article, TUNE, CHECK and whole corpus.

    manage.py extract --evaluate CORPUS_DIR [--verbose] [--scorer score_extraction.py]

A gold file (`*.gold.json`) holds an article's `text`, its `parties` and its `statements`. The
matching rules are the corpus scorer's: texts compared as bags of normalised word tokens, a
predicted and a gold statement match at token F1 >= 0.5 (one to one, best first), a statement
repeated verbatim by the same speaker counts once, and a speaker is right when it names the gold
party (canonical name, alias, or a person's surname). `--scorer` loads the corpus's own scorer
module instead, to show the two agree.

The corpus is split by outlet: CHECK articles are never read while writing rules, only their
totals are looked at; TUNE is the rest. A learned component (a module of this package defining
`train(golds) -> params` and `trained(params)`, a context manager under which extract() uses
those parameters) adds a leave-one-article-out figure: trained on all but one article, scored on
that one, for each article in turn.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import json
import pkgutil
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from factcheck.extraction import extract

# The fixed split by outlet that both extraction engineers report on (issue 12).
CHECK_ARTICLES = frozenset(
    """cbsnews-impeachment-volker-morrison cbsnews-south-carolina-voters
    guardian-standing-rock-police guardian-university-halls npr-roof-verdict
    timesunion-pge-power-shutoff""".split()
)
MATCH_THRESHOLD = 0.5
COUNTS = ("gold", "pred", "matched", "right", "parties_gold", "parties_found", "parties_pred")

_DEBRIS = re.compile(r"&\s*#\s*(\d+)\s*;")
_TOKEN = re.compile(r"\w+")

Scorer = Callable[[dict, dict], dict]


def tokens(text: str | None) -> list[str]:
    text = _DEBRIS.sub(lambda m: chr(int(m.group(1))), text or "")
    return _TOKEN.findall(unicodedata.normalize("NFKC", html.unescape(text)).lower())


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def once_each(statements: Iterable[dict]) -> list[dict]:
    """Statements repeated verbatim by the same speaker count once."""
    seen: set[tuple] = set()
    out = []
    for s in statements:
        key = (tuple(tokens(s.get("quote", ""))), tuple(tokens(s.get("speaker") or "")))
        if key[0] and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def names_party(name: str, party: dict) -> bool:
    said = tokens(name)
    if not said:
        return False
    known = {" ".join(tokens(n)) for n in [party["name"], *party.get("aliases", [])]}
    if " ".join(said) in known:
        return True
    # a person's surname alone (or with one more word) names them
    surname = tokens(party["name"])[-1:]
    return party.get("kind") == "person" and said[-1:] == surname and len(said) <= 2


def pair(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one matches, best overlap first."""
    candidates = []
    gold_tokens = [tokens(g["quote"]) for g in gold]
    for i, p in enumerate(predicted):
        pt = tokens(p.get("quote", ""))
        for j, gt in enumerate(gold_tokens):
            overlap = token_f1(pt, gt)
            if overlap >= MATCH_THRESHOLD:
                candidates.append((overlap, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def score(gold_doc: dict, result: dict) -> dict:
    """Counts for one article: gold, pred, matched, right, parties gold/found/predicted."""
    parties = {p["name"]: p for p in gold_doc["parties"]}
    gold = once_each(gold_doc["statements"])
    predicted = once_each(result["statements"])
    pairs = pair(predicted, gold)
    speaking = {g["speaker"] for g in gold}
    said_names = [n for p in result["parties"] for n in [p.get("name", ""), *p.get("aliases", [])]]
    return {
        "gold": len(gold),
        "pred": len(predicted),
        "matched": len(pairs),
        "right": sum(names_party(p.get("speaker") or "", parties[g["speaker"]]) for p, g in pairs),
        "parties_gold": len(speaking),
        "parties_found": sum(any(names_party(n, parties[s]) for n in said_names) for s in speaking),
        "parties_pred": len(result["parties"]),
    }


def errors(gold_doc: dict, result: dict) -> list[str]:
    """Missed, spurious and misattributed statements of one article, one line each."""
    parties = {p["name"]: p for p in gold_doc["parties"]}
    gold = once_each(gold_doc["statements"])
    predicted = once_each(result["statements"])
    pairs = pair(predicted, gold)
    hit_g = {id(g) for _, g in pairs}
    hit_p = {id(p) for p, _ in pairs}
    lines = [f"  missed   [{g['speaker']}] {g['quote'][:110]}" for g in gold if id(g) not in hit_g]
    lines += [
        f"  spurious [{p.get('speaker')}] {p.get('quote', '')[:110]}"
        for p in predicted
        if id(p) not in hit_p
    ]
    lines += [
        f"  speaker  said {p.get('speaker')!r}, gold {g['speaker']!r}: {g['quote'][:80]}"
        for p, g in pairs
        if not names_party(p.get("speaker") or "", parties[g["speaker"]])
    ]
    return lines


def load_scorer(path: str | Path) -> Scorer:
    """The score function of a scorer module given by path (e.g. the corpus's own scorer)."""
    spec = importlib.util.spec_from_file_location("external_scorer", path)
    if spec is None or spec.loader is None:
        raise ValueError(f"{path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def load_corpus(folder: str | Path) -> list[dict]:
    paths = sorted(Path(folder).glob("*.gold.json"))
    if not paths:
        raise ValueError(f"no *.gold.json files in {folder}")
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


@dataclass
class Totals:
    counts: Counter = field(default_factory=Counter)

    def add(self, counts: dict) -> None:
        self.counts.update({k: counts[k] for k in COUNTS})

    @property
    def precision(self) -> float:
        return _ratio(self.counts["matched"], self.counts["pred"])

    @property
    def recall(self) -> float:
        return _ratio(self.counts["matched"], self.counts["gold"])

    @property
    def statement_f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.counts["right"], self.counts["matched"])

    @property
    def attributed_f1(self) -> float:
        c = self.counts
        return _f1(_ratio(c["right"], c["pred"]), _ratio(c["right"], c["gold"]))

    def line(self, label: str) -> str:
        c = self.counts
        return (
            f"{label}: statements P {self.precision:.3f} R {self.recall:.3f} "
            f"F1 {self.statement_f1:.3f}; speaker accuracy {self.speaker_accuracy:.3f}; "
            f"attributed F1 {self.attributed_f1:.3f}; "
            f"parties found {c['parties_found']}/{c['parties_gold']}"
        )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def learned_components() -> list[ModuleType]:
    """Modules of this package that learn parameters from gold articles (see the docstring)."""
    import factcheck.extraction as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name in ("evaluate", "__main__"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if callable(getattr(module, "train", None)) and callable(getattr(module, "trained", None)):
            found.append(module)
    return found


@dataclass
class Report:
    articles: list[tuple[str, str, Totals]]  # (id, "tune" | "check", scores)
    tune: Totals
    check: Totals
    whole: Totals
    loao: Totals | None = None
    details: dict[str, list[str]] = field(default_factory=dict)


def evaluate(
    golds: list[dict],
    scorer: Scorer = score,
    check: frozenset[str] = CHECK_ARTICLES,
    verbose: bool = False,
    learned: list[ModuleType] | None = None,
) -> Report:
    report = Report([], Totals(), Totals(), Totals())
    for doc in golds:
        result = extract(doc["text"]).as_dict()
        one = Totals()
        one.add(scorer(doc, result))
        split = "check" if doc["id"] in check else "tune"
        report.articles.append((doc["id"], split, one))
        (report.check if split == "check" else report.tune).add(one.counts)
        report.whole.add(one.counts)
        if verbose and split == "tune":  # CHECK errors are never shown, only its totals
            report.details[doc["id"]] = errors(doc, result)
    components = learned_components() if learned is None else learned
    if components:
        report.loao = Totals()
        for doc in golds:
            others = [d for d in golds if d is not doc]
            with ExitStack() as stack:
                for component in components:
                    stack.enter_context(component.trained(component.train(others)))
                report.loao.add(scorer(doc, extract(doc["text"]).as_dict()))
    return report


def render(report: Report) -> str:
    lines = []
    width = max(len(a) for a, _, _ in report.articles)
    for article, split, t in report.articles:
        lines.append(t.line(f"{article:<{width}}  {split.upper():<5}"))
        lines.extend(report.details.get(article, []))
    lines.append("")
    lines.append(report.tune.line(f"TUNE  ({sum(s == 'tune' for _, s, _ in report.articles)})"))
    lines.append(report.check.line(f"CHECK ({sum(s == 'check' for _, s, _ in report.articles)})"))
    lines.append(report.whole.line(f"WHOLE ({len(report.articles)})"))
    if report.loao is not None:
        lines.append(report.loao.line("LEAVE-ONE-ARTICLE-OUT"))
    return "\n".join(lines)
