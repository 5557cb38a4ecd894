import Foundation

/// A JSON value with its keys in a fixed order, written by SCOBrief's own writer so numbers keep
/// full precision (Swift's shortest round-trip form: parsing the text gives back the same Double)
/// and the output is byte-identical from run to run. `JSONSerialization` promises neither.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A non-finite number is written as null: JSON has no NaN or infinity.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order given (the order the schema documents).
    case object([(String, JSONValue)])

    /// Two values are equal when they are written the same.
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }
    /// Hashes the written form, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// An optional number: null when absent.
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    /// An optional integer: null when absent.
    public static func integer(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
    /// An optional string: null when absent.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The value as pretty-printed JSON (two-space indent), ending in a newline.
    public func text() -> String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += JSONValue.numberText(value)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            let inner = indent + "  "
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += inner
                value.write(to: &output, indent: inner)
                output += index == values.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent + "  "
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += inner
                JSONValue.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: inner)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        }
    }

    /// The shortest text that reads back as exactly `value` ("0.1", "-0.036363636363636362", "1e-05").
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }  // also for -0.0, which JSON readers may not keep
        return "\(value)"
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
