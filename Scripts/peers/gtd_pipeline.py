"""The GTD pipeline of the README with a dataframe library: read the GTD export, keep the SCO
member states (or every country), count incidents and sum killed and wounded by year x country
(with the number of unknown figures apart, as SCOBrief does), and write the table as CSV.

Usage: python gtd_pipeline.py pandas|polars GTD.csv OUT.csv [sco-members|all]
pandas reads only the four columns it needs (usecols); polars scans lazily, so its optimiser
reads only those columns too. Both are the fast way to write this task in each library.
"""
import sys

MEMBERS = {"Belarus": "BLR", "China": "CHN", "India": "IND", "Iran": "IRN", "Kazakhstan": "KAZ",
           "Kyrgyzstan": "KGZ", "Pakistan": "PAK", "Russia": "RUS", "Tajikistan": "TJK", "Uzbekistan": "UZB"}
library, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
selection = sys.argv[4] if len(sys.argv) > 4 else "sco-members"

if library == "pandas":
    import pandas as pd
    frame = pd.read_csv(path, usecols=["iyear", "country_txt", "nkill", "nwound"], encoding="utf-8")
    if selection == "sco-members":
        frame = frame[frame["country_txt"].isin(MEMBERS.keys())]
    table = frame.groupby(["iyear", "country_txt"]).agg(
        incidents=("nkill", "size"),
        killed=("nkill", "sum"), killed_unknown=("nkill", lambda s: int(s.isna().sum())),
        wounded=("nwound", "sum"), wounded_unknown=("nwound", lambda s: int(s.isna().sum()))).reset_index()
    table.to_csv(out, index=False)
elif library == "polars":
    import polars as pl
    lazy = pl.scan_csv(path, infer_schema_length=10000)
    if selection == "sco-members":
        lazy = lazy.filter(pl.col("country_txt").is_in(list(MEMBERS)))
    table = lazy.group_by(["iyear", "country_txt"]).agg(
        pl.len().alias("incidents"),
        pl.col("nkill").sum().alias("killed"), pl.col("nkill").null_count().alias("killed_unknown"),
        pl.col("nwound").sum().alias("wounded"), pl.col("nwound").null_count().alias("wounded_unknown"),
    ).sort(["iyear", "country_txt"]).collect()
    table.write_csv(out)
else:
    sys.exit(f"unknown library {library!r}: pandas or polars")
