"""One figure from a cold process: python3 one_chart.py NAME OUTPUT."""
import sys

import charts

name, output = sys.argv[1], sys.argv[2]
with open(output, "wb") as f:
    f.write(charts.render(name))
