"""``python -m terminology.convert [--nos DIR] [--extra DIR] [--geo DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from terminology.convert import read_release, write_release
from terminology.convert.communes import commune_rows, write_communes
from terminology.convert.fsh import FshError

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m terminology.convert", description=__doc__)
    parser.add_argument("--nos", type=Path, default=REPO.parent / "shared" / "nos", help="NOS folder holding fsh/")
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=None,
        help="more folders holding fsh/ (default: terminology/nos-extra); repeatable",
    )
    parser.add_argument("--no-extra", action="store_true", help="convert the NOS folder alone")
    parser.add_argument("--geo", type=Path, default=REPO.parent / "shared" / "geo", help="folder with communes.csv")
    parser.add_argument("--no-geo", action="store_true", help="skip the commune table")
    parser.add_argument("--out", type=Path, default=REPO / "terminology" / "data", help="output folder")
    args = parser.parse_args(argv)
    extra = [] if args.no_extra else args.extra or [REPO / "terminology" / "nos-extra"]
    roots = [args.nos / "fsh", *(e / "fsh" for e in extra)]
    missing = [r for r in roots if not r.is_dir()]
    if missing:
        print(f"error: no fsh folder at {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    try:
        release = read_release(roots)
    except FshError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_release(release, args.out)
    print(f"{len(release.code_systems)} CodeSystem, {len(release.value_sets)} ValueSet -> {args.out}")
    if not args.no_geo:
        count = write_communes(commune_rows(args.geo / "communes.csv"), args.out / "communes.csv")
        print(f"{count} communes -> {args.out / 'communes.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
