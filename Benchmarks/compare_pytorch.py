#!/usr/bin/env python3
"""Side-by-side speed of NLPFromScratch's window tagger and its PyTorch twin (torch_twin.py).

One command from a fresh clone (PyTorch is installed into Benchmarks/.venv when missing):
    python3 Benchmarks/compare_pytorch.py [--reps 3] [--threads 1 2] [--python PATH]

Same model, data (CoNLL-2000 train from ../shared/data), batch sizes and threads for both; medians
of --reps runs, the two implementations alternating. Prints one Markdown table.
"""
import argparse, json, os, statistics, subprocess, sys, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "conll2000", "train.txt")
SWIFT_BIN = os.path.join(ROOT, ".build", "release", "Benchmarks")


def ensure_python(python):
    if python:
        return python
    env = os.path.join(ROOT, "Benchmarks", ".venv")
    py = os.path.join(env, "bin", "python")
    if not os.path.exists(py):
        print("installing PyTorch into Benchmarks/.venv (once) ...", file=sys.stderr)
        venv.create(env, with_pip=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "torch", "numpy"], check=True)
    return py


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--python", help="a Python with torch installed (default: Benchmarks/.venv)")
    a = ap.parse_args()
    if not os.path.exists(DATA):
        print(f"skipped: {DATA} is absent (the shared corpora are needed)", file=sys.stderr)
        return
    py = ensure_python(a.python)
    # Benchmarks, and the tagger binary whose peak memory the memory row measures.
    for product in ("Benchmarks", "tagger"):
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    twin = [py, os.path.join(ROOT, "Benchmarks", "torch_twin.py"), "--data", DATA]
    ours = [SWIFT_BIN, "tagger-speed", "--data", DATA]
    cases = [("train, batch 1", "train", ["--batch", "1"]), ("train, batch 32", "train", ["--batch", "32"]),
             ("train, batch 256", "train", ["--batch", "256"]),
             ("tag, one sentence at a time", "tag-sentences", []),
             ("tag, batches of 4096 windows (forward only)", "tag-windows", [])]
    rows = []
    for threads in a.threads:
        peak = run([SWIFT_BIN, "sgemm-peak", "--threads", str(threads)])["gflops"]
        rows.append((f"**{threads} thread{'s' if threads > 1 else ''}** (sgemm {peak:.0f} GFLOP/s)", None, None, None, ""))
        for label, mode, extra in cases:
            ours_v, torch_v, flops = [], [], None
            for _ in range(a.reps):
                r = run(ours + ["--mode", mode, "--threads", str(threads)] + extra)
                ours_v.append(r["tokens_per_second"])
                flops = r.get("flops_per_token", r["forward_flops_per_token"])
                torch_v.append(run(twin + ["--mode", mode, "--threads", str(threads)] + extra)["tokens_per_second"])
            o, t = statistics.median(ours_v), statistics.median(torch_v)
            rows.append((label, o, t, o / t, f"{100 * o * flops / (peak * 1e9):.0f}%"))
        # Our whole-file tagging with Viterbi, against PyTorch's best forward pass.
        best_torch = rows[-1][2]
        whole = statistics.median(run(ours + ["--mode", "tag-file", "--threads", str(threads)])["tokens_per_second"]
                                  for _ in range(a.reps))
        sentence_torch = rows[-2][2]
        fwd = run(ours + ["--mode", "tag-windows", "--threads", "1"])["forward_flops_per_token"]
        # `tagger tag` stores the first layer's products of frequent ids, so it does fewer flops than
        # the plain network: its share of the limit is not comparable. The plain path shows that share.
        rows.append(("tag whole file, Viterbi included (vs PyTorch's best forward)", whole, best_torch, whole / best_torch,
                     "(stored products)"))
        rows.append(("  same, vs PyTorch one sentence at a time", whole, sentence_torch, whole / sentence_torch, ""))
        plain = statistics.median(run(ours + ["--mode", "tag-file", "--no-precompute", "--threads", str(threads)])["tokens_per_second"]
                                  for _ in range(a.reps))
        rows.append(("  same, every window through the first-layer GEMM", plain, best_torch, plain / best_torch,
                     f"{100 * plain * fwd / (peak * 1e9):.0f}%"))
    mem_ours = run(ours + ["--mode", "memory", "--threads", "2", "--vocab-size", "100000"])["peak_rss_mb"]
    mem_torch = run(twin + ["--mode", "memory", "--threads", "2", "--vocab-size", "100000"])["peak_rss_mb"]

    print("| measurement (tokens/s, median of %d) | NNKit | PyTorch | ratio | NNKit, share of sgemm limit |" % a.reps)
    print("|---|---|---|---|---|")
    for label, o, t, r, share in rows:
        if o is None:
            print(f"| {label} | | | | |")
        else:
            print(f"| {label} | {o:,.0f} | {t:,.0f} | {r:.2f}x | {share} |")
    print(f"| peak memory tagging with a 100,000-word model (MB) | {mem_ours:.0f} | {mem_torch:.0f} | {mem_ours / mem_torch:.2f}x | |")


if __name__ == "__main__":
    main()
