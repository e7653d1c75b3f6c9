#!/usr/bin/python3
"""gen-datemodel.py - fit extract-meta's published-date chooser.

usage: scripts/gen-datemodel.py [-o DIR] TUNE_BIN [CORPORA]
       scripts/gen-datemodel.py --roundtrip [-n PAGES] TUNE_BIN [CORPORA]

Writes DIR/datemodel_gen.c (the weights) and DIR/datemodel_gen.h; DIR is
cmd/extract-meta by default, CORPORA ../shared/corpora.

TUNE_BIN is extract-meta built with -DMETA_TUNE (make tune).  With
META_FEATURES set it prints, for every page, the head's published date and
each date candidate: its line, the date it gives, its score under the
compiled weights and its features (cmd/extract-meta/datemodel.h), the
page's "none" candidate first.  The script fits on exactly those numbers,
so the C code and the model cannot disagree on a feature.

The pages: the `dev` rows of CORPORA/meta-pages/MANIFEST.tsv with a
labelled published date, each twice: its text alone, and with the record's
"title" and "html" object made of head/NAME.head.html (as
scripts/gen-metamodel.py builds them); and the `dev` Chinese pages of
CORPORA/pages whose text the fitting corpus holds, text alone.  `val`
pages are never read.

A candidate is right when its date equals the gold at the gold's
precision (the hour and minute too when the gold has them); the "none"
candidate when the gold is null, or when what the program gives a page
whose candidates it turns down is right: the head's date, else the year a
paper's citation of itself gives (dates.c's cited_year).  The model is the title chooser's
(scripts/metafit.py): a conditional logit over each page's candidates,
fitted by L-BFGS with an L2 penalty on standardised features, the penalty
chosen by cross-validation grouped by site; Chinese pages get weights of
their own.  The
site-left-out figures go to stderr.  Deterministic for the same corpora
and TUNE_BIN.

--roundtrip runs TUNE_BIN over the first PAGES pages and checks that every
score it prints is the sum, in C's order, of the checked-in weights
(DIR/datemodel_gen.c) times the printed features.  Exit 1 if one differs.
"""

import re
import sys

import metafit

PENALTIES = (0.03, 0.1, 0.3, 1.0)


def date_parts(s):
    """(year, month, day, hour, minute) of an ISO date, None where absent."""
    if not s:
        return None
    m = re.match(r'\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?)?)?', s)
    return tuple(int(x) if x else None for x in m.groups()) if m else None


def right(gold, value):
    """Does value give the gold date at the gold's precision (null: null)?"""
    g, p = date_parts(gold), date_parts(value)
    if g is None:
        return p is None
    return p is not None and all(a is None or a == b for a, b in zip(g, p))


def load_pages(corpora):
    """(name, site, group, gold, record) of every page fitted on."""
    return metafit.TITLE.meta_pages(corpora, 'published') + metafit.TITLE.chinese_pages(corpora, 'published')


def labels(pages, dumped):
    """Is each candidate right?  The "none" candidate gives the head's date
    (or the cited year: the page line's date)."""
    return [[right(p[3], value if value is not None else hd) for value, _, _ in cands]
            for p, (_, hd, cands) in zip(pages, dumped)]


def figures(pages, dumped, got, only=None):
    """Share of right dates per group; a page with no candidate gives the
    page line's date (the head's, or the cited year)."""
    by = {}
    for i in (range(len(pages)) if only is None else only):
        _, hd, cands = dumped[i]
        ok = got.get(i) if cands else right(pages[i][3], hd)
        by.setdefault(pages[i][2], []).append(bool(ok))
    return {g: (sum(v) / len(v), len(v)) for g, v in sorted(by.items())}


def rule_picks(dumped, names, right_of):
    """The hand rules' pick (feature rule_pick), else none, for comparison."""
    k = names.index('rule_pick')
    got = {}
    for i, (_, _, cands) in enumerate(dumped):
        for j, c in enumerate(cands):
            if c[2][k] == '1':
                got[i] = right_of[i][j]
        if cands and i not in got:
            got[i] = right_of[i][0]
    return got


TAG, STEM, PREFIX, WHAT, SCRIPT = 'd', 'datemodel', 'date_model', 'published-date', \
    'scripts/gen-datemodel.py'


if __name__ == '__main__':
    sys.exit(metafit.generate(sys.argv[1:], __doc__, sys.modules[__name__]))
