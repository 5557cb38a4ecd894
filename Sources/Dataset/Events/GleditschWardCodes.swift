/// Gleditsch–Ward state numbers, as UCDP's `country_id` writes them, and the SCOBrief country
/// code each stands for on a given date.
///
/// From Gleditsch and Ward's list of independent states (ksgleditsch.com/statelist.html, as the
/// `states` R package distributes it), every state that existed from 1989 on (UCDP GED's first
/// year), with the ISO 3166-1 alpha-3 code of the same state. A number that names a former state
/// for part of the time keeps that state's own code for its dates, never the successor's: 365 is
/// the Soviet Union (SUHH) before 26 December 1991 and Russia after; 345 is Yugoslavia (YUCS),
/// then Serbia and Montenegro (CSXX), then Serbia. A number missing here is reported by the
/// import as an unknown code, never guessed.
public enum GleditschWardCodes {
    /// One code, valid before a date (the first day of the next code), or open-ended.
    public struct Span: Sendable, Hashable {
        /// The code (ISO 3166-1 alpha-3, or a former state's four-letter code from countries.csv).
        public var code: String
        /// The first day the code no longer applies, as `YYYY-MM-DD`; nil for the last span.
        public var before: String?
    }

    /// Gleditsch–Ward number → its codes in date order.
    public static let spans: [Int: [Span]] = {
        var table: [Int: [Span]] = [:]
        for (number, code) in plain { table[number] = [Span(code: code, before: nil)] }
        for (number, list) in dated { table[number] = list }
        return table
    }()

    /// Numbers whose state changed within GED's years: the former state's code up to the change.
    static let dated: [Int: [Span]] = [
        260: [Span(code: "DEDE", before: "1990-10-03"), Span(code: "DEU", before: nil)],   // German Federal Republic, Germany from unification
        345: [Span(code: "YUCS", before: "2003-02-04"), Span(code: "CSXX", before: "2006-06-03"), Span(code: "SRB", before: nil)],  // Yugoslavia, Serbia and Montenegro, Serbia
        365: [Span(code: "SUHH", before: "1991-12-26"), Span(code: "RUS", before: nil)],   // Russia (Soviet Union)
        484: [Span(code: "CGCG", before: "1992-01-01"), Span(code: "COG", before: nil)],   // Congo: People's Republic of the Congo to 1991
        490: [Span(code: "ZRCD", before: "1997-05-17"), Span(code: "COD", before: nil)],   // DR Congo (Zaire)
        678: [Span(code: "YEYE", before: "1990-05-22"), Span(code: "YEM", before: nil)],   // Yemen (North Yemen)
    ]

    /// Numbers that name one state throughout.
    static let plain: [Int: String] = [
        2: "USA", 20: "CAN", 31: "BHS", 40: "CUB", 41: "HTI", 42: "DOM", 51: "JAM", 52: "TTO", 53: "BRB", 54: "DMA",
        55: "GRD", 56: "LCA", 57: "VCT", 58: "ATG", 60: "KNA", 70: "MEX", 80: "BLZ", 90: "GTM", 91: "HND", 92: "SLV",
        93: "NIC", 94: "CRI", 95: "PAN", 100: "COL", 101: "VEN", 110: "GUY", 115: "SUR", 130: "ECU", 135: "PER", 140: "BRA",
        145: "BOL", 150: "PRY", 155: "CHL", 160: "ARG", 165: "URY",
        200: "GBR", 205: "IRL", 210: "NLD", 211: "BEL", 212: "LUX", 220: "FRA", 221: "MCO", 223: "LIE", 225: "CHE", 230: "ESP",
        232: "AND", 235: "PRT", 265: "DDDE", 290: "POL", 305: "AUT", 310: "HUN", 315: "CSHH", 316: "CZE", 317: "SVK", 325: "ITA",
        331: "SMR", 338: "MLT", 339: "ALB", 340: "SRB", 341: "MNE", 343: "MKD", 344: "HRV", 346: "BIH", 347: "XKX", 349: "SVN",
        350: "GRC", 352: "CYP", 355: "BGR", 359: "MDA", 360: "ROU", 366: "EST", 367: "LVA", 368: "LTU", 369: "UKR", 370: "BLR",
        371: "ARM", 372: "GEO", 373: "AZE", 375: "FIN", 380: "SWE", 385: "NOR", 390: "DNK", 395: "ISL",
        402: "CPV", 403: "STP", 404: "GNB", 411: "GNQ", 420: "GMB", 432: "MLI", 433: "SEN", 434: "BEN", 435: "MRT", 436: "NER",
        437: "CIV", 438: "GIN", 439: "BFA", 450: "LBR", 451: "SLE", 452: "GHA", 461: "TGO", 471: "CMR", 475: "NGA", 481: "GAB",
        482: "CAF", 483: "TCD", 500: "UGA", 501: "KEN", 510: "TZA", 516: "BDI", 517: "RWA", 520: "SOM", 522: "DJI", 530: "ETH",
        531: "ERI", 540: "AGO", 541: "MOZ", 551: "ZMB", 552: "ZWE", 553: "MWI", 560: "ZAF", 565: "NAM", 570: "LSO", 571: "BWA",
        572: "SWZ", 580: "MDG", 581: "COM", 590: "MUS", 591: "SYC",
        600: "MAR", 615: "DZA", 616: "TUN", 620: "LBY", 625: "SDN", 626: "SSD", 630: "IRN", 640: "TUR", 645: "IRQ", 651: "EGY",
        652: "SYR", 660: "LBN", 663: "JOR", 666: "ISR", 670: "SAU", 680: "YDYE", 690: "KWT", 692: "BHR", 694: "QAT", 696: "ARE",
        698: "OMN", 700: "AFG", 701: "TKM", 702: "TJK", 703: "KGZ", 704: "UZB", 705: "KAZ",
        710: "CHN", 712: "MNG", 713: "TWN", 731: "PRK", 732: "KOR", 740: "JPN", 750: "IND", 760: "BTN", 770: "PAK", 771: "BGD",
        775: "MMR", 780: "LKA", 781: "MDV", 790: "NPL", 800: "THA", 811: "KHM", 812: "LAO", 816: "VNM", 820: "MYS", 830: "SGP",
        835: "BRN", 840: "PHL", 850: "IDN", 860: "TLS",
        900: "AUS", 910: "PNG", 920: "NZL", 935: "VUT", 940: "SLB", 950: "FJI", 970: "KIR", 971: "NRU", 972: "TON", 973: "TUV",
        983: "MHL", 986: "PLW", 987: "FSM", 990: "WSM",
    ]
}
