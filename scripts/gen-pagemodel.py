#!/usr/bin/python3
"""gen-pagemodel.py - fit the undelimited page splitter's weights.

usage: scripts/gen-pagemodel.py [-o DIR] TUNE_BIN [CORPORA]

Writes DIR/pagemodel_gen.c (the weights and the threshold) and
DIR/pagemodel_gen.h (their declarations); DIR is cmd/split-articles by
default (made if missing), CORPORA ../shared/corpora.  To check that the
checked-in files are what it makes, write them elsewhere with -o and cmp
(tests/models.bats; `make models` rebuilds them from the fitting corpus
scripts/models makes, the pages scripts/model-pages.txt lists).

TUNE_BIN is split-articles built with -DPAGES_TUNE (make tune), whose
main() reads the PAGES_* variables into pages_opts (pages.h).  Its
weights do not matter: the features it prints do not depend on them.

It prints every line's features (PAGES_FEATURES=1) for the pages to fit
on, concatenated in ORDERS random orders, each order joined two ways:
each page .strip('\\n') + '\\n' (as the figures are measured), and as
`cat` leaves the files (a trailing empty line kept, a file with no final
newline run into the next page's first line).  Then the model learns what
an empty line before a line costs (F_AFTER_EMPTY) from the places it
stands.  It fits a logistic regression of "this line starts a page" on
them: Newton's method on standardised features with an L2 penalty,
written back as weights on the raw features.  Needs numpy (Debian
python3-numpy).

The pages fitted on are the `dev` rows of CORPORA/pages/MANIFEST.tsv whose
text CORPORA holds; `val` pages never are.

Each line also gets a role (pagerole.h): the lines of a page before the
first line of its gold body (pages/gold/NAME.txt) are its head, those
after the last its foot, the rest its body.  Two logistic models, head
against the rest and foot against the rest, are fitted on the role bits
of the non-blank lines and of the lines either side (dumped with the
features, "R BITS"; "B X": X is the log-odds of a page's foot of a line
of prose by its shape, decoder.h), and passed to TUNE_BIN (PAGES_WEIGHTS, after the
features' weights and the threshold) for the features made of roles.

The threshold (and the penalty, when PENALTIES lists more than one: one
keeps `make models` to minutes on a shared machine) is chosen by
site-grouped cross-validation: the sites of the pages are dealt into FOLDS
folds; for each fold, role models and then the page model fitted on the
other folds' sites score its lines; boundaries are picked as
split-articles picks them (score >= threshold, highest within PAGE_MIN
lines, and the highest of those between two prose lines), and the pair whose F1 over all orders and joins, averaged with
that of the thresholds 0.5 either side, is best wins.  Fitting and
choosing on the same sites overfits them; the figures of the choice are
printed to stderr.  The output is deterministic for the same corpora,
pages and TUNE_BIN.
"""

import os
import random
import re
import subprocess
import sys
import textwrap
import unicodedata

import numpy as np

ORDERS = range(0, 2)
JOINS = ('newline', 'cat')
ROLE_PENALTY = 10.0
FOLDS = 5
PENALTIES = (30.0,)
THRESHOLDS = (-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0)

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, '..', 'cmd', 'split-articles')


def define(header, name):
    src = open(os.path.join(SRC, header)).read()
    return int(re.search(r'#define %s (\d+)' % name, src).group(1))


# Bit of L_BLANK (pline.h) in a line's classes and role bits.
L_BLANK_BIT = int(re.search(r'L_BLANK = 1 << (\d+)', open(
    os.path.join(SRC, 'pline.h')).read()).group(1))


def feature_names():
    """The F_* names of pagefeatures.h in enum order, F_ATTR expanded;
    PAGE_MIN; the number of role bits (pagerole.h)."""
    src = open(os.path.join(SRC, 'pagefeatures.h')).read()
    enum = src[src.index('\tF_COPY_NEAR,'):src.index('F_NFEATURES')]
    names = [n for n in re.findall(r'^\s*(F_\w+)', enum, re.M) if n != 'F_ATTR_END']
    page_min = define('decoder.h', 'PAGE_MIN')
    nattr = define('pline.h', 'NATTRS')
    lines = int(re.search(r'F_ATTR_END = F_ATTR \+ (\d+) \* NATTRS - 1', src).group(1))
    k = names.index('F_ATTR')
    attrs = ['F_ATTR + %d' % j for j in range(lines * nattr)]
    nbits = define('pline.h', 'NCLASSES') + nattr + 1
    return names[:k] + attrs + names[k + 1:], page_min, nbits


