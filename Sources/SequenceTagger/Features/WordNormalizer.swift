/// Normalises words for the word-embedding lookup as SENNA does (Collobert et al. 2011,
/// section 3.5, and SENNA's sources): lower-case the word and replace every decimal digit by `0`,
/// so `1999` and `2003` share an entry and capitalisation moves to `CapsFeature`.
public struct WordNormalizer: Sendable {
    public var lowercase: Bool
    public var replaceDigits: Bool

    public init(lowercase: Bool = true, replaceDigits: Bool = true) {
        self.lowercase = lowercase
        self.replaceDigits = replaceDigits
    }

    public func normalize(_ word: String) -> String {
        if let ascii = Self.asciiNormalized(word, lowercase: lowercase, replaceDigits: replaceDigits) { return ascii }
        var w = lowercase ? word.lowercased() : word
        if replaceDigits, w.unicodeScalars.contains(where: Self.isDigit) {
            var scalars = String.UnicodeScalarView()
            for u in w.unicodeScalars { scalars.append(Self.isDigit(u) ? "0" : u) }
            w = String(scalars)
        }
        return w
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool { u.properties.numericType == .decimal }

    /// The same rules on bytes for pure-ASCII words (nearly all tokens of English corpora),
    /// which skips Unicode case mapping and property lookups; nil for any other word.
    @inline(__always)
    static func asciiNormalized(_ word: String, lowercase: Bool, replaceDigits: Bool) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            var changed = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if (lowercase && b >= 0x41 && b <= 0x5A) || (replaceDigits && b >= 0x31 && b <= 0x39) { changed = true }
            }
            if !changed { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() {
                    var c = b
                    if lowercase && c >= 0x41 && c <= 0x5A { c += 0x20 }
                    if replaceDigits && c >= 0x31 && c <= 0x39 { c = 0x30 }
                    out[i] = c
                }
                return bytes.count
            }
        } ?? (word.utf8.allSatisfy { $0 < 0x80 } ? word : nil)
    }
}
