#!/usr/bin/env python3
"""Shows that a tagger model file is plain safetensors and that NumPy alone reproduces the
tagger's scores.

Loads MODEL with Python's `safetensors`, rebuilds the window features of each sentence from the
dictionaries in the file's metadata (the rules of Collobert et al. 2011 as the tagger applies
them: lower-cased words with digits as 0, four capitalisation values, two-letter suffixes,
padding beyond the sentence ends), runs lookup -> Linear -> HardTanh -> Linear in NumPy, and
compares with `tagger tag --output-format scores` on the same sentences.

    pip install numpy safetensors
    python scripts/check_model_numpy.py MODEL [--tagger .build/release/tagger] ["a sentence" ...]

Exits with status 1 when any score differs by more than 1e-4.
"""
import argparse, json, re, subprocess, sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file


def caps(word):
    letters = [c for c in word if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if upper == 0:
        return 1                      # all lower (or no letters)
    if upper == len(letters) and len(letters) >= 2:
        return 2                      # all caps
    if letters[0].isupper():
        return 3                      # initial capital
    return 4                          # a capital elsewhere


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("sentences", nargs="*", default=["The cat sat on the mat .", "Peter visited Paris in 1999 ."])
    ap.add_argument("--tagger", default=".build/release/tagger")
    a = ap.parse_args()

    with safe_open(a.model, framework="numpy") as f:
        meta = f.metadata()
    tensors = load_file(a.model)
    config = json.loads(meta["configuration"])
    if config.get("gazetteerNames") or config.get("featureColumns"):
        sys.exit("this check covers word, caps and suffix features only")
    vocab = {w: i + 2 for i, w in enumerate(json.loads(meta["words"]))}
    suffixes = {w: i + 2 for i, w in enumerate(json.loads(meta.get("suffixes", "[]")))}
    window = config["windowSize"]

    # Tables in the tagger's order: word, caps, suffix.
    tables = [("word", lambda w: vocab.get(re.sub(r"[0-9]", "0", w.lower()), 1), 0)]
    if config.get("capsDimension") is not None:
        tables.append(("caps", caps, 0))
    if config.get("suffixDimension") is not None:
        n = config.get("suffixLength", 2)
        tables.append(("suffix", lambda w: suffixes.get(w.lower()[-n:], 1), 0))

    out = subprocess.run([a.tagger, "tag", "--model", a.model, "--output-format", "scores"],
                         input="\n".join(a.sentences) + "\n", capture_output=True, text=True, check=True)
    worst = 0.0
    for line, sentence in zip(out.stdout.splitlines(), a.sentences):
        reference = json.loads(line)
        words = sentence.split()
        ids = [[fn(w) for w in words] for _, fn, _ in tables]
        half = window // 2
        rows = []
        for i in range(len(words)):
            parts = []
            for p in range(i - half, i + half + 1):
                for t, (name, _, pad) in enumerate(tables):
                    idx = ids[t][p] if 0 <= p < len(words) else pad
                    parts.append(tensors["embedding." + name][idx])
            rows.append(np.concatenate(parts))
        x = np.stack(rows).astype(np.float64)
        h = np.clip(x @ tensors["hidden.weight"].T.astype(np.float64) + tensors["hidden.bias"].reshape(-1), -1, 1)
        s = h @ tensors["output.weight"].T.astype(np.float64) + tensors["output.bias"].reshape(-1)
        diff = float(np.abs(s - np.array(reference["scores"])).max())
        worst = max(worst, diff)
        print(f"{sentence!r}: {len(words)} words x {s.shape[1]} tags, max |numpy - tagger| = {diff:.2e}")
    print(f"worst difference {worst:.2e}: {'OK' if worst <= 1e-4 else 'MISMATCH'}")
    sys.exit(0 if worst <= 1e-4 else 1)


if __name__ == "__main__":
    main()
