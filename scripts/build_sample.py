"""Rebuild samples/muc4-tst4-sample.jsonl (messages 1-12) or another slice of the MUC-4 TST4 mixed-case messages.

MUC-3/4 texts are public domain (NIST MUC project; github.com/dstl/muc3 redistributes them under CC0 1.0).
Usage: python scripts/build_sample.py ../shared/data/muc34/TASK/CORPORA/tst4/tst4-muc4.mixed-case
       [OUT.jsonl FIRST LAST]   (default: samples/muc4-tst4-sample.jsonl 1 12)
The dashboard's browser tests read messages 13-100 from tests/data/web/muc4-tst4-0013-0100.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

MESSAGE = re.compile(r"^(TST4-MUC4-\d{4})\s*$", re.MULTILINE)
DATELINE = re.compile(
    r"^\s*(?P<place>[^,\n]+),\s*(?P<day>\d{1,2})\s+(?P<mon>[A-Za-z]{3})\s+(?P<yy>\d{2})\s*\((?P<src>[^)]*)\)"
)
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "muc4-tst4-sample.jsonl"


def messages(text: str) -> list[tuple[str, str]]:
    parts = MESSAGE.split(text)
    return [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]


def main(path: str, out: Path = SAMPLE, first: int = 1, last: int = 12) -> None:
    rows = []
    for message_id, body in messages(Path(path).read_text(encoding="latin-1")):
        number = int(message_id.rsplit("-", 1)[1])
        match = DATELINE.match(body)
        if not match or not first <= number <= last:
            continue
        date = dt.datetime.strptime(
            f"{match['day']} {match['mon'].title()} 19{match['yy']}", "%d %b %Y"
        ).date()
        # Unwrap the 70-column lines; keep paragraphs apart.
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
        text = "\n\n".join(paragraphs)
        rows.append(
            {
                "id": message_id,
                "date": date.isoformat(),
                "title": None,
                "text": text,
                "url": None,
                "source": f"FBIS ({match['src'].strip()}) via NIST MUC-4, public domain",
            }
        )
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} articles -> {out}")


if __name__ == "__main__":
    if len(sys.argv) == 5:
        main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        main(sys.argv[1])
