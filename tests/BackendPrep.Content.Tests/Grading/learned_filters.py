#!/usr/bin/env python3
"""Would a filter learned from labelled text raise precision on unseen prompts? Leave-one-blind-set-out.

Usage (from the repo root, after `dotnet build src/BackendPrep.Bot -c Release`):
  python3 tests/BackendPrep.Content.Tests/Grading/learned_filters.py MODE [--semantic] [--threshold T[,T...]]
      [--features bow,emb] [--with-blind] [--self] [--vectors CACHE]
Every eval file is graded once (lexical, or with --semantic). A logistic regression judges the held-out set's credited
items; each blind set (2-8) is held out in turn, and the held-out figures are pooled.
  sentence   trained on the other blind sets: drops a credit whose evidence sentence (words, word pairs) reads wrong;
  answer     trained on the other blind sets: drops all of an answer's credit when the whole answer reads as a rejection;
  embedding  like sentence, on the evidence sentence's MiniLM vector;
  corpus     trained on stance-corpus.jsonl only (sentences written to propose or reject a named idea, by authors who
             saw no eval file), or with --with-blind on the corpus plus the other blind sets: drops a credit whose
             evidence sentence reads as a rejection. --features picks words (the concept's own words hidden, so only
             stance words remain), vectors, or both. --self reports how well the corpus reads its own stance (5-fold).
Vectors come from `backendprep embed` (the bot's model and text folding), cached in CACHE
(default: $TMPDIR/backendprep-vectors.tsv). Results and what they mean: docs/grading-journal.md, "The eighth blind set" and
"A stance corpus".
"""
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from score_eval import DLL, grade  # noqa: E402
from fold_eval import FILES, HERE  # noqa: E402

BLIND = [f"blind{i}" for i in range(2, 9)]
CORPUS = os.path.join(HERE, "stance-corpus.jsonl")


def load(semantic):
    rows = []
    for name in FILES:
        for line in open(os.path.join(HERE, name), encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                row["set"] = {"blind": "blind1"}.get(row.get("set"), row.get("set") or "tuned")
                rows.append(row)
    for row, res in zip(rows, grade(rows, semantic)):
        row["covered"], row["evidence"] = res["covered"], res["evidence"]
    return rows


def flat(text):
    return " ".join(text.split())


def embed(texts, cache):
    """Vectors for texts, from the bot's own encoder; computed once per sentence and kept in the cache file."""
    have = {}
    if os.path.exists(cache):
        for line in open(cache, encoding="utf-8"):
            sentence, vector = line.rstrip("\n").split("\t")
            have[sentence] = [float(x) for x in vector.split()]
    need = sorted({t for t in texts if t and t not in have})
    if need:
        out = subprocess.run(["dotnet", DLL, "embed"], input="\n".join(need) + "\n", capture_output=True, text=True, check=True).stdout
        with open(cache, "a", encoding="utf-8") as f:
            for line in out.splitlines():
                f.write(line + "\n")
                sentence, vector = line.split("\t")
                have[sentence] = [float(x) for x in vector.split()]
    return have


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def bag(tokens):
    f = {"w:" + w: 1.0 for w in tokens}
    f.update({"b:" + a + "_" + b: 1.0 for a, b in zip(tokens, tokens[1:])})
    return f


def stance_words(text, concept):
    """The sentence's words with the idea's own words masked, so a model can learn only how the idea is judged."""
    hidden = {w for w in words(concept) if len(w) > 2}
    return ["_" if w in hidden else w for w in words(text)]


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


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def main():
    args = sys.argv[1:]
    mode = args[0] if args and not args[0].startswith("--") else "sentence"
    thresholds = [float(t) for t in option(args, "--threshold", "0.5").split(",")]
    kinds = option(args, "--features", "bow,emb" if mode == "corpus" else "emb" if mode == "embedding" else "bow").split(",")
    cache = option(args, "--vectors", os.path.join(tempfile.gettempdir(), "backendprep-vectors.tsv"))
    rows = load("--semantic" in args)
    corpus = [json.loads(line) for line in open(CORPUS, encoding="utf-8") if line.strip()] if mode == "corpus" else []
    vectors = {}
    if "emb" in kinds:
        evidence = [flat(s) for row in rows for s in row["evidence"].values()]
        vectors = embed([flat(c["text"]) for c in corpus] + evidence, cache)

    def features(text, concept):
        f = {"bias": 1.0}
        if "bow" in kinds:
            f.update(bag(stance_words(text, concept) if mode == "corpus" else words(text)))
        if "emb" in kinds and flat(text):
            f.update({f"e{i}": x for i, x in enumerate(vectors[flat(text)])})
        return f

    # One example per credited item (answer mode: per answer); label 1 = the credit is right / the answer is no rejection.
    examples = []
    for row in rows:
        if mode == "answer":
            examples.append((row["set"], features(row["answer"], ""), 0 if row.get("style") == "negation" else 1, row, None))
        else:
            examples += [(row["set"], features(row["evidence"].get(i, ""), i.replace("-", " ")), 1 if i in row["covers"] else 0, row, i)
                         for i in row["covered"]]
    written = [(features(c["text"], c["concept"]), 1 if c["stance"] == "propose" else 0) for c in corpus]
    if "--self" in args:
        return self_check(corpus, written)

    totals = {t: Counter() for t in thresholds}
    print(f"{mode} ({'+'.join(kinds)}{', with the other blind sets' if '--with-blind' in args else ''}): held-out set, before -> after")
    for held in BLIND:
        others = [(f, y) for s, f, y, _, _ in examples if s != held and (mode != "corpus" or s in BLIND)]
        w = train(written + (others if "--with-blind" in args else []) if mode == "corpus" else others)
        missed = sum(len([i for i in r["covers"] if i not in r["covered"]]) for r in rows if r["set"] == held)
        for t in thresholds:
            c = Counter(fn0=missed, fn=missed)
            for s, f, _, row, item in examples:
                if s != held:
                    continue
                keep = prob(w, f) >= t
                for i in row["covered"] if mode == "answer" else [item]:
                    right = i in row["covers"]
                    c["tp0" if right else "fp0"] += 1
                    if keep:
                        c["tp" if right else "fp"] += 1
                    elif right:
                        c["fn"] += 1
            totals[t].update(c)
            if len(thresholds) == 1:
                print(f"  {held}: {report(c, '0')} -> {report(c, '')}")
    for t in thresholds:
        print(f"  pooled, threshold {t}: {report(totals[t], '0')} -> {report(totals[t], '')}")


def self_check(corpus, written):
    """How well the corpus's own stance is read, 5-fold: the ceiling of these features on sentences like the corpus."""
    shared = Counter(c["text"] for c in corpus)
    order = list(range(len(written)))
    random.Random(7).shuffle(order)
    right = Counter()
    for k in range(5):
        test = set(order[k::5])
        w = train([written[i] for i in order if i not in test])
        for i in test:
            ok = (prob(w, written[i][0]) >= 0.5) == (written[i][1] == 1)
            right["all"] += ok
            if shared[corpus[i]["text"]] == 1:
                right["one idea"] += ok
                right["n one idea"] += 1
    print(f"5-fold stance accuracy: {right['all'] / len(written):.3f} on all {len(written)} lines, "
          f"{right['one idea'] / right['n one idea']:.3f} on the {right['n one idea']} that judge one idea")


def report(c, suffix):
    tp, fp, fn = c["tp" + suffix], c["fp" + suffix], c["fn" + suffix]
    p, r = tp / (tp + fp), tp / (tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}"


if __name__ == "__main__":
    main()
