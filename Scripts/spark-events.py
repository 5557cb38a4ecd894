"""Reduces an event export to SCOBrief's year × country (× type) counts with PySpark, driven by the
same mapping YAML `scobrief import events --mapping` reads (or a built-in one: ucdp-ged, acled).

    python Scripts/spark-events.py MAPPING EXPORT.csv OUT.csv [--filter option=v1,v2 ...]
                                   [--by-type] [--coverage COVERAGE.csv] [--datasets DIR]

The SQL is Scripts/event_recipe.py's, the same as Scripts/duckdb-events runs, so the two write the
same bytes. Spark runs in local mode on two cores (SPARK_MASTER overrides it, e.g. on a cluster
with spark-submit). Run by Scripts/spark-events, which installs a Java runtime and PySpark.
"""
import os

from pyspark import StorageLevel
from pyspark.sql import SparkSession

import event_recipe


def main():
    args = event_recipe.arguments(__doc__.split("\n")[0])
    plan = event_recipe.plan_or_exit(args, "spark-events")
    listed = event_recipe.listed_codes(args.datasets)
    spark = (SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[2]")).appName("scobrief-events")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")  # no progress bars on stderr
             .config("spark.sql.shuffle.partitions", "4")
             # A text that is not a date gives NULL (as DuckDB's try_strptime), never an error.
             .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
             .config("spark.sql.ansi.enabled", "false")
             .config("spark.sql.session.timeZone", "UTC")
             # Whole-stage code generation fuses the date steps into one Java method that outgrows
             # 64 KB; Spark then spends minutes compiling before it falls back (measured: 6 min
             # against 2 min on six rows). Each expression is still compiled on its own.
             .config("spark.sql.codegen.wholeStage", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        spark.createDataFrame([(c,) for c in listed], "code STRING").createOrReplaceTempView("listed")
        rows = plan.code_rows(listed)
        if plan.numeric_codes:
            import datetime
            day = lambda text: datetime.date.fromisoformat(text) if text else None
            rows = [(n, c, day(a), day(b)) for n, c, a, b in rows]
            spark.createDataFrame(rows, "number INT, code STRING, after DATE, before DATE").createOrReplaceTempView("codes")
        else:
            spark.createDataFrame(rows, "name STRING, code STRING").createOrReplaceTempView("codes")
        # Every column as text; quoted fields may hold commas, quotes ("" inside) and line breaks.
        (spark.read.option("header", "true").option("multiLine", "true").option("quote", '"').option("escape", '"')
         .option("inferSchema", "false").option("mode", "PERMISSIVE").csv(args.export)
         .createOrReplaceTempView("export"))
        dialect = event_recipe.SPARK
        # The well-formed rows, kept (a few columns each) so the export is parsed once for both.
        valid = spark.sql(plan.valid_sql(dialect)).persist(StorageLevel.MEMORY_AND_DISK)
        valid.createOrReplaceTempView("valid_rows")
        plan.write_counts([tuple(r) for r in spark.sql(plan.counts_sql(dialect, valid="valid_rows")).collect()], args.output)
        if args.coverage:
            by_year = [tuple(r) for r in spark.sql(plan.coverage_sql(dialect, valid="valid_rows")).collect()]
            plan.write_coverage(plan.coverage(by_year, set(listed)), args.coverage)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
