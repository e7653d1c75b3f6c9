#!/usr/bin/python3
"""fit-strip-stack.py - does a model stacked on strip-chrome's own labelling
beat the labelling alone, on sites it never saw?  (issue 17, lab script)

usage: make tune && scripts/fit-strip-stack.py [--langs en,zh]
                   [--models gbt,lr,gbt_small] [--val] [--per-page]

It reads strip-chrome built with -DSTRIP_TUNE (build/tune/bin, or the one
STRIP_TUNE_BIN names), whose --explain prints, before its usual four
columns, the unit's numbers (score weight in_body after_end best copies dup
listing kw ends seen).  It prints figures and writes nothing: no model won
(docs/strip-model.md), so no table is generated.  Needs Debian's
python3-sklearn; run it with OMP_NUM_THREADS=1 on a shared machine.  Each dev page's units are labelled body or chrome by
aligning their tokens with the gold (difflib blocks of 3 or more tokens, or
a block covering a whole unit; a unit is body if half its tokens align).

Inputs of the stacked model, per nonblank unit: the labeller's decision,
class, reason and line score; its neighbours' decisions and scores (+-1..3),
the share kept in windows of +-5 and +-12 units, the distance to the nearest
kept unit and to the body run; comment-thread shape (name lines, time lines,
reply widgets, their counts on the page); chrome rows (advertisement,
continue/read more, newsletter, author box) as features; line shape.

Decoders, their parameters chosen by cross-validation grouped by site (5
folds of sites; for each fold the parameters are chosen on the other
folds' out-of-fold pages, so no figure is scored with parameters chosen on
its own pages):
  flip   keep a kept unit unless p < t_drop, a dropped one if p >= t_add
         (t_drop = 0, t_add > 1 is the labeller itself)
  thr    keep if p >= t (several spans)
  span   one span: the max-sum run of (p - t) * tokens, units in it with
         p >= t/2 kept
Scores: token F1 as ../shared/tools/score-body.py counts it (bag of tokens),
macro and micro.  val pages (--val) are only scored, with the model and
parameters fitted on all dev pages; their text and gold are never printed.
"""
import argparse
import csv
import difflib
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

import numpy as np

PAGES = os.environ.get('PAGES', os.path.join(os.path.dirname(
    os.path.abspath(__file__)), '..', '..', 'shared', 'corpora', 'pages'))
DBG = os.environ.get('STRIP_TUNE_BIN', os.path.join(os.path.dirname(
    os.path.abspath(__file__)), '..', 'build', 'tune', 'bin', 'strip-chrome'))

_CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f'
_TOK = re.compile('[%s]|(?:(?![%s])[^\\W_])+' % (_CJK, _CJK))


def tokens(text):
    return _TOK.findall(unicodedata.normalize('NFKC', text).lower())


LABELS = ['blank', 'prose', 'short', 'list', 'chrome', 'meta', 'media',
          'repeat', 'spam', 'end']


def explain(name):
    out = subprocess.run(['nice', '-n', '5', DBG, '--explain',
                          os.path.join(PAGES, 'text', name + '.txt')],
                         capture_output=True, check=True).stdout
    rows = []
    for ln in out.decode('utf-8', 'surrogateescape').split('\n'):
        if not ln:
            continue
        c = ln.split('\t', 15)
        nums = [int(x) for x in c[:11]]
        rows.append(dict(score=nums[0], weight=nums[1], inbody=nums[2],
                         afterend=nums[3], best=nums[4], copies=nums[5],
                         dup=nums[6], listing=nums[7], kw=nums[8],
                         ends=nums[9], seen=nums[10],
                         keep=c[11] == 'keep', label=c[12], reason=c[13],
                         text=c[14] if len(c) > 14 else ''))
    return rows


def align(utoks, gold):
    page, owner = [], []
    for i, t in enumerate(utoks):
        page.extend(t)
        owner.extend([i] * len(t))
    sm = difflib.SequenceMatcher(None, page, gold, autojunk=False)
    matched = [0] * len(utoks)
    for a, _, size in sm.get_matching_blocks():
        for k in range(a, a + size):
            if size >= 3 or size >= len(utoks[owner[k]]):
                matched[owner[k]] += 1
    return matched


