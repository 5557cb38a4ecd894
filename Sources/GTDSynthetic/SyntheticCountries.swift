/// A country as the synthetic file writes it, with the code the import must map it to.
///
/// The expected codes are written here by hand, apart from the importer's own table, so a test
/// comparing the two checks the mapping instead of repeating it.
struct SyntheticCountry {
    /// `country_txt`.
    let name: String
    /// GTD's numeric `country`.
    let number: Int
    /// GTD's numeric `region` (its text comes from `SyntheticVocabulary.regions`).
    let region: Int
    /// The code SCOBrief should give it; nil for a name the importer must not know.
    let expectedCode: String?
    /// Share of incidents, roughly GTD's.
    let weight: Double
    /// Years the name appears in GTD (a state exists, or goes by this name).
    let years: ClosedRange<Int>
    /// First-order regions with their cities, ASCII as GTD writes them.
    let places: [(province: String, cities: [String])]
    /// City names in the local script, used now and then in UTF-8 files only.
    let localNames: [String]
    /// City names with accents Windows-1252 can encode, used in either encoding.
    let accentedNames: [String]
    let groups: [String]
    let latitude: Double
    let longitude: Double

    init(_ name: String, _ number: Int, _ region: Int, _ code: String?, _ weight: Double, _ years: ClosedRange<Int>,
         places: [(String, [String])], local: [String] = [], accented: [String] = [], groups: [String] = [],
         at coordinates: (Double, Double)) {
        self.name = name
        self.number = number
        self.region = region
        self.expectedCode = code
        self.weight = weight
        self.years = years
        self.places = places.map { (province: $0.0, cities: $0.1) }
        self.localNames = local
        self.accentedNames = accented
        self.groups = groups
        self.latitude = coordinates.0
        self.longitude = coordinates.1
    }
}

enum SyntheticCountries {
    /// A name no GTD release uses: rows with it test that unknown names are counted, not dropped.
    static let unmappedName = "Republic of Zubrowka"

