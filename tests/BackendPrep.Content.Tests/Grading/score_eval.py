#!/usr/bin/env python3
"""Scores the grader on a labelled eval file, micro-averaged over (answer, rubric item) pairs.

Usage (from the repo root, after `dotnet build src/BackendPrep.Bot -c Release`):
  python3 tests/BackendPrep.Content.Tests/Grading/score_eval.py LABELS.jsonl [--semantic]
It feeds every answer to `backendprep.dll grade --jsonl` in one process and prints P/R/F1 overall and per style.
Only items the grader reports (covered + missed) count as pairs, so a prompt it cannot find fails loudly instead.
"""
import json
import subprocess
import sys
from collections import defaultdict

DLL = "src/BackendPrep.Bot/bin/Release/net10.0/backendprep.dll"


def grade(rows, semantic):
    args = ["dotnet", DLL, "grade", "--jsonl"] + (["--semantic"] if semantic else [])
    stdin = "".join(json.dumps({"prompt": r["prompt"], "answer": r["answer"]}) + "\n" for r in rows)
    out = subprocess.run(args, input=stdin, capture_output=True, text=True, check=True).stdout
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(results) != len(rows):
        sys.exit(f"grader returned {len(results)} lines for {len(rows)} answers")
    return results


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    return p, r, f


def fmt(x):
    return "  n/a" if x is None else f"{x:.3f}"


def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    semantic = "--semantic" in sys.argv
    rows = [json.loads(line) for path in paths for line in open(path, encoding="utf-8") if line.strip()]
    results = grade(rows, semantic)
    counts = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, answers
    for row, res in zip(rows, results):
        items = set(res["covered"]) | set(res["missed"])
        gold, got = set(row["covers"]), set(res["covered"])
        if not gold <= items:
            sys.exit(f"labels {gold - items} are not items of {row['prompt']}")
        for key in ("ALL", row["style"]):
            c = counts[key]
            c[0] += len(gold & got)
            c[1] += len(got - gold)
            c[2] += len(gold - got)
            c[3] += 1
    print(f"grader: {'semantic' if semantic else 'lexical'}  answers: {len(rows)}")
    print(f"{'style':<11}{'n':>4}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for key in ["ALL"] + sorted(k for k in counts if k != "ALL"):
        tp, fp, fn, n = counts[key]
        p, r, f = prf(tp, fp, fn)
        print(f"{key:<11}{n:>4}{tp:>5}{fp:>5}{fn:>5}{fmt(p):>7}{fmt(r):>7}{fmt(f):>7}")


if __name__ == "__main__":
    main()
