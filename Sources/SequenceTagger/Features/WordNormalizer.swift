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
        var w = lowercase ? word.lowercased() : word
        if replaceDigits, w.unicodeScalars.contains(where: Self.isDigit) {
            var scalars = String.UnicodeScalarView()
            for u in w.unicodeScalars { scalars.append(Self.isDigit(u) ? "0" : u) }
            w = String(scalars)
        }
        return w
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool { u.properties.numericType == .decimal }
}
