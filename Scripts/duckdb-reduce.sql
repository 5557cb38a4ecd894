-- Reduces event data at GDELT or ACLED scale to SCOBrief's tidy year × country input with DuckDB:
-- one row per (year, country) of the states that are SCO members at the end of SCOBrief's
-- membership table, with incidents, killed and wounded, and the number of incidents whose
-- figure is unknown (a blank is unknown, never 0):
--
--   year,country,incidents,killed,killed_unknown,wounded,wounded_unknown
--
-- Written for the GTD export layout (iyear, country_txt, nkill, nwound); for ACLED use year,
-- country and fatalities, for GDELT the event year and ActionGeo_CountryCode (FIPS codes, which
-- need their own table of codes). Run by Scripts/duckdb-reduce, which sets the variables:
--   input      the event file (CSV; UTF-8 — DuckDB reads no Windows-1252)
--   datasets   SCOBrief's Datasets folder (countries.csv, membership.csv)
--   output     the CSV to write

-- The SCO members at the latest date membership.csv states: spells of members still open.
CREATE TEMP TABLE sco_members AS
SELECT c.code, c.name_en
FROM read_csv(getvariable('datasets') || '/membership.csv', header = true, all_varchar = true) AS m
JOIN read_csv(getvariable('datasets') || '/countries.csv', header = true, all_varchar = true) AS c ON c.code = m.country
WHERE m.status IN ('founding-member', 'member') AND (m."to" IS NULL OR m."to" = '');

-- GTD names the ten members as countries.csv does (China, Russia, ...); a name that differs
-- would need SCOBrief's GTD name table (Sources/Dataset/GTD/GTDCountryNames.swift).
-- DuckDB reads only the columns the query uses, in parallel; quoted fields may hold line breaks.
COPY (
    SELECT
        e.iyear AS year,
        s.code AS country,
        count(*) AS incidents,
        coalesce(sum(e.nkill), 0)::BIGINT AS killed,
        count(*) - count(e.nkill) AS killed_unknown,
        coalesce(sum(e.nwound), 0)::BIGINT AS wounded,
        count(*) - count(e.nwound) AS wounded_unknown
    FROM read_csv(getvariable('input'), header = true,
                  types = {'iyear': 'INTEGER', 'country_txt': 'VARCHAR', 'nkill': 'DOUBLE', 'nwound': 'DOUBLE'}) AS e
    JOIN sco_members AS s ON s.name_en = e.country_txt
    GROUP BY ALL
    ORDER BY year, country
) TO (getvariable('output')) (HEADER, DELIMITER ',');