def pages(corpora):
    """The dev pages of the MANIFEST whose text the corpora hold, sorted by
    name: their names, raw bytes, sites and gold bodies."""
    rows = [line.rstrip('\n').split('\t')
            for line in open(os.path.join(corpora, 'pages', 'MANIFEST.tsv'))]
    col = {c: i for i, c in enumerate(rows[0])}
    rows = [r for r in rows[1:] if len(r) == len(rows[0])]
    d = os.path.join(corpora, 'pages', 'text')
    site = {r[col['name']] + '.txt': r[col['site']] for r in rows}
    names = sorted(r[col['name']] + '.txt' for r in rows if r[col['split']] == 'dev'
                   and os.path.exists(os.path.join(d, r[col['name']] + '.txt')))
    text = {f: open(os.path.join(d, f), 'rb').read() for f in names}
    g = os.path.join(corpora, 'pages', 'gold')
    gold = {f: open(os.path.join(g, f), encoding='utf-8', errors='replace').read()
            for f in names}
    return names, text, site, gold


def join(text, order, how):
    """The pages of order run together: 'newline', each .strip('\n') + '\n';
    'cat', as they are.  The bytes and the offsets where the pages begin."""
    parts = [text[f].strip(b'\n') + b'\n' if how == 'newline' else text[f]
             for f in order]
    starts, off = [], 0
    for p in parts:
        starts.append(off)
        off += len(p)
    return b''.join(parts), starts


PINYIN = re.compile(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)')


def letters(s):
    """The letters and digits of s, NFKC-folded, pinyin injected after a
    character ("鎮(zhèn)") dropped: what a page line and its gold share."""
    s = unicodedata.normalize('NFKC', PINYIN.sub('', s))
    return ''.join(c for c in s if c.isalnum())


def page_roles(page, gold):
    """The role of each line of page (bytes), by the offset it starts at:
    the lines before the first line of the gold body are the head (0),
    those after its last the foot (2), the rest the body (1); {} when no
    line of 6 letters or more is in the gold."""
    body = letters(gold)
    lines = page.split(b'\n')
    inside = [k for k, l in enumerate(lines)
              if len(letters(l.decode('utf-8', 'replace'))) >= 6
              and letters(l.decode('utf-8', 'replace')) in body]
    if not inside:
        return {}
    roles, off = {}, 0
    for k, l in enumerate(lines):
        roles[off] = 0 if k < inside[0] else 2 if k > inside[-1] else 1
        off += len(l) + 1
    return roles


def streams(names, text):
    """The streams fitted on: (data, order, page starts) for each join and
    order."""
    out = []
    for how in JOINS:
        for o in ORDERS:
            order = names[:]
            random.Random(o).shuffle(order)
            data, starts = join(text, order, how)
            out.append((data, order, starts))
    return out


def labels(streams_, site, roles):
    """For every line of the streams: starts a page (1/0), its site, its
    stream, its role (-1: not known).  A line is labelled 1 where a page
    begins at its first byte: a page cat runs into the line before (no
    final newline) begins inside a line, and no row stands for it."""
    Y, G, S, R = [], [], [], []
    for sid, (data, order, starts) in enumerate(streams_):
        begin, page, off = set(starts), -1, 0
        for line in data.split(b'\n')[:-1 if data.endswith(b'\n') else None]:
            while page + 1 < len(starts) and starts[page + 1] <= off:
                page += 1
            Y.append(1 if off in begin else 0)
            G.append(site.get(order[page], order[page]))
            S.append(sid)
            R.append(roles[order[page]].get(off - starts[page], -1))
            off += len(line) + 1
    return np.array(Y), np.array(G), np.array(S), np.array(R)


