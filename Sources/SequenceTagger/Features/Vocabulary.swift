/// A dictionary from strings (normalised words, suffixes, tags of a column) to dense ids for a
/// lookup table, as in Collobert et al. (2011, section 3.2.1): id 0 is `PADDING` (positions
/// beyond the sentence ends), id 1 is `UNKNOWN` (anything not kept), then the kept entries
/// by decreasing frequency (ties in byte order, so builds are reproducible).
///
/// `build` keeps entries seen at least `minFrequency` times, then the `maxSize` most frequent
/// (the size includes the two special entries). The special entries live outside the string map,
/// so a corpus word spelled like them gets an ordinary id.
public struct Vocabulary: Equatable, Sendable {
    public static let paddingID = 0
    public static let unknownID = 1
    public static let paddingToken = "<PADDING>"
    public static let unknownToken = "<UNKNOWN>"

    /// Every entry in id order, the two special entries first.
    public private(set) var entries: [String]
    private var ids: [String: Int]

    /// A vocabulary of `words` in the given order after the special entries (duplicates dropped).
    public init(words: [String]) {
        entries = [Self.paddingToken, Self.unknownToken]
        ids = [:]
        for w in words where ids[w] == nil {
            ids[w] = entries.count
            entries.append(w)
        }
    }

    /// Keeps entries with count >= `minFrequency`, the most frequent first, at most `maxSize` ids in all.
    public static func build(counts: [String: Int], minFrequency: Int = 1, maxSize: Int? = nil) -> Vocabulary {
        var kept = counts.filter { $0.value >= minFrequency }.map { ($0.key, $0.value) }
        kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        if let m = maxSize { kept = Array(kept.prefix(max(0, m - 2))) }
        return Vocabulary(words: kept.map(\.0))
    }

    /// Number of ids, special entries included.
    public var count: Int { entries.count }

    /// The id of `word`, or `unknownID`.
    public func id(of word: String) -> Int { ids[word] ?? Self.unknownID }

    /// Whether `word` has its own id.
    public func contains(_ word: String) -> Bool { ids[word] != nil }

    /// Frequency counter for `build`, fed one string at a time while streaming a corpus.
    public struct Counter: Sendable {
        public private(set) var counts: [String: Int] = [:]
        public init() {}
        public mutating func add(_ s: String) { counts[s, default: 0] += 1 }
        public mutating func add<S: Sequence>(contentsOf seq: S) where S.Element == String { for s in seq { add(s) } }
    }
}
