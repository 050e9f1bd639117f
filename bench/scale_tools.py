"""What the scaling benchmarks share: their inputs, and a command measured as a whole process tree.

- ``wire_reports(n, folder)``: a folder holding the first ``n`` te3-silver-news reports (TimeML).
- ``reuters_jsonl(n, path)``: the first ``n`` Reuters-21578 bodies as JSON Lines (id ``reuters-NEWID``,
  the story's date, its title and text), read from the SGML files.
- ``measure(command)``: runs it, and returns its wall time and the peak memory of it and every
  process it starts (worker processes, a local Ray), as the sum of their proportional set sizes
  (PSS: pages shared between processes are split between them, not counted once per process).
- ``bare_spacy(paths)``: the baseline pass, run as ``python bench/scale_tools.py bare-spacy PATH...``:
  the model, the same articles, ``nlp.pipe`` in batches of 32, nothing else.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
WIRE = SHARED / "te3-silver-news"
REUTERS = SHARED / "reuters21578"
SAMPLE_SECONDS = 0.25

_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.DOTALL)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("DATE", "TITLE", "BODY")}


def wire_reports(n: int, folder: Path) -> Path:
    """``folder`` holding links to the first ``n`` te3-silver-news reports."""
    reports = sorted(WIRE.glob("*.tml"))[:n]
    if len(reports) < n:
        raise SystemExit(f"{WIRE} holds {len(reports)} reports, fewer than {n}")
    folder.mkdir(parents=True, exist_ok=True)
    for report in reports:
        link = folder / report.name
        if not link.exists():
            link.symlink_to(report)
    return folder


def reuters_jsonl(n: int, path: Path) -> Path:
    """The first ``n`` Reuters-21578 stories that have a body, as JSON Lines at ``path``."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
            for story in _STORY.finditer(sgm.read_text(encoding="latin-1")):
                fields = {k: p.search(story.group(2)) for k, p in _FIELD.items()}
                if fields["BODY"] is None or fields["DATE"] is None:
                    continue
                # " 5-APR-1987 01:53:30.29": the day may have one digit, so split at the space.
                day = dt.datetime.strptime(fields["DATE"].group(1).split()[0], "%d-%b-%Y").date()
                record = {
                    "id": f"reuters-{story.group(1)}",
                    "date": day.isoformat(),
                    "title": html.unescape(fields["TITLE"].group(1)) if fields["TITLE"] else None,
                    "text": html.unescape(fields["BODY"].group(1)).replace("\x03", "").strip(),
                }
                out.write(json.dumps(record) + "\n")
                written += 1
                if written == n:
                    return path
    raise SystemExit(f"{REUTERS} holds {written} stories with a body, fewer than {n}")


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float


def measure(command: list[str], *, env: dict[str, str] | None = None) -> Measured:
    """Run ``command`` (its output discarded) and measure it; raises ``SystemExit`` if it fails."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_SECONDS):
            peak[0] = max(peak[0], _tree_pss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return Measured(seconds, peak[0] / 1024)


def _tree_pss(root: int) -> int:
    """The PSS (kB) of ``root`` and all its descendants."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in os.listdir(f"/proc/{pid}/task"):
                stack.extend(int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except (OSError, ValueError):
            continue  # gone meanwhile
    return total


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bare_spacy(paths: list[str]) -> int:
    """The baseline: parse the articles of ``paths`` with the model Accord uses, all its components."""
    from accord.ingest import read_articles
    from accord.nlp import load_language_model
    from accord.records import Article

    nlp = load_language_model()
    texts = (a.text for a in read_articles(paths) if isinstance(a, Article))
    return sum(1 for _ in nlp.pipe(texts, batch_size=32))


if __name__ == "__main__" and sys.argv[1:2] == ["bare-spacy"]:
    print(bare_spacy(sys.argv[2:]))
