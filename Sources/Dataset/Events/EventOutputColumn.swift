/// A column of the catalog's attacks table an event import can write, in the catalog's order.
/// A mapping's `output: columns:` lists the ones it writes (the GTD's table has `stands_for` and
/// `gtd_eventid` and none of the event-only columns); by default an import writes the event
/// columns and the optional ones the mapping gives.
public enum EventOutputColumn: String, Sendable, CaseIterable {
    case id, date, country, place, killed
    case killedQualifier = "killed_qualifier"
    case wounded
    case woundedQualifier = "wounded_qualifier"
    case description
    case sourceID = "source_id"
    case quote, notes
    /// Blank: an imported row is one incident.
    case standsFor = "stands_for"
    /// The record id as the source writes it.
    case recordID = "record_id"
    case eventType = "event_type", eventSubtype = "event_subtype"
    case killedLow = "killed_low", killedHigh = "killed_high"
    /// The record id under the GTD's own column name.
    case gtdEventID = "gtd_eventid"
    case dateApprox = "date_approx"
    case provstate, city, latitude, longitude
    case attackType = "attack_type", targetType = "target_type", groupName = "group_name"
    case success, suicide
    case doubtTerrorism = "doubt_terrorism"
    case countryAsWritten = "country_gtd"
    case summary

    /// Position in the catalog's order.
    var order: Int { EventOutputColumn.allCases.firstIndex(of: self)! }

    /// Columns every imported table has.
    static let required: [EventOutputColumn] = [.id, .date, .country, .sourceID]

    /// The mapping field a GTD-only column copies (attack_type ... country_gtd), or nil.
    var optionalField: EventField? {
        switch self {
        case .attackType: return .attackType
        case .targetType: return .targetType
        case .groupName: return .groupName
        case .success: return .success
        case .suicide: return .suicide
        case .doubtTerrorism: return .doubtTerrorism
        case .countryAsWritten: return .countryAsWritten
        default: return nil
        }
    }
}
