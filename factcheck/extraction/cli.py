"""`manage.py extract`: the extractor's one command line (manage.py runs it without starting
Django, and the management command of the same name delegates here).

    manage.py extract PATH [--json]          what the desk would propose for one article
    manage.py extract --evaluate CORPUS_DIR  scores on a folder of gold annotations (evaluate.py)
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from factcheck.extraction import extract


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="article file: text or HTML, any encoding")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--evaluate", metavar="CORPUS_DIR", help="score on the *.gold.json files of a folder"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="with --evaluate: list the errors of each TUNE article (never CHECK's)",
    )
    parser.add_argument(
        "--no-loao",
        action="store_true",
        help="with --evaluate: skip the leave-one-article-out figure (it retrains 19 times)",
    )
    parser.add_argument(
        "--scorer",
        metavar="SCORER_PY",
        help="with --evaluate: count with this scorer module's score() instead of ours",
    )


def run(args: argparse.Namespace) -> int:
    """Exit status: 0, 1 when the article cannot be read, 2 for a usage or corpus error."""
    if args.evaluate:
        if args.path:
            return _fail("give an article PATH or --evaluate CORPUS_DIR, not both", 2)
        return _evaluate(args.evaluate, args.verbose, args.scorer, args.no_loao)
    if not args.path:
        return _fail("give an article PATH (or --evaluate CORPUS_DIR)", 2)
    try:
        with open(args.path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return _fail(f"cannot read {args.path}: {exc.strerror or exc}", 1)
    result = extract(raw).as_dict()
    _write(json.dumps(result, ensure_ascii=False) if args.json else render_table(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="manage.py extract",
        description="Find the statements in a news article and who made them, or score the "
        "extractor on a folder of gold annotations.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


def render_table(result: dict) -> str:
    lines = []
    parties = result["parties"]
    statements = result["statements"]
    lines.append(f"{len(parties)} parties, {len(statements)} statements")
    if parties:
        lines.append("")
        width = max(len(p["name"]) for p in parties)
        for p in parties:
            extra = f"  ({p['affiliation']})" if p["affiliation"] else ""
            lines.append(f"  {p['name']:<{width}}  {p['kind']:<12}{extra}")
    if statements:
        lines.append("")
        for s in statements:
            mark = "“”" if s["direct"] else "  "
            quote = " ".join(s["quote"].split())
            if len(quote) > 90:
                quote = quote[:87] + "..."
            speaker = s["speaker"] or "(unattributed)"
            lines.append(f"  {s['start']:>6}  {speaker[:28]:<28} {mark[0]}{quote}{mark[1]}")
    return "\n".join(lines)


def _evaluate(folder: str, verbose: bool, scorer_path: str | None, no_loao: bool) -> int:
    from factcheck.extraction import evaluate

    try:
        golds = evaluate.load_corpus(folder)
        scorer = evaluate.load_scorer(scorer_path) if scorer_path else evaluate.score
    except (OSError, ValueError, AttributeError) as exc:
        return _fail(str(exc), 2)
    learned = [] if no_loao else None
    _write(evaluate.render(evaluate.evaluate(golds, scorer, verbose=verbose, learned=learned)))
    return 0


def _fail(message: str, status: int) -> int:
    sys.stderr.write(message + "\n")
    return status


def _write(output: str) -> None:
    try:
        sys.stdout.write(output + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
