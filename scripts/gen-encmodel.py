#!/usr/bin/python3
"""gen-encmodel.py - build the encoding detector's models as C tables.

usage: make models   (scripts/models runs it on the fitting corpus)
       scripts/gen-encmodel.py [CORPORA] > common/encmodel.c

CORPORA defaults to ../shared/corpora; make models gives it that corpus
with only the page texts of scripts/model-pages.txt.  The models are
learnt from decoded text only:
  - encoding/: every full (not short/) labelled file, decoded under its label;
  - pages/text/*.txt, each under its language (the name's zh- or en-);
  - dumps/ (Chinese news, Wikipedia, Sogou) for Chinese;
  - for a language of ALPHABETS with not enough text of its own, its
    alphabet (the letters beyond a-z it writes) spelt into Western prose.
Debian-packaged prose (man pages, fortunes, translation catalogues) is never
read: it is kept for the independent check.

Two kinds of model come out:
  - single-byte: per language, a bigram model over a small alphabet (a-z, the
    digits, a gap for every other ASCII byte, the language's most frequent non-ASCII
    characters, and two "rare" classes), and per (charset, language) a map
    from each byte 0x80..0xFF to that alphabet;
  - multi-byte: per CJK charset, the cost of every two-byte code, from the
    frequency of the character it decodes to in that charset's language.
Costs are -log2(p) in half bits, capped at 127; 0 means "not valid in this
charset" (Python's strict codecs, iconv for those Python lacks).

The output is deterministic for the same corpora and the same Python (its
codecs and Unicode tables are read): Debian's /usr/bin/python3, as make
models runs it.  scripts/cv-encmodel.sh
measures the models on files they did not learn from (ENCM_EXCLUDE); the
ENCM_* variables below exist for such experiments, their defaults are the
ones that did best there.
"""

import collections
import glob
import itertools
import math
import os
import re
import subprocess
import sys
import unicodedata

CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpora')

# Label in the manifest -> (python codec, iconv name)
CODECS = {
    'UTF-8': ('utf-8', None), 'UTF-16LE': ('utf-16-le', None), 'UTF-16BE': ('utf-16-be', None),
    'UTF-32LE': ('utf-32-le', None), 'UTF-32BE': ('utf-32-be', None),
    'US-ASCII': ('ascii', None), 'GB2312': ('gb2312', None), 'GBK': ('gbk', None),
    'GB18030': ('gb18030', None), 'Big5': ('big5hkscs', None), 'x-EUC-TW': (None, 'EUC-TW'),
    'Shift_JIS': ('shift_jis', None), 'windows-31j': ('cp932', None), 'EUC-JP': ('euc_jp', None),
    'ISO-2022-JP': ('iso2022_jp', None), 'EUC-KR': ('euc_kr', None), 'windows-949': ('cp949', None),
    'ISO-2022-KR': ('iso2022_kr', None), 'Johab': ('johab', None), 'KOI8-R': ('koi8_r', None),
    'KOI8-U': ('koi8_u', None), 'IBM866': ('cp866', None), 'IBM855': ('cp855', None),
    'x-mac-cyrillic': ('mac_cyrillic', None), 'macintosh': ('mac_roman', None),
    'x-mac-ce': ('mac_latin2', None), 'TIS-620': ('tis_620', None),
    'ISO-8859-11': ('iso8859_11', None), 'windows-874': ('cp874', None),
    'VISCII': (None, 'VISCII'), 'georgian-academy': (None, 'GEORGIAN-ACADEMY'),
    'georgian-ps': (None, 'GEORGIAN-PS'), 'KZ-1048': ('kz1048', None), 'PTCP154': ('ptcp154', None),
}
for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16):
    CODECS['ISO-8859-%d' % n] = ('iso8859_%d' % n, None)
for n in range(1250, 1259):
    CODECS['windows-%d' % n] = ('cp%d' % n, None)
for n in (437, 737, 775, 850, 852, 855, 857, 862, 865, 866, 869, 37, 424):
    CODECS['IBM%03d' % n] = ('cp%03d' % n, None)

