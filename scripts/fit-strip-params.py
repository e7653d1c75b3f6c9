#!/usr/bin/python3
"""fit-strip-params.py - would fitted values of strip-chrome's weights beat
the hand-set ones, on sites the fit never saw?

usage: scripts/fit-strip-params.py [--folds K] STRIP_CHROME [CORPORA]

strip-chrome's body run is decided by a few weights that are options:
--gap (the cost of a short line inside the body; alphabetic pages pay half
as much again) and --min-prose (the weight of a line that is prose by
itself).  This script fits them per language (zh, en) by a grid search
over the `dev` pages of CORPORA/pages/MANIFEST.tsv (default
../shared/corpora), scored by macro token F1 against the gold bodies, and
reports the figure that matters: site-grouped cross-validation, where the
sites are dealt into K folds (default 5), the pair is chosen on the other
folds' pages and scored on the fold's, beside the hand-set defaults
scored on the same folds.  `val` pages are never read.

Tokens are counted as the corpus README defines them: NFKC, lower case,
each Han or kana character one token, any other run of letters and
digits one token; F1 is over the bag of tokens.

It prints the figures; it writes no table.  A table is worth generating
only if the cross-validated figure beats the defaults (see
docs/strip-model.md for what it found).
"""

import argparse
import collections
import os
import random
import re
import subprocess
import sys
import unicodedata

CJK = ('\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff'
       '\U00020000-\U0003134f')
TOKEN = re.compile('[%s]|[^\\W_%s]+' % (CJK, CJK))
GAPS = (3, 4, 5, 6, 7, 8, 10, 12)
MIN_PROSE = (8, 10, 12, 14, 16, 20)
DEFAULT = (6, 12)


def tokens(text):
    return collections.Counter(
        TOKEN.findall(unicodedata.normalize('NFKC', text).lower()))


def f1(gold, pred):
    tp = sum((gold & pred).values())
    if not gold and not pred:
        return 1.0
    if tp == 0:
        return 0.0
    p, r = tp / sum(pred.values()), tp / sum(gold.values())
    return 2 * p * r / (p + r)


def dev_pages(corpora):
    rows = open(os.path.join(corpora, 'pages', 'MANIFEST.tsv'),
                encoding='utf-8').read().splitlines()
    head = rows[0].split('\t')
    col = {k: head.index(k) for k in ('name', 'lang', 'site', 'split')}
    pages = []
    for row in rows[1:]:
        f = row.split('\t')
        if f[col['split']] == 'dev':
            pages.append((f[col['name']], f[col['lang']], f[col['site']]))
    return pages


def scores(strip, corpora, pages, gap, min_prose):
    """Per-page F1 of strip-chrome with these options, one -z process."""
    texts = [open(os.path.join(corpora, 'pages', 'text', n + '.txt'),
                  'rb').read() for n, _, _ in pages]
    out = subprocess.run(
        [strip, '-z', '--no-repeat', '--gap', str(gap),
         '--min-prose', str(min_prose)],
        input=b'\0'.join(texts) + b'\0', stdout=subprocess.PIPE,
        check=True).stdout.split(b'\0')
    return [f1(g, tokens(o.decode('utf-8', 'replace')))
            for g, o in zip(GOLD, out)]


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def main():
    global GOLD
    ap = argparse.ArgumentParser()
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('strip')
    ap.add_argument('corpora', nargs='?',
                    default=os.path.join(os.path.dirname(__file__), '..',
                                         '..', 'shared', 'corpora'))
    a = ap.parse_args()
    pages = dev_pages(a.corpora)
    GOLD = [tokens(open(os.path.join(a.corpora, 'pages', 'gold', n + '.txt'),
                        encoding='utf-8').read()) for n, _, _ in pages]
    grid = {(g, m): scores(a.strip, a.corpora, pages, g, m)
            for g in GAPS for m in MIN_PROSE}
    sites = sorted({s for _, _, s in pages})
    random.Random(1).shuffle(sites)
    fold_of = {s: i % a.folds for i, s in enumerate(sites)}
    for lang in ('en', 'zh'):
        idx = [i for i, p in enumerate(pages) if p[1] == lang]
        cv, base = [], []
        chosen = []
        for k in range(a.folds):
            train = [i for i in idx if fold_of[pages[i][2]] != k]
            test = [i for i in idx if fold_of[pages[i][2]] == k]
            if not test:
                continue
            best = max(grid, key=lambda c: (mean([grid[c][i] for i in train]),
                                            c == DEFAULT))
            chosen.append(best)
            cv += [grid[best][i] for i in test]
            base += [grid[DEFAULT][i] for i in test]
        allbest = max(grid, key=lambda c: mean([grid[c][i] for i in idx]))
        print('%s: %d dev pages; defaults gap %d min-prose %d: macro %.4f; '
              'site-grouped CV of the fitted pair: macro %.4f '
              '(pairs chosen per fold: %s); best pair on all pages %s: %.4f'
              % (lang, len(idx), DEFAULT[0], DEFAULT[1], mean(base), mean(cv),
                 ' '.join('%d/%d' % c for c in chosen), '%d/%d' % allbest,
                 mean([grid[allbest][i] for i in idx])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
