import Support

/// The mappings SCOBrief ships, as YAML embedded in the binary (no resource files at run time).
/// Each is the same form a user writes for `import events --mapping`; tests parse them all.
public enum BuiltInEventMappings {
    /// Name → YAML text.
    public static let yaml: [String: String] = ["ucdp-ged": ucdpGED, "acled": acled, "gtd": gtd]

    /// The parsed mapping of a built-in name (`ucdp-ged`, `acled`, `gtd`).
    public static func mapping(named name: String) throws(Diagnostic) -> EventMapping {
        guard let text = yaml[name] else {
            throw Diagnostic(SourceLocation(file: name), "no built-in mapping '\(name)'",
                             hint: "built-in mappings: \(yaml.keys.sorted().joined(separator: ", "))")
        }
        var mapping = try EventMapping(yaml: text, file: "built-in mapping \(name)")
        mapping.origin = "built-in \(name)"
        return mapping
    }

    /// Signatures of the exports SCOBrief knows, to name the source of a file given to the wrong
    /// import: the GTD besides the built-in mappings.
    static let knownSignatures: [(name: String, command: String, columns: [String])] = [
        ("a Global Terrorism Database (GTD) export", "scobrief import gtd", ["eventid", "iyear", "imonth", "iday", "country_txt", "nkill"]),
        ("a UCDP GED export", "scobrief import ucdp-ged", ["id", "relid", "type_of_violence", "date_prec", "country_id", "best"]),
        ("an ACLED export", "scobrief import acled", ["event_id_cnty", "event_date", "event_type", "sub_event_type", "fatalities", "iso"]),
    ]

    /// UCDP Georeferenced Event Dataset, from its codebook (GED 23.1–25.1): one row per event of
    /// lethal organised violence, dated by date_start/date_end, with best/low/high deaths.
    static let ucdpGED = """
    name: ucdp-ged
    title: UCDP Georeferenced Event Dataset (GED)
    short_title: UCDP GED
    publisher: Uppsala Conflict Data Program (UCDP), Department of Peace and Conflict Research, Uppsala University
    url: https://ucdp.uu.se/downloads/
    licence: CC BY 4.0 (cite Sundberg and Melander 2013 and the release's codebook)
    record_prefix: ucdp
    signature: [id, relid, type_of_violence, date_prec, country_id, best]
    fields:
      record_id: id
      date_start: date_start
      date_end: date_end
      country: {column: country_id, codes: gleditsch-ward}
      place: {columns: [where_description, adm_2, adm_1]}
      killed: best
      killed_low: low
      killed_high: high
      event_type:
        column: type_of_violence
        values: {"1": State-based conflict, "2": Non-state conflict, "3": One-sided violence}
      event_subtype: dyad_name
      provstate: adm_1
      city: where_description
      latitude: latitude
      longitude: longitude
      summary: source_headline
    filters:
      - option: type-of-violence
        column: type_of_violence
        values: ["1", "2", "3"]
        labels: {"1": state-based conflict, "2": non-state conflict, "3": one-sided violence against civilians}
    coverage:
      note: >-
        UCDP GED counts events of organised violence with at least one death, for conflicts and
        actors that reach 25 deaths in a calendar year (a dyad, or an actor's one-sided violence):
        smaller campaigns are not in the data at all, so a count is of lethal violence by
        established actors, not of all attacks. killed is UCDP's best estimate (low and high
        beside it) and includes the parties' own dead. Type of violence 3, one-sided violence
        against civilians, is the selection closest to terrorism, but it also holds violence by
        governments and leaves out attacks on soldiers or police. Each yearly release revises
        earlier years.
    """