# The single-byte charsets the detector weighs, in order of preference when
# two decode a text the same way (the common web charsets first).
SBCS = [
    'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254',
    'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'KOI8-R', 'ISO-8859-1',
    'ISO-8859-2', 'ISO-8859-5', 'ISO-8859-7', 'ISO-8859-9', 'ISO-8859-15', 'ISO-8859-13',
    'ISO-8859-4', 'ISO-8859-6', 'ISO-8859-8', 'ISO-8859-16', 'ISO-8859-3', 'ISO-8859-10',
    'TIS-620', 'ISO-8859-11', 'windows-874', 'KOI8-U', 'IBM866', 'IBM855', 'x-mac-cyrillic',
    'IBM852', 'x-mac-ce', 'macintosh', 'IBM437', 'IBM850', 'IBM865', 'IBM862', 'IBM869',
    'IBM857', 'IBM775', 'IBM737', 'KZ-1048', 'PTCP154', 'VISCII', 'georgian-academy',
    'georgian-ps',
]

POOLS = {
    'xw': ('ca', 'da', 'de', 'es', 'fi', 'fr', 'ga', 'it', 'no', 'pt', 'sv', 'nl', 'is'),
    'xc': ('cs', 'hr', 'hu', 'pl', 'ro', 'sk', 'sl'),
    'xr': ('be', 'bg', 'kk', 'mk', 'ru', 'sr', 'uk'),
    'xb': ('et', 'lt', 'lv'),
}

# Languages whose meta-pages/ dev texts are read (see read_training).
LATIN_PAGES = ('en', 'de', 'fr', 'es', 'it', 'pl', 'tr')

# Weight of the unigram back-off for a pair never seen in training.
UNSEEN = float(os.environ.get('ENCM_UNSEEN', '0.1'))
# A rare class stands for this many characters, each as unlikely.
RARE_CLASS_SIZE = 256
# Symbols and punctuation outside ASCII are fewer, and shared by languages
# (£ € © « » “ ” – …): a smaller class.
RARE_OTHER_SIZE = int(os.environ.get('ENCM_RARE_OTHER', '16'))
# Symbols outside ASCII that any language's text uses: every alphabet has
# them, with a floor from all languages together.
SYMBOLS = '\u00a0£€©®°«»“”‘’–—…•·§'
SMOOTH = os.environ.get('ENCM_SMOOTH', 'k')
SYMBOL_WEIGHT = float(os.environ.get('ENCM_SYMW', '1'))

NSYM = 96           # alphabet size per language
SYM_GAP, SYM_DIGIT, SYM_RARE_LETTER, SYM_RARE_OTHER = 26, 27, 28, 29
NFIXED = 30
MAXCOST = 127


def iconv_decode(data, name):
    p = subprocess.run(['iconv', '-f', name, '-t', 'UTF-8'], input=data, capture_output=True)
    if p.returncode != 0:
        return None
    return p.stdout.decode('utf-8')


def decode(data, label, errors='strict'):
    py, ic = CODECS.get(label, (None, None))
    if py:
        try:
            return data.decode(py, errors)
        except (UnicodeDecodeError, LookupError):
            return None
    if ic:
        return iconv_decode(data, ic)
    return None


TAG = re.compile(r'<[^>]*>|&[#a-zA-Z0-9]+;')


def strip_markup(t):
    return TAG.sub(' ', t)


