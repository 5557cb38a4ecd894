"""Reduces an event export to SCOBrief's year × country (× type) counts with DuckDB, driven by the
same mapping YAML `scobrief import events --mapping` reads (or a built-in one: ucdp-ged, acled).

    python Scripts/duckdb-events.py MAPPING EXPORT.csv OUT.csv [--filter option=v1,v2 ...]
                                    [--by-type] [--coverage COVERAGE.csv] [--datasets DIR]

OUT.csv has the columns of `scobrief import ... --summary-by year,country --format csv` without the
name: year,country,incidents,killed,killed_unknown,wounded,wounded_unknown (with event_type after
country under --by-type). The rules and the SQL are Scripts/event_recipe.py's, shared with
Scripts/spark-events. Run by Scripts/duckdb-events, which installs DuckDB and PyYAML into .venv-duckdb/.
"""
import duckdb

import event_recipe


def main():
    args = event_recipe.arguments(__doc__.split("\n")[0])
    plan = event_recipe.plan_or_exit(args, "duckdb-events")
    listed = event_recipe.listed_codes(args.datasets)
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE listed(code VARCHAR)")
    con.executemany("INSERT INTO listed VALUES (?)", [(c,) for c in listed])
    if plan.numeric_codes:
        con.execute("CREATE TEMP TABLE codes(number INTEGER, code VARCHAR, after DATE, before DATE)")
    else:
        con.execute("CREATE TEMP TABLE codes(name VARCHAR, code VARCHAR)")
    rows = plan.code_rows(listed)
    con.executemany(f"INSERT INTO codes VALUES ({', '.join('?' * len(rows[0]))})", rows)
    path = args.export.replace("'", "''")
    con.execute(f"CREATE TEMP VIEW export AS SELECT * FROM read_csv('{path}', header = true, all_varchar = true, "
                "quote = '\"', escape = '\"')")
    dialect = event_recipe.DUCKDB
    plan.write_counts(con.execute(plan.counts_sql(dialect)).fetchall(), args.output)
    if args.coverage:
        by_year = con.execute(plan.coverage_sql(dialect)).fetchall()
        plan.write_coverage(plan.coverage(by_year, set(listed)), args.coverage)


if __name__ == "__main__":
    main()
