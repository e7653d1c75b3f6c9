"""metafit.py - what extract-meta's fitted choosers share in their generators
(scripts/gen-datemodel.py, scripts/gen-authmodel.py): reading the features
a -DMETA_TUNE build dumps, fitting a conditional logit per model (other and
Chinese pages) with the penalty cross-validated by site, the generated
tables, and the round trip that checks C's scores against them.

The model and its fit are the title chooser's (scripts/gen-metamodel.py,
imported as TITLE): a candidate's score is w . x, a page's choice its
best-scored candidate, the first of equals.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys

import numpy as np


def _title_generator():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen-metamodel.py')
    spec = importlib.util.spec_from_file_location('gen_metamodel', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TITLE = _title_generator()


def dump(tune, records, tag):
    """Run TUNE -j over the records with META_FEATURES set and read its
    lines "#TAGfeatures NAME...", "TAGpage SEQ ZH [EXTRA]" and
    "TAGcand LINE VALUE SCORE X...": per page (zh, extra, [(value, score, x)])
    (value None when empty), and the feature names."""
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
            pages.append((int(f[2]), f[3] if len(f) > 3 and f[3] else None, []))
        elif f[0] == tag + 'cand':
            pages[-1][2].append((f[2] or None, f[3], f[4:]))
    if names is None or len(pages) != len(records):
        sys.exit('%s printed %d pages of %d' % (tune, len(pages), len(records)))
    return pages, names


def matrices(dumped, labels, nfeat):
    """Per model (0 other, 1 zh): X (rows of nfeat features), right
    (labels[i][j] of candidate j of page i), and the page index of each row."""
    out = {0: ([], [], []), 1: ([], [], [])}
    for i, (zh, _, cands) in enumerate(dumped):
        X, y, pid = out[zh]
        for j, (_, _, x) in enumerate(cands):
            X.append(x)
            y.append(1.0 if labels[i][j] else 0.0)
            pid.append(i)
    res = {}
    for zh, (X, y, pid) in out.items():
        flat = np.array([v for x in X for v in x], dtype=float)
        res[zh] = (flat.reshape(-1, nfeat), np.array(y), np.array(pid, dtype=np.int64))
    return res


def cross_validate(pages, model, penalty):
    """Right picks per page index, every fold fitted without its sites."""
    fold = TITLE.folds(pages)
    X, y, pid = model
    got = {}
    if not len(X):
        return got
    rowfold = np.array([fold[pages[p][1]] for p in pid])
    for k in range(TITLE.FOLDS):
        tr, te = rowfold != k, rowfold == k
        w = TITLE.fit(X[tr], y[tr], pid[tr], penalty)
        for p, r in TITLE.picks(X[te], pid[te], w).items():
            got[p] = y[te][r] > 0
    return got


def fit_models(pages, M, penalties, accuracy):
    """Per model the penalty with the best site-left-out mean of
    accuracy(page indices, right picks) -> {group: (share, pages)}, and its
    weights fitted on all pages.  Returns (penalties, weights, cv picks)."""
    chosen, weights, got = [], [], {}
    for zh in (0, 1):
        mine = sorted(set(M[zh][2].tolist()))
        if not mine:
            chosen.append(0)
            weights.append(['0'] * M[zh][0].shape[1])
            continue
        best = None
        for c in penalties:
            picks = cross_validate(pages, M[zh], c)
            acc = accuracy(mine, picks)
            mean = sum(v[0] for v in acc.values()) / max(1, len(acc))
            print('%s pages, penalty C %g: site-left-out %s, mean %.3f' % (
                'Chinese' if zh else 'other', c,
                '  '.join('%s %.3f' % (g, v[0]) for g, v in acc.items()), mean), file=sys.stderr)
            if best is None or mean > best[0] + 1e-9:
                best = (mean, c, picks)
        chosen.append(best[1])
        got.update(best[2])
        X, y, pid = M[zh]
        weights.append(TITLE.rounded(TITLE.fit(X, y, pid, best[1])))
    return chosen, weights, got


def fitted_picks(M, weights):
    """Right picks per page index under the weights fitted on all pages."""
    got = {}
    for zh in (0, 1):
        X, y, pid = M[zh]
        if len(X):
            w = np.array([float(v) for v in weights[zh]])
            for p, r in TITLE.picks(X, pid, w).items():
                got[p] = y[r] > 0
    return got


def write_tables(out, stem, prefix, what, script, names, weights):
    """OUT/STEM_gen.h and OUT/STEM_gen.c: PREFIX_weights[2][n], PREFIX_names."""
    os.makedirs(out, exist_ok=True)
    guard = stem.upper() + '_GEN_H'
    with open(os.path.join(out, stem + '_gen.h'), 'w') as f:
        f.write('/* %s_gen.h - generated by %s: do not edit. */\n'
                '#ifndef %s\n#define %s\n\n'
                '/* The %s\'s weights: [0] other pages, [1] Chinese pages. */\n'
                '#define %s_NFEAT %d\n'
                'extern const double %s_weights[2][%s_NFEAT];\n'
                'extern const char *const %s_names[%s_NFEAT];\n\n'
                '#endif\n' % (stem, script, guard, guard, what, prefix.upper(), len(names),
                              prefix, prefix.upper(), prefix, prefix.upper()))
    with open(os.path.join(out, stem + '_gen.c'), 'w') as f:
        f.write('/* %s_gen.c - generated by %s: do not edit. */\n'
                '#include "%s_gen.h"\n\n'
                'const char *const %s_names[%s_NFEAT] = {\n'
                % (stem, script, stem, prefix, prefix.upper()))
        f.write(''.join('\t"%s",\n' % n for n in names))
        f.write('};\n\nconst double %s_weights[2][%s_NFEAT] = {\n' % (prefix, prefix.upper()))
        for w in weights:
            f.write('\t{\n' + ''.join('\t\t%s,\t/* %s */\n' % (v, n) for v, n in zip(w, names))
                    + '\t},\n')
        f.write('};\n')


def roundtrip(dumped, weights):
    """The title generator's check of C's scores, on this chooser's dump."""
    return TITLE.check_scores(((zh, value, score, x) for zh, _, cands in dumped
                               for value, score, x in cands), weights, len(dumped))