def read_training():
    """Returns {language: [text, ...]} of decoded training text."""
    texts = collections.defaultdict(list)
    enc = os.path.join(CORPORA, 'encoding')
    with open(os.path.join(enc, 'MANIFEST.tsv'), encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f][1:]
    # ENCM_EXCLUDE names a file of corpus paths to leave out: for measuring
    # how the models do on files they never saw (cross-validation).
    exclude = set()
    if os.environ.get('ENCM_EXCLUDE'):
        with open(os.environ['ENCM_EXCLUDE'], encoding='utf-8') as f:
            exclude = {l.strip() for l in f if l.strip()}
    for row in sorted(rows):
        path, label, lang = row[0], row[1], row[2]
        if path.startswith('short/') or lang == 'und' or path in exclude:
            continue
        with open(os.path.join(enc, path), 'rb') as g:
            data = g.read()
        t = decode(data, label)
        if t is None:
            continue
        texts[lang].append(strip_markup(t))
    for p in sorted(glob.glob(os.path.join(CORPORA, 'pages', 'text', '*.txt'))):
        lang = os.path.basename(p).split('-')[0]
        with open(p, encoding='utf-8', errors='replace') as g:
            texts[lang].append(g.read())
    # The dev page texts of meta-pages/ in Latin-script languages (German,
    # French, Spanish, ... news and blogs): their own prose, which the
    # labelled files hold little of.  Their val pages are for measuring
    # only.  Other scripts are left out: a page of Arabic or Russian news
    # quotes letters of neighbouring languages that the legacy charsets
    # cannot hold, and CJK pages would change the multi-byte tables.
    meta = os.path.join(CORPORA, 'meta-pages')
    if os.path.exists(os.path.join(meta, 'MANIFEST.tsv')):
        with open(os.path.join(meta, 'MANIFEST.tsv'), encoding='utf-8') as f:
            rows = [l.rstrip('\n').split('\t') for l in f]
        col = {k: i for i, k in enumerate(rows[0])}
        for row in sorted(rows[1:]):
            name, lang = row[col['name']], row[col['lang']]
            if row[col['split']] != 'dev' or lang not in LATIN_PAGES:
                continue
            with open(os.path.join(meta, 'text', name + '.txt'), encoding='utf-8',
                      errors='replace') as g:
                texts[lang].append(g.read())
    dumps = os.path.join(CORPORA, 'dumps')
    for p in sorted(glob.glob(os.path.join(dumps, 'html-zh-news', '*', '*.html'))):
        with open(p, 'rb') as g:
            data = g.read()
        texts['zh'].append(strip_markup(data.decode('utf-8', 'replace')))
    for p in sorted(glob.glob(os.path.join(dumps, 'sogou', '*.dat'))):
        with open(p, 'rb') as g:
            texts['zh'].append(strip_markup(g.read().decode('gb18030', 'replace')))
    for p in sorted(glob.glob(os.path.join(dumps, 'plaintext', '*.txt')) +
                    glob.glob(os.path.join(dumps, 'wikiextractor', '*')) +
                    glob.glob(os.path.join(dumps, 'jsonl', 'wikiextractor-json', '*.jsonl'))):
        with open(p, 'rb') as g:
            texts['zh'].append(strip_markup(g.read().decode('utf-8', 'replace')))
    # Pooled models for languages that share a charset family: they hold up
    # on languages and texts the per-language models never saw.
    for pool, members in POOLS.items():
        texts[pool] = [t for m in members for t in texts.get(m, ())]
    add_alphabets(texts)
    return texts


# The letters beyond a-z that a language's alphabet has, for languages the
# corpora hold little text of (their standard orthographies).  Without
# them a text in Esperanto or Maltese (ISO-8859-3, the charset made for
# them) or Lithuanian (IBM775, windows-1257) reads better as letters of a
# language the models know in another charset.
ALPHABETS = {
    'eo': '\u0109\u011d\u0125\u0135\u015d\u016d',          # c g h j s u with circumflex/breve
    'mt': '\u010b\u0121\u0127\u017c\u00e0\u00e8\u00ec\u00f2\u00f9',
    'lt': '\u0105\u010d\u0119\u0117\u012f\u0161\u0173\u016b\u017e',
    'lv': '\u0101\u010d\u0113\u0123\u012b\u0137\u013c\u0146\u0161\u016b\u017e',
    'et': '\u00e4\u00f5\u00f6\u00fc\u0161\u017e',
}
# A language with too few non-ASCII letters of text for a model of its own
# (MIN_LETTERS) is learnt from its alphabet (alphabet_text) instead,
# ALPHABET_CHARS characters of it; one with text keeps its own model (the
# alphabet's letters, spelt into other languages' prose, would make it
# worse: Estonian in ISO-8859-15 read as windows-1257 at 500 letters).
MIN_LETTERS = 20
ALPHABET_MIN = int(os.environ.get('ENCM_ALPHABET_MIN', str(MIN_LETTERS)))
ALPHABET_CHARS = int(os.environ.get('ENCM_ALPHABET_CHARS', '200000'))


