"""The reduction both event recipes run (Scripts/duckdb-events, Scripts/spark-events): an event
export, read through the mapping YAML `scobrief import events --mapping` reads (or a built-in one:
ucdp-ged, acled), reduced to year × country (× event type) counts with the release's coverage.

One `Plan` parses the mapping and builds one SQL text per engine from the same steps; only a few
spellings differ between DuckDB and Spark SQL (`Dialect`). The counts follow the import's rules:
the year and the country code are read on the event's first day (date or date_start); filters keep
exact values; a number the code table lacks, or a code countries.csv does not list, is left out
(the import counts and reports those rows); a blank killed or wounded is unknown, never 0. Rows the
import rejects as malformed (a blank id, a date that is not a date, a range that ends before it
starts, a precision code the mapping lacks, a count that is not a whole number of people) are
left out here too. The coverage is the import's: first and last day of the well-formed rows of any
type and country, the years between without a row, the mapping's collection breaks inside that
span and the later starts of listed countries.

The date is parsed in steps (one CTE each): cut the text into year, month and day; name the month;
then make the date. Spark's code generator hung on the same parse written as one nested expression.

The code tables (Gleditsch–Ward with its dated spans, ISO 3166 numeric) and the built-in mappings
are read from SCOBrief's own sources (Sources/Dataset/Events), so the recipes and the binary cannot
disagree about a code.
"""
import csv
import datetime
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(ROOT, "Sources", "Dataset", "Events")