def generate(argv, doc, model):
    """A chooser generator's main: MODEL names its dump tag, table stem and
    symbol prefix, what it chooses, its script, and gives load_pages(corpora),
    labels(pages, dumped), figures(pages, dumped, picks, only) and
    rule_picks(dumped, names, labels) (the hand rules' right picks)."""
    out, check, n, tune, corpora = TITLE.options(argv, doc)
    pages = model.load_pages(corpora)
    pages = pages[:n] if check else pages
    dumped, names = dump(tune, [p[4] for p in pages], model.TAG)
    if check:
        return roundtrip(dumped, TITLE.read_weights('%s/%s_gen.c' % (out, model.STEM), model.PREFIX))
    right_of = model.labels(pages, dumped)
    M = matrices(dumped, right_of, len(names))
    chosen, weights, got = fit_models(
        pages, M, model.PENALTIES, lambda only, picks: model.figures(pages, dumped, picks, only))
    cv = model.figures(pages, dumped, got)
    fitted = model.figures(pages, dumped, fitted_picks(M, weights))
    rules = model.figures(pages, dumped, model.rule_picks(dumped, names, right_of))
    print('chosen C %g (Chinese pages %g); %s right, site-left-out / fitted on all / '
          'the hand rules (pages):' % (chosen[0], chosen[1], model.WHAT), file=sys.stderr)
    for g, (v, k) in cv.items():
        print('  %-14s %.3f  %.3f  rules %.3f  (%d)' % (g, v, fitted[g][0], rules[g][0], k),
              file=sys.stderr)
    write_tables(out, model.STEM, model.PREFIX, model.WHAT + ' chooser', model.SCRIPT, names,
                 weights)
    return 0
