#!/usr/bin/env python3
"""Lexical P/R/F1 per eval file and per leave-prompts-out fold, for judging a grader change.

Usage (from the repo root, after `dotnet build src/BackendPrep.Bot -c Release`):
  python3 tests/BackendPrep.Content.Tests/Grading/fold_eval.py [--semantic] [--dump OUT.json] [--diff BEFORE.json]
The prompts of all five eval files, sorted by id, are dealt round robin into 6 folds; a fold's figure is the
micro-F1 over its prompts' answers. --dump writes every answer's covered items; --diff lists the (answer, item) pairs
whose outcome changed against such a dump, marked +TP, -TP, +FP, -FP.
"""
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from score_eval import grade, prf, fmt  # noqa: E402

HERE = os.path.dirname(__file__)
FILES = ["eval-set.jsonl", "eval-blind2.jsonl", "eval-blind3.jsonl", "eval-blind4.jsonl", "eval-blind5.jsonl", "eval-blind6.jsonl", "eval-blind7.jsonl", "eval-blind8.jsonl"]
FOLDS = 6


def main():
    args = sys.argv[1:]
    semantic = "--semantic" in args
    dump = args[args.index("--dump") + 1] if "--dump" in args else None
    diff = args[args.index("--diff") + 1] if "--diff" in args else None
    rows = []
    for name in FILES:
        for line in open(os.path.join(HERE, name), encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                row["file"] = name
                rows.append(row)
    results = grade(rows, semantic)
    prompts = sorted({r["prompt"] for r in rows})
    fold_of = {p: i % FOLDS for i, p in enumerate(prompts)}
    counts = defaultdict(lambda: [0, 0, 0])
    got_all = []
    for row, res in zip(rows, results):
        gold, got = set(row["covers"]), set(res["covered"])
        got_all.append(sorted(got))
        for key in ("ALL", row["file"], f"fold {fold_of[row['prompt']] + 1}"):
            c = counts[key]
            c[0] += len(gold & got)
            c[1] += len(got - gold)
            c[2] += len(gold - got)
    print(f"{'':<20}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for key in ["ALL"] + FILES + [f"fold {i + 1}" for i in range(FOLDS)]:
        tp, fp, fn = counts[key]
        p, r, f = prf(tp, fp, fn)
        print(f"{key:<20}{tp:>5}{fp:>5}{fn:>5}{fmt(p):>7}{fmt(r):>7}{fmt(f):>7}")
    if dump:
        json.dump(got_all, open(dump, "w"))
    if diff:
        before = json.load(open(diff))
        for i, (row, b, a) in enumerate(zip(rows, before, got_all)):
            gold = set(row["covers"])
            for item in sorted(set(a) ^ set(b)):
                gained = item in a
                kind = ("+" if gained else "-") + ("TP" if item in gold else "FP")
                print(f"{kind} {row['file']}#{i} {row['prompt']}/{item} [{row.get('style')}]: {row['answer'][:160]}")


if __name__ == "__main__":
    main()
