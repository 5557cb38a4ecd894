/// One column of an imported row after the id, with the file's columns it reads found once from
/// the header: the row loop then does no field lookups or several-columns checks per column.
enum EventOutputStep {
    /// Nothing written: a blank column (qualifiers, quote, notes, stands_for) or one the file lacks.
    case blank
    case date, country, killed, wounded, killedLow, killedHigh
    case description, sourceID, record, eventType, dateApprox
    /// Text from the field's one column in the file.
    case text(index: Int, field: EventField)
    /// Text from the first non-blank of the field's several columns.
    case firstOf(EventField)
    /// A 0/1 flag from the file's column.
    case flag(index: Int, field: EventField)
    /// A coordinate within ±limit degrees from the file's column.
    case coordinate(index: Int, limit: Int)

    init(_ column: EventOutputColumn, _ header: EventHeader) {
        func text(_ field: EventField) -> EventOutputStep {
            if header.hasSeveral(field) { return .firstOf(field) }
            return header.first(field).map { .text(index: $0, field: field) } ?? .blank
        }
        switch column {
        case .id, .killedQualifier, .woundedQualifier, .quote, .notes, .standsFor:
            // The id is written before the steps; qualifiers: the source's figure as it is; quote:
            // blank, the record id locates the row in the release; stands_for: blank, an imported
            // row is one incident.
            self = .blank
        case .date: self = .date
        case .country: self = .country
        case .killed: self = .killed
        case .wounded: self = .wounded
        case .killedLow: self = .killedLow
        case .killedHigh: self = .killedHigh
        case .description: self = .description
        case .sourceID: self = .sourceID
        case .recordID, .gtdEventID: self = .record
        case .eventType: self = .eventType
        case .dateApprox: self = .dateApprox
        case .place: self = text(.place)
        case .eventSubtype: self = text(.eventSubtype)
        case .provstate: self = text(.provstate)
        case .city: self = text(.city)
        case .summary: self = text(.summary)
        case .latitude: self = header.first(.latitude).map { .coordinate(index: $0, limit: 90) } ?? .blank
        case .longitude: self = header.first(.longitude).map { .coordinate(index: $0, limit: 180) } ?? .blank
        case .attackType, .targetType, .groupName, .success, .suicide, .doubtTerrorism, .countryAsWritten:
            let field = column.optionalField!
            if field.isFlag {
                self = header.first(field).map { .flag(index: $0, field: field) } ?? .blank
            } else {
                self = text(field)
            }
        }
    }
}