    static let all: [SyntheticCountry] = [
        // SCO member states (today) and their predecessors.
        SyntheticCountry("Russia", 167, 9, "RUS", 1.2, 1992...2020,
                         places: [("Chechnya", ["Grozny", "Argun", "Gudermes"]), ("Dagestan", ["Makhachkala", "Derbent", "Khasavyurt"]),
                                  ("Moscow (Federal City)", ["Moscow"]), ("Kabardino-Balkaria", ["Nalchik"]), ("Ingushetia", ["Nazran"])],
                         local: ["Грозный", "Махачкала", "Москва", "Нальчик"], groups: ["Chechen Rebels", "Caucasus Emirate", "Riyadus-Salikhin Reconnaissance and Sabotage Battalion of Chechen Martyrs"],
                         at: (43.3, 45.7)),
        SyntheticCountry("China", 44, 4, "CHN", 0.4, 1970...2020,
                         places: [("Xinjiang", ["Urumqi", "Kashgar", "Hotan", "Aksu"]), ("Yunnan", ["Kunming"]), ("Beijing", ["Beijing"]), ("Tibet", ["Lhasa"])],
                         local: ["乌鲁木齐", "喀什", "昆明", "北京"], groups: ["Uighur Separatists", "East Turkistan Islamic Movement (ETIM)"],
                         at: (43.8, 87.6)),
        SyntheticCountry("India", 92, 6, "IND", 5.5, 1970...2020,
                         places: [("Jammu and Kashmir", ["Srinagar", "Anantnag", "Baramulla"]), ("Manipur", ["Imphal"]), ("Chhattisgarh", ["Raipur", "Dantewada"]),
                                  ("Assam", ["Guwahati"]), ("Punjab", ["Amritsar", "Ludhiana"])],
                         local: ["श्रीनगर", "इम्फाल"], groups: ["Communist Party of India - Maoist (CPI-Maoist)", "Sikh Extremists", "Lashkar-e-Taiba (LeT)"],
                         at: (34.1, 74.8)),
        SyntheticCountry("Pakistan", 153, 6, "PAK", 7.0, 1970...2020,
                         places: [("Khyber Pakhtunkhwa", ["Peshawar", "Bannu", "Swat"]), ("Balochistan", ["Quetta", "Turbat"]), ("Sindh", ["Karachi", "Hyderabad"]),
                                  ("Federally Administered Tribal Areas", ["Miram Shah", "Wana"])],
                         local: ["کراچی", "پشاور"], groups: ["Tehrik-i-Taliban Pakistan (TTP)", "Baloch Liberation Army (BLA)", "Lashkar-e-Jhangvi"],
                         at: (34.0, 71.5)),
        SyntheticCountry("Iran", 94, 10, "IRN", 0.4, 1970...2020,
                         places: [("Sistan and Baluchestan", ["Zahedan", "Chabahar"]), ("Tehran", ["Tehran"]), ("Khuzestan", ["Ahvaz"])],
                         local: ["تهران", "زاهدان"], groups: ["Jundallah", "Mujahedin-e-Khalq (MEK)"],
                         at: (29.5, 60.9)),
        SyntheticCountry("Kazakhstan", 103, 7, "KAZ", 0.15, 1992...2020,
                         places: [("Almaty", ["Almaty"]), ("Aktobe", ["Aktobe"]), ("Atyrau", ["Atyrau"])],
                         local: ["Алматы", "Актобе"], groups: ["Jund al-Khilafah (Kazakhstan)"],
                         at: (43.2, 76.9)),
        SyntheticCountry("Kyrgyzstan", 113, 7, "KGZ", 0.15, 1992...2020,
                         places: [("Bishkek", ["Bishkek"]), ("Osh", ["Osh"]), ("Jalal-Abad", ["Jalal-Abad"])],
                         local: ["Бишкек", "Ош"], groups: ["Islamic Movement of Uzbekistan (IMU)"],
                         at: (42.9, 74.6)),
        SyntheticCountry("Tajikistan", 209, 7, "TJK", 0.25, 1992...2020,
                         places: [("Dushanbe", ["Dushanbe"]), ("Khatlon", ["Kulob", "Bokhtar"]), ("Districts of Republican Subordination", ["Tavildara"])],
                         local: ["Душанбе"], groups: ["United Tajik Opposition (UTO)"],
                         at: (38.6, 68.8)),
        SyntheticCountry("Uzbekistan", 213, 7, "UZB", 0.15, 1992...2020,
                         places: [("Tashkent", ["Tashkent"]), ("Andijan", ["Andijan"]), ("Bukhara", ["Bukhara"])],
                         local: ["Тошкент", "Андижон"], groups: ["Islamic Movement of Uzbekistan (IMU)"],
                         at: (41.3, 69.2)),
        SyntheticCountry("Belarus", 35, 9, "BLR", 0.05, 1992...2020,
                         places: [("Minsk", ["Minsk"]), ("Vitebsk", ["Vitebsk"])],
                         local: ["Мінск", "Минск"], at: (53.9, 27.6)),
        SyntheticCountry("Soviet Union", 359, 9, "SUHH", 0.4, 1970...1991,
                         places: [("Moscow", ["Moscow"]), ("Georgian SSR", ["Tbilisi"]), ("Armenian SSR", ["Yerevan"]), ("Azerbaijan SSR", ["Baku"]),
                                  ("Lithuanian SSR", ["Vilnius"])],
                         local: ["Москва", "Тбилиси"], at: (55.75, 37.6)),
        // SCO observers, partners and others often in GTD.
        SyntheticCountry("Afghanistan", 4, 6, "AFG", 6.0, 1973...2020,
                         places: [("Kabul", ["Kabul"]), ("Helmand", ["Lashkar Gah", "Sangin"]), ("Kandahar", ["Kandahar"]), ("Nangarhar", ["Jalalabad"])],
                         local: ["کابل"], groups: ["Taliban", "Khorasan Chapter of the Islamic State"], at: (34.5, 69.2)),
        SyntheticCountry("Mongolia", 140, 4, "MNG", 0.01, 1990...2020, places: [("Ulaanbaatar", ["Ulaanbaatar"])], local: ["Улаанбаатар"], at: (47.9, 106.9)),
        SyntheticCountry("Turkey", 209, 10, "TUR", 2.2, 1970...2020,
                         places: [("Istanbul", ["Istanbul"]), ("Diyarbakir", ["Diyarbakir"]), ("Hakkari", ["Hakkari"]), ("Ankara", ["Ankara"])],
                         local: ["Şırnak", "Diyarbakır"], groups: ["Kurdistan Workers' Party (PKK)", "Dev Sol"], at: (37.9, 40.2)),
        SyntheticCountry("Sri Lanka", 186, 6, "LKA", 1.5, 1975...2020,
                         places: [("Northern", ["Jaffna", "Vavuniya"]), ("Eastern", ["Batticaloa", "Trincomalee"]), ("Western", ["Colombo"])],
                         local: ["யாழ்ப்பாணம்", "කොළඹ"], groups: ["Liberation Tigers of Tamil Eelam (LTTE)"], at: (9.66, 80.0)),
        SyntheticCountry("Egypt", 60, 10, "EGY", 1.2, 1970...2020,
                         places: [("North Sinai", ["Al-Arish", "Rafah"]), ("Cairo", ["Cairo"]), ("Giza", ["Giza"])],
                         local: ["القاهرة"], groups: ["Sinai Province of the Islamic State", "Gama'a al-Islamiyya (IG)"], at: (31.1, 33.8)),
        SyntheticCountry("Thailand", 205, 5, "THA", 2.0, 1970...2020,
                         places: [("Narathiwat", ["Narathiwat", "Rueso"]), ("Pattani", ["Pattani"]), ("Yala", ["Yala"]), ("Bangkok", ["Bangkok"])],
                         local: ["ปัตตานี", "กรุงเทพมหานคร"], at: (6.4, 101.8)),
        SyntheticCountry("Myanmar", 139, 5, "MMR", 0.3, 1970...2020, places: [("Rakhine", ["Maungdaw"]), ("Kachin", ["Myitkyina"])], at: (20.1, 92.9)),
        SyntheticCountry("Nepal", 141, 6, "NPL", 0.7, 1970...2020, places: [("Bagmati", ["Kathmandu"]), ("Lumbini", ["Butwal"])], local: ["काठमाडौं"],
                         groups: ["Communist Party of Nepal- Maoist (CPN-M)"], at: (27.7, 85.3)),
        SyntheticCountry("Iraq", 95, 10, "IRQ", 12.0, 1970...2020,
                         places: [("Baghdad", ["Baghdad"]), ("Nineveh", ["Mosul", "Tal Afar"]), ("Al Anbar", ["Ramadi", "Fallujah"]), ("Diyala", ["Baqubah"]),
                                  ("Saladin", ["Tikrit", "Samarra"])],
                         local: ["بغداد", "الموصل"], groups: ["Islamic State of Iraq and the Levant (ISIL)", "Al-Qaida in Iraq"], at: (33.3, 44.4)),
        SyntheticCountry("Yemen", 228, 10, "YEM", 1.6, 1990...2020, places: [("Sanaa", ["Sanaa"]), ("Aden", ["Aden"]), ("Abyan", ["Zinjibar"])],
                         groups: ["Houthi extremists (Ansar Allah)", "Al-Qaida in the Arabian Peninsula (AQAP)"], at: (15.4, 44.2)),
        SyntheticCountry("Syria", 200, 10, "SYR", 1.5, 1970...2020, places: [("Aleppo", ["Aleppo"]), ("Damascus", ["Damascus"]), ("Idlib", ["Idlib"])], at: (36.2, 37.2)),
        SyntheticCountry("Colombia", 45, 3, "COL", 4.0, 1970...2020,
                         places: [("Antioquia", ["Medellín", "Remedios"]), ("Cauca", ["Popayán", "Toribío"]), ("Bogota", ["Bogotá"])],
                         accented: ["Medellín", "Bogotá", "Cúcuta"], groups: ["Revolutionary Armed Forces of Colombia (FARC)", "National Liberation Army of Colombia (ELN)"],
                         at: (6.2, -75.6)),
        SyntheticCountry("Peru", 159, 3, "PER", 3.5, 1970...2020, places: [("Ayacucho", ["Ayacucho", "Huanta"]), ("Lima", ["Lima"]), ("Junín", ["Huancayo"])],
                         accented: ["Junín", "Huánuco"], groups: ["Shining Path (SL)", "Tupac Amaru Revolutionary Movement (MRTA)"], at: (-13.2, -74.2)),
        SyntheticCountry("El Salvador", 61, 2, "SLV", 2.9, 1970...2020, places: [("San Salvador", ["San Salvador"]), ("Usulután", ["Usulután"])],
                         accented: ["Usulután", "San Miguel"], groups: ["Farabundo Marti National Liberation Front (FMLN)"], at: (13.7, -89.2)),
        SyntheticCountry("United Kingdom", 603, 8, "GBR", 2.8, 1970...2020, places: [("Northern Ireland", ["Belfast", "Londonderry"]), ("England", ["London"])],
                         groups: ["Irish Republican Army (IRA)", "Ulster Volunteer Force (UVF)"], at: (54.6, -5.9)),
        SyntheticCountry("Spain", 185, 8, "ESP", 1.6, 1970...2020, places: [("Basque Country", ["San Sebastián", "Bilbao"]), ("Madrid", ["Madrid"])],
                         accented: ["Donostia-San Sebastián", "Logroño"], groups: ["Basque Fatherland and Freedom (ETA)"], at: (43.3, -2.0)),
        SyntheticCountry("France", 69, 8, "FRA", 1.4, 1970...2020, places: [("Corsica", ["Ajaccio", "Bastia"]), ("Ile-de-France", ["Paris"])],
                         accented: ["Nîmes", "Besançon", "Orléans"], groups: ["Corsican National Liberation Front (FLNC)"], at: (41.9, 8.7)),
        SyntheticCountry("Germany", 75, 8, "DEU", 0.4, 1990...2020, places: [("Berlin", ["Berlin"]), ("Bavaria", ["Munich"])],
                         accented: ["München", "Köln", "Düsseldorf"], at: (52.5, 13.4)),
        SyntheticCountry("United States", 217, 1, "USA", 1.5, 1970...2020, places: [("New York", ["New York City"]), ("California", ["Los Angeles", "San Francisco"])],
                         groups: ["Animal Liberation Front (ALF)", "Earth Liberation Front (ELF)"], at: (40.7, -74.0)),
        SyntheticCountry("Philippines", 160, 5, "PHL", 3.3, 1970...2020, places: [("Maguindanao", ["Cotabato City"]), ("Sulu", ["Jolo"]), ("Metropolitan Manila", ["Manila"])],
                         accented: ["Parañaque", "Las Piñas"], groups: ["New People's Army (NPA)", "Abu Sayyaf Group (ASG)"], at: (7.2, 124.2)),
        SyntheticCountry("Nigeria", 147, 11, "NGA", 2.0, 1970...2020, places: [("Borno", ["Maiduguri", "Bama"]), ("Rivers", ["Port Harcourt"])],
                         groups: ["Boko Haram", "Fulani extremists"], at: (11.8, 13.2)),
        SyntheticCountry("Somalia", 182, 11, "SOM", 2.0, 1970...2020, places: [("Banaadir", ["Mogadishu"]), ("Lower Shebelle", ["Marka"])],
                         groups: ["Al-Shabaab"], at: (2.0, 45.3)),
        SyntheticCountry("Algeria", 6, 10, "DZA", 1.5, 1970...2020, places: [("Algiers", ["Algiers"]), ("Boumerdes", ["Boumerdès"])],
                         accented: ["Boumerdès", "Tizi Ouzou"], groups: ["Armed Islamic Group (GIA)"], at: (36.7, 3.1)),
        SyntheticCountry("Israel", 97, 10, "ISR", 1.1, 1970...2020, places: [("Jerusalem", ["Jerusalem"]), ("Tel Aviv", ["Tel Aviv"])], local: ["ירושלים"],
                         groups: ["Hamas (Islamic Resistance Movement)"], at: (31.8, 35.2)),
        SyntheticCountry("West Bank and Gaza Strip", 155, 10, "PSE", 0.8, 1970...2020, places: [("Gaza Strip", ["Gaza City", "Khan Yunis"]), ("West Bank", ["Hebron", "Nablus"])],
                         groups: ["Hamas (Islamic Resistance Movement)", "Palestinian Islamic Jihad (PIJ)"], at: (31.5, 34.5)),
        SyntheticCountry("Ukraine", 214, 9, "UKR", 0.8, 1992...2020, places: [("Donetsk", ["Donetsk", "Mariupol"]), ("Kyiv", ["Kyiv"])], local: ["Донецьк", "Київ"],
                         groups: ["Donetsk People's Republic"], at: (48.0, 37.8)),
        // Former states and other names SCOBrief keeps apart.
        SyntheticCountry("West Germany (FRG)", 362, 8, "DEDE", 0.5, 1970...1990, places: [("Hesse", ["Frankfurt"]), ("Berlin", ["West Berlin"])],
                         accented: ["München", "Köln"], groups: ["Red Army Faction (RAF)", "Revolutionary Cells"], at: (50.1, 8.7)),
        SyntheticCountry("East Germany (GDR)", 499, 9, "DDDE", 0.01, 1970...1990, places: [("Berlin", ["East Berlin"])], at: (52.5, 13.4)),
        SyntheticCountry("Yugoslavia", 235, 9, "YUCS", 0.2, 1970...2002, places: [("Kosovo", ["Pristina"]), ("Serbia", ["Belgrade"]), ("Croatia", ["Zagreb"])],
                         accented: ["Priština"], at: (42.7, 21.2)),
        SyntheticCountry("Serbia-Montenegro", 175, 9, "CSXX", 0.03, 2003...2006, places: [("Serbia", ["Belgrade"])], at: (44.8, 20.5)),
        SyntheticCountry("Czechoslovakia", 236, 9, "CSHH", 0.01, 1970...1992, places: [("Prague", ["Prague"])], accented: ["Bratislava"], at: (50.1, 14.4)),
        SyntheticCountry("South Vietnam", 428, 5, "VNVN", 0.1, 1970...1975, places: [("Saigon", ["Saigon"])], at: (10.8, 106.7)),
        SyntheticCountry("North Yemen", 377, 10, "YEYE", 0.05, 1970...1990, places: [("Sanaa", ["Sanaa"])], at: (15.4, 44.2)),
        SyntheticCountry("South Yemen", 406, 10, "YDYE", 0.02, 1970...1990, places: [("Aden", ["Aden"])], at: (12.8, 45.0)),
        SyntheticCountry("Zaire", 604, 11, "ZRCD", 0.03, 1971...1997, places: [("Kinshasa", ["Kinshasa"])], at: (-4.3, 15.3)),
        SyntheticCountry("Rhodesia", 403, 11, "RHZW", 0.05, 1970...1980, places: [("Mashonaland", ["Salisbury"])], at: (-17.8, 31.0)),
        SyntheticCountry("People's Republic of the Congo", 605, 11, "CGCG", 0.01, 1970...1991, places: [("Brazzaville", ["Brazzaville"])], at: (-4.3, 15.3)),
        SyntheticCountry("Kosovo", 1003, 9, "XKX", 0.1, 1998...2020, places: [("Pristina", ["Pristina"])], accented: ["Priština", "Mitrovicë"], at: (42.7, 21.2)),
        SyntheticCountry("International", 422, 10, "XIN", 0.02, 1970...2020, places: [("", [""])], at: (0, 0)),
        SyntheticCountry("Ivory Coast", 100, 11, "CIV", 0.1, 1970...2020, places: [("Abidjan", ["Abidjan"])], at: (5.3, -4.0)),
    ]
}
