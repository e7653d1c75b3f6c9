#!/usr/bin/python3
"""gen-metamodel.py - fit extract-meta's title chooser.

usage: scripts/gen-metamodel.py [-o DIR] TUNE_BIN [CORPORA]
       scripts/gen-metamodel.py --roundtrip [-n PAGES] TUNE_BIN [CORPORA]

Writes DIR/titlemodel_gen.c (the weights) and DIR/titlemodel_gen.h; DIR
is cmd/extract-meta by default, CORPORA ../shared/corpora.

TUNE_BIN is extract-meta built with -DMETA_TUNE (make tune).  With
META_FEATURES set it prints, for every page, each title candidate: its
line, the rule that proposed it, the title it would give, its score under
the compiled weights, and its features (cmd/extract-meta/titlemodel.h).
The script fits on exactly those numbers, so the C code and the model
cannot disagree on a feature.

The pages: the `dev` rows of CORPORA/meta-pages/MANIFEST.tsv with a
labelled title, each twice: its text alone, and its text with the
record's "title" and "html" object built from head/NAME.head.html the way
split-articles --html-to-text -j writes them (the contract in
docs/html-object.md); and the `dev` Chinese pages of CORPORA/pages whose
text the fitting corpus holds, text alone.  `val` pages are never read.

The model is a conditional logit: a candidate's score is w . x, the page's
title is its best-scored candidate, and w maximises the log-probability of
the right candidates (softmax over each page's candidates; a candidate is
right when its title equals the gold title, blanks, punctuation and case
ignored) less an L2 penalty on standardised features.  Chinese pages
(extract-meta's own test) get weights of their own: there the hand rules'
pick is the strongest evidence, elsewhere the features.  The penalty is
chosen by cross-validation grouped by site (no site in both the fit and
the scored fold); the site-left-out figures go to stderr.  Deterministic
for the same corpora and TUNE_BIN.

--roundtrip runs TUNE_BIN over the first PAGES pages and checks that
every score it prints is the sum, in C's order, of the checked-in
weights (DIR/titlemodel_gen.c) times the printed features: the scorer in
C and the model agree.  Exit 1 if one differs.
"""

import html.parser
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

import numpy as np

FOLDS = 5
PENALTIES = (0.1, 0.3, 1.0)
ITERATIONS = 300
KEY_DROP = re.compile(r'[\W_]+')


def key(s):
    """A title as the fit compares it: NFKC, no blanks or punctuation, case folded."""
    if s is None:
        return None
    return KEY_DROP.sub('', unicodedata.normalize('NFKC', s)).casefold()


# --- the pages -----------------------------------------------------------


