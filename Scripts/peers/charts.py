"""The benchmark figures drawn with matplotlib, matching Sources/RenderBench/BenchmarkCharts.swift:
same data formulas, same size (6.4 x 4.8 in, matplotlib's default) and 300 dpi."""
import io
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

DPI = 300
SIZE = (6.4, 4.8)
COUNTRIES = ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "India", "Pakistan",
             "Iran", "Belarus", "Mongolia", "Afghanistan"]


def bar25():
    years = [str(y) for y in range(1997, 2022)]
    values = [50 + 40 * math.sin(i * 0.7) + 3 * i for i in range(25)]
    fig, ax = plt.subplots(figsize=SIZE)
    ax.bar(years, values, color="#0072B2")
    ax.set_title("Attacks per year", loc="left", fontweight="bold")
    ax.set_ylabel("Attacks")
    ax.tick_params(axis="x", labelrotation=90)
    return fig


def lines():
    years = list(range(1970, 2022))
    fig, ax = plt.subplots(figsize=SIZE)
    for s, color in enumerate(["#0072B2", "#D55E00", "#009E73"]):
        y = [100 + 30 * s + 40 * math.sin(i / 6 + s) + i * 1.5 for i in range(52)]
        ax.plot(years, y, color=color, label=f"Series {s + 1}")
    ax.set_title("Three series over 52 years", loc="left", fontweight="bold")
    ax.set_ylabel("Value")
    ax.legend()
    return fig


def heatmap():
    values = np.array([[50 + 45 * math.sin(c / 5 + r) * math.cos(r / 3) + r * 2 for c in range(52)] for r in range(12)])
    fig, ax = plt.subplots(figsize=SIZE)
    image = ax.imshow(values, aspect="auto", cmap="viridis")
    ax.set_yticks(range(12), COUNTRIES)
    ax.set_xticks(range(0, 52, 5), [str(1970 + c) for c in range(0, 52, 5)])
    fig.colorbar(image, ax=ax, label="Value")
    ax.set_title("Value by country and year", loc="left", fontweight="bold")
    return fig


_golden, _plastic = 0.6180339887498949, 0.7548776662466927
_i = np.arange(100_000, dtype=np.float64)
SCATTER_X = np.mod(_i * _golden, 1.0)
SCATTER_Y = 0.5 * SCATTER_X + 0.5 * np.mod(_i * _plastic, 1.0)


def scatter():
    fig, ax = plt.subplots(figsize=SIZE)
    # s is the marker area in points squared: a 2 pt diameter, as on the SCOBrief side.
    ax.scatter(SCATTER_X, SCATTER_Y, s=4, alpha=0.5, color="#0072B2", linewidths=0)
    ax.set_title("100,000 points", loc="left", fontweight="bold")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return fig


CASES = {
    "bar25-png": (bar25, "png"),
    "bar25-pdf": (bar25, "pdf"),
    "line3x52-png": (lines, "png"),
    "heatmap12x52-png": (heatmap, "png"),
    "scatter100k-png": (scatter, "png"),
}


def render(name):
    """Builds the figure and saves it to bytes, as one would for a report."""
    make, fmt = CASES[name]
    fig = make()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI)
    plt.close(fig)
    return buffer.getvalue()
