import Foundation
import Support

/// Which incidents an import keeps, by the country they happened in.
public enum GTDCountrySelection: Sendable, Hashable, CustomStringConvertible {
    /// Every country.
    case all
    /// The states that are SCO members at the end of the membership data (its latest date).
    case scoMembers
    /// Each incident only if its country was an SCO member on the incident's date.
    case scoMembersAtDate
    /// The listed country codes.
    case codes([String])

    /// Reads `sco-members`, `sco-members-at-date` or a comma-separated list of codes.
    public init(argument: String) {
        switch argument.lowercased() {
        case "all": self = .all
        case "sco-members": self = .scoMembers
        case "sco-members-at-date": self = .scoMembersAtDate
        default:
            self = .codes(argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty })
        }
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case .scoMembers: return "sco-members"
        case .scoMembersAtDate: return "sco-members-at-date"
        case .codes(let codes): return codes.joined(separator: ",")
        }
    }
}

/// A selection resolved against the corpus: the SCO states from `membership.csv`, the codes
/// checked against `countries.csv`.
struct GTDCountryRule {
    enum Decision {
        case keep
        case outside
        /// The date is partial and the country's status changed within it (e.g. "2017" for India,
        /// a member from 9 June 2017): neither kept nor counted as outside.
        case ambiguous
    }

    private enum Kind {
        case all
        case fixed(Set<String>)
        case atDate([String: [Range<Int>]])
    }

    private let kind: Kind
    /// Words for the summary and the source's coverage note.
    let scope: String

    init(_ selection: GTDCountrySelection, corpus: Corpus) throws(Diagnostic) {
        switch selection {
        case .all:
            kind = .all
            scope = "all countries"
        case .codes(let codes):
            let known = Set(corpus.countries.map(\.code))
            guard !codes.isEmpty else {
                throw Diagnostic(SourceLocation(file: "--countries"), "no country codes given",
                                 hint: "give codes such as RUS,CHN,KAZ, or sco-members, or sco-members-at-date")
            }
            for code in codes where !known.contains(code) {
                let suggestion = Suggestion.closest(to: code, in: known)
                throw Diagnostic(SourceLocation(file: "--countries"), "'\(code)' is not a country code listed in countries.csv",
                                 hint: suggestion.map { "did you mean '\($0)'?" }
                                     ?? "use ISO 3166-1 alpha-3 codes (RUS, CHN, KAZ), four-letter codes of former states (SUHH), sco-members or sco-members-at-date")
            }
            kind = .fixed(Set(codes))
            scope = "countries \(codes.joined(separator: ", "))"
        case .scoMembers:
            guard let day = GTDCountryRule.endOfMembershipData(corpus) else {
                throw GTDCountryRule.noMembership()
            }
            let members = corpus.statuses(on: day).filter { $0.value == .member }.keys.sorted()
            kind = .fixed(Set(members))
            scope = "the \(members.count) SCO member states on \(day), the latest date in membership.csv (\(members.joined(separator: ", ")))"
        case .scoMembersAtDate:
            var intervals: [String: [Range<Int>]] = [:]
            for spell in corpus.membership.sorted(by: { $0.from < $1.from }) where spell.status.countsAs == .member {
                let start = spell.from.earliestDay.daysSinceEpoch
                let end = spell.to?.earliestDay.daysSinceEpoch ?? Int.max
                guard start < end else { continue }
                var list = intervals[spell.country, default: []]
                // founding-member then member: one membership, without a gap.
                if let last = list.last, last.upperBound >= start {
                    list[list.count - 1] = last.lowerBound..<max(last.upperBound, end)
                } else {
                    list.append(start..<end)
                }
                intervals[spell.country] = list
            }
            guard !intervals.isEmpty else { throw GTDCountryRule.noMembership() }
            kind = .atDate(intervals)
            scope = "incidents in states that were SCO members on the incident's date (membership.csv)"
        }
    }

    /// Whether the decision depends only on the country (so it can be made once per country).
    var isDateIndependent: Bool {
        if case .atDate = kind { return false }
        return true
    }

    func decide(code: String, date: PartialDate) -> Decision {
        switch kind {
        case .all:
            return .keep
        case .fixed(let codes):
            return codes.contains(code) ? .keep : .outside
        case .atDate(let intervals):
            guard let spells = intervals[code] else { return .outside }
            let first = date.earliestDay.daysSinceEpoch
            let last = date.latestDay.daysSinceEpoch
            var overlaps = false
            for spell in spells {
                if spell.lowerBound <= first && last < spell.upperBound { return .keep }
                if spell.lowerBound <= last && first < spell.upperBound { overlaps = true }
            }
            return overlaps ? .ambiguous : .outside
        }
    }

    /// The latest date membership.csv states (a start or an end of a spell).
    static func endOfMembershipData(_ corpus: Corpus) -> DayDate? {
        corpus.membership.flatMap { spell in [spell.from.earliestDay] + (spell.to.map { [$0.earliestDay] } ?? []) }.max()
    }

    private static func noMembership() -> Diagnostic {
        Diagnostic(SourceLocation(file: "membership.csv"), "the corpus has no SCO membership rows, so SCO states cannot be selected",
                   hint: "check the Datasets folder (--data) holds SCOBrief's membership.csv")
    }
}