def manifest(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            rows.append(dict(zip(head, line.rstrip('\n').split('\t'))))
    return rows


class HeadReader(html.parser.HTMLParser):
    """The "html" object of a page's head, as the contract lists its keys."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.obj = {}
        self.title = None
        self.inside = None
        self.text = []

    def put(self, k, v):
        v = re.sub(r'\s+', ' ', v or '').strip()
        if not v or (k not in self.obj and len(self.obj) >= 64):
            return
        v = v.encode('utf-8')[:1024].decode('utf-8', 'ignore')
        if k not in self.obj:
            self.obj[k] = v
        elif k in ('author', 'article:author'):
            old = self.obj[k]
            self.obj[k] = (old if isinstance(old, list) else [old]) + [v]

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): v or '' for k, v in attrs}
        if tag == 'html' and a.get('lang'):
            self.put('lang', a['lang'])
        elif tag == 'title' and self.title is None:
            self.inside, self.text = 'title', []
        elif tag == 'script' and 'ld+json' in a.get('type', '').lower():
            self.inside, self.text = 'ld', []
        elif tag == 'link' and a.get('rel', '').lower() == 'canonical':
            self.put('canonical', a.get('href'))
        elif tag == 'meta' and 'content' in a:
            if a.get('property', '').lower().startswith(('og:', 'article:')):
                self.put(a['property'].lower(), a['content'])
            elif a.get('name'):
                self.put(a['name'].lower(), a['content'])

    def handle_endtag(self, tag):
        if tag == 'title' and self.inside == 'title':
            self.title = re.sub(r'\s+', ' ', ''.join(self.text)).strip()
            self.put('title', self.title)
        elif tag == 'script' and self.inside == 'ld':
            self.jsonld(''.join(self.text))
        else:
            return
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)

    def jsonld(self, raw):
        if any(k.startswith('ld:') for k in self.obj):
            return
        try:
            art = article(json.loads(raw.strip()))
        except ValueError:
            return
        if art is None:
            return
        for field in ('headline', 'datePublished', 'dateModified', 'author', 'publisher',
                      'articleSection'):
            for v in names(art.get(field)):
                self.put('ld:' + field, v)


def article(o):
    """The first JSON-LD object of an article type (or with a headline)."""
    if isinstance(o, list):
        for x in o:
            a = article(x)
            if a is not None:
                return a
    elif isinstance(o, dict):
        t = o.get('@type')
        t = ' '.join(t) if isinstance(t, list) else str(t or '')
        if re.search(r'(Article|Posting|Report)\b', t) or 'headline' in o:
            return o
        for k in ('@graph', 'mainEntity'):
            if k in o:
                a = article(o[k])
                if a is not None:
                    return a
    return None


def names(v):
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return [v['name']] if isinstance(v.get('name'), str) else []
    if isinstance(v, list):
        return [n for x in v for n in names(x)]
    return []


def head_record(path):
    """The members split-articles -j gives an HTML page: "title" and "html"."""
    r = HeadReader()
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            r.feed(f.read())
    except (OSError, AssertionError):
        return {}
    out = {'html': r.obj}
    if r.title:
        out['title'] = r.title
    return out


def meta_pages(corpora, field, value=None):
    """(name, site, group, gold, record) of the dev pages of meta-pages with
    FIELD labelled, each twice: text alone, and with its head's record.
    The gold is value(gold object), by default its FIELD.  Every chooser's
    generator reads its pages here (scripts/metafit.py)."""
    value = value or (lambda gold: gold[field])
    pages = []
    mp = os.path.join(corpora, 'meta-pages')
    for row in manifest(os.path.join(mp, 'MANIFEST.tsv')):
        if row['split'] != 'dev':
            continue
        with open(os.path.join(mp, 'gold', row['name'] + '.meta.json'), encoding='utf-8') as f:
            gold = json.load(f)
        if field not in gold.get('labelled', []):
            continue
        with open(os.path.join(mp, 'text', row['name'] + '.txt'), encoding='utf-8',
                  errors='surrogateescape') as f:
            text = f.read()
        lang = row['lang']
        group = 'zh-blog' if row['name'].startswith('zh-blog-') else \
            lang if lang in ('en', 'de', 'zh') else 'other'
        head = head_record(os.path.join(mp, 'head', row['name'] + '.head.html'))
        pages.append((row['name'], row['site'], group, value(gold), {'text': text}))
        pages.append((row['name'], row['site'], group + '+head', value(gold),
                      dict(head, text=text)))
    return pages


def chinese_pages(corpora, field, value=None):
    """The same of the dev Chinese pages of CORPORA/pages the fitting corpus
    holds, text alone; value None: FIELD, on the pages that label it."""
    pages = []
    pc = os.path.join(corpora, 'pages')
    for row in manifest(os.path.join(pc, 'MANIFEST.tsv')):
        path = os.path.join(pc, 'text', row['name'] + '.txt')
        if row['split'] != 'dev' or row['lang'] != 'zh' or not os.path.exists(path):
            continue
        with open(os.path.join(pc, 'gold', row['name'] + '.meta.json'), encoding='utf-8') as f:
            gold = json.load(f)
        if value is None and field not in gold.get('labelled', []):
            continue
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            text = f.read()
        pages.append((row['name'], row['site'], 'pages-zh',
                      value(gold) if value else gold[field], {'text': text}))
    return pages


def load_pages(corpora):
    """(name, site, group, gold key, record) of every page fitted on."""
    title_key = lambda gold: key(gold.get('title'))
    return meta_pages(corpora, 'title', title_key) + chinese_pages(corpora, 'title', title_key)


# --- the features C computes -----------------------------------------------


def feature_dump(tune, records, tag=''):
    """Run TUNE -j over the records with META_FEATURES set and read the
    lines it prints to stderr for chooser TAG ('' the title's):
    "#TAGfeatures NAME...", then per record a "TAGpage" line and its
    "TAGcand" lines.  Returns per page (the page line's fields, [each
    candidate line's fields]) and the feature names."""
    data = ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records)
    p = subprocess.run([tune, '-j'], input=data.encode('utf-8', 'surrogateescape'),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env=dict(os.environ, META_FEATURES='1'), check=True)
    names, pages = None, []
    for line in p.stderr.decode('utf-8', 'replace').split('\n'):
        f = line.split('\t')
        if f[0] == '#%sfeatures' % tag:
            names = f[1:]
        elif f[0] == tag + 'page':
            pages.append((f, []))
        elif f[0] == tag + 'cand':
            pages[-1][1].append(f)
    if names is None or len(pages) != len(records):
        sys.exit('%s printed %d pages of %d' % (tune, len(pages), len(records)))
    return pages, names


def dump(tune, records):
    """The title chooser's dump: per page (zh, [(title, line, score, x)]), names."""
    pages, names = feature_dump(tune, records)
    return [(int(page[2]), [(c[3], c[2], c[4], c[5:]) for c in cands])
            for page, cands in pages], names


def matrices(pages, dumped):
    """Per model (0 other, 1 zh): X, right, page index of each row, and the pages."""
    out = {0: ([], [], [], []), 1: ([], [], [], [])}
    for i, ((name, site, group, gold, _), (zh, cands)) in enumerate(zip(pages, dumped)):
        X, y, pid, info = out[zh]
        for title, _, _, x in cands:
            X.append(x)
            y.append(1.0 if gold and key(title) == gold else 0.0)
            pid.append(i)
        info.append(i)
    res = {}
    for zh, (X, y, pid, info) in out.items():
        n = len(X[0]) if X else 0
        flat = np.array([v for x in X for v in x], dtype=float)
        res[zh] = (flat.reshape(-1, n), np.array(y), np.array(pid, dtype=np.int64), info)
    return res


# --- the model ----------------------------------------------------------------


def page_sums(v, starts):
    return np.add.reduceat(v, starts, axis=0)


def fit(X, y, pid, penalty):
    """Weights (on the raw features) of the conditional logit, fitted by L-BFGS."""
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (X - X.mean(axis=0)) / scale
    starts = np.r_[0, np.flatnonzero(np.diff(pid)) + 1]
    keep = page_sums(y, starts) > 0
    rowkeep = np.repeat(keep, np.diff(np.r_[starts, len(y)]))
    Z, yk, pk = Z[rowkeep], y[rowkeep], pid[rowkeep]
    starts = np.r_[0, np.flatnonzero(np.diff(pk)) + 1]
    rep = np.diff(np.r_[starts, len(yk)])
    lam = 1.0 / penalty

    def loss_grad(w):
        s = Z @ w
        s = s - np.repeat(np.maximum.reduceat(s, starts), rep)
        e = np.exp(s)
        tot = page_sums(e, starts)
        # The right candidates' sum on a scale of their own, so it cannot underflow.
        sr = np.where(yk > 0, s, -np.inf)
        top = np.maximum.reduceat(sr, starts)
        er = np.where(yk > 0, np.exp(sr - np.repeat(top, rep)), 0.0)
        right = page_sums(er, starts)
        loss = -(np.log(right) + top - np.log(tot)).sum() + 0.5 * lam * (w @ w)
        g = Z.T @ (e / np.repeat(tot, rep) - er / np.repeat(right, rep)) + lam * w
        return loss, g

    return lbfgs(loss_grad, np.zeros(Z.shape[1])) / scale


def lbfgs(f, w, memory=10):
    """Minimise f (returning value and gradient) from w: L-BFGS, backtracking."""
    loss, g = f(w)
    hist = []
    for _ in range(ITERATIONS):
        q = g.copy()
        alphas = []
        for s, y, rho in reversed(hist):
            a = rho * (s @ q)
            alphas.append(a)
            q -= a * y
        if hist:
            s, y, _ = hist[-1]
            q *= (s @ y) / (y @ y)
        for (s, y, rho), a in zip(hist, reversed(alphas)):
            q += s * (a - rho * (y @ q))
        d = -q
        if g @ d >= 0:
            d, hist = -g, []
        t = 1.0 if hist else 1.0 / max(1.0, np.abs(g).max())
        while True:
            nl, ng = f(w + t * d)
            if nl <= loss + 1e-4 * t * (g @ d) or t < 1e-10:
                break
            t *= 0.5
        s, y = t * d, ng - g
        if s @ y > 1e-12:
            hist = (hist + [(s, y, 1.0 / (s @ y))])[-memory:]
        w, done = w + s, loss - nl < 1e-6 * max(1.0, abs(loss))
        loss, g = nl, ng
        if done:
            break
    return w


def picks(X, pid, w):
    """The chosen row of each page (the first of equals), by page index."""
    s = X @ w
    starts = np.r_[0, np.flatnonzero(np.diff(pid)) + 1]
    best = {}
    for a, b in zip(starts, np.r_[starts[1:], len(s)]):
        best[int(pid[a])] = int(a + np.argmax(s[a:b]))
    return best


def folds(pages):
    sites = sorted({p[1] for p in pages})
    random.Random(16).shuffle(sites)
    return {s: i % FOLDS for i, s in enumerate(sites)}


def cross_validate(pages, M, penalty):
    """Right picks per page index with every fold fitted without its sites."""
    fold = folds(pages)
    right = {}
    for zh, (X, y, pid, info) in M.items():
        if not len(X):
            continue
        rowfold = np.array([fold[pages[p][1]] for p in pid])
        for k in range(FOLDS):
            tr, te = rowfold != k, rowfold == k
            w = fit(X[tr], y[tr], pid[tr], penalty)
            for p, r in picks(X[te], pid[te], w).items():
                right[p] = y[te][r] > 0
    return right


def figures(pages, right, rows=None):
    """Share of right titles per group, over the pages with a gold title."""
    by = {}
    for i, p in enumerate(pages):
        if p[3]:
            by.setdefault(p[2], []).append(bool(right.get(i, False)) if rows is None else rows(i))
    return {g: (sum(v) / len(v), len(v)) for g, v in sorted(by.items())}


def rule_figures(pages, dumped):
    """Today's choice (the hand rules' candidate) for comparison."""
    right = {}
    for i, (p, (zh, cands)) in enumerate(zip(pages, dumped)):
        for title, rule, _, x in cands:
            if rule != '9':
                right[i] = p[3] is not None and key(title) == p[3]
                break
    return right


# --- the tables -----------------------------------------------------------------


def write_tables(out, names, weights):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'titlemodel_gen.h'), 'w') as f:
        f.write('/* titlemodel_gen.h - generated by scripts/gen-metamodel.py: do not edit. */\n'
                '#ifndef TITLEMODEL_GEN_H\n#define TITLEMODEL_GEN_H\n\n'
                '/* The title chooser\'s weights: [0] other pages, [1] Chinese pages. */\n'
                '#define TITLE_MODEL_NFEAT %d\n'
                'extern const double title_model_weights[2][TITLE_MODEL_NFEAT];\n'
                'extern const char *const title_model_names[TITLE_MODEL_NFEAT];\n\n'
                '#endif\n' % len(names))
    with open(os.path.join(out, 'titlemodel_gen.c'), 'w') as f:
        f.write('/* titlemodel_gen.c - generated by scripts/gen-metamodel.py: do not edit. */\n'
                '#include "titlemodel_gen.h"\n\n'
                'const char *const title_model_names[TITLE_MODEL_NFEAT] = {\n')
        f.write(''.join('\t"%s",\n' % n for n in names))
        f.write('};\n\nconst double title_model_weights[2][TITLE_MODEL_NFEAT] = {\n')
        for w in weights:
            f.write('\t{\n' + ''.join('\t\t%s,\t/* %s */\n' % (v, n) for v, n in zip(w, names))
                    + '\t},\n')
        f.write('};\n')


