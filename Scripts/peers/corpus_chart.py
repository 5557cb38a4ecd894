"""The chart of the README's command `scobrief chart bar --table attacks --x year --y count`
redone with matplotlib as an analyst would script it: read attacks.csv, count attacks per year
(years without attacks shown as 0), draw bars with a title, axis label and source line, save.

Usage: python corpus_chart.py DATASETS_DIR OUT.png|OUT.pdf WIDTH_IN HEIGHT_IN
The size is SCOBrief's figure size, so both tools draw the same number of pixels at 300 dpi.
"""
import csv
import os
import sys
from collections import Counter

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

datasets, out, width, height = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
with open(os.path.join(datasets, "attacks.csv"), encoding="utf-8") as f:
    years = Counter(int(row["date"][:4]) for row in csv.DictReader(f) if row["date"])
span = list(range(min(years), max(years) + 1))
fig, ax = plt.subplots(figsize=(width, height))
ax.bar([str(y) for y in span], [years[y] for y in span], color="#0072B2")
ax.set_title("Attacks per year", loc="left", fontweight="bold")
ax.set_ylabel("Attacks")
ax.tick_params(axis="x", labelrotation=90)
fig.text(0.01, 0.01, "Source: SCOBrief corpus, attacks.csv (an illustrative list, not a complete count)", fontsize=7)
fig.tight_layout()
fig.savefig(out, dpi=300)
