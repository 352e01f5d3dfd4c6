"""python -m factcheck.extraction PATH [--json]: statements and speakers of one article."""

from __future__ import annotations

import argparse
import json
import sys

from factcheck.extraction import extract


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m factcheck.extraction",
        description="Find the statements in a news article and who made them.",
    )
    parser.add_argument("path", help="article file (plain text or HTML, any encoding)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        with open(args.path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        print(f"cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    result = extract(raw).as_dict()
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_table(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
