#!/usr/bin/python3
"""readme-recipes.py README DIR - print the README's runnable recipes.

Writes each ```sh block of the README's "## Recipes" section as DIR/NN.sh
and prints one line per block: "NN.sh" and the commands it needs beyond the
four filters and POSIX tools (jq, parallel), or "NN.sh skip WHY" for a
block that needs a cluster (hadoop, spark).  tests/ecosystem.bats runs them
in a directory holding the inputs they name.
"""
import os
import re
import sys

readme, out = sys.argv[1], sys.argv[2]
with open(readme, encoding="utf-8") as f:
    text = f.read()
section = text.split("\n## Recipes\n", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
if not blocks:
    sys.exit("readme-recipes: no ```sh blocks under ## Recipes")
for i, block in enumerate(blocks, 1):
    name = "%02d.sh" % i
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("set -e -o pipefail\n" + block)
    if re.search(r"\bhadoop\b|rdd\.pipe", block):
        print(name, "skip", "needs a Hadoop or Spark cluster")
        continue
    needs = [c for c in ("jq", "parallel") if re.search(r"(^|[|(]\s*)%s\b" % c, block, re.M)]
    print(name, *needs)