    /// ACLED's export (event_id_cnty ... timestamp), from its codebook and export notes: one row
    /// per event, dated at the precision time_precision gives, with the start year of each
    /// country's coverage from ACLED's coverage table (acledR's acled_countries).
    static let acled = """
    name: acled
    title: Armed Conflict Location & Event Data (ACLED)
    short_title: ACLED
    publisher: Armed Conflict Location & Event Data Project (ACLED)
    url: https://acleddata.com/data-export-tool/
    licence: ACLED terms of use (registered users; attribution required; the raw data may not be redistributed)
    record_prefix: acled
    signature: [event_id_cnty, event_date, event_type, sub_event_type, fatalities, iso]
    fields:
      record_id: event_id_cnty
      date: event_date
      country: {column: iso, codes: iso3166-numeric}
      place: {columns: [location, admin2, admin1]}
      killed: fatalities
      event_type: event_type
      event_subtype: sub_event_type
      provstate: admin1
      city: location
      latitude: latitude
      longitude: longitude
      summary: notes
    precision:
      column: time_precision
      values: {"1": day, "2": week, "3": month}
    filters:
      - option: event-type
        column: event_type
        values: [Battles, Violence against civilians, Explosions/Remote violence, Protests, Riots, Strategic developments]
      - option: sub-event-type
        column: sub_event_type
        values: [Armed clash, Government regains territory, Non-state actor overtakes territory, Chemical weapon, Air/drone strike,
                 Suicide bomb, Shelling/artillery/missile attack, Remote explosive/landmine/IED, Grenade, Sexual violence, Attack,
                 Abduction/forced disappearance, Peaceful protest, Protest with intervention, Excessive force against protesters,
                 Violent demonstration, Mob violence, Agreement, Arrests, Change to group/activity, Disrupted weapons use,
                 Headquarters or base established, Looting/property destruction, Non-violent transfer of territory, Other]
      - option: disorder-type
        column: disorder_type
        values: [Political violence, Demonstrations, Strategic developments, "Political violence; Demonstrations"]
    coverage:
      note: >-
        ACLED codes political violence and demonstrations from 1997 in Africa, and from later years
        elsewhere (South Asia 2010, the Middle East 2015–2017, Central Asia and the Caucasus,
        Europe, Russia and East Asia 2018, the Americas 2018–2021): a country before its start year
        is not covered, so no comparison with 2001–2011 is possible there. ACLED does not code
        terrorism as such; Explosions/Remote violence with the sub-event types Suicide bomb and
        Remote explosive/landmine/IED comes closest, and includes state forces' and old landmines'
        victims. fatalities is ACLED's conservative figure, and 0 also stands for events with no
        reported deaths. ACLED revises its data continually; the export's timestamp says when.
      covers_from_by_country: {ABW: 2018-01-01, AFG: 2017-01-01, AIA: 2018-01-01, ALB: 2018-01-01, AND: 2020-01-01, ARE: 2017-01-01, ARG: 2018-01-01, ARM: 2018-01-01, ASM: 2021-01-01, ATA: 2021-01-01, ATG: 2018-01-01, AUS: 2021-01-01, AUT: 2020-01-01, AZE: 2018-01-01, BEL: 2020-01-01, BES: 2018-01-01, BGD: 2010-01-01, BGR: 2018-01-01, BHR: 2016-01-01, BHS: 2018-01-01, BIH: 2018-01-01, BLM: 2018-01-01, BLR: 2018-01-01, BLZ: 2018-01-01, BMU: 2018-01-01, BOL: 2018-01-01, BRA: 2018-01-01, BRB: 2018-01-01, BRN: 2020-01-01, BTN: 2020-01-01, CAN: 2021-01-01, CCK: 2021-01-01, CHE: 2020-01-01, CHL: 2018-01-01, CHN: 2018-01-01, COK: 2021-01-01, COL: 2018-01-01, COM: 2020-01-01, CPV: 2020-01-01, CRI: 2018-01-01, CUB: 2018-01-01, CUW: 2018-01-01, CXR: 2021-01-01, CYM: 2018-01-01, CYP: 2018-01-01, CZE: 2020-01-01, DEU: 2020-01-01, DMA: 2018-01-01, DNK: 2020-01-01, DOM: 2018-01-01, ECU: 2018-01-01, ESP: 2020-01-01, EST: 2020-01-01, FIN: 2020-01-01, FJI: 2021-01-01, FLK: 2018-01-01, FRA: 2020-01-01, FRO: 2020-01-01, FSM: 2021-01-01, GBR: 2020-01-01, GEO: 2018-01-01, GGY: 2020-01-01, GIB: 2020-01-01, GLP: 2018-01-01, GRC: 2018-01-01, GRD: 2018-01-01, GRL: 2020-01-01, GTM: 2018-01-01, GUF: 2018-01-01, GUM: 2021-01-01, GUY: 2018-01-01, HMD: 2021-01-01, HND: 2018-01-01, HRV: 2018-01-01, HTI: 2018-01-01, HUN: 2020-01-01, IDN: 2015-01-01, IMN: 2020-01-01, IND: 2016-01-01, IOT: 2018-01-01, IRL: 2020-01-01, IRN: 2016-01-01, IRQ: 2016-01-01, ISL: 2020-01-01, ISR: 2016-01-01, ITA: 2020-01-01, JAM: 2018-01-01, JEY: 2020-01-01, JOR: 2016-01-01, JPN: 2018-01-01, KAZ: 2018-01-01, KGZ: 2018-01-01, KHM: 2010-01-01, KIR: 2021-01-01, KNA: 2018-01-01, KOR: 2018-01-01, KWT: 2016-01-01, LAO: 2010-01-01, LBN: 2016-01-01, LCA: 2018-01-01, LIE: 2020-01-01, LKA: 2010-01-01, LTU: 2020-01-01, LUX: 2020-01-01, LVA: 2020-01-01, MAF: 2018-01-01, MCO: 2020-01-01, MDA: 2018-01-01, MDV: 2020-01-01, MEX: 2018-01-01, MHL: 2021-01-01, MKD: 2018-01-01, MLT: 2020-01-01, MMR: 2010-01-01, MNE: 2018-01-01, MNG: 2018-01-01, MNP: 2021-01-01, MSR: 2018-01-01, MTQ: 2018-01-01, MUS: 2020-01-01, MYS: 2018-01-01, MYT: 2020-01-01, NCL: 2021-01-01, NFK: 2021-01-01, NIC: 2018-01-01, NIU: 2021-01-01, NLD: 2020-01-01, NOR: 2020-01-01, NPL: 2010-01-01, NRU: 2021-01-01, NZL: 2021-01-01, OMN: 2016-01-01, PAK: 2010-01-01, PAN: 2018-01-01, PCN: 2021-01-01, PER: 2018-01-01, PHL: 2016-01-01, PLW: 2021-01-01, PNG: 2021-01-01, POL: 2020-01-01, PRI: 2018-01-01, PRK: 2018-01-01, PRT: 2020-01-01, PRY: 2018-01-01, PSE: 2016-01-01, PYF: 2021-01-01, QAT: 2016-01-01, REU: 2020-01-01, ROU: 2018-01-01, RUS: 2018-01-01, SAU: 2015-01-01, SGP: 2020-01-01, SGS: 2018-01-01, SHN: 2020-01-01, SLB: 2021-01-01, SLV: 2018-01-01, SMR: 2020-01-01, SPM: 2021-01-01, SRB: 2018-01-01, SSD: 2011-01-01, STP: 2020-01-01, SUR: 2018-01-01, SVK: 2020-01-01, SVN: 2020-01-01, SWE: 2020-01-01, SXM: 2018-01-01, SYC: 2020-01-01, SYR: 2017-01-01, TCA: 2018-01-01, THA: 2010-01-01, TJK: 2018-01-01, TKL: 2021-01-01, TKM: 2018-01-01, TLS: 2020-01-01, TON: 2021-01-01, TTO: 2018-01-01, TUR: 2016-01-01, TUV: 2021-01-01, TWN: 2018-01-01, UKR: 2018-01-01, UMI: 2021-01-01, URY: 2018-01-01, USA: 2020-01-01, UZB: 2018-01-01, VAT: 2020-01-01, VCT: 2018-01-01, VEN: 2018-01-01, VGB: 2018-01-01, VIR: 2018-01-01, VNM: 2010-01-01, VUT: 2021-01-01, WLF: 2021-01-01, WSM: 2021-01-01, XKX: 2018-01-01, YEM: 2015-01-01}
    """

