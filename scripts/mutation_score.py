"""The mutation score per module after `mutmut run` (`make mutation`), checked against its rules.

A module passes when at least 90% of its mutants are killed and every mutant that is not killed
is listed in docs/TESTING.md with why it changes nothing a person could notice (an equivalent
mutant). Prints one Markdown table (the README carries the last one) and exits non-zero when a
module fails, a survivor is unexplained, or a mutant was never run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.90
KILLED = {"killed", "timeout"}  # a mutant that makes the tests hang is caught too
EXPLAINED = ROOT / "docs" / "TESTING.md"
MUTANT = re.compile(r"components\.\w+\.\S+?__mutmut_\d+")


def results() -> dict[str, str]:
    """Every mutant's status, from mutmut's own record of the last run."""
    output = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for line in output.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if MUTANT.fullmatch(name):
            found[name] = status
    return found


def main() -> int:
    statuses = results()
    if not statuses:
        print("No mutation results: run `make mutation`.")
        return 1
    explained = set(MUTANT.findall(EXPLAINED.read_text(encoding="utf-8")))
    modules: dict[str, Counter] = {}
    problems = []
    for name, status in sorted(statuses.items()):
        module = name.split(".")[1]
        modules.setdefault(module, Counter())[status] += 1
        if status == "not checked":
            problems.append(f"{name}: never run")
        elif status not in KILLED and name not in explained:
            problems.append(f"{name}: {status}, and not explained in docs/TESTING.md")
    print("| module | mutants | killed | equivalent (docs/TESTING.md) | score |")
    print("|---|---|---|---|---|")
    for module, counts in modules.items():
        total = sum(counts.values())
        killed = sum(counts[s] for s in KILLED)
        equivalent = total - killed - counts["not checked"]
        score = killed / total
        if score < TARGET:
            problems.append(f"components/{module}.py: {score:.1%} killed, below {TARGET:.0%}")
        print(f"| components/{module}.py | {total} | {killed} | {equivalent} | {score:.1%} |")
    stale = sorted(explained - set(statuses))
    if stale:
        print(f"\nListed in docs/TESTING.md but no longer a mutant (remove them): {', '.join(stale)}")
    for problem in problems:
        print(problem)
    print("\nMutation score holds." if not problems else f"\n{len(problems)} problem(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
