#!/usr/bin/python3
"""screen-pagemodel.py - try page-splitter decoders and features quickly.

usage: scripts/screen-pagemodel.py dump [-o FILE] TUNE_BIN [CORPORA]
       scripts/screen-pagemodel.py cv [-f FILE] [-d DECODER] [-r] [-n LINES] [CORPORA]

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

`cv -r` puts the stream's recurrence features as recurrence() makes
them in place of the C's (F_REC_*, recur.c, which dumps them since
2026-12-07: they part on 187 of 88,397 candidate rows, where a line's
text beyond its first 64 bytes tells it apart; `-n LINES` takes a pair
met again within LINES non-blank lines for near, RECUR_NEAR by default);
`-d placed` moves each boundary to the best line of its
gap by a placement model fitted within the gaps (decode_placed()).

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
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'gen_pagemodel', os.path.join(HERE, 'gen-pagemodel.py'))
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

DEFAULT = '/tmp/screen-pagemodel.npz'
_PLINE = open(os.path.join(gen.SRC, 'pline.h')).read()
L_EMPTY_BIT, L_PIXEL_BIT, L_LONE_BIT = (
    int(re.search(r'%s = 1 << (\d+)' % n, _PLINE).group(1)) for n in ('L_EMPTY', 'L_PIXEL', 'L_LONE'))
# The recurrence table (recurrence()): sets, pairs a set, longest run.
RECUR_SETS, RECUR_WAYS, RECUR_RUN = 16384, 4, 8
RECUR_NEAR = gen.define('recur.h', 'RECUR_NEAR')
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

        self.extra = None

    def features(self, k):
        """The features of every line with fold k's role models (and the
        extra columns, when set)."""
        X = self.X.copy()
        X[:, self.role_cols] = self.roles[k]
        X[:, self.bias_at] = 0
        return X if self.extra is None else np.hstack([X, self.extra])

    def blank(self):
        """Whether each line is white space only or empty."""
        return ((self.bits >> gen.L_BLANK_BIT) & 1 | (self.bits >> L_EMPTY_BIT) & 1) == 1


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


def recurrence(d, near_lines=RECUR_NEAR):
    """Pages of one site share their head and foot, so in a stream the
    pairs of lines of a page's chrome recur, and a page boundary is where
    a run of recurring pairs breaks.  For each non-blank line (blank lines
    skipped): whether the pair (the non-blank line before, it) was seen
    earlier in the stream, by a table of RECUR_SETS sets of RECUR_WAYS
    pairs (the latest first: bounded, as a C table would be), and how many
    non-blank lines ago it was met last; where that pair is new, log(1 +
    the pairs seen in a row from the line on) and log(1 + those in a row
    up to the line before), RECUR_RUN at most; and the same two runs of
    near pairs, met again within near_lines non-blank lines (a page that
    repeats its own block).  Five columns, float32, as the C's F_REC_*."""
    n = len(d.Y)
    blank = d.blank()
    seen, age = np.zeros(n, bool), np.zeros(n)
    nb = np.where(~blank)[0]
    table, prev, stream, pos = None, None, None, 0
    for i in nb:
        if d.S[i] != stream:
            table, prev, stream, pos = {}, None, d.S[i], 0
        h = zlib.crc32(d.lines[i].strip())
        if prev is not None:
            pair = (prev * 1000003 + h) & 0xffffffffffff
            row = table.setdefault(pair % RECUR_SETS, [])
            hit = [k for k, (p, _) in enumerate(row) if p == pair]
            if hit:
                seen[i], age[i] = True, pos - row[hit[0]][1]
                del row[hit[0]]
            row.insert(0, (pair, pos))
            del row[RECUR_WAYS:]
        prev, pos = h, pos + 1
    S_nb = d.S[nb]

    def runs(flag):
        """log(1 + the lines flagged in a row after each line, and before it)."""
        f = flag[nb]
        fwd, back = np.zeros(n), np.zeros(n)
        for a, i in enumerate(nb):
            c = 0
            while c < RECUR_RUN and a + 1 + c < len(nb) and S_nb[a + 1 + c] == S_nb[a] \
                    and f[a + 1 + c]:
                c += 1
            fwd[i] = c
            c = 0
            while c < RECUR_RUN and a - 1 - c >= 0 and S_nb[a - 1 - c] == S_nb[a] \
                    and f[a - 1 - c]:
                c += 1
            back[i] = c
        return ~seen * np.log1p(fwd), ~seen * np.log1p(back)
    cols = [seen]
    cols += runs(seen)
    cols += runs(seen & (age <= near_lines))
    return np.vstack(cols).T.astype(np.float32)