def load(split, langs):
    pages = []
    with open(os.path.join(PAGES, 'MANIFEST.tsv'), encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row['split'] != split or row['lang'] not in langs:
                continue
            units = explain(row['name'])
            utoks = [tokens(u['text']) for u in units]
            with open(os.path.join(PAGES, 'gold', row['name'] + '.txt'),
                      encoding='utf-8', errors='replace') as g:
                gold = tokens(g.read())
            p = dict(name=row['name'], lang=row['lang'], site=row['site'],
                     units=units, toks=utoks, gold=Counter(gold))
            if split == 'dev':
                p['matched'] = align(utoks, gold)
            pages.append(p)
    return pages


# --- features ----------------------------------------------------------
RX = {
    'advert': re.compile(r'^(advertisement|advertising|sponsored|ad|ads|广告)\b', re.I),
    'more': re.compile(r'\b(continue reading|read more|read the full|full story|see more|load more|show more)\b', re.I),
    'newsletter': re.compile(r'\b(newsletter|subscribe|sign up|signup|inbox|unsubscribe)\b', re.I),
    'authorbox': re.compile(r'^(about the author|[A-Z][a-z]+ [A-Z][a-z]+ (is|was) an? )|\bis a (staff |senior |contributing )?(writer|reporter|editor|journalist|correspondent)\b'),
    'timeago': re.compile(r'(\bago|(分钟|小时|天|分鐘|小時)前)\s*$', re.I),
    'clock': re.compile(r'\b\d{1,2}:\d\d\b'),
    'year': re.compile(r'(?<!\d)(19|20)\d\d(?!\d)'),
    'reply': re.compile(r'^(reply|report|flag|like|share|回复|回覆|举报|舉報|顶|踩|支持|反对)\b', re.I),
    'votes': re.compile(r'(^|\s)\d+\s*(votes?|points?|likes?|replies|upvotes?)\b|\brating\s*:', re.I),
    'said': re.compile(r'\b(said|says|wrote|writes)\s*[:：]$'),
    'name': re.compile(r'^[A-Z][\w.\'-]+( [A-Z][\w.\'-]+){0,2}$'),
    'caption': re.compile(r'\((photo|image|credit)|getty|reuters|\bAP\b|shutterstock|afp|photograph', re.I),
    'stop': re.compile(r'\b(the|a|an|of|to|in|and|is|was|for|that|with|on|as|it|by|at|from|he|she|they|we|be|have|has|had|are|were|this|which|but|not|or)\b', re.I),
}
REASONS = None


def unit_local(u, toks):
    s = u['text'].strip()
    words = max(len(s.split()), 1)
    f = [u['keep'], u['score'] / 40.0, np.sign(u['score']) * np.log1p(abs(u['score'])),
         np.log1p(u['weight']), u['inbody'], u['afterend'], min(u['copies'], 10),
         u['dup'], u['listing'], u['ends'] == 1, u['ends'] == 2, u['seen'],
         np.log1p(len(toks)), len(RX['stop'].findall(s)) / words,
         sum(w[:1].isupper() for w in s.split()) / words,
         s.endswith('...') or s.endswith('…'), s.endswith('?')]
    f += [u['label'] == lb for lb in LABELS]
    f += [u['reason'] == r for r in REASONS]
    f += [(u['kw'] >> b) & 1 for b in range(17)]
    f += [bool(RX[k].search(s)) for k in ('advert', 'more', 'newsletter',
                                          'authorbox', 'timeago', 'clock',
                                          'reply', 'votes', 'said', 'caption')]
    f += [bool(RX['name'].match(s)) and u['ends'] != 1,
          bool(RX['year'].search(s)) and u['weight'] < 30]
    return f


def page_features(p):
    units, toks = p['units'], p['toks']
    idx = [i for i, u in enumerate(units) if u['label'] != 'blank' or toks[i]]
    loc = np.array([unit_local(units[i], toks[i]) for i in idx], dtype=float)
    n = len(idx)
    keep = np.array([units[i]['keep'] for i in idx], dtype=float)
    sc = np.array([units[i]['score'] for i in idx], dtype=float) / 40.0
    ntok = np.array([len(toks[i]) for i in idx], dtype=float)
    inbody = np.array([units[i]['inbody'] for i in idx], dtype=float)
    kept_pos = np.nonzero(keep)[0]
    body_pos = np.nonzero(inbody)[0]
    rows = []
    ctx_flags = loc[:, -12:]         # chrome rows, thread shape
    pagecnt = ctx_flags.sum(axis=0)
    ktok = (keep * ntok).sum()
    for j in range(n):
        f = []
        for d in (-3, -2, -1, 1, 2, 3):
            k = j + d
            f += [keep[k], sc[k], np.log1p(ntok[k]), loc[k, 9]] if 0 <= k < n else [-1, 0, 0, 0]
        for w in (5, 12):
            a, b = max(0, j - w), min(n, j + w + 1)
            f += [keep[a:b].mean(), (keep[a:b] * ntok[a:b]).sum() / max(ntok[a:b].sum(), 1)]
        if len(kept_pos):
            dist = np.abs(kept_pos - j).min()
            f += [np.log1p(dist), j < kept_pos[0], j > kept_pos[-1]]
        else:
            f += [np.log1p(n), 0, 0]
        if len(body_pos):
            f += [np.log1p(max(body_pos[0] - j, 0)), np.log1p(max(j - body_pos[-1], 0))]
        else:
            f += [np.log1p(n), np.log1p(n)]
        f += [j / max(n, 1), np.log1p(ktok), ktok / max(ntok.sum(), 1),
              np.log1p(max(units[idx[0]]['best'], 0))]
        f += list(np.log1p(pagecnt))
        rows.append(list(loc[j]) + f)
    return idx, np.array(rows, dtype=float)


def build(pages):
    X, y, w, tk, pid, uix = [], [], [], [], [], []
    for k, p in enumerate(pages):
        idx, rows = page_features(p)
        tot = max(sum(len(t) for t in p['toks']), 1)
        for i, r in zip(idx, rows):
            t = len(p['toks'][i])
            X.append(r)
            y.append(int(t > 0 and 2 * p.get('matched', [0] * (i + 1))[i] >= t))
            w.append(t / tot * 1000 + 1e-3)
            pid.append(k)
            uix.append(i)
    return (np.array(X), np.array(y), np.array(w), np.array(pid), np.array(uix))


# --- scoring -----------------------------------------------------------
def page_f1(p, keepset):
    pred = Counter()
    for i in keepset:
        pred.update(p['toks'][i])
    g = p['gold']
    tp = sum((g & pred).values())
    ng, npd = sum(g.values()), sum(pred.values())
    if ng == 0 and npd == 0:
        return 1.0, 0, 0, 0
    if ng == 0 or npd == 0:
        return 0.0, tp, npd, ng
    pr, rc = tp / npd, tp / ng
    return (2 * pr * rc / (pr + rc) if tp else 0.0), tp, npd, ng


def score(pages, keepsets):
    fs, TP, NP, NG = [], 0, 0, 0
    for p, ks in zip(pages, keepsets):
        f, tp, npd, ng = page_f1(p, ks)
        fs.append(f)
        TP, NP, NG = TP + tp, NP + npd, NG + ng
    pr, rc = TP / max(NP, 1), TP / max(NG, 1)
    return np.mean(fs), 2 * pr * rc / max(pr + rc, 1e-9), fs


def decode(kind, par, p_unit, keep_unit, ntok):
    if kind == 'flip':
        t_drop, t_add = par
        return [(k and q >= t_drop) or (not k and q >= t_add)
                for q, k in zip(p_unit, keep_unit)]
    if kind == 'drop':
        # only drop what the labeller kept, and never most of it: a page
        # the model would empty is one it does not know
        dec = [k and q >= par for q, k in zip(p_unit, keep_unit)]
        kept = sum(t for t, k in zip(ntok, keep_unit) if k)
        left = sum(t for t, d in zip(ntok, dec) if d)
        return dec if 2 * left >= kept else list(keep_unit)
    if kind == 'thr':
        return [q >= par for q in p_unit]
    # span
    best, cur, s0, bs, be = 0.0, 0.0, 0, 0, 0
    for j, (q, t) in enumerate(zip(p_unit, ntok)):
        if cur <= 0:
            cur, s0 = 0.0, j
        cur += (q - par) * max(t, 1)
        if cur > best:
            best, bs, be = cur, s0, j + 1
    if best <= 0 and len(p_unit):
        j = int(np.argmax(p_unit))
        bs, be = j, j + 1
    return [bs <= j < be and q >= par / 2 for j, q in enumerate(p_unit)]


GRID = {
    'flip': [(a, b) for a in (0, .05, .1, .2, .3, .4, .5)
             for b in (.5, .6, .7, .8, .9, .95, 1.01)],
    'drop': [0, .02, .05, .1, .15, .2, .3],
    'thr': [.2, .3, .4, .5, .6, .7],
    'span': [.2, .3, .4, .5, .6],
}


def keepsets(pages, P, pid, uix, kind, par):
    out = []
    for k, p in enumerate(pages):
        m = pid == k
        ui = uix[m]
        keep = [p['units'][i]['keep'] for i in ui]
        nt = [len(p['toks'][i]) for i in ui]
        dec = decode(kind, par, P[m], keep, nt)
        out.append({i for i, d in zip(ui, dec) if d})
    return out


def labeller(pages):
    return [{i for i, u in enumerate(p['units']) if u['keep']} for p in pages]


def make_model(name):
    if name == 'lr':
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=3000))
    from sklearn.ensemble import HistGradientBoostingClassifier
    if name == 'gbt_small':
        return HistGradientBoostingClassifier(max_depth=3, max_iter=80, learning_rate=0.1,
                                              min_samples_leaf=40, early_stopping=False)
    return HistGradientBoostingClassifier(max_depth=4, max_iter=150, learning_rate=0.08,
                                          min_samples_leaf=30, l2_regularization=1.0,
                                          early_stopping=False)