COUNT_COLUMNS = ["incidents", "killed", "killed_unknown", "wounded", "wounded_unknown"]
COVERAGE_COLUMNS = ["covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


class RecipeError(Exception):
    """A mapping or an option the recipe cannot run, said for the user."""


def load_mapping(name_or_path):
    """The mapping as strings (YAML's BaseLoader: 1, 2018-01-01 and yes stay text, as SCOBrief reads them)."""
    if os.path.exists(name_or_path):
        with open(name_or_path, encoding="utf-8") as f:
            return yaml.load(f, Loader=yaml.BaseLoader)
    text = open(os.path.join(EVENTS, "BuiltInEventMappings.swift"), encoding="utf-8").read()
    swift_name = {"ucdp-ged": "ucdpGED", "acled": "acled", "gtd": "gtd"}.get(name_or_path)
    match = swift_name and re.search(r'static let %s = """\n(.*?)\n\s*"""' % swift_name, text, re.S)
    if not match:
        raise RecipeError(f"no mapping file or built-in mapping '{name_or_path}' (built-in: ucdp-ged, acled, gtd)")
    lines = match.group(1).split("\n")
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return yaml.load("\n".join(l[indent:] for l in lines), Loader=yaml.BaseLoader)


def listed_codes(datasets):
    with open(os.path.join(datasets, "countries.csv"), encoding="utf-8") as f:
        return sorted({row["code"] for row in csv.DictReader(f)})


def numeric_spans(table, overrides):
    """(number, code, after, before) rows: the code applies from `after` (None: always) to the day
    before `before` (None: still). The import takes the first span not ended on the event's first
    day; `after`, the previous span's end, makes that one equality join."""
    spans = {}
    if table == "gleditsch-ward":
        text = open(os.path.join(EVENTS, "GleditschWardCodes.swift"), encoding="utf-8").read()
        dated = text[text.index("static let dated"):text.index("static let plain")]
        plain = text[text.index("static let plain"):]
        for number, listed in re.findall(r"(\d+): \[(Span.*?)\],", dated):
            spans[int(number)] = [(code, before or None) for code, before in
                                  re.findall(r'Span\(code: "(\w+)", before: (?:"([\d-]+)"|nil)\)', listed)]
        for number, code in re.findall(r'(\d+): "(\w+)"', plain):
            spans.setdefault(int(number), [(code, None)])
    else:
        text = open(os.path.join(EVENTS, "ISO3166Numeric.swift"), encoding="utf-8").read()
        for number, code in re.findall(r'^\s*(\d+): "(\w+)",', text, re.M):
            spans[int(number)] = [(code, None)]
    for key, code in overrides.items():
        if not re.fullmatch(r"\d{1,3}", key):
            raise RecipeError(f"'{key}' is not a number of 0–999, as {table} codes are")
        spans[int(key)] = [(code, None)]
    rows = []
    for number, listed in sorted(spans.items()):
        after = None
        for code, before in listed:
            rows.append((number, code, after, before))
            after = before
    return rows


def date_value(text):
    """The first day of a partial date as the mapping writes it: 2018, 2018-01 or 2018-01-01."""
    parts = [int(p) for p in str(text).split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class Dialect:
    """The few spellings in which DuckDB and Spark SQL differ."""

    def __init__(self, name):
        self.name = name

    def ident(self, name):
        if self.name == "spark":
            return "`" + name.replace("`", "``") + "`"
        return '"' + name.replace('"', '""') + '"'

    def literal(self, text):
        if self.name == "spark":  # Spark's string literals take backslash escapes
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return "'" + text.replace("'", "''") + "'"

    def matches(self, text, pattern):
        """The whole text matches the pattern (patterns here use no backslashes)."""
        if self.name == "spark":  # RLIKE finds the pattern anywhere: anchor it
            anchored = pattern if pattern.startswith("^") else "^" + pattern + "$"
            return f"({text} RLIKE {self.literal(anchored)})"
        return f"regexp_full_match({text}, {self.literal(pattern)})"

    def iso_date(self, text):
        """YYYY-MM-DD text to a date; NULL when it names no real day."""
        if self.name == "spark":
            return f"to_date({text}, 'yyyy-MM-dd')"
        return f"CAST(try_strptime({text}, '%Y-%m-%d') AS DATE)"

    def text_type(self):
        return "STRING" if self.name == "spark" else "VARCHAR"


DUCKDB = Dialect("duckdb")
SPARK = Dialect("spark")

# Patterns as whole-text matches, without backslashes (escapes differ between the two SQL dialects).
ISO = "[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?"
# Day first: 22 March 2024 (the month runs to the next space) or 22-Mar-2024 (to the next hyphen);
# the month is group 3 or 4, the year group 5.
DAY_FIRST = "^([0-9]{1,2})( ([^ ]+) |-([^-]+)-)([0-9]{4})$"
WHOLE = "[0-9]{1,15}([.]0+)?"  # a whole number of people (1200 or 1200.0), as the import reads it


class Plan:
    """What the recipe reads from one mapping and the filters given, and the SQL that reduces it."""

    def __init__(self, mapping, filters=(), by_type=False):
        if not isinstance(mapping, dict) or "fields" not in mapping:
            raise RecipeError("the mapping has no 'fields'")
        self.mapping = mapping
        self.by_type = by_type
        fields = mapping["fields"]
        # Keys the import reads that these recipes do not: refused, never counted another way.
        unread = [key for key in ("year", "month", "day") if key in fields]
        unread += [f"{key}: unknown" for key in ("killed", "wounded") if self._source(key).get("unknown")]
        unread += ["codes: gtd-names"] if self._source("country").get("codes") == "gtd-names" else []
        if unread:
            raise RecipeError(f"the mapping uses {', '.join(unread)}, which the recipes do not read; "
                              "import the export with `scobrief import events FILE --mapping MAP.yaml` instead")
        for key in ("record_id", "country", "killed"):
            if key not in fields:
                raise RecipeError(f"the mapping's fields lack '{key}'")
        self.record = self._column("record_id")
        self.start = self._column("date") or self._column("date_start")
        if not self.start:
            raise RecipeError("the mapping's fields lack 'date' (or 'date_start')")
        self.end = None if self._column("date") else self._column("date_end")
        self.killed = self._column("killed")
        self.wounded = self._column("wounded")
        self.event_type = self._column("event_type")
        self.type_labels = self._source("event_type").get("values") or {}
        country = self._source("country")
        self.country = self._column("country")
        self.code_table = country.get("codes") or "iso3166-alpha3"
        self.code_values = dict(country.get("values") or {})
        precision = mapping.get("precision") or {}
        self.precision = precision.get("column")
        self.precision_codes = list((precision.get("values") or {}).keys())

        offered = {f["option"]: f["column"] for f in mapping.get("filters") or []}
        self.filters = []
        for given in filters:
            option, _, values = given.partition("=")
            if option not in offered:
                raise RecipeError(f"the mapping has no filter '{option}' (it has: {', '.join(offered) or 'none'})")
            kept = [v.strip() for v in values.split(",") if v.strip()]
            if not kept:
                raise RecipeError(f"--filter {option}= gives no values to keep")
            self.filters.append((offered[option], kept))

        coverage = mapping.get("coverage") or {}
        self.breaks = [(date_value(k), str(k), v) for k, v in (coverage.get("collection_breaks") or {}).items()]
        self.country_starts = {k: str(v) for k, v in (coverage.get("covers_from_by_country") or {}).items()}

    def _source(self, key):
        source = self.mapping["fields"].get(key)
        if source is None:
            return {}
        return {"column": source} if isinstance(source, str) else source

    def _column(self, key):
        """The column the import reads a count, code, id or date from: the field's first."""
        source = self._source(key)
        columns = ([source["column"]] if "column" in source else []) + list(source.get("columns") or [])
        return columns[0] if columns else None

    # Tables the engine loads before the SQL runs.

    def code_rows(self, listed):
        """The country codes table: (number, code, after, before) for numeric tables, (name, code) for text."""
        if self.code_table in ("gleditsch-ward", "iso3166-numeric"):
            return numeric_spans(self.code_table, self.code_values)
        names = {c: c for c in listed} if self.code_table == "iso3166-alpha3" else {}
        names.update(self.code_values)
        return sorted(names.items())

    @property
    def numeric_codes(self):
        return self.code_table in ("gleditsch-ward", "iso3166-numeric")

    # The SQL, in steps.

    def _date_steps(self, d, prefix, source):
        """CTE bodies that add `{prefix}day` to `source`'s rows from the `{prefix}text` column: the
        text's form first, then its parts, then the month's number, then the date."""
        t = f"{prefix}text"
        form = f"""
            SELECT *, CASE WHEN {d.matches(t, ISO)} THEN 'iso' WHEN {d.matches(t, DAY_FIRST)} THEN 'day-first' END AS {prefix}form
            FROM {source}"""
        day_first = d.literal(DAY_FIRST)
        parts = f"""
            SELECT *,
              CASE {prefix}form WHEN 'iso' THEN substr({t}, 1, 4) WHEN 'day-first' THEN regexp_extract({t}, {day_first}, 5) END AS {prefix}y,
              CASE {prefix}form WHEN 'iso' THEN substr({t}, 6, 2)
                   WHEN 'day-first' THEN concat(regexp_extract({t}, {day_first}, 3), regexp_extract({t}, {day_first}, 4)) END AS {prefix}m,
              CASE {prefix}form WHEN 'iso' THEN substr({t}, 9, 2) WHEN 'day-first' THEN regexp_extract({t}, {day_first}, 1) END AS {prefix}d
            FROM {prefix}form"""
        # A month as digits (one or two), as a full English name or its first three letters, any case.
        names = " ".join(f"WHEN {d.literal(n)} THEN '{i + 1:02d}' WHEN {d.literal(n[:3])} THEN '{i + 1:02d}'"
                         for i, n in enumerate(MONTHS))
        months = f"""
            SELECT *,
              CASE WHEN {d.matches(prefix + 'm', '[0-9]{1,2}')} THEN lpad({prefix}m, 2, '0')
                   ELSE CASE lower({prefix}m) {names} END END AS {prefix}mm
            FROM {prefix}parts"""
        dated = f"""
            SELECT *,
              CASE WHEN {prefix}mm IS NOT NULL AND {prefix}y <> '0000'
                   THEN {d.iso_date(f"concat({prefix}y, '-', {prefix}mm, '-', lpad({prefix}d, 2, '0'))")} END AS {prefix}day
            FROM {prefix}months"""
        return [(f"{prefix}form", form), (f"{prefix}parts", parts), (f"{prefix}months", months), (f"{prefix}dated", dated)]

    def _count(self, d, column):
        """A count's value: NULL when blank (unknown) or not a whole number (the row is then checked out)."""
        return (f"CASE WHEN {d.matches(column, WHOLE)} THEN CAST(regexp_extract({column}, '^([0-9]+)', 1) AS BIGINT) END")

    def _count_ok(self, d, column):
        return f"({column} IS NULL OR {d.matches(column, WHOLE)})"

    def steps(self, d, export):
        """The CTE steps up to `valid`: every well-formed row with its day, counts, country text and type."""
        def col(name):
            return f"nullif(e.{d.ident(name)}, '')" if name else f"CAST(NULL AS {d.text_type()})"
        filter_columns = ", ".join(f"{col(column)} AS f{i}" for i, (column, _) in enumerate(self.filters))
        raw = f"""
            SELECT {col(self.record)} AS record, {col(self.start)} AS start_text, {col(self.end)} AS end_text,
                   {col(self.killed)} AS killed_text, {col(self.wounded)} AS wounded_text,
                   {col(self.country)} AS country_text, {col(self.event_type)} AS type_text,
                   {col(self.precision)} AS precision_text{', ' + filter_columns if filter_columns else ''}
            FROM {export} e"""
        steps = [("raw", raw)]
        steps += self._date_steps(d, "start_", "raw")
        last = "start_dated"
        if self.end:
            end_steps = self._date_steps(d, "end_", last)
            steps += end_steps
            last = end_steps[-1][0]
        checks = ["record IS NOT NULL", "start_day IS NOT NULL",
                  self._count_ok(d, "killed_text"), self._count_ok(d, "wounded_text")]
        if self.end:
            # A range that is not a range of days, or ends before it starts, is malformed to the import.
            checks.append("(end_text IS NULL OR (end_day IS NOT NULL AND end_day >= start_day))")
        if self.precision and self.precision_codes:
            codes = ", ".join(d.literal(c) for c in self.precision_codes)
            # The precision code is read only for a single date (not for a range).
            read = "end_text IS NULL AND " if self.end else ""
            checks.append(f"NOT ({read}precision_text IS NOT NULL AND precision_text NOT IN ({codes}))")
        labels = " ".join(f"WHEN {d.literal(k)} THEN {d.literal(v)}" for k, v in self.type_labels.items())
        type_sql = f"coalesce(CASE type_text {labels} ELSE type_text END, '')" if labels else "coalesce(type_text, '')"
        valid = f"""
            SELECT *, year(start_day) AS year, {self._count(d, 'killed_text')} AS killed,
                   {self._count(d, 'wounded_text')} AS wounded, {type_sql} AS event_type
            FROM {last}
            WHERE {' AND '.join(checks)}"""
        steps.append(("valid", valid))
        return steps

    def valid_sql(self, d, export="export"):
        """The well-formed rows with only what the counts and the coverage read; an engine that
        keeps it (Spark's cache) reads the export once for both."""
        filters = "".join(f", f{i}" for i in range(len(self.filters)))
        return self._with(self.steps(d, export),
                          f"SELECT year, start_day, country_text, event_type, killed, wounded{filters} FROM valid")

    def counts_sql(self, d, valid=None, export="export", codes="codes", listed="listed"):
        """The counts, from the view `valid` when given (see valid_sql), else from the export."""
        steps = [] if valid else self.steps(d, export)
        kept_checks = [f"v.f{i} IN ({', '.join(d.literal(x) for x in values)})" for i, (_, values) in enumerate(self.filters)]
        if self.numeric_codes:
            join = (f"JOIN {codes} c ON {d.matches('v.country_text', WHOLE)} "
                    "AND c.number = CAST(regexp_extract(v.country_text, '^([0-9]+)', 1) AS INTEGER) "
                    "AND (c.after IS NULL OR v.start_day >= c.after) AND (c.before IS NULL OR v.start_day < c.before)")
        else:
            join = f"JOIN {codes} c ON c.name = v.country_text"
        kept = f"""
            SELECT v.year, c.code AS country, v.event_type, v.killed, v.wounded
            FROM {valid or 'valid'} v {join} JOIN {listed} l ON l.code = c.code
            {'WHERE ' + ' AND '.join(kept_checks) if kept_checks else ''}"""
        steps.append(("kept", kept))
        keys = "year, country" + (", event_type" if self.by_type else "")
        final = f"""
            SELECT {keys}, count(*) AS incidents,
                   coalesce(sum(killed), 0) AS killed, count(*) - count(killed) AS killed_unknown,
                   coalesce(sum(wounded), 0) AS wounded, count(*) - count(wounded) AS wounded_unknown
            FROM kept GROUP BY {keys}"""
        return self._with(steps, final)

    def coverage_sql(self, d, valid=None, export="export"):
        """First day, last day and the years with a row, over the well-formed rows of any type and
        country; from the view `valid` when given."""
        final = f"SELECT min(start_day), max(start_day), year FROM {valid or 'valid'} GROUP BY year"
        return final if valid else self._with(self.steps(d, export), final)

    @staticmethod
    def _with(steps, final):
        return "WITH " + ",\n".join(f"{name} AS ({body}\n)" for name, body in steps) + "\n" + final

    # Writing what the engine returns, the same bytes whichever engine ran.

    def write_counts(self, rows, path):
        header = ["year", "country"] + (["event_type"] if self.by_type else []) + COUNT_COLUMNS
        rows = sorted((tuple(r) for r in rows), key=lambda r: (int(r[0]), str(r[1])) + ((str(r[2]),) if self.by_type else ()))
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([int(row[0]), row[1]] + ([row[2]] if self.by_type else [])
                                + [int(x) for x in row[-5:]])

    def coverage(self, by_year, listed):
        """The five coverage columns of sources.csv, from (first day, last day, year) rows."""
        if not by_year:
            return {name: "" for name in COVERAGE_COLUMNS}
        first = min(r[0] for r in by_year)
        last = max(r[1] for r in by_year)
        years = {int(r[2]) for r in by_year}
        gaps = [str(y) for y in range(first.year, last.year + 1) if y not in years]
        breaks = [f"{text}: {note.replace('|', '/')}" for day, text, note in self.breaks if first < day <= last]
        starts = sorted((code, text) for code, text in self.country_starts.items()
                        if code in listed and date_value(text) > first)
        return {"covers_from": first.isoformat(), "covers_to": last.isoformat(), "gaps": ";".join(gaps),
                "collection_breaks": "|".join(breaks),
                "covers_from_by_country": ";".join(f"{code}={text}" for code, text in starts)}

    @staticmethod
    def write_coverage(columns, path):
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(COVERAGE_COLUMNS)
            writer.writerow([columns[name] for name in COVERAGE_COLUMNS])


def arguments(description):
    import argparse
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("mapping", help="a mapping YAML file, or a built-in mapping: ucdp-ged, acled")
    parser.add_argument("export", help="the event export (CSV with a header)")
    parser.add_argument("output", help="the counts: year,country[,event_type],incidents,killed,killed_unknown,wounded,wounded_unknown")
    parser.add_argument("--filter", action="append", default=[], help="option=values, as `import events --filter`")
    parser.add_argument("--by-type", action="store_true", help="count by event type too (year × country × type)")
    parser.add_argument("--coverage", help="also write the release's coverage (the columns sources.csv holds) to this CSV")
    parser.add_argument("--datasets", default=os.path.join(ROOT, "Datasets"))
    return parser.parse_args()


def plan_or_exit(args, tool):
    try:
        return Plan(load_mapping(args.mapping), args.filter, by_type=args.by_type)
    except RecipeError as error:
        sys.exit(f"{tool}: {error}")