def rounded(w):
    return ['%.6g' % v if abs(v) >= 1e-12 else '0' for v in w]


def read_weights(path, prefix='title_model'):
    """The weight rows of PREFIX_weights in a generated table."""
    with open(path) as f:
        text = f.read()
    body = text[text.index(prefix + '_weights'):]
    rows = re.findall(r'\{([^{}]*)\}', body)
    return [[float(v) for v in re.findall(r'^\s*([-+0-9.eE]+),', r, re.M)] for r in rows]


def check_scores(rows, weights, npages):
    """Does every dumped score (rows of zh, value, score, features) equal the
    sum, in C's order, of weights times features?  Prints the count to
    stderr; returns the exit status.  Every chooser's round trip (metafit.py)."""
    bad = checked = 0
    for zh, value, score, x in rows:
        s = 0.0
        for wi, xi in zip(weights[zh], x):
            s += wi * float(xi)
        checked += 1
        if s != float(score):
            bad += 1
            if bad <= 5:
                print('score %s in C, %r in the model: %s' % (score, s, value), file=sys.stderr)
    print('%d candidates of %d pages, %d scores differ' % (checked, npages, bad), file=sys.stderr)
    return 1 if bad or not checked else 0


def roundtrip(tune, corpora, out, n):
    pages = load_pages(corpora)[:n]
    dumped, names = dump(tune, [p[4] for p in pages])
    weights = read_weights(os.path.join(out, 'titlemodel_gen.c'))
    return check_scores(((zh, title, score, x) for zh, cands in dumped
                         for title, _, score, x in cands), weights, len(pages))