    /// The Global Terrorism Database's CSV export, from its codebook: the date in parts (iyear,
    /// imonth, iday; 0 for an unknown month or day) with approxdate's words, country_txt names
    /// (former states kept apart), -9/-99 for unknown counts and flags, "Unknown" places. It is
    /// the mapping `import gtd` runs (`GTDImporter`); `import events --mapping gtd` writes the same
    /// table and source row (EventOutputSpecTests, GTDLikeMappingTests).
    static let gtd = """
    name: gtd
    title: Global Terrorism Database (GTD)
    short_title: GTD
    publisher: National Consortium for the Study of Terrorism and Responses to Terrorism (START), University of Maryland
    url: https://www.start.umd.edu/gtd/
    licence: by request from START; the terms forbid republishing the raw data
    record_prefix: gtd
    signature: [eventid, iyear, imonth, iday, country_txt, nkill]
    fields:
      record_id: eventid
      year: iyear
      month: imonth
      day: iday
      date_approx: approxdate
      country: {column: country_txt, codes: gtd-names}
      place: {columns: [city, provstate], unknown: [Unknown]}
      killed: {column: nkill, unknown: ["-9", "-99"]}
      wounded: {column: nwound, unknown: ["-9", "-99"], required: true}
      event_type: attacktype1_txt
      event_subtype: targtype1_txt
      provstate: provstate
      city: city
      latitude: latitude
      longitude: longitude
      summary: summary
      attack_type: attacktype1_txt
      target_type: targtype1_txt
      group_name: gname
      success: success
      suicide: suicide
      doubt_terrorism: {column: doubtterr, unknown: ["-9"]}
      country_gtd: country_txt
    output:
      columns: [id, date, country, place, killed, killed_qualifier, wounded, wounded_qualifier, description, source_id, quote, notes,
                stands_for, gtd_eventid, date_approx, provstate, city, latitude, longitude, attack_type, target_type, group_name,
                success, suicide, doubt_terrorism, country_gtd, summary]
      description: {unrecorded: Incident of unrecorded type, subtype: " (target: {})"}
    source:
      title: "{title}, release file {file}"
      release_date_in_file_name: MMYYdist
      notes: >-
        Imported with `{command}` from {file} ({encoding}): {written} of {read} rows written.
        {release_date_note}Access to the GTD is by request and its terms forbid republishing the raw
        data: users bring their own copy, and tables imported from it stay with them.
      coverage_note: >-
        A complete count of the GTD incidents within the import's scope ({scope}), as START
        collected them. Caveats: the GTD has no 1993 records (lost; a year without rows is not a
        year without attacks); collection changed hands in 1997/98, 2008 and November 2011, so
        counts across those breaks are not strictly comparable (a trend across 2011 needs a
        caveat); from late 2011 an uncertain day is recorded as the midpoint of the range given in
        date_approx; killed and wounded are blank when GTD gives no figure, and killed includes
        perpetrators.
    coverage:
      note: >-
        The GTD has no 1993 records (lost; a year without rows is not a year without attacks). From
        late 2011 an uncertain day is recorded as the midpoint of the range given in date_approx.
        killed and wounded are blank when the GTD gives no figure, and killed includes perpetrators.
        doubt_terrorism 1 marks incidents START doubts were terrorism; they are counted here.
      collection_breaks:
        "1998": "collection passed from the Pinkerton (PGIS) phase, 1970–1997, to CETIS, which gathered 1998–2007 retrospectively from other sources; counts before and after are not strictly comparable"
        "2008": "collection passed to ISVG (2008 to October 2011), with different sources and search methods; compare counts across 2008 with care"
        "2011-11": "START took over collection in November 2011 with automated media searches that find more incidents; part of the rise after 2011 reflects the new method, not only more attacks"
    """
}