def alphabet_text(pool, letters):
    """Latin-script prose of the pool with its accented letters spelt as
    letters of another alphabet: the k-th most frequent of the pool becomes
    letters[k % len(letters)], so that the alphabet's letters sit where
    accented letters sit in words, about as often."""
    freq = collections.Counter(c for c in pool if ord(c) >= 0x80 and c.islower())
    ranked = sorted(freq, key=lambda c: (-freq[c], c))
    spell = {}
    for k, c in enumerate(ranked):
        to = letters[k % len(letters)]
        spell[c] = to
        if len(c.upper()) == 1:
            spell[c.upper()] = to.upper()
    return ''.join(spell.get(c, c) for c in pool)


def add_alphabets(texts):
    """Learn the languages of ALPHABETS that have not enough text of their
    own from their alphabets."""
    each = ALPHABET_CHARS // max(1, len(texts['xw']))
    pool = unicodedata.normalize('NFC', ' '.join(t[:each] for t in texts['xw']))
    for lang in sorted(ALPHABETS):
        own = sum(1 for t in texts.get(lang, ()) for c in t if ord(c) >= 0x80 and c.isalpha())
        if own < ALPHABET_MIN:
            texts[lang] = list(texts.get(lang, ())) + [alphabet_text(pool, ALPHABETS[lang])]


# Words, for the share of words written in ASCII letters alone: URLs, mail
# addresses and code-like tokens (which markup leaves) are not prose.
WORD = re.compile(r'[^\W\d_]+')
NOT_PROSE = re.compile(r'(?i)\b(?:https?://|www\.)\S*|\S+@\S+|\S*[/\\=_{}#;]\S*')
WORD_LANGS = ('zh', 'ja', 'ko')     # scored by word share only, not bigrams


def word_costs(texts):
    """The cost of a word in ASCII letters only and of any other word, per
    language, in sixteenths of a bit: how much a text's words alone say of
    its language (English prose is nearly all ASCII words, Russian nearly
    none).  Add-one smoothed."""
    out = {}
    for lang in sorted(texts):
        ascii_words = words = 0
        for t in texts[lang]:
            for w in WORD.findall(NOT_PROSE.sub(' ', t)):
                words += 1
                ascii_words += w.isascii()
        p = (ascii_words + 1) / (words + 2)
        out[lang] = tuple(int(round(-math.log2(x) * 16)) for x in (p, 1 - p))
    return out


def fold(c):
    lc = c.lower()
    return lc if len(lc) == 1 else c


def is_letter(c):
    return unicodedata.category(c)[0] in 'LM'


def cost(p):
    return max(1, min(MAXCOST, int(round(-math.log2(p) * 2))))


def sb_decode_table(label):
    """byte 0x80..0xFF -> character or None (invalid)."""
    out = []
    for b in range(0x80, 0x100):
        t = decode(bytes([b]), label)
        out.append(t if t is not None and len(t) == 1 else None)
    return out


# Charsets made for one language, by their standards: windows-1258 and
# VISCII for Vietnamese (a Catalan text's one \u00f2 is no reason to read
# windows-1258, whose 0xF2 is a combining dot below).
MADE_FOR = {'windows-1258': ('vi',), 'VISCII': ('vi',)}


