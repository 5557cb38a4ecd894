"""The default SCOBrief briefing redone with matplotlib, as an analyst would script it today:
read the corpus CSVs, compute the same counts, draw the same eight charts and seven tables
with the same text into a multi-page A4 PDF (PdfPages). Used by Scripts/bench-peers to time
SCOBrief's `report` against the usual Python route; it is a peer, not part of SCOBrief.

Usage: python briefing_matplotlib.py DATASETS_DIR OUT.pdf
"""
import csv
import os
import sys
import textwrap
from collections import Counter, defaultdict

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages

A4 = (8.27, 11.69)
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


def read(datasets, name):
    with open(os.path.join(datasets, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def year(date):
    return int(date[:4]) if date else None


def text_page(pdf, title, paragraphs, page):
    fig = plt.figure(figsize=A4)
    fig.text(0.09, 0.93, title, fontsize=16, weight="bold", va="top")
    y = 0.89
    for paragraph in paragraphs:
        wrapped = textwrap.fill(paragraph, 95)
        fig.text(0.09, y, wrapped, fontsize=10, va="top", family="serif")
        y -= 0.018 * (wrapped.count("\n") + 2)
    fig.text(0.5, 0.04, str(page), ha="center", fontsize=8)
    pdf.savefig(fig)
    plt.close(fig)


def chart_page(pdf, draw, caption, page):
    fig = plt.figure(figsize=A4)
    ax = fig.add_axes([0.12, 0.5, 0.8, 0.38])
    draw(ax)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.text(0.09, 0.44, textwrap.fill(caption, 100), fontsize=9, va="top")
    fig.text(0.5, 0.04, str(page), ha="center", fontsize=8)
    pdf.savefig(fig)
    plt.close(fig)


def table_page(pdf, title, header, rows, page):
    fig = plt.figure(figsize=A4)
    fig.text(0.09, 0.95, title, fontsize=9, weight="bold", va="top")
    ax = fig.add_axes([0.08, 0.08, 0.84, 0.84])
    ax.axis("off")
    table = ax.table(cellText=rows or [[""] * len(header)], colLabels=header, loc="upper left", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    fig.text(0.5, 0.04, str(page), ha="center", fontsize=8)
    pdf.savefig(fig)
    plt.close(fig)


def main(datasets, out):
    attacks = read(datasets, "attacks.csv")
    exercises = read(datasets, "exercises.csv")
    documents = read(datasets, "documents.csv")
    membership = read(datasets, "membership.csv")
    indicators = read(datasets, "indicators.csv")
    countries = {row["code"]: row["name_en"] for row in read(datasets, "countries.csv")}

    listed = [a for a in attacks if 2001 <= year(a["date"]) <= 2011]
    per_year = Counter(year(a["date"]) for a in listed)
    per_country = Counter(countries[a["country"]] for a in listed)
    killed = sum(int(a["killed"]) for a in listed if a["killed"])

    page = 1
    with PdfPages(out, metadata={"Title": "SCO counter-terrorism cooperation: what the record shows", "Author": "SCOBrief"}) as pdf:
        text_page(pdf, "SCO counter-terrorism cooperation: what the record shows",
                  ["Attacks, joint exercises, the legal base, membership and RATS results, 2001–2024"], page); page += 1
        text_page(pdf, "Contents", ["Key figures", "Attacks named in the sources, 2001–2011", "The 2024 picture", "Joint exercises",
                                    "Growth of the legal base", "Membership", "RATS results, 2017 and 2024",
                                    "2001–2011 compared with 2024", "Sources"], page); page += 1
        text_page(pdf, "Key figures", [
            f"The sources name {len(exercises)} joint exercises and {len(documents)} documents.",
            f"Of the {len(listed)} attacks named for 2001–2011, {sum(1 for a in listed if a['killed'])} come with a death toll: "
            f"together they killed {killed:,} people."], page); page += 1

        years = list(range(2001, 2012))
        chart_page(pdf, lambda ax: ax.bar(years, [per_year[y] for y in years], color=OKABE_ITO[0]),
                   "Figure 1. Attacks named in the sources by year, 2001–2011.", page); page += 1
        names = [n for n, _ in per_country.most_common()][::-1]
        chart_page(pdf, lambda ax: ax.barh(names, [per_country[n] for n in names], color=OKABE_ITO[0]),
                   "Figure 2. Attacks named in the sources by country, 2001–2011.", page); page += 1

        def timeline(ax):
            lanes = [n for n, _ in Counter(countries[a["country"]] for a in attacks).most_common()][::-1]
            for a in attacks:
                x = year(a["date"]) + (int(a["date"][5:7]) - 0.5) / 12 if len(a["date"]) >= 7 else year(a["date"]) + 0.5
                size = int(a["killed"]) if a["killed"] else 4
                ax.scatter([x], [lanes.index(countries[a["country"]])], s=size, color=OKABE_ITO[0] if a["killed"] else "grey", alpha=0.7)
            ax.set_yticks(range(len(lanes)), lanes)
        chart_page(pdf, timeline, "Figure 3. Every named attack on a time line, by country.", page); page += 1
        table_page(pdf, "Table 1. Attacks named in the sources, 2001–2011.", ["date", "place", "killed", "wounded", "what the source says"],
                   [[a["date"], a["place"] or countries[a["country"]], a["killed"] or "–", a["wounded"] or "–", a["description"]] for a in listed], page); page += 1

        hosts = defaultdict(Counter)
        for e in exercises:
            for host in e["hosts"].split(";"):
                hosts[countries[host]][year(e["start_date"])] += 1
        ex_years = list(range(2002, 2025))

        def exercises_chart(ax):
            bottom = [0] * len(ex_years)
            for i, (host, counts) in enumerate(sorted(hosts.items(), key=lambda kv: -sum(kv[1].values()))):
                values = [counts[y] for y in ex_years]
                ax.bar(ex_years, values, bottom=bottom, color=OKABE_ITO[i % 8], label=host)
                bottom = [b + v for b, v in zip(bottom, values)]
            ax.legend(ncol=3, frameon=False)
        chart_page(pdf, exercises_chart, "Figure 4. Joint exercises named in the sources by year and host country.", page); page += 1
        table_page(pdf, "Table 4. Joint exercises named in the sources.", ["exercise", "dates", "hosts", "kind"],
                   [[e["name"], e["start_date"], e["hosts"], e["kind"]] for e in exercises], page); page += 1

        families = {"charter": "binding", "convention": "binding", "treaty": "binding", "agreement": "binding",
                    "programme": "programmes", "plan": "programmes", "concept": "programmes",
                    "declaration": "declarations", "statement": "declarations"}

        def documents_chart(ax):
            by_family = defaultdict(list)
            for d in documents:
                if d["date"]:
                    by_family[families[d["type"]]].append(year(d["date"]))
            for i, (family, ys) in enumerate(sorted(by_family.items())):
                ys.sort()
                ax.step(ys, range(1, len(ys) + 1), where="post", color=OKABE_ITO[i], label=family)
            ax.legend(frameon=False)
        chart_page(pdf, documents_chart, "Figure 6. Cumulative documents on counter-terrorism cooperation by family.", page); page += 1
        table_page(pdf, "Table 5. Documents named in the sources.", ["date", "document", "type", "place"],
                   [[d["date"], textwrap.shorten(d["title"], 70), d["type"], d["place"]] for d in documents], page); page += 1

        def membership_chart(ax):
            span = list(range(2001, 2025))
            for i, status in enumerate(["member", "observer", "dialogue-partner"]):
                counts = []
                for y in span:
                    day = f"{y}-12-31"
                    counts.append(sum(1 for m in membership
                                      if (m["status"] == status or (status == "member" and m["status"] == "founding-member"))
                                      and m["from"] <= day and (not m["to"] or day < m["to"])))
                ax.step(span, counts, where="post", color=OKABE_ITO[i], label=status)
            for x, label in [(2017, "India and Pakistan join"), (2023, "Iran joins"), (2024, "Belarus joins")]:
                ax.axvline(x, color="grey", linestyle="--", linewidth=0.8)
                ax.annotate(label, (x, ax.get_ylim()[1]), fontsize=7, ha="right")
            ax.legend(frameon=False)
        chart_page(pdf, membership_chart, "Figure 7. SCO member states, observers and dialogue partners at the end of each year.", page); page += 1

        def rats_chart(ax):
            wanted = ["attacks-prevented", "crimes-prevented", "persons-detained", "persons-extradited"]
            for i, period in enumerate(["2024", ""]):
                values = [next((float(r["value"]) for r in indicators if r["indicator"] == w and r["period_start"] == period), 0) for w in wanted]
                ax.barh([j + i * 0.4 for j in range(len(wanted))], values, height=0.4, color=OKABE_ITO[i], label=period or "period not stated")
            ax.set_yticks([j + 0.2 for j in range(len(wanted))], wanted)
            ax.legend(frameon=False)
        chart_page(pdf, rats_chart, "Figure 8. RATS operational results as reported in 2017 and for 2024.", page); page += 1
        table_page(pdf, "Table 3. RATS operational results as reported.", ["indicator", "period", "figure", "unit", "scope"],
                   [[r["indicator"], r["period_start"] or "not stated", r["value"], r["unit"], r["scope"]] for r in indicators], page); page += 1
        text_page(pdf, "2001–2011 compared with 2024",
                  [f"Named attacks: {len(listed) / 11:.2f} a year in 2001–2011 against "
                   f"{sum(1 for a in attacks if year(a['date']) == 2024):.2f} in 2024.", "Sources: " + ", ".join(r["title"] for r in read(datasets, "sources.csv"))], page)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