def site_folds(pages, nfold=5):
    sites = sorted({p['site'] for p in pages})
    size = Counter(p['site'] for p in pages)
    # sites dealt largest first into the lightest fold
    fold_of, load_ = {}, [0] * nfold
    for s in sorted(sites, key=lambda s: (-size[s], s)):
        f = load_.index(min(load_))
        fold_of[s] = f
        load_[f] += size[s]
    return np.array([fold_of[p['site']] for p in pages])


def cv(pages, X, y, w, pid, uix, model, per_page):
    pf = site_folds(pages)
    uf = pf[pid]
    P = np.zeros(len(y))
    for f in range(pf.max() + 1):
        tr = uf != f
        m = make_model(model)
        if model == 'lr':
            m.fit(X[tr], y[tr], logisticregression__sample_weight=w[tr])
        else:
            m.fit(X[tr], y[tr], sample_weight=w[tr])
        P[~tr] = m.predict_proba(X[~tr])[:, 1]
    res = {}
    for kind, grid in GRID.items():
        # cross-fitted parameters: chosen on the other folds' pages
        chosen, ks_all = [], [None] * len(pages)
        for f in range(pf.max() + 1):
            others = [k for k in range(len(pages)) if pf[k] != f]
            sub = [pages[k] for k in others]
            best = None
            for par in grid:
                ks = keepsets(pages, P, pid, uix, kind, par)
                mac = score(sub, [ks[k] for k in others])[0]
                if best is None or mac > best[0] + 1e-9:
                    best = (mac, par)
            chosen.append(best[1])
            ks = keepsets(pages, P, pid, uix, kind, best[1])
            for k in range(len(pages)):
                if pf[k] == f:
                    ks_all[k] = ks[k]
        mac, mic, fs = score(pages, ks_all)
        res[kind] = (mac, mic, chosen, fs)
    return P, res


