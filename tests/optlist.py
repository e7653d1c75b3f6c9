#!/usr/bin/env python3
"""optlist.py ROOT CMD - compare the options CMD's main.c accepts (its long
options and short letters, with the shared ones of common/opts.h) with
those its man page lists (.It Fl lines), and its bash, zsh and fish
completions offer.  Prints each difference; exits 1 if there is one."""
import re
import sys

root, cmd = sys.argv[1], sys.argv[2]


def read(path):
    with open(f"{root}/{path}", encoding="utf-8") as f:
        return f.read()


opts_h = read("common/opts.h")
main_c = read(f"cmd/{cmd}/main.c")
longs = set(re.findall(r'\{ "([a-z][a-z0-9-]*)", (?:no|required|optional)_argument', opts_h + main_c))
shorts = set(re.search(r'#define COMMON_SHORTOPTS "([a-z]*)"', opts_h).group(1))
m = re.search(r'getopt_long\(argc, argv, COMMON_SHORTOPTS "([a-zA-Z:]*)"', main_c)
shorts |= set(m.group(1).replace(":", ""))
want = {"--" + o for o in longs} | {"-" + s for s in shorts}

OPT = r"(?<![\w-])(--?[a-zA-Z][a-z0-9-]*)"
got = {}

# man: the options of the .It Fl lines ("Fl \-x", "Fl Fl x" and "Fl -x" alike).
man = set()
for line in read(f"man/{cmd}.1").splitlines():
    if line.startswith(".It Fl"):
        line = line.replace("\\-", "-").replace("Fl Fl ", "Fl -")
        man |= {"-" + o for o in re.findall(r"\bFl (-?[a-zA-Z][a-z0-9-]*)", line)}
got["man"] = man

# bash: the words of the quoted lists it offers (command substitutions,
# such as a date for --now, left out).
bash = re.sub(r"\$\((?!compgen)[^)]*\)", "", read(f"completions/bash/{cmd}"))
words = set()
for q in re.findall(r"'([^']*)'|\"([^\"]*)\"", bash):
    for s in q:
        if re.match(r"\s*(\$opts\s*)?-", s):
            words |= set(re.findall(OPT, s))
    # the list held in a variable: opts="..."
for q in re.findall(r"opts=['\"]([^'\"]*)['\"]", bash):
    words |= set(re.findall(OPT, q))
got["bash"] = words

# zsh: the _arguments specs, their descriptions and actions left out.
zsh = re.sub(r"\[[^\]]*\]|\b(_arguments|_values|compadd|local)\b.*", "", read(f"completions/zsh/_{cmd}"))
zsh = re.sub(r"'\s*:[^']*'|:[^'\n]*'", "'", zsh)
got["zsh"] = set(re.findall(OPT, "\n".join(l for l in zsh.splitlines()
                                          if not l.lstrip().startswith("#"))))

# fish: -s X and -l NAME of each complete line.
fish = "\n".join(l for l in read(f"completions/fish/{cmd}.fish").splitlines()
                 if l.startswith("complete"))
got["fish"] = {"-" + s for s in re.findall(r"(?<!\S)-s ([a-zA-Z])\b", fish)} | \
    {"--" + s for s in re.findall(r"(?<!\S)-l ([a-z][a-z0-9-]*)", fish)}

bad = 0
for where, have in got.items():
    missing, extra = sorted(want - have), sorted(have - want)
    if missing:
        print(f"{cmd}: {where} lacks {' '.join(missing)}")
        bad = 1
    if extra:
        print(f"{cmd}: {where} offers what main.c does not accept: {' '.join(extra)}")
        bad = 1
sys.exit(bad)