def options(argv, doc):
    """-o DIR, --roundtrip, -n PAGES, TUNE_BIN [CORPORA]: every chooser's
    generator takes these (scripts/metafit.py too)."""
    out, check, n = 'cmd/extract-meta', False, 40
    while argv and argv[0].startswith('-'):
        if argv[0] == '-o':
            out, argv = argv[1], argv[2:]
        elif argv[0] == '--roundtrip':
            check, argv = True, argv[1:]
        elif argv[0] == '-n':
            n, argv = int(argv[1]), argv[2:]
        else:
            sys.exit(doc)
    if not argv:
        sys.exit(doc)
    return out, check, n, argv[0], argv[1] if len(argv) > 1 else '../shared/corpora'


def main(argv):
    out, check, n, tune, corpora = options(argv, __doc__)
    if check:
        return roundtrip(tune, corpora, out, n)
    pages = load_pages(corpora)
    dumped, names = dump(tune, [p[4] for p in pages])
    M = matrices(pages, dumped)
    rules = figures(pages, rule_figures(pages, dumped))
    best = None
    for c in PENALTIES:
        cv = figures(pages, cross_validate(pages, M, c))
        mean = sum(v[0] for v in cv.values()) / len(cv)
        print('penalty C %g: site-left-out %s, mean %.3f' % (
            c, '  '.join('%s %.3f' % (g, v[0]) for g, v in cv.items()), mean), file=sys.stderr)
        if best is None or mean > best[0]:
            best = (mean, c, cv)
    mean, c, cv = best
    print('chosen C %g; title right, site-left-out vs the hand rules (pages):' % c, file=sys.stderr)
    for g, (v, k) in cv.items():
        print('  %-14s %.3f  rules %.3f  (%d)' % (g, v, rules[g][0], k), file=sys.stderr)
    weights = []
    for zh in (0, 1):
        X, y, pid, _ = M[zh]
        weights.append(rounded(fit(X, y, pid, c)))
    write_tables(out, names, weights)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
