"""Reduces an event export to SCOBrief's year × country counts with DuckDB, driven by the same
mapping YAML `scobrief import events --mapping` reads (or a built-in one: ucdp-ged, acled).

    python Scripts/duckdb-events.py MAPPING EXPORT.csv OUT.csv [--filter option=v1,v2 ...] [--datasets DIR]

OUT.csv has the columns of `scobrief import ... --summary-by year,country --format csv` without the
name: year,country,incidents,killed,killed_unknown,wounded,wounded_unknown. It follows the import's
rules: the year and the country code are read on the event's first day (date or date_start);
filters keep exact values; a number the code table lacks, or a code countries.csv does not list,
is left out (the import counts and reports those rows); a blank killed or wounded is unknown,
never 0. Rows the import would reject as malformed (a blank id, a date that is not a date, a count
that is not a whole number) are left out here too. Run by Scripts/duckdb-events, which installs
DuckDB and PyYAML into .venv-duckdb/.

The code tables (Gleditsch–Ward with its dated spans, ISO 3166 numeric) and the built-in mappings
are read from SCOBrief's own sources (Sources/Dataset/Events), so the recipe and the binary cannot
disagree about a code.
"""
import argparse
import csv
import os
import re
import sys

import duckdb
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(ROOT, "Sources", "Dataset", "Events")


def built_in_mapping(name):
    text = open(os.path.join(EVENTS, "BuiltInEventMappings.swift"), encoding="utf-8").read()
    swift_name = {"ucdp-ged": "ucdpGED", "acled": "acled"}.get(name)
    match = swift_name and re.search(r'static let %s = """\n(.*?)\n\s*"""' % swift_name, text, re.S)
    if not match:
        sys.exit(f"duckdb-events: no built-in mapping '{name}' (built-in: ucdp-ged, acled)")
    lines = match.group(1).split("\n")
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return yaml.safe_load("\n".join(l[indent:] for l in lines))


def numeric_spans(table, overrides):
    """(number, code, before) rows: before is the first day the code no longer applies, or None."""
    rows = []
    if table == "gleditsch-ward":
        text = open(os.path.join(EVENTS, "GleditschWardCodes.swift"), encoding="utf-8").read()
        dated = text[text.index("static let dated"):text.index("static let plain")]
        plain = text[text.index("static let plain"):]
        for number, spans in re.findall(r"(\d+): \[(Span.*?)\],", dated):
            for code, before in re.findall(r'Span\(code: "(\w+)", before: (?:"([\d-]+)"|nil)\)', spans):
                rows.append((int(number), code, before or None))
        rows += [(int(n), c, None) for n, c in re.findall(r'(\d+): "(\w+)"', plain)]
    else:
        text = open(os.path.join(EVENTS, "ISO3166Numeric.swift"), encoding="utf-8").read()
        rows += [(int(n), c, None) for n, c in re.findall(r'^\s*(\d+): "(\w+)",', text, re.M)]
    for key, code in overrides.items():
        rows = [r for r in rows if r[0] != int(key)] + [(int(key), code, None)]
    return rows


def field(mapping, name):
    """The columns of a field (the first non-blank wins) and its options, or None."""
    source = mapping.get("fields", {}).get(name)
    if source is None:
        return None
    if isinstance(source, str):
        return {"columns": [source]}
    columns = ([source["column"]] if "column" in source else []) + list(source.get("columns", []))
    return {**source, "columns": columns}


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def first_of(columns):
    parts = [f"nullif(e.{quoted(c)}, '')" for c in columns]
    return parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"


def parsed_day(text):
    """The day of a date as the import reads it: ISO (a time may follow, as UCDP writes
    2024-03-22 00:00:00.000), or day first: 22 March 2024, 22-Mar-2024, 22-03-2024."""
    return (f"CASE WHEN regexp_matches({text}, '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([ T].*)?$') "
            f"THEN try_strptime(left({text}, 10), '%Y-%m-%d') "
            f"ELSE coalesce(try_strptime({text}, '%d %B %Y'), try_strptime({text}, '%d-%b-%Y'), "
            f"try_strptime({text}, '%d-%m-%Y'), try_strptime({text}, '%d %b %Y')) END::DATE")