# what site-grouped CV chose on the dev pages (the figures of docs/strip-model.md)
VAL_CHOICES = {'en': [('lr', 'drop', .1), ('gbt_small', 'flip', (.2, .9))],
               'zh': [('gbt', 'flip', (.4, .9)), ('gbt_small', 'flip', (0, .8))]}


def main():
    global REASONS
    ap = argparse.ArgumentParser()
    ap.add_argument('--langs', default='en,zh')
    ap.add_argument('--models', default='gbt,lr')
    ap.add_argument('--val', action='store_true')
    ap.add_argument('--per-page', action='store_true')
    a = ap.parse_args()
    for lang in a.langs.split(','):
        pages = load('dev', [lang])
        rc = Counter(u['reason'] for p in pages for u in p['units'])
        REASONS = sorted(r for r, c in rc.items() if c >= 20)
        X, y, w, pid, uix = build(pages)
        base = score(pages, labeller(pages))
        print('%s dev %d pages, %d units, %d features; labeller %.4f / %.4f'
              % (lang, len(pages), len(y), X.shape[1], base[0], base[1]), flush=True)
        if a.val:
            vp = load('val', [lang])
            Xv, _, _, vpid, vuix = build(vp)
            vbase = score(vp, labeller(vp))
            print('  val %d pages: labeller %.4f / %.4f' % (len(vp), vbase[0], vbase[1]))
            for model, kind, par in VAL_CHOICES.get(lang, []):
                m = make_model(model)
                if model == 'lr':
                    m.fit(X, y, logisticregression__sample_weight=w)
                else:
                    m.fit(X, y, sample_weight=w)
                Pv = m.predict_proba(Xv)[:, 1]
                r = score(vp, keepsets(vp, Pv, vpid, vuix, kind, par))
                print('  val %-9s %-5s %s: %.4f / %.4f' % (model, kind, par, r[0], r[1]))
            continue
        for model in a.models.split(','):
            P, res = cv(pages, X, y, w, pid, uix, model, a.per_page)
            for kind, (mac, mic, chosen, fs) in res.items():
                print('  %-9s %-5s site-CV %.4f / %.4f  folds chose %s'
                      % (model, kind, mac, mic, chosen), flush=True)
                if a.per_page and kind in ('flip', 'drop'):
                    for p, f0, f1 in zip(pages, base[2], fs):
                        if abs(f1 - f0) > .005:
                            print('     %-28s %.3f -> %.3f' % (p['name'], f0, f1))


if __name__ == '__main__':
    main()