def gaps(d):
    """Each line's gap: the lines after a prose line up to and including
    the next one share a gap (a stream's first line begins one)."""
    new = np.r_[True, (d.S[1:] != d.S[:-1]) | d.body[:-1]]
    return np.cumsum(new) - 1


def fit_clogit(F, y, grp, l2):
    """A conditional logit (softmax over the rows of each group grp, one
    row of each with y 1), L2-penalised, by Newton's method with step
    halving on standardised features; weights on raw features."""
    mu, sd = F.mean(0), F.std(0)
    use = sd > 0
    Z = np.zeros_like(F)
    Z[:, use] = (F[:, use] - mu[use]) / sd[use]
    ng = grp.max() + 1

    def loss(w):
        u = Z @ w
        m = np.full(ng, -np.inf)
        np.maximum.at(m, grp, u)
        ex = np.exp(u - m[grp])
        den = np.bincount(grp, ex, ng)
        return -(u @ y - np.sum(m + np.log(den))) + 0.5 * l2 * w @ w, ex / den[grp]
    w = np.zeros(F.shape[1])
    f, p = loss(w)
    for _ in range(50):
        M = np.zeros((ng, Z.shape[1]))
        np.add.at(M, grp, Z * p[:, None])
        H = (Z * p[:, None]).T @ Z - M.T @ M + l2 * np.eye(len(w))
        step = np.linalg.solve(H + 1e-9 * np.eye(len(w)), Z.T @ (p - y) + l2 * w)
        t = 1.0
        while True:
            f2, p2 = loss(w - t * step)
            if f2 <= f or t < 1e-4:
                break
            t /= 2
        w, f, p = w - t * step, f2, p2
        if np.abs(t * step).max() < 1e-6:
            break
    raw = np.zeros(F.shape[1])
    raw[use] = w[use] / sd[use]
    return raw


PLACE_PENALTY = 30.0


def place_features(d, score, gid):
    """What the placement model weighs of a line in its gap: its score
    (clipped to [-15, 10]), how far below the gap's best, whether the
    best; lines and bytes from the gap's ends; of the lines before (1, 2)
    and after it: empty, blank, a lone '*', a bracket token, a lone token
    (pline.h), and their scores against its own; whether the line before
    is the last prose line; '*', bracket and either marker among the gap's
    lines before it, and after it."""
    n = len(d.Y)
    cls = lambda k: (d.bits >> k) & 1 == 1
    empty, blank, pixel, lone = (cls(L_EMPTY_BIT), cls(gen.L_BLANK_BIT), cls(L_PIXEL_BIT),
                                  cls(L_LONE_BIT))
    image = cls(define_attr_image())
    kinds = {'empty': empty, 'blank': blank, 'star': pixel & ~image,
             'brack': pixel & image, 'lone': lone}
    s = np.clip(np.where(d.valid, score, -15.0), -15, 10)
    first = np.r_[0, np.where(np.diff(gid))[0] + 1]
    a = first[gid]
    e = np.r_[first[1:] - 1, n - 1][gid]
    idx = np.arange(n)
    off = np.cumsum([len(x) + 1 for x in d.lines])
    best = np.full(gid.max() + 1, -1e9)
    np.maximum.at(best, gid, np.where(d.valid, s, -1e9))

    def shift(x, k, fill=0):
        y = np.full_like(x, fill)
        if k > 0:
            y[k:] = x[:-k]
        else:
            y[:k] = x[-k:]
        return y
    cols = [s, np.maximum(s - best[gid], -15), s >= best[gid], np.log1p(idx - a),
            np.log1p(e - idx), np.log1p(off - off[a]), np.log1p(off[e] - off), idx == a]
    for k in (1, 2, -1):
        cols += [shift(v, k) for v in kinds.values()] + [np.clip(shift(s, k, -15) - s, -15, 15)]
    cols += [kinds['star'], kinds['brack'], kinds['lone']]
    for v in (kinds['star'], kinds['brack'], pixel):
        c = np.cumsum(v)
        cols += [c - v - (c[a] - v[a]) > 0, c[e] - c > 0]
    return np.vstack(cols).T.astype(np.float64)