def whole(column_sql):
    # A whole number of people, or NULL when blank; anything else marks the row malformed.
    return f"try_cast({column_sql} AS BIGINT)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mapping")
    parser.add_argument("export")
    parser.add_argument("output")
    parser.add_argument("--filter", action="append", default=[], help="option=values, as `import events --filter`")
    parser.add_argument("--datasets", default=os.path.join(ROOT, "Datasets"))
    args = parser.parse_args()

    if os.path.exists(args.mapping):
        mapping = yaml.safe_load(open(args.mapping, encoding="utf-8"))
    else:
        mapping = built_in_mapping(args.mapping)

    con = duckdb.connect()
    with open(os.path.join(args.datasets, "countries.csv"), encoding="utf-8") as f:
        listed = sorted({row["code"] for row in csv.DictReader(f)})
    con.execute("CREATE TEMP TABLE listed(code VARCHAR)")
    con.executemany("INSERT INTO listed VALUES (?)", [(c,) for c in listed])

    date = field(mapping, "date") or field(mapping, "date_start")
    # Keys the import reads that this recipe does not yet: refused, never counted another way.
    unread = [key for key in ("year", "month", "day") if field(mapping, key)]
    unread += [f"{key}: unknown" for key in ("killed", "wounded") if (field(mapping, key) or {}).get("unknown")]
    unread += ["codes: gtd-names"] if (field(mapping, "country") or {}).get("codes") == "gtd-names" else []
    if unread:
        sys.exit(f"duckdb-events: the mapping uses {', '.join(unread)}, which this recipe does not read yet; "
                 "import the export with `scobrief import events FILE --mapping MAP.yaml` instead")
    killed, wounded, record = field(mapping, "killed"), field(mapping, "wounded"), field(mapping, "record_id")
    country = field(mapping, "country")
    table = country.get("codes")
    overrides = {str(k): v for k, v in (country.get("values") or {}).items()}

    start = first_of(date["columns"])
    day = parsed_day(start)
    killed_sql = whole(first_of(killed["columns"]))
    wounded_sql = whole(first_of(wounded["columns"])) if wounded else "NULL::BIGINT"
    checks = [f"{first_of(record['columns'])} IS NOT NULL", "day IS NOT NULL",
              f"({first_of(killed['columns'])} IS NULL OR (killed IS NOT NULL AND killed >= 0))"]
    end = field(mapping, "date_end")
    if end:
        # A range that is not a range of days (or ends before it starts) is malformed to the import.
        checks.append(f"({first_of(end['columns'])} IS NULL OR ({parsed_day(first_of(end['columns']))} >= day))")
    if wounded:
        checks.append(f"({first_of(wounded['columns'])} IS NULL OR (wounded IS NOT NULL AND wounded >= 0))")

    filters = {f["option"]: f["column"] for f in mapping.get("filters", [])}
    for given in args.filter:
        option, _, values = given.partition("=")
        if option not in filters:
            sys.exit(f"duckdb-events: the mapping has no filter '{option}' (it has: {', '.join(filters) or 'none'})")
        kept = [v.strip() for v in values.split(",") if v.strip()]
        checks.append(f"e.{quoted(filters[option])} IN ({', '.join(repr(v) for v in kept)})")

    if table in ("gleditsch-ward", "iso3166-numeric"):
        con.execute("CREATE TEMP TABLE codes(number INTEGER, code VARCHAR, before DATE)")
        con.executemany("INSERT INTO codes VALUES (?, ?, ?)", numeric_spans(table, overrides))
        # The first span that has not ended on the event's first day, as the import reads it.
        code_sql = (f"(SELECT c.code FROM codes c WHERE c.number = try_cast({first_of(country['columns'])} AS INTEGER) "
                    "AND (c.before IS NULL OR day < c.before) ORDER BY c.before NULLS LAST LIMIT 1)")
    else:
        names = {c: c for c in listed} if table == "iso3166-alpha3" else {}
        names.update(overrides)
        con.execute("CREATE TEMP TABLE codes(name VARCHAR, code VARCHAR)")
        con.executemany("INSERT INTO codes VALUES (?, ?)", sorted(names.items()))
        code_sql = f"(SELECT c.code FROM codes c WHERE c.name = {first_of(country['columns'])})"

    query = f"""
    COPY (
        WITH rows AS (
            SELECT e.*, {day} AS day, {killed_sql} AS killed, {wounded_sql} AS wounded
            FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"') AS e
        ), kept AS (
            SELECT year(day) AS year, {code_sql} AS country, killed, wounded FROM rows e
            WHERE {' AND '.join(checks)}
        )
        SELECT year, country, count(*) AS incidents,
               coalesce(sum(killed), 0)::BIGINT AS killed, count(*) - count(killed) AS killed_unknown,
               coalesce(sum(wounded), 0)::BIGINT AS wounded, count(*) - count(wounded) AS wounded_unknown
        FROM kept WHERE country IN (SELECT code FROM listed)
        GROUP BY ALL ORDER BY year, country
    ) TO '{args.output.replace("'", "''")}' (HEADER, DELIMITER ',')
    """
    con.execute(query, [args.export])


if __name__ == "__main__":
    main()