def dump(binary, streams_, nfeat, tune):
    """Each line's features (float32; rows of lines that cannot start are
    0), whether it can start, its role bits and, for a line of prose by
    its shape (decoder.h, dec_prose_shape()), its role's log-odds of a
    page's foot (99 for the other lines), from TUNE_BIN with the weights
    tune."""
    X, valid, bits, foot = [], [], [], []
    env = dict(os.environ, PAGES_FEATURES='1', PAGES_WEIGHTS=tune)
    for data, _, _ in streams_:
        r = subprocess.run([binary, '-z'], input=data, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=env, check=True)
        rows = r.stderr.decode().split('\n')[:-1]
        ok = np.array([not row.startswith('X') for row in rows])
        feats = ' '.join(row.split(' R ')[0] for row in rows if not row.startswith('X'))
        v = np.array(feats.split(), dtype=np.float32)
        if v.size != ok.sum() * nfeat:
            sys.exit('gen-pagemodel: the rows do not have the %d features '
                     'pagefeatures.h names' % nfeat)
        x = np.zeros((len(rows), nfeat), np.float32)
        x[ok] = v.reshape(-1, nfeat)
        X.append(x)
        valid.append(ok)
        tail = [row.rsplit(' R ', 1)[1].split(' B ') for row in rows]
        bits.append(np.array([int(t[0]) for t in tail], np.int64))
        foot.append(np.array([float(t[1]) for t in tail]))
    return np.vstack(X), np.concatenate(valid), np.concatenate(bits), np.concatenate(foot)


def role_matrix(bits, S, nbits):
    """The role features of each line: the role bits of the line before,
    the line and the line after in its stream, as 0/1 columns."""
    prev = np.r_[0, bits[:-1]] * np.r_[False, S[1:] == S[:-1]]
    nxt = np.r_[bits[1:], 0] * np.r_[S[1:] == S[:-1], False]
    cols = [(b >> k) & 1 for b in (prev, bits, nxt) for k in range(nbits)]
    return np.array(cols, dtype=np.float32).T


def fit_roles(RX, R, rows, nbits):
    """The head and the foot models fitted on rows: weights [role][pos][bit],
    biases [role]."""
    w, b = [], []
    for role in (0, 2):
        wr, br = fit(RX[rows], (R[rows] == role).astype(float), ROLE_PENALTY)
        w.append(wr.reshape(3, nbits))
        b.append(br)
    # As the tables hold them, so that the features fitted on are the C's.
    return (np.vectorize(lambda x: float('%.6g' % x))(np.array(w)),
            np.array([float('%.6g' % x) for x in b]))


def tune_string(nfeat, roles):
    """PAGES_WEIGHTS for TUNE_BIN: no feature weights, the role models."""
    w, b = roles
    return ','.join(['0'] * nfeat + ['0'] + ['%.6g' % x for x in w.ravel()] +
                    ['%.6g' % x for x in b])


