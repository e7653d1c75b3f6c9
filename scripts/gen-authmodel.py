#!/usr/bin/python3
"""gen-authmodel.py - fit extract-meta's authors chooser of pages not in Chinese.

usage: scripts/gen-authmodel.py [-o DIR] TUNE_BIN [CORPORA]
       scripts/gen-authmodel.py --roundtrip [-n PAGES] TUNE_BIN [CORPORA]

Writes DIR/authmodel_gen.c (the weights) and DIR/authmodel_gen.h; DIR is
cmd/extract-meta by default, CORPORA ../shared/corpora.

TUNE_BIN is extract-meta built with -DMETA_TUNE (make tune).  With
META_FEATURES set it prints, for every page, each authors candidate of a
page not in Chinese: its line, its names, its score under the compiled
weights and its features (cmd/extract-meta/authmodel.h), the page's
"none" candidate first.  The script fits on exactly those numbers, so the
C code and the model cannot disagree on a feature.

The pages: the `dev` rows of CORPORA/meta-pages/MANIFEST.tsv with labelled
authors, each twice: its text alone, and with the record's "title" and
"html" object made of head/NAME.head.html (the head's authors are
candidates too).  `val` pages are never read.  A candidate is right
when its names are the gold's, blanks, punctuation and case ignored (the
"none" candidate when the gold names no one).  The model is the date
chooser's (scripts/metafit.py): a conditional logit, the penalty chosen by
cross-validation grouped by site; the site-left-out figures go to stderr.
Chinese pages keep the rules: their row of weights is 0.  Deterministic
for the same corpora and TUNE_BIN.

--roundtrip runs TUNE_BIN over the first PAGES pages and checks that every
score it prints is the sum, in C's order, of the checked-in weights
(DIR/authmodel_gen.c) times the printed features.  Exit 1 if one differs.
"""

import re
import sys
import unicodedata

import metafit

PENALTIES = (0.03, 0.1, 0.3, 1.0)
DROP = re.compile(r'[\s·•:：,，、()（）\[\]【】「」<>《》"\'“”‘’]+')


def key(name):
    """A name as the corpus compares it: NFKC, no blanks or punctuation, case folded."""
    return DROP.sub('', unicodedata.normalize('NFKC', name)).lower()


def right(gold, names):
    return {key(g) for g in gold or []} == {key(n) for n in names}


def load_pages(corpora):
    """(name, site, group, gold, record) of every page fitted on."""
    return metafit.TITLE.meta_pages(corpora, 'authors')


def split(value):
    return value.split('|') if value else []


def figures(pages, dumped, got, only=None):
    """Share of right authors per group, over the pages the chooser reads (not Chinese)."""
    by = {}
    for i in (range(len(pages)) if only is None else only):
        if dumped[i][2]:
            by.setdefault(pages[i][2], []).append(bool(got.get(i)))
    return {g: (sum(v) / len(v), len(v)) for g, v in sorted(by.items())}


def labels(pages, dumped):
    """Is each candidate right: its names the gold's?"""
    return [[right(p[3], split(v)) for v, _, _ in cands] for p, (_, _, cands) in zip(pages, dumped)]


def rule_picks(dumped, names, right_of):
    """The rules' list (feature rule_list), else none (the head's rule left out)."""
    k = names.index('rule_list')
    got = {}
    for i, (_, _, cands) in enumerate(dumped):
        if cands:
            ruled = [r for c, r in zip(cands, right_of[i]) if c[2][k] == '1']
            got[i] = ruled[0] if ruled else right_of[i][0]
    return got


TAG, STEM, PREFIX, WHAT, SCRIPT = 'a', 'authmodel', 'auth_model', 'authors', \
    'scripts/gen-authmodel.py'


if __name__ == '__main__':
    sys.exit(metafit.generate(sys.argv[1:], __doc__, sys.modules[__name__]))
