import NNKit
/// Counts of (gold tag, guessed tag) pairs over tokens, for seeing which tags a tagger mixes up.
/// Labels are ordered bytewise; `format()` prints gold tags as rows and guesses as columns.
public struct ConfusionMatrix: Equatable, Sendable {
    public private(set) var counts: [String: [String: Int]] = [:]
    public private(set) var total = 0

    public init() {}

    public mutating func add(gold: String, guessed: String) {
        counts[gold, default: [:]][guessed, default: 0] += 1
        total += 1
    }

    public mutating func add(gold: [String], guessed: [String]) {
        require(gold.count == guessed.count, "ConfusionMatrix: \(gold.count) gold tags for \(guessed.count) guesses")
        for (g, p) in zip(gold, guessed) { add(gold: g, guessed: p) }
    }

    /// Every tag seen as gold or guess, bytewise sorted.
    public var labels: [String] {
        var s = Set(counts.keys)
        for row in counts.values { s.formUnion(row.keys) }
        return s.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func count(gold: String, guessed: String) -> Int { counts[gold]?[guessed] ?? 0 }

    /// Fraction of tokens whose guess equals the gold tag.
    public var accuracy: Double {
        total == 0 ? 0 : Double(counts.reduce(0) { $0 + ($1.value[$1.key] ?? 0) }) / Double(total)
    }

    /// A right-aligned table: one row per gold tag, one column per guessed tag.
    public func format() -> String {
        let l = labels
        let width = max(5, l.map(\.count).max() ?? 0, String(total).count) + 1
        func cell(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var out = cell("gold\\guess") + l.map(cell).joined() + "\n"
        for g in l {
            out += cell(g) + l.map { cell(String(count(gold: g, guessed: $0))) }.joined() + "\n"
        }
        return out
    }
}
