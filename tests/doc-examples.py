#!/usr/bin/python3
"""doc-examples.py DIR README MANPAGE... - print the runnable examples.

Writes each ```sh block of the README's "## Recipes" section, and each
literal display (.Bd -literal) of a man page's EXAMPLES section, as
DIR/NN.sh, and prints one line per example: "NN.sh SOURCE" and the
commands it needs beyond the four filters and POSIX tools, or
"NN.sh SOURCE skip WHY" for one that needs a cluster or the source tree.
tests/ecosystem.bats runs them in a directory holding the inputs they name.
"""
import os
import re
import sys

OPTIONAL = ("jq", "parallel", "w3m", "less")


def readme_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    section = text.split("\n## Recipes\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def man_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "\n.Sh EXAMPLES\n" not in text:
        return []
    section = text.split("\n.Sh EXAMPLES\n", 1)[1].split("\n.Sh ", 1)[0]
    blocks = re.findall(r"^\.Bd -literal[^\n]*\n(.*?)^\.Ed$", section, re.S | re.M)
    return [b.replace("\\e", "\\") for b in blocks]


def main():
    out, readme, mans = sys.argv[1], sys.argv[2], sys.argv[3:]
    examples = [(os.path.basename(readme), b) for b in readme_blocks(readme)]
    for m in mans:
        examples += [(os.path.basename(m), b) for b in man_blocks(m)]
    for i, (source, block) in enumerate(examples, 1):
        name = "%02d.sh" % i
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("set -e -o pipefail\n" + block)
        if re.search(r"\bhadoop\b|rdd\.pipe", block):
            print(name, source, "skip", "needs a Hadoop or Spark cluster")
        elif re.match(r"\s*make\b", block):
            print(name, source, "skip", "runs in the source tree (tests/ecosystem.bats runs make demo)")
        else:
            needs = [c for c in OPTIONAL if re.search(r"(^|[|(]\s*)%s\b" % c, block, re.M)]
            print(name, source, *needs)


main()
