import Foundation

/// The gazetteer feature of SENNA's NER tagger (Collobert et al. 2011, section 6.3: entity
/// lists of the CoNLL-2003 task, 88.67 -> 89.59 F1): one binary feature per list (locations,
/// persons, organisations, miscellaneous). Entries are lower-cased token sequences; a sentence
/// is matched on its lower-cased words, every span equal to an entry is found (overlapping
/// matches included) and every token of a matched span is marked for that list.
public struct GazetteerFeature: Sendable {
    /// Feature values: 0 not in the list, 1 in the list, 2 padding (outside the sentence).
    public static let absent = 0, present = 1, padding = 2

    /// The list names, in feature order.
    public let names: [String]
    /// Non-empty entries given per list, before case folding merged duplicates.
    public let givenCounts: [Int]
    private let lists: [Set<String>]
    private let longest: Int

    /// Lists given by name and entries (entries are lower-cased; runs of spaces are collapsed).
    public init(lists: [(name: String, entries: [String])]) {
        names = lists.map(\.name)
        var sets: [Set<String>] = []
        var longest = 0
        var given: [Int] = []
        for l in lists {
            var n = 0
            var s = Set<String>()
            for e in l.entries {
                let toks = e.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if toks.isEmpty { continue }
                n += 1
                longest = max(longest, toks.count)
                s.insert(toks.joined(separator: " "))
            }
            sets.append(s)
            given.append(n)
        }
        givenCounts = given
        self.lists = sets
        self.longest = longest
    }

    /// Loads `loc.txt`, `per.txt`, `org.txt` and `misc.txt` (one entry per line) from `directory`.
    public static func load(directory: String, names: [String] = ["loc", "per", "org", "misc"]) throws -> GazetteerFeature {
        var lists: [(String, [String])] = []
        for n in names {
            let path = (directory as NSString).appendingPathComponent(n + ".txt")
            let reader = try LineReader(path: path)
            var entries: [String] = []
            while let l = try reader.nextLine() { entries.append(l) }
            lists.append((n, entries))
        }
        return GazetteerFeature(lists: lists)
    }

    /// The number of distinct entries of each list (after lower-casing).
    public var entryCounts: [Int] { lists.map(\.count) }

    /// For each list, one value per word: `present` when the word lies in a matched span.
    public func marks(_ words: [String]) -> [[Int]] {
        let lower = words.map { $0.lowercased() }
        var out = Array(repeating: Array(repeating: Self.absent, count: words.count), count: lists.count)
        for start in lower.indices {
            var key = ""
            for end in start..<min(lower.count, start + longest) {
                key += (end == start ? "" : " ") + lower[end]
                for (k, set) in lists.enumerated() where set.contains(key) {
                    for i in start...end { out[k][i] = Self.present }
                }
            }
        }
        return out
    }
}