def charset_form(c, enc):
    """How a single-byte charset whose characters are enc writes c: c, or
    (Unicode canonical equivalence) one character of enc (or ASCII) that
    composes from c's base and some of its marks, then its other marks as
    combining marks of enc, fewest of them first: windows-1258 writes
    Vietnamese \u1ec7 (e, dot below, circumflex) as \u00ea and U+0323.
    None if it cannot write c."""
    if c in enc:
        return c
    d = unicodedata.normalize('NFD', c)
    base, marks = d[0], d[1:]
    for k in range(1, len(marks) + 1):
        for apart in itertools.combinations(marks, k):
            head = unicodedata.normalize('NFC', base + ''.join(m for m in marks
                                                                if m not in apart))
            if (len(head) == 1 and (head in enc or ord(head) < 0x80) and
                    all(m in enc for m in apart)):
                return head + ''.join(apart)
    return None


# A language is also learnt in the spelling of a charset that writes its
# letters with combining marks when this share of its non-ASCII letters
# takes one (Vietnamese under windows-1258): else a model learnt from
# precomposed text cannot read that charset's pages.
DECOMPOSED_SHARE = float(os.environ.get('ENCM_DECOMPOSED', '0.1'))


def charset_spellings(lang, body, tables):
    """body again as each charset with combining marks made for lang
    (MADE_FOR) writes it, where that changes DECOMPOSED_SHARE of its
    non-ASCII letters."""
    out = []
    chars = collections.Counter(c for c in body if ord(c) >= 0x80 and is_letter(c))
    total = sum(chars.values())
    for e in SBCS:
        enc = {c for c in tables[e] if c}
        if (DECOMPOSED_SHARE <= 0 or lang not in MADE_FOR.get(e, ()) or
                not any(unicodedata.category(c) == 'Mn' for c in enc)):
            continue
        forms = {c: charset_form(c, enc) for c in chars}
        moved = sum(n for c, n in chars.items() if forms[c] and forms[c] != c)
        if total and moved >= DECOMPOSED_SHARE * total:
            out.append(''.join(forms.get(c) or c for c in body))
    return out


