#!/usr/bin/env python3
"""PyTorch twin of NLPFromScratch's window tagger, for side-by-side speed measurements.

Same model as `Benchmarks tagger-speed` in the Swift package: word embedding 50 + caps
embedding 5 over a window of 5 words (padding beyond sentence ends), Linear(275 -> 300),
HardTanh, Linear(300 -> tags), cross-entropy, plain SGD. Written for this project.

Prints one JSON object per measurement on stdout.
  python torch_twin.py --data ../shared/data/conll2000/train.txt --threads 2 --mode train --batch 32
  python torch_twin.py ... --mode tag-sentences | tag-windows | memory
"""
import argparse, json, os, re, resource, sys, time

import torch
import torch.nn as nn

WINDOW, WORD_DIM, CAPS_DIM, HIDDEN = 5, 50, 5, 300


def read_conll(path):
    sentences, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                if words:
                    sentences.append((words, tags))
                words, tags = [], []
                continue
            cols = line.split()
            words.append(cols[0])
            tags.append(cols[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def normalize(w):
    return re.sub(r"[0-9]", "0", w.lower())


def caps(w):
    # 0 all lower (or no letters), 1 all caps, 2 first letter capital, 3 a capital elsewhere; 4 padding
    letters = [c for c in w if c.isalpha()]
    if not letters or all(c.islower() for c in letters):
        return 0
    if all(c.isupper() for c in letters):
        return 1
    if w[0].isupper():
        return 2
    return 3


class WindowTagger(nn.Module):
    def __init__(self, vocab, tags):
        super().__init__()
        self.words = nn.Embedding(vocab, WORD_DIM)
        self.caps = nn.Embedding(5, CAPS_DIM)
        self.hidden = nn.Linear(WINDOW * (WORD_DIM + CAPS_DIM), HIDDEN)
        self.act = nn.Hardtanh()
        self.out = nn.Linear(HIDDEN, tags)

    def forward(self, w, c):  # w, c: (batch, WINDOW) int64
        x = torch.cat([self.words(w), self.caps(c)], dim=2).view(w.shape[0], -1)
        return self.out(self.act(self.hidden(x)))


def windows(ids, pad):
    n = len(ids)
    h = WINDOW // 2
    return [[ids[j] if 0 <= j < n else pad for j in range(i - h, i + h + 1)] for i in range(n)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--mode", choices=["train", "tag-sentences", "tag-windows", "memory"], required=True)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--tokens", type=int, default=0, help="tokens to process (0: a default per mode)")
    ap.add_argument("--vocab-size", type=int, default=0, help="force the word vocabulary size (memory mode)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)

    sents = read_conll(a.data)
    vocab = {"PADDING": 0, "UNKNOWN": 1}
    tagset = {}
    for ws, ts in sents:
        for w in ws:
            vocab.setdefault(normalize(w), len(vocab))
        for t in ts:
            tagset.setdefault(t, len(tagset))
    vsize = max(len(vocab), a.vocab_size)
    model = WindowTagger(vsize, len(tagset))
    sent_w = [[vocab[normalize(w)] for w in ws] for ws, _ in sents]
    sent_c = [[caps(w) for w in ws] for ws, _ in sents]
    sent_t = [[tagset[t] for t in ts] for _, ts in sents]

    def result(**kw):
        kw.update(impl="pytorch", torch=torch.__version__, threads=a.threads, mode=a.mode)
        print(json.dumps(kw), flush=True)

    if a.mode == "train":
        W = torch.tensor([r for s in sent_w for r in windows(s, 0)])
        C = torch.tensor([r for s in sent_c for r in windows(s, 4)])
        T = torch.tensor([t for s in sent_t for t in s])
        n = W.shape[0]
        tokens = a.tokens or {1: 4000, 32: 60000}.get(a.batch, 200000)
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        loss_fn = nn.CrossEntropyLoss()
        perm = torch.randperm(n)
        done, start_i = 0, 0
        # warm-up
        for _ in range(3):
            idx = perm[:a.batch]
            opt.zero_grad(); loss_fn(model(W[idx], C[idx]), T[idx]).backward(); opt.step()
        t0 = time.perf_counter()
        while done < tokens:
            if start_i + a.batch > n:
                start_i = 0
            idx = perm[start_i:start_i + a.batch]
            start_i += a.batch
            opt.zero_grad()
            loss = loss_fn(model(W[idx], C[idx]), T[idx])
            loss.backward()
            opt.step()
            done += a.batch
        dt = time.perf_counter() - t0
        result(batch=a.batch, tokens=done, seconds=dt, tokens_per_second=done / dt, loss=loss.item())
    elif a.mode in ("tag-sentences", "memory"):
        model.eval()
        done = 0
        t0 = time.perf_counter()
        with torch.inference_mode():
            for w, c in zip(sent_w, sent_c):
                scores = model(torch.tensor(windows(w, 0)), torch.tensor(windows(c, 4)))
                scores.argmax(dim=1)
                done += len(w)
        dt = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result(tokens=done, seconds=dt, tokens_per_second=done / dt, vocabulary=vsize, peak_rss_mb=peak_kb / 1024)
    else:  # tag-windows: forward only on batches of 4096 windows, no decoding
        model.eval()
        W = torch.tensor([r for s in sent_w for r in windows(s, 0)])
        C = torch.tensor([r for s in sent_c for r in windows(s, 4)])
        n = W.shape[0]
        B = 4096
        with torch.inference_mode():
            model(W[:B], C[:B])
            t0 = time.perf_counter()
            done = 0
            for i in range(0, n, B):
                model(W[i:i + B], C[i:i + B])
                done += min(B, n - i)
            dt = time.perf_counter() - t0
        result(batch=B, tokens=done, seconds=dt, tokens_per_second=done / dt)


if __name__ == "__main__":
    main()
