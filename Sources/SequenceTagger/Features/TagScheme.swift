/// The chunk tagging schemes used by the shared tasks and by SENNA, and loss-free conversion
/// between them.
///
/// - `iob1`: `I-X` inside a chunk, `B-X` only to start a chunk right after another chunk of the
///   same type (raw CoNLL-2003 files; Ramshaw & Marcus 1995, Tjong Kim Sang & Veenstra 1999).
/// - `iob2`: every chunk starts with `B-X` (CoNLL-2000 chunking; Tjong Kim Sang & Buchholz 2000).
/// - `iobes`: `S-X` single-token chunks, `B-X ... E-X` longer ones (used by Collobert et al. 2011).
/// - `bilou`: the same with `U-X` and `L-X`.
/// `O` is outside every chunk. Types may contain hyphens: a tag splits at its first `-`, as
/// conlleval (2004) splits it, so `B-ARGM-TMP` is prefix `B`, type `ARGM-TMP`.
///
/// Reading chunks (`chunks(_:)`) follows conlleval's rules, which also define the repair of
/// invalid sequences: a chunk starts at `B-X` or `S-X`/`U-X`; at `I-X` or `E-X`/`L-X` after `O`,
/// after a tag of another type, or after a chunk that has ended (`E-`, `S-`, `L-`, `U-`);
/// a chunk ends before the next start or `O`, after `E-`/`S-`/`L-`/`U-`, and at the end of the
/// sentence. So `O I-X` is read as a chunk `X` and `B-X I-Y` as two chunks.
public enum TagScheme: String, CaseIterable, Sendable {
    case iob1, iob2, iobes, bilou

    /// A tag split into its prefix and type.
    public struct ParsedTag: Equatable, Sendable {
        /// `O`, `B`, `I`, `E`, `S`, `L` or `U`.
        public var prefix: Character
        public var type: String
        public init(prefix: Character, type: String) {
            self.prefix = prefix
            self.type = type
        }
    }

    /// A chunk: tokens `start..<end` of a sentence labelled `type`.
    public struct Chunk: Hashable, Sendable {
        public var type: String
        public var start: Int
        public var end: Int
        public init(type: String, start: Int, end: Int) {
            self.type = type
            self.start = start
            self.end = end
        }
    }

    /// The prefixes a scheme allows besides `O`.
    public var prefixes: Set<Character> {
        switch self {
        case .iob1, .iob2: return ["B", "I"]
        case .iobes: return ["B", "I", "E", "S"]
        case .bilou: return ["B", "I", "L", "U"]
        }
    }

    /// Splits `tag`; nil when it is neither `O` nor `P-TYPE` with a known prefix `P`.
    public static func parse(_ tag: String) -> ParsedTag? {
        // On the UTF-8 bytes: one ASCII prefix letter, a dash, the type (the tagger's output path
        // parses every tag it writes).
        let bytes = tag.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return parseCharacters(tag) }
        guard let first = bytes.first else { return nil }
        if bytes.count == 1 { return first == UInt8(ascii: "O") ? ParsedTag(prefix: "O", type: "") : nil }
        let dash = bytes.index(after: bytes.startIndex)
        guard bytes[dash] == UInt8(ascii: "-"), let prefix = prefixLetters[first] else { return nil }
        return ParsedTag(prefix: prefix, type: String(tag[bytes.index(after: dash)...]))
    }

    /// The same on Characters, for tags with non-ASCII bytes (a mark right after the dash joins
    /// it into one Character, which then is no dash).
    private static func parseCharacters(_ tag: String) -> ParsedTag? {
        guard let dash = tag.firstIndex(of: "-"), tag.distance(from: tag.startIndex, to: dash) == 1,
              let p = tag.first, "BIESLU".contains(p) else { return nil }
        return ParsedTag(prefix: p, type: String(tag[tag.index(after: dash)...]))
    }

    private static let prefixLetters: [UInt8: Character] = Dictionary(uniqueKeysWithValues: "BIESLU".map { ($0.asciiValue!, $0) })

    /// Whether a prefix closes its chunk (E, S, L, U) or opens one on its own (B, S, U).
    private static func closes(_ p: Character) -> Bool { p == "E" || p == "S" || p == "L" || p == "U" }
    private static func opens(_ p: Character) -> Bool { p == "B" || p == "S" || p == "U" }

    /// The chunks of a sentence's tags, read with the repair rules above. Throws
    /// `DataError(.unknownTag)` for a tag this scheme does not allow.
    public func chunks(_ tags: [String]) throws -> [Chunk] {
        let allowed = prefixes
        let parsed = try tags.enumerated().map { i, t -> ParsedTag in
            guard let p = Self.parse(t), p.prefix == "O" || allowed.contains(p.prefix) else {
                throw DataError(.unknownTag, file: "<tags>", line: nil,
                                "tag '\(t)' (token \(i + 1)) is not a valid \(rawValue.uppercased()) tag",
                                hint: "Use O or \(prefixes.sorted().map { "\($0)-TYPE" }.joined(separator: ", ")), or choose another scheme")
            }
            return p
        }
        return Self.chunks(parsed: parsed)
    }

    /// Chunks from already parsed tags (any prefixes, conlleval's reading).
    public static func chunks(parsed: [ParsedTag]) -> [Chunk] {
        var out: [Chunk] = []
        var open: Chunk?
        var prev = ParsedTag(prefix: "O", type: "")
        for (i, t) in parsed.enumerated() {
            let ended = closes(prev.prefix)
            let starts = t.prefix != "O" &&
                (opens(t.prefix) || prev.prefix == "O" || prev.type != t.type || ended)
            if starts || t.prefix == "O" {
                if var c = open { c.end = i; out.append(c); open = nil }
            }
            if starts { open = Chunk(type: t.type, start: i, end: i + 1) }
            if closes(t.prefix), var c = open { c.end = i + 1; out.append(c); open = nil }
            prev = t
        }
        if var c = open { c.end = parsed.count; out.append(c) }
        return out
    }

    /// Tags in this scheme for `count` tokens holding `chunks` (sorted, non-overlapping).
    public func tags(for chunks: [Chunk], count: Int) -> [String] {
        var tags = Array(repeating: "O", count: count)
        var previous: Chunk?
        for c in chunks {
            let single = c.end - c.start == 1
            for i in c.start..<c.end { tags[i] = "I-" + c.type }
            switch self {
            case .iob1:
                if let p = previous, p.end == c.start, p.type == c.type { tags[c.start] = "B-" + c.type }
            case .iob2:
                tags[c.start] = "B-" + c.type
            case .iobes, .bilou:
                let (b, e, s) = self == .iobes ? ("B-", "E-", "S-") : ("B-", "L-", "U-")
                if single { tags[c.start] = s + c.type } else {
                    tags[c.start] = b + c.type
                    tags[c.end - 1] = e + c.type
                }
            }
            previous = c
        }
        return tags
    }

    /// Rewrites a sentence's tags from one scheme to another (chunks read with the repair rules).
    public static func convert(_ tags: [String], from: TagScheme, to: TagScheme) throws -> [String] {
        to.tags(for: try from.chunks(tags), count: tags.count)
    }
}