def build_languages(texts, tables):
    """Per language: alphabet {char: sym}, bigram costs, unigram costs."""
    langs = {}
    # How often each shared symbol occurs per character of text, over all
    # languages: a floor for languages whose own text is too small to show it.
    gsym = collections.Counter()
    gtotal = 0
    for lang in sorted(texts):
        if lang in POOLS or lang in ('zh', 'ja', 'ko'):
            continue
        for t in texts[lang]:
            gtotal += len(t)
            for c in t:
                if c in SYMBOLS:
                    gsym[c] += 1
    for lang in sorted(texts):
        # Canonically equivalent spellings are one text: composed (as most
        # charsets write it), and as a charset with combining marks made
        # for the language writes it (charset_spellings).
        body = unicodedata.normalize('NFC', ' '.join(texts[lang]))
        composed = collections.Counter(fold(c) for c in body if 0x80 <= ord(c) < 0x2E80)
        body = ' '.join([body] + charset_spellings(lang, body, tables))
        # Scripts no single-byte charset has are noise here (quotations,
        # names in a multilingual page).
        body = ''.join(c if ord(c) < 0x2E80 else ' ' for c in body)
        chars = collections.Counter()
        for c in body:
            if ord(c) >= 0x80:
                chars[fold(c)] += 1
        hanlike = sum(n for c, n in chars.items() if ord(c) >= 0x2E80)
        total = sum(chars.values())
        if total < MIN_LETTERS or lang in ('zh', 'ja', 'ko'):
            continue    # no non-ASCII alphabet to learn, or a CJK language
        alpha = {}
        for c in SYMBOLS:
            alpha[c] = NFIXED + len(alpha)
        for c, n in sorted(chars.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(alpha) >= NSYM - NFIXED or n < 2:
                break
            if c not in alpha:
                alpha[c] = NFIXED + len(alpha)

        def sym(c, alpha=alpha):
            o = ord(c)
            if o < 0x80:
                c = c.lower()
                if '0' <= c <= '9':
                    return SYM_DIGIT
                return ord(c) - 97 if 'a' <= c <= 'z' else SYM_GAP
            c = fold(c)
            if c in alpha:
                return alpha[c]
            return SYM_RARE_LETTER if is_letter(c) else SYM_RARE_OTHER

        uni = [0] * NSYM
        bi = [[0] * NSYM for _ in range(NSYM)]
        prev = SYM_GAP
        for c in body:
            s = sym(c)
            if s == SYM_GAP and prev == SYM_GAP:
                continue
            uni[s] += 1
            bi[prev][s] += 1
            prev = s
        n = sum(uni)
        # Unigram with add-half smoothing; the rare classes stand for many
        # characters each, so they get a floor.
        pu = [(uni[s] + 0.5) / (n + 0.5 * NSYM) for s in range(NSYM)]
        pu[SYM_RARE_LETTER] = max(pu[SYM_RARE_LETTER], 1e-4)
        pu[SYM_RARE_OTHER] = max(pu[SYM_RARE_OTHER], 1e-4)
        for c in SYMBOLS:
            pu[alpha[c]] = max(pu[alpha[c]], (gsym[c] + 1) / (gtotal + 1) * SYMBOL_WEIGHT)
        K = float(os.environ.get('ENCM_K', '8'))
        bic = []
        for a in range(NSYM):
            row_n = sum(bi[a])
            if SMOOTH == 'wb':
                # Witten-Bell: the back-off gets as much weight as the row
                # has distinct continuations.
                types = sum(1 for x in bi[a] if x)
                lam = row_n / (row_n + max(types, 1))
            else:
                lam = row_n / (row_n + K)
            row = []
            for b in range(NSYM):
                pb = (bi[a][b] / row_n if row_n else 0.0)
                p = lam * pb + (1 - lam) * pu[b] * (1.0 if bi[a][b] else UNSEEN)
                if b == SYM_RARE_LETTER:
                    p /= RARE_CLASS_SIZE    # one particular character of many
                elif b == SYM_RARE_OTHER:
                    p /= RARE_OTHER_SIZE
                row.append(cost(p))
            bic.append(row)
        ascii_letters = sum(1 for c in body if c.isascii() and c.isalpha())
        pu[SYM_RARE_LETTER] /= RARE_CLASS_SIZE
        pu[SYM_RARE_OTHER] /= RARE_OTHER_SIZE
        langs[lang] = {'ascii_letters': ascii_letters, 'alpha': alpha, 'bigram': bic,
                       'unigram': [cost(p) for p in pu],
                       'chars': composed, 'sym': sym}
    return langs


def attach(langs, tables):
    """(charset, language) pairs worth weighing: the charset encodes nearly
    every letter of the language's composed text (ASCII letters included),
    some by combining marks (charset_form), and was not made for other
    languages alone (MADE_FOR)."""
    pairs = []
    for e in SBCS:
        enc = {c for c in tables[e] if c}
        encf = {fold(c) for c in enc}
        for lang in sorted(langs):
            if os.environ.get('ENCM_MADE_FOR', '1') == '1' and lang not in MADE_FOR.get(e, (lang,)):
                continue
            ch = langs[lang]['chars']
            high = sum(n for c, n in ch.items() if is_letter(c))
            letters = high + langs[lang]['ascii_letters']
            if high < 5:
                continue
            okl = sum(n for c, n in ch.items() if is_letter(c) and (c in encf or c in enc
                                                                      or n <= 2 or
                                                                      charset_form(c, enc)))
            if high - okl <= 0.005 * letters:
                pairs.append((e, lang))
    return pairs


def mb_tables(texts):
    """Two-byte code cost tables for the CJK charsets."""
    freq = {}
    for grp, members in (('zh', ('zh',)), ('ja', ('ja',)), ('ko', ('ko',))):
        cnt = collections.Counter()
        for m in members:
            for t in texts.get(m, ()):
                for c in t:
                    if ord(c) >= 0x80:
                        cnt[c] += 1
        freq[grp] = cnt
    specs = [
        # name, python codec (superset), python codec of the base subset or None, group
        ('gb18030', 'gb18030', None, 'zh'),
        ('big5', 'big5hkscs', 'big5', 'zh'),
        ('sjis', 'cp932', 'shift_jis', 'ja'),
        ('eucjp', 'euc_jp', None, 'ja'),
        ('euckr', 'cp949', 'euc_kr', 'ko'),
        ('johab', 'johab', None, 'ko'),
        ('euctw', None, None, 'zh'),
    ]
    out = {}
    for name, codec, base, grp in specs:
        cnt = freq[grp]
        total = sum(cnt.values())
        V = 20000

        def ccost(ch):
            if len(ch) != 1:
                return 100
            return cost((cnt.get(ch, 0) + 0.3) / (total + 0.3 * V))

        table = [0] * (128 * 208)
        single = [0] * 128
        if codec is None:
            # EUC-TW: CNS 11643 plane 1 through iconv, one code per line.
            codes = [(l, t) for l in range(0xA1, 0xFF) for t in range(0xA1, 0xFF)]
            blob = b''.join(bytes([l, t]) + b'\n' for l, t in codes)
            p = subprocess.run(['iconv', '-c', '-f', 'EUC-TW', '-t', 'UTF-8'], input=blob,
                               capture_output=True)
            lines = p.stdout.decode('utf-8').split('\n')
            for (l, t), ch in zip(codes, lines):
                if ch:
                    table[(l - 0x80) * 208 + (t - 0x30)] = ccost(ch)
        else:
            for b in range(0x80, 0x100):
                try:
                    ch = bytes([b]).decode(codec)
                except UnicodeDecodeError:
                    continue
                c = ccost(ch) | 0x80
                if base:
                    try:
                        bytes([b]).decode(base)
                    except UnicodeDecodeError:
                        c &= 0x7F
                single[b - 0x80] = c
            for l in range(0x80, 0x100):
                for t in range(0x30, 0x100):
                    bs = bytes([l, t])
                    try:
                        ch = bs.decode(codec)
                    except UnicodeDecodeError:
                        continue
                    if len(ch) != 1:
                        continue
                    c = ccost(ch)
                    if base:
                        try:
                            bs.decode(base)
                            c |= 0x80
                        except UnicodeDecodeError:
                            pass
                    table[(l - 0x80) * 208 + (t - 0x30)] = c
        out[name] = (table, single)
    # JIS X 0212 three-byte codes of EUC-JP (8F xx xx): validity only.
    x0212 = [0] * (94 * 94)
    for l in range(0xA1, 0xFF):
        for t in range(0xA1, 0xFF):
            try:
                bytes([0x8F, l, t]).decode('euc_jp')
                x0212[(l - 0xA1) * 94 + (t - 0xA1)] = 1
            except UnicodeDecodeError:
                pass
    return out, x0212


# What a word may hold inside it though it is no letter: the Catalan
# middle dot (l·l), an ellipsis run into the next word, and the spacing
# acute typed for an apostrophe (German "Peter´s"); apostrophes, quotes
# and dashes are of other categories (Pf, Pi, Pd), as are spaces and
# combining marks.
IN_WORD_CHARS = '\u00b7\u2026\u00b4'


def not_in_word(ch):
    """Is ch a character that text never has between two letters of a
    word: a symbol (currency, maths, box drawing, a spacing accent), a
    number that is no digit (fractions, superscripts) or punctuation that
    ends a word (dagger, inverted marks)?  The SYMBOLS every language's
    text has are no evidence: web text runs them into words where markup
    stood ("Brand®Name", "US°F")."""
    cat = unicodedata.category(ch)
    return (ch not in IN_WORD_CHARS and ch not in SYMBOLS and
            (cat[0] == 'S' or cat in ('No', 'Po')))


def emit_bytes(name, data, qual='static const unsigned char'):
    w = sys.stdout.write
    w('%s %s[%d] = {\n' % (qual, name, len(data)))
    for i in range(0, len(data), 24):
        w('\t' + ','.join(str(x) for x in data[i:i + 24]) + ',\n')
    w('};\n')


def main():
    texts = read_training()
    tables = {e: sb_decode_table(e) for e in SBCS}
    langs = build_languages(texts, tables)
    pairs = attach(langs, tables)
    mb, x0212 = mb_tables(texts)
    w = sys.stdout.write
    w('/*\n * encmodel.c - GENERATED by scripts/gen-encmodel.py from the decoded text of\n'
      ' * ../shared/corpora; do not edit.  Regenerate with\n'
      ' *\tpython3 scripts/gen-encmodel.py ../shared/corpora > common/encmodel.c\n'
      ' */\n#include "encmodel.h"\n\n')
    lang_names = sorted(langs)
    for lang in lang_names:
        L = langs[lang]
        flat = [c for row in L['bigram'] for c in row]
        emit_bytes('bigram_%s' % lang.replace('-', '_'), flat)
        emit_bytes('unigram_%s' % lang.replace('-', '_'), L['unigram'])
    words = word_costs(texts)
    w('\nconst struct encm_lang encm_langs[] = {\n')
    for lang in lang_names:
        w('\t{ "%s", bigram_%s, unigram_%s, { %d, %d } },\n' % (
            lang, lang.replace('-', '_'), lang.replace('-', '_'), *words[lang]))
    w('};\nconst int encm_nlangs = %d;\n\n' % len(lang_names))
    # per (charset, language) byte maps
    w('const struct encm_sbmap encm_sbmaps[] = {\n')
    sb_first = {}
    npair = 0
    for e in SBCS:
        sb_first[e] = npair
        for (e2, lang) in pairs:
            if e2 != e:
                continue
            sym = langs[lang]['sym']
            m = []
            for b, ch in enumerate(tables[e]):
                if ch is None:
                    m.append(255)
                elif 0x80 + b <= 0x9F and ord(ch) == 0x80 + b:
                    # A C1 control: Python decodes it, iconv's TIS-620 does
                    # not, and text never has it: not this charset.
                    m.append(255)
                elif unicodedata.category(ch) in ('Cc', 'Co', 'Cn'):
                    m.append(254)
                else:
                    m.append(sym(ch))
            w('\t{ %d, {%s} },\n' % (lang_names.index(lang), ','.join(map(str, m))))
            npair += 1
    w('};\n\n')
    for i, e in enumerate(SBCS):
        # What each byte decodes to: 0 not a letter, 1 a Latin letter, 2 a
        # letter of another script; 4 added for lower case, 8 for upper;
        # 16 for what no word holds inside (not_in_word).
        cls = []
        for ch in tables[e]:
            if ch is None or not ch.isalpha():
                cls.append(16 if ch is not None and not_in_word(ch) else 0)
                continue
            c = 1 if 'LATIN' in unicodedata.name(ch, '') else 2
            if ch.islower():
                c |= 4
            elif ch.isupper():
                c |= 8
            cls.append(c)
        emit_bytes('script_%d' % i, cls)
    w('\nconst struct encm_sbcs encm_sbcs[] = {\n')
    for i, e in enumerate(SBCS):
        n = sum(1 for p in pairs if p[0] == e)
        w('\t{ "%s", %d, %d, %d, script_%d },\n' % (e, i, sb_first[e], n, i))
    w('};\nconst int encm_nsbcs = %d;\n\n' % len(SBCS))
    for name in ('gb18030', 'big5', 'sjis', 'eucjp', 'euckr', 'johab', 'euctw'):
        table, single = mb[name]
        emit_bytes('encm_%s' % name, table, 'const unsigned char')
        emit_bytes('encm_%s_single' % name, single, 'const unsigned char')
    emit_bytes('encm_x0212', x0212, 'const unsigned char')
    for lang in WORD_LANGS:
        w('const unsigned short encm_words_%s[2] = { %d, %d };\n' % (lang, *words[lang]))
    sys.stderr.write('gen-encmodel: %d languages (%s), %d charset/language pairs\n'
                     % (len(lang_names), ' '.join(lang_names), npair))


if __name__ == '__main__':
    main()
