/// The capitalisation feature of Collobert et al. (2011, section 3.5): because words are
/// lower-cased for the lookup table, a second small lookup table receives one of four
/// capitalisation values, plus a padding value for the positions beyond the sentence ends.
///
/// Classification (letters only are looked at):
/// - `allLower`: no upper-case letter (also words without letters: `,`, `1999`);
/// - `allCaps`: at least two letters, all upper case (`USA`, `IBM-3`);
/// - `initialCap`: the first letter is upper case (`Paris`, `McDonald`, `I`);
/// - `hasCap`: an upper-case letter elsewhere (`iPod`, `eBay`).
public enum CapsFeature: Int, CaseIterable, Sendable {
    case padding = 0, allLower, allCaps, initialCap, hasCap

    /// The number of distinct values, padding included (the size of its lookup table).
    public static let cardinality = allCases.count

    public init(word: String) {
        if let ascii = Self.ascii(word) { self = ascii; return }
        var letters = 0, upper = 0
        var firstLetterUpper: Bool?
        for c in word where c.isLetter {
            letters += 1
            if c.isUppercase { upper += 1 }
            if firstLetterUpper == nil { firstLetterUpper = c.isUppercase }
        }
        if upper == 0 { self = .allLower }
        else if upper == letters && letters >= 2 { self = .allCaps }
        else if firstLetterUpper == true { self = .initialCap }
        else { self = .hasCap }
    }

    /// The same classification on bytes for pure-ASCII words; nil for any other word.
    @inline(__always)
    static func ascii(_ word: String) -> CapsFeature? {
        var word = word
        return word.withUTF8 { bytes -> CapsFeature? in
            var letters = 0, upper = 0
            var firstLetterUpper: Bool?
            for b in bytes {
                if b >= 0x80 { return nil }
                let isUpper = b >= 0x41 && b <= 0x5A, isLower = b >= 0x61 && b <= 0x7A
                guard isUpper || isLower else { continue }
                letters += 1
                if isUpper { upper += 1 }
                if firstLetterUpper == nil { firstLetterUpper = isUpper }
            }
            if upper == 0 { return .allLower }
            if upper == letters && letters >= 2 { return .allCaps }
            return firstLetterUpper == true ? .initialCap : .hasCap
        }
    }
}