def fit(X, y, l2):
    """L2-penalised logistic regression; weights on raw features and a bias.
    The Hessian is summed in float32 (half the time; a Newton step needs
    only its direction near right), the gradient in float64."""
    X = X.astype(np.float64)
    mu = X.mean(0)
    sd = X.std(0)
    use = sd > 0
    Z = np.zeros_like(X)
    Z[:, use] = (X[:, use] - mu[use]) / sd[use]
    Z = np.hstack([Z, np.ones((len(X), 1))])
    Z32 = Z.astype(np.float32)
    w = np.zeros(Z.shape[1])
    pen = np.full(Z.shape[1], l2)
    pen[-1] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))
        g = Z.T @ (p - y) + pen * w
        H = ((Z32.T * (p * (1 - p)).astype(np.float32)) @ Z32).astype(np.float64)
        step = np.linalg.solve(H + np.diag(pen + 1e-9), g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    raw = np.zeros(X.shape[1])
    raw[use] = w[:-1][use] / sd[use]
    bias = w[-1] - np.sum(w[:-1][use] * mu[use] / sd[use])
    return raw, bias


def pick(score, S, valid, thr, page_min, body):
    """split-articles' rule (decoder.c): first line, or >= thr and highest
    within page_min, and of those between two prose lines (body) the
    highest; one waits at most GAP_LINES lines for the next prose line."""
    cand = pick_lines(score, S, valid, thr, page_min)
    pred = np.zeros(len(score), bool)
    gap_lines = define('decoder.h', 'GAP_LINES')
    wait = -1
    for i in range(len(score)):
        if i == 0 or S[i] != S[i - 1]:
            if wait >= 0:
                pred[wait] = True
            wait, at = i, float('inf')	# the first line waits too
        elif cand[i]:
            if wait >= 0 and i - wait > gap_lines:
                pred[wait], wait = True, -1
            if wait < 0 or score[i] > at:
                wait, at = i, score[i]
        if wait >= 0 and (body[i] or i - wait > gap_lines):
            pred[wait], wait = True, -1
    if wait >= 0:
        pred[wait] = True
    return pred


def pick_lines(score, S, valid, thr, page_min):
    """The lines >= thr and highest within page_min."""
    pred = np.zeros(len(score), bool)
    for i in np.where(valid & (score >= thr))[0]:
        lo, hi = max(0, i - page_min), min(len(score), i + page_min)
        ok = True
        for j in range(lo, hi):
            if j != i and S[j] == S[i] and valid[j] and (
                    score[j] > score[i] or (j < i and score[j] == score[i])):
                ok = False
                break
        pred[i] = ok
    return pred


def figures(pred, Y):
    tp = np.sum(pred & (Y == 1))
    P, R = tp / max(pred.sum(), 1), tp / Y.sum()
    return P, R, 2 * P * R / (P + R) if P + R else 0


def arguments():
    """(TUNE_BIN, CORPORA, output directory)."""
    args, out = sys.argv[1:], SRC
    while args and args[0] == '-o' and len(args) > 1:
        out, args = args[1], args[2:]
    if not args:
        sys.exit(__doc__.strip().split('\n')[2])
    corpora = args[1] if len(args) > 1 else os.path.join(HERE, '..', '..', 'shared', 'corpora')
    return args[0], corpora, out


def folds(G):
    """Each line's fold: the sites dealt into FOLDS folds."""
    sites = sorted(set(G))
    random.Random(5).shuffle(sites)
    deal = {g: i % FOLDS for i, g in enumerate(sites)}
    return np.array([deal[g] for g in G])


def cv_scores(binary, streams_, Y, S, R, fold, bits, nfeat, nbits, bias_at):
    """Each line's score by models that never saw its site: for each fold,
    the role models and then the page model (each penalty) fitted on the
    other folds' lines, the features dumped with those role models."""
    RX = role_matrix(bits, S, nbits)
    score = {l2: np.full(len(Y), -100.0) for l2 in PENALTIES}
    foot = np.full(len(Y), 99.0)
    for k in range(FOLDS):
        roles = fit_roles(RX, R, (fold != k) & (R >= 0) & ~blank(bits), nbits)
        X, valid, _, fk = dump(binary, streams_, nfeat, tune_string(nfeat, roles))
        X[:, bias_at] = 0
        print('fold %d: features dumped' % k, file=sys.stderr)
        tr, te = valid & (fold != k), valid & (fold == k)
        foot[fold == k] = fk[fold == k]
        for l2 in PENALTIES:
            w, b = fit(X[tr], Y[tr], l2)
            score[l2][te] = X[te].astype(np.float64) @ w + b
    return score, foot


def choose(score, Y, S, valid, page_min, body):
    """The penalty and threshold of the best smoothed site-grouped CV F1,
    and its P and R."""
    best = None
    grid = {}
    for l2 in PENALTIES:
        for thr in THRESHOLDS:
            pred = pick(score[l2], S, valid, thr, page_min, body)
            P, R, F = figures(pred, Y)
            each = ' '.join('%s P %.3f R %.3f F1 %.3f' % ((how,) + figures(
                pred[S // len(ORDERS) == k], Y[S // len(ORDERS) == k]))
                for k, how in enumerate(JOINS))
            print('penalty %g threshold %g: site-grouped CV P %.3f R %.3f F1 %.3f (%s)'
                  % (l2, thr, P, R, F, each), file=sys.stderr)
            grid[l2, thr] = (F, P, R)
    # The best F1 of a threshold and its neighbours: a flat optimum, not a spike.
    for (l2, thr), (F, P, R) in sorted(grid.items()):
        near = [grid[l2, t][0] for t in THRESHOLDS if abs(t - thr) <= 0.51]
        smooth = sum(near) / len(near)
        if best is None or smooth > best[0]:
            best = (smooth, l2, thr, P, R)
    return best[1:]


def blank(bits):
    """Whether each line of role bits is white space only (L_BLANK)."""
    return (bits >> L_BLANK_BIT) & 1 == 1


def write(out, names, w, role, l2, thr, P, R, npages):
    """pagemodel_gen.c and pagemodel_gen.h into directory out."""
    head = '/* Generated by scripts/gen-pagemodel.py; do not edit. */'
    about = ('Weights of the page splitter\'s features (pagefeatures.h), a logistic '
             'regression fitted on the %d dev pages of the fitting corpus in %d '
             'orders, joined by a newline and as cat joins them; penalty %g and '
             'the threshold chosen by site-grouped cross-validation (P %.3f R %.3f). '
             'Then the role models of pagerole.h, head and foot, each fitted on '
             'the role bits of the lines of the same streams (penalty %g).'
             % (npages, len(ORDERS), l2, P, R, ROLE_PENALTY))
    c = [head, '/*'] + [' * ' + l for l in textwrap.wrap(about, 70)] + [
         ' */',
         '#include "pagemodel_gen.h"',
         '',
         'const double pagemodel_weights[F_NFEATURES] = {']
    c += ['\t[%s] = %.6g,' % (n, x) for n, x in zip(names, w)]
    c += ['};', '', 'const double pagemodel_threshold = %.2f;' % thr, '',
          'const double pagemodel_roles[NROLES][NROLEPOS][NROLEBITS] = {']
    for r in role[0]:
        c.append('\t{')
        for pos in r:
            c += ['\t\t{'] + ['\t\t\t' + l for l in textwrap.wrap(
                ' '.join('%.6g,' % x for x in pos), 60)] + ['\t\t},']
        c.append('\t},')
    c += ['};', '', 'const double pagemodel_role_bias[NROLES] = { %s };'
          % ', '.join('%.6g' % x for x in role[1])]
    h = [head,
         '/*',
         ' * The page model fitted by scripts/gen-pagemodel.py (pagemodel_gen.c):',
         ' * a weight for each feature of pagefeatures.h, the threshold a line\'s',
         ' * score must reach to start a page, and the role models (pagerole.h).',
         ' */',
         '#ifndef PAGEMODEL_GEN_H',
         '#define PAGEMODEL_GEN_H',
         '',
         '#include "pagefeatures.h"',
         '#include "pagerole.h"',
         '',
         'extern const double pagemodel_weights[F_NFEATURES];',
         'extern const double pagemodel_threshold;',
         'extern const double pagemodel_roles[NROLES][NROLEPOS][NROLEBITS];',
         'extern const double pagemodel_role_bias[NROLES];',
         '',
         '#endif']
    os.makedirs(out, exist_ok=True)
    for name, lines in (('pagemodel_gen.c', c), ('pagemodel_gen.h', h)):
        with open(os.path.join(out, name), 'w') as f:
            f.write('\n'.join(lines) + '\n')


def main():
    binary, corpora, out = arguments()
    names, page_min, nbits = feature_names()
    nfeat, bias_at = len(names), names.index('F_BIAS')
    pnames, text, site, gold = pages(corpora)
    roles = {f: page_roles(text[f], gold[f]) for f in pnames}
    streams_ = streams(pnames, text)
    Y, G, S, R = labels(streams_, site, roles)
    _, valid, bits, _ = dump(binary, streams_, nfeat, '')
    if len(bits) != len(Y):
        sys.exit('gen-pagemodel: %d feature rows for %d lines' % (len(bits), len(Y)))
    fold = folds(G)
    score, foot = cv_scores(binary, streams_, Y, S, R, fold, bits, nfeat, nbits, bias_at)
    body = foot < float(re.search(r'#define BODY_FOOT (\S+)', open(
        os.path.join(SRC, 'decoder.h')).read()).group(1))
    l2, thr, P, Rc = choose(score, Y, S, valid, page_min, body)
    print('chosen: penalty %g threshold %g (CV P %.3f R %.3f) on %d pages'
          % (l2, thr, P, Rc, len(pnames)), file=sys.stderr)
    role = fit_roles(role_matrix(bits, S, nbits), R, (R >= 0) & ~blank(bits), nbits)
    X, valid, _, _ = dump(binary, streams_, nfeat, tune_string(nfeat, role))
    X[:, bias_at] = 0	# the fit has its own intercept
    w, b = fit(X[valid], Y[valid], l2)
    w[bias_at] = b
    write(out, names, w, role, l2, thr, P, Rc, len(pnames))


if __name__ == '__main__':
    main()
