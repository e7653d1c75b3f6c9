#!/usr/bin/python3
"""screen-pagemodel.py - try page-splitter decoders and features quickly.

usage: scripts/screen-pagemodel.py dump [-o FILE] TUNE_BIN [CORPORA]
       scripts/screen-pagemodel.py cv [-f FILE] [-d DECODER] [CORPORA]

gen-pagemodel.py's site-grouped cross-validation takes a quarter of an
hour on a shared machine, most of it dumping features.  Here the dump is
done once: `dump` runs TUNE_BIN (make tune) over the streams the
generator fits on (its dev pages, orders and joins: the same code, read
from gen-pagemodel.py) with role models fitted on each fold's other
sites, as the generator does, and keeps in FILE (/tmp/screen-pagemodel.npz
by default) every line's features, labels, site, stream and role bits,
and the foot role of each line of prose by its shape (decoder.h) by its
fold's role models.  Only the role features change from fold to fold,
so only they are kept per fold.

`cv` then fits the page model on each fold's other sites, scores the
fold's lines and decodes them with DECODER (a function of this file,
decode_NAME; `line` is split-articles' own rule, `nobody` the rule
before a page needed a prose line), and prints the F1 of
the thresholds the generator tries, newline and cat joins apart, on
stderr, as the generator does: a minute or two, so that decoders can be
screened before one is written in C.

Only `dev` pages are read (gen-pagemodel.py's pages()); nothing printed
names a page or shows its text.
"""

import importlib.util
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'gen_pagemodel', os.path.join(HERE, 'gen-pagemodel.py'))
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

DEFAULT = '/tmp/screen-pagemodel.npz'
CORPORA = os.path.join(HERE, '..', '..', 'shared', 'corpora')


class Data:
    """What a dump holds, and the streams' lines (read again from the dev
    pages, in the generator's orders and joins)."""

    def __init__(self, path, corpora):
        z = np.load(path)
        self.X, self.valid, self.bits = z['X'], z['valid'], z['bits']
        # Prose (decoder.h, dec_body()) by each fold's role models, as
        # the generator decides it.
        self.foot = z['foot']
        self.body = self.foot < float(re.search(r'#define BODY_FOOT (\S+)', open(
            os.path.join(gen.SRC, 'decoder.h')).read()).group(1))
        self.Y, self.G, self.S, self.R = z['Y'], z['G'], z['S'], z['R']
        self.fold, self.roles = z['fold'], z['roles']
        self.role_cols = list(z['role_cols'])
        self.names = list(z['names'])
        self.page_min = int(z['page_min'])
        self.bias_at = self.names.index('F_BIAS')
        pnames, text, _, _ = gen.pages(corpora)
        self.lines = []
        for data, _, _ in gen.streams(pnames, text):
            ls = data.split(b'\n')
            self.lines += ls[:-1] if data.endswith(b'\n') else ls
        if len(self.lines) != len(self.Y):
            sys.exit('screen-pagemodel: the dump is not of these pages')

    def features(self, k):
        """The features of every line with fold k's role models."""
        X = self.X.copy()
        X[:, self.role_cols] = self.roles[k]
        X[:, self.bias_at] = 0
        return X


