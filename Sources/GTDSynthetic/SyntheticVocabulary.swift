/// GTD's coded values (types with their texts) and the phrases free-text fields are built from.
enum SyntheticVocabulary {
    static let regions = [
        1: "North America", 2: "Central America & Caribbean", 3: "South America", 4: "East Asia", 5: "Southeast Asia",
        6: "South Asia", 7: "Central Asia", 8: "Western Europe", 9: "Eastern Europe", 10: "Middle East & North Africa",
        11: "Sub-Saharan Africa", 12: "Australasia & Oceania",
    ]

    /// GTD's attack types, with shares close to the database's.
    static let attackTypes: [(code: Int, text: String, weight: Double)] = [
        (1, "Assassination", 10), (2, "Armed Assault", 23), (3, "Bombing/Explosion", 48), (4, "Hijacking", 0.4),
        (5, "Hostage Taking (Barricade Incident)", 0.6), (6, "Hostage Taking (Kidnapping)", 6), (7, "Facility/Infrastructure Attack", 6),
        (8, "Unarmed Assault", 0.6), (9, "Unknown", 4),
    ]

    static let targetTypes: [(code: Int, text: String, weight: Double, subtypes: [(Int, String)])] = [
        (1, "Business", 11, [(1, "Gas/Oil/Electric"), (7, "Retail/Grocery/Bakery"), (8, "Restaurant/Bar/Café")]),
        (2, "Government (General)", 12, [(18, "Government Building/Facility/Office"), (15, "Politician or Political Party Movement/Meeting/Rally")]),
        (3, "Police", 13, [(22, "Police Building (headquarters, station, school)"), (23, "Police Patrol (including vehicles and convoys)"),
                           (24, "Police Checkpoint")]),
        (4, "Military", 15, [(27, "Military Barracks/Base/Headquarters/Checkpost"), (28, "Military Recruiting Station/Academy"),
                             (31, "Military Unit/Patrol/Convoy")]),
        (6, "Airports & Aircraft", 0.7, [(42, "Aircraft (not at an airport)"), (43, "Airport")]),
        (7, "Government (Diplomatic)", 1.8, [(46, "Embassy/Consulate")]),
        (8, "Educational Institution", 2.3, [(51, "School/University/Educational Building")]),
        (10, "Journalists & Media", 1.6, [(54, "Newspaper Journalist/Staff/Facility")]),
        (14, "Private Citizens & Property", 24, [(67, "Unnamed Civilian/Unspecified"), (68, "Marketplace/Plaza/Square"), (75, "Village/City/Town/Suburb")]),
        (15, "Religious Figures/Institutions", 2.4, [(86, "Place of Worship"), (87, "Religious Figure")]),
        (17, "Terrorists/Non-State Militia", 1.6, [(93, "Terrorist"), (94, "Non-State Militia")]),
        (19, "Transportation", 3.7, [(99, "Bus (excluding tourists)"), (100, "Train/Train Tracks/Trolley")]),
        (20, "Unknown", 3.2, [(0, "")]),
        (21, "Utilities", 3.4, [(107, "Electricity"), (109, "Oil")]),
    ]

    static let weaponTypes: [(code: Int, text: String, subtypes: [(Int, String)])] = [
        (5, "Firearms", [(2, "Automatic or Semi-Automatic Rifle"), (3, "Handgun"), (5, "Unknown Gun Type")]),
        (6, "Explosives", [(11, "Grenade"), (13, "Mine"), (15, "Projectile (rockets, mortars, RPGs, etc.)"), (16, "Remote Trigger"),
                           (17, "Suicide (carried bodily by human being)"), (28, "Vehicle")]),
        (8, "Incendiary", [(18, "Arson/Fire"), (19, "Molotov Cocktail/Petrol Bomb")]),
        (9, "Melee", [(23, "Knife or Other Sharp Object")]),
        (13, "Unknown", [(0, "")]),
    ]

    static let claimModes = [(1, "Letter"), (2, "Call (post-incident)"), (5, "Video"), (7, "Personal claim"), (8, "Posted to website, blog, etc."), (10, "Unknown")]
    static let propertyExtents = [(1, "Catastrophic (likely >= $1 billion)"), (2, "Major (likely >= $1 million but < $1 billion)"),
                                  (3, "Minor (likely < $1 million)"), (4, "Unknown")]
    static let hostageOutcomes = [(2, "Hostage(s) released by perpetrators"), (4, "Hostage(s) killed (not during rescue attempt)"),
                                  (5, "Successful Rescue"), (7, "Unknown")]
    static let alternatives = [(1, "Insurgency/Guerilla Action"), (2, "Other Crime Type"), (3, "Inter/Intra-Group Conflict"), (4, "Lack of Intentionality")]
    static let databaseSources = ["PGIS", "CETIS", "ISVG", "START Primary Collection", "CAIN", "UMD Schmid 2012", "Hewitt Project"]
    static let newspapers = ["The Daily Star", "Associated Press", "Agence France Presse -- English", "BBC Monitoring South Asia",
                             "The Washington Post", "Dawn", "Interfax", "Xinhua General News Service", "The Hindu"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// Words with accents, curly quotes and dashes Windows-1252 can encode.
    static let westernPhrases = ["the café near the market", "Señor Núñez’s shop", "a “peace” rally", "the façade of the town hall",
                                 "witnesses — among them a nurse — said", "€5,000 in damage"]
    /// Phrases in Cyrillic, Chinese and Arabic script, for UTF-8 files.
    static let otherScriptPhrases = ["«Нет террору»", "местные жители", "人民广场", "恐怖袭击", "سوق المدينة", "Ёлка"]
}
