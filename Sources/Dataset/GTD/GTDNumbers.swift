/// Numbers as GTD exports write them, read straight from the field's bytes.
enum GTDNumber {
    enum WholeNumber: Equatable {
        case blank
        case value(Int)
        /// Not a number at all ("abc", "1,200", "12 ").
        case notANumber
        /// A number with a fraction that is not zero ("1.5"): a count cannot have one.
        case fractional
    }

    /// Reads `12`, `-9`, and the float form some exports give integer columns (`12.0`, `12.00`).
    @inline(__always)
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> WholeNumber {
        let count = bytes.count
        if count == 0 { return .blank }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        let digitsStart = i
        var value = 0
        while i < count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        let digits = i - digitsStart
        guard digits > 0, digits <= 15 else { return .notANumber }
        if i < count {
            guard bytes[i] == UInt8(ascii: ".") else { return .notANumber }
            i += 1
            var fractionIsZero = true
            let fractionStart = i
            while i < count {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit <= 9 else { return .notANumber }
                if digit != 0 { fractionIsZero = false }
                i += 1
            }
            guard i > fractionStart else { return .notANumber }
            if !fractionIsZero { return .fractional }
        }
        return .value(negative ? -value : value)
    }

    /// A plain decimal (`34.5`, `-0.25`, `1e-3`): ASCII only, finite. Nil otherwise.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