def dump_main(args):
    out = DEFAULT
    if len(args) > 1 and args[0] == '-o':
        out, args = args[1], args[2:]
    if not args:
        sys.exit(__doc__.strip().split('\n')[2])
    binary = args[0]
    corpora = args[1] if len(args) > 1 else CORPORA
    names, page_min, nbits = gen.feature_names()
    nfeat = len(names)
    pnames, text, site, gold = gen.pages(corpora)
    roles = {f: gen.page_roles(text[f], gold[f]) for f in pnames}
    streams_ = gen.streams(pnames, text)
    Y, G, S, R = gen.labels(streams_, site, roles)
    _, valid, bits, _ = gen.dump(binary, streams_, nfeat, '')
    if len(bits) != len(Y):
        sys.exit('screen-pagemodel: %d feature rows for %d lines' % (len(bits), len(Y)))
    fold = gen.folds(G)
    RX = gen.role_matrix(bits, S, nbits)
    cols = [k for k, n in enumerate(names) if n.startswith('F_ROLE_')]
    per_fold, X = [], None
    for k in range(gen.FOLDS):
        role = gen.fit_roles(RX, R, (fold != k) & (R >= 0) & ~gen.blank(bits), nbits)
        Xk, _, _, fk = gen.dump(binary, streams_, nfeat, gen.tune_string(nfeat, role))
        if X is None:
            X, foot = Xk, np.full(len(Y), 99.0)
        foot[fold == k] = fk[fold == k]
        per_fold.append(Xk[:, cols])
        print('fold %d: features dumped' % k, file=sys.stderr)
    Gi = np.unique(G, return_inverse=True)[1]
    np.savez(out, X=X, valid=valid, bits=bits, foot=foot, Y=Y, G=Gi, S=S, R=R, fold=fold,
             roles=np.array(per_fold), role_cols=np.array(cols),
             names=np.array(names), page_min=page_min)
    print('%d lines of %d pages into %s' % (len(Y), len(pnames), out), file=sys.stderr)


def cv_scores(d, l2=gen.PENALTIES[0]):
    """Each line's score by the page model fitted on the other folds' sites."""
    score = np.full(len(d.Y), -100.0)
    for k in range(gen.FOLDS):
        X = d.features(k)
        tr, te = d.valid & (d.fold != k), d.valid & (d.fold == k)
        w, b = gen.fit(X[tr], d.Y[tr], l2)
        score[te] = X[te].astype(np.float64) @ w + b
    return score


def decode_line(d, score, thr):
    """split-articles' decoder: gen-pagemodel.py's pick()."""
    return gen.pick(score, d.S, d.valid, thr, d.page_min, d.body)


def decode_nobody(d, score, thr):
    """The decoder before a page needed a prose line (2026-12-07): every
    line >= thr and highest within PAGE_MIN."""
    return gen.pick_lines(score, d.S, d.valid, thr, d.page_min) | np.r_[True, d.S[1:] != d.S[:-1]]


def report(d, pred, label):
    """P, R, F1 over all streams and by join, on stderr; returns F1."""
    P, R, F = gen.figures(pred, d.Y)
    each = ' '.join('%s %.3f' % (how, gen.figures(
        pred[d.S // len(gen.ORDERS) == k], d.Y[d.S // len(gen.ORDERS) == k])[2])
        for k, how in enumerate(gen.JOINS))
    print('%s: P %.3f R %.3f F1 %.3f (%s)' % (label, P, R, F, each), file=sys.stderr)
    return F


def cv_main(args):
    path, decoder, corpora = DEFAULT, 'line', CORPORA
    while len(args) > 1 and args[0] in ('-f', '-d'):
        if args[0] == '-f':
            path = args[1]
        else:
            decoder = args[1]
        args = args[2:]
    if args:
        corpora = args[0]
    d = Data(path, corpora)
    score = cv_scores(d)
    dec = globals()['decode_' + decoder]
    best = []
    for thr in gen.THRESHOLDS:
        best.append(report(d, dec(d, score, thr), '%s threshold %g' % (decoder, thr)))
    smooth = [np.mean(best[max(0, i - 1):i + 2]) for i in range(len(best))]
    i = int(np.argmax(smooth))
    print('%s: best smoothed at threshold %g: F1 %.3f' % (decoder, gen.THRESHOLDS[i], best[i]),
          file=sys.stderr)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ('dump', 'cv'):
        sys.exit(__doc__.strip().split('\n')[2] + '\n' + __doc__.strip().split('\n')[3])
    (dump_main if sys.argv[1] == 'dump' else cv_main)(sys.argv[2:])


if __name__ == '__main__':
    main()