def define_attr_image():
    """The role bit of the attribute "starts with '['" (pline.h, pl_attrs(): bit 3)."""
    return gen.define('pline.h', 'NCLASSES') + 3


def decode_placed(d, score, thr):
    """split-articles' decoder, then each gap's highest-scoring boundary
    moved to the best line of its gap by a placement model: a conditional
    logit over the candidate lines of the gaps that hold one page start
    (place_features()), fitted on the other folds' sites."""
    pred = decode_line(d, score, thr)
    gid = gaps(d)
    starts = d.Y.astype(bool) & np.r_[False, d.S[1:] == d.S[:-1]]
    cand = d.valid & np.r_[False, d.S[1:] == d.S[:-1]]
    one = np.bincount(gid, starts, gid.max() + 1) == 1
    fit_on = np.zeros(gid.max() + 1, bool)
    fit_on[gid[starts & cand & one[gid]]] = True
    gfold = np.zeros(gid.max() + 1, int)
    gfold[gid] = d.fold
    F = place_features(d, score, gid)
    util = np.full(len(d.Y), -np.inf)
    for k in range(gen.FOLDS):
        rows = cand & fit_on[gid] & (gfold[gid] != k)
        w = fit_clogit(F[rows], starts[rows].astype(float),
                       np.unique(gid[rows], return_inverse=True)[1], PLACE_PENALTY)
        te = cand & (gfold[gid] == k)
        util[te] = F[te] @ w
    out = pred.copy()
    for g in np.unique(gid[pred & cand]):
        at = np.where(gid == g)[0]
        mine = at[pred[at]]
        top = mine[np.argmax(score[mine])]
        out[top] = False
        out[at[np.argmax(util[at])]] = True
    return out


def report(d, pred, label):
    """P, R, F1 over all streams and by join, on stderr; returns F1."""
    P, R, F = gen.figures(pred, d.Y)
    each = ' '.join('%s %.3f' % (how, gen.figures(
        pred[d.S // len(gen.ORDERS) == k], d.Y[d.S // len(gen.ORDERS) == k])[2])
        for k, how in enumerate(gen.JOINS))
    print('%s: P %.3f R %.3f F1 %.3f (%s)' % (label, P, R, F, each), file=sys.stderr)
    return F


def cv_main(args):
    path, decoder, corpora, recur, near = DEFAULT, 'line', CORPORA, False, RECUR_NEAR
    while args and args[0] in ('-f', '-d', '-r', '-n'):
        if args[0] == '-r':
            recur, args = True, args[1:]
            continue
        if args[0] == '-f':
            path = args[1]
        elif args[0] == '-n':
            near = int(args[1])
        else:
            decoder = args[1]
        args = args[2:]
    if args:
        corpora = args[0]
    d = Data(path, corpora)
    if recur:
        d.X[:, [k for k, n in enumerate(d.names) if n.startswith('F_REC_')]] = 0
        d.extra = recurrence(d, near)
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
