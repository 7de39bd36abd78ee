import NNKit
import Foundation

/// Chunk and token scoring computed exactly as the CoNLL shared tasks' `conlleval` script
/// (Erik Tjong Kim Sang, version 2004-01-26; Tjong Kim Sang & Buchholz 2000) computes it, so
/// that figures compare with published ones. This is an independent implementation of the
/// script's documented rules:
///
/// - each line holds fields split by the delimiter (a regular expression, default one space,
///   as Perl's `split` uses it: empty fields between repeated delimiters count, trailing
///   ones do not); the last two are the gold and the guessed tag;
/// - every non-empty line must have as many fields as the first line (else an error);
/// - a blank line, or a line whose first field is `-X-`, is a sentence boundary: it is read
///   as a token `O O` that is not counted;
/// - a tag splits at its first hyphen into a prefix and a type (types may contain hyphens;
///   a type spelled `0` reads as no type, as in Perl);
/// - chunks start and end by the script's rules (`startOfChunk`/`endOfChunk`): `I-X` after `O`
///   or after another type starts a chunk, IOB1 and IOB2 read alike, `E-` ends an IOE chunk,
///   `[`/`]` are one-token chunks. IOBES/BILOU input should be rewritten to IOB2 first
///   (`prefixMap`), since the script does not know `S-` and reads `E-X B-X` as one chunk;
/// - a chunk is correct when gold and guess start and end at the same tokens with the same type;
/// - `raw` (`-r`): tags carry no prefix; every non-`outsideTag` tag becomes a one-token chunk.
///
/// Differences, on purpose: lines are decoded as UTF-8 (invalid bytes are an error) and a `\r`
/// before the newline is dropped (the script would keep it in the last tag and fail on the
/// blank lines of a CRLF file).
public struct ConllEval: Sendable {
    public struct Options: Sendable {
        /// The field delimiter, a regular expression (`-d`).
        public var delimiter: String = " "
        /// `-r`: tags without prefixes.
        public var raw = false
        /// `-o`: the outside tag in raw mode.
        public var outsideTag = "O"
        /// Prefix rewriting applied to both tags before counting, e.g. `["S": "B", "E": "I"]`
        /// to score IOBES as the shared tasks intend (IOB2). Empty: the script's behaviour.
        public var prefixMap: [String: String] = [:]
        /// The file name for error messages.
        public var fileName = "<stdin>"
        public init() {}

        /// The prefix map that rewrites IOBES or BILOU tags to IOB2 (empty for IOB1/IOB2).
        public static func prefixMap(for scheme: TagScheme) -> [String: String] {
            switch scheme {
            case .iob1, .iob2: return [:]
            case .iobes: return ["S": "B", "E": "I"]
            case .bilou: return ["U": "B", "L": "I"]
            }
        }
    }

    /// Per-type chunk counts.
    public struct TypeCounts: Equatable, Sendable {
        public var gold = 0, guessed = 0, correct = 0
    }

    public let options: Options
    public private(set) var tokens = 0
    public private(set) var correctTags = 0
    public private(set) var goldChunks = 0
    public private(set) var guessedChunks = 0
    public private(set) var correctChunks = 0
    /// Counts per chunk type (keys as the script's hashes hold them).
    public private(set) var perType: [String: TypeCounts] = [:]
    /// Token tags (after `raw` rewriting, before prefix mapping): gold against guess.
    public private(set) var confusion = ConfusionMatrix()
    /// The number of lines read.
    public private(set) var lineNumber = 0
    /// Prefixes seen among the tags (to warn about IOBES input scored raw).
    public private(set) var prefixesSeen: Set<String> = []

    private var lastIndex = -1
    private var inCorrect = false
    private var lastCorrect = "O", lastGuessed = "O"
    private var lastCorrectType = "", lastGuessedType = ""
    private var finished = false
    private let splitter: FieldSplitter

    public init(options: Options = Options()) throws {
        self.options = options
        splitter = try FieldSplitter(options.delimiter)
    }

    /// Reads one input line (without its newline).
    public mutating func add(line: String) throws {
        require(!finished, "ConllEval: add after finish")
        lineNumber += 1
        var f = splitter.split(line)
        // The script keeps the field count of the first line (a leading blank line fixes nothing).
        if lastIndex < 0 {
            lastIndex = f.count - 1
        } else if lastIndex != f.count - 1 && !f.isEmpty {
            throw DataError(.columnCount, file: options.fileName, line: lineNumber,
                            "unexpected number of features: \(f.count) (\(lastIndex + 1))",
                            hint: "Every line needs the same fields, the last two being the gold and the guessed tag")
        }
        if f.isEmpty || f[0] == "-X-" { f = ["-X-", "O", "O"] }
        guard f.count >= 2 else {
            throw DataError(.columnCount, file: options.fileName, line: lineNumber,
                            "unexpected number of features in line \(line)",
                            hint: "Each line needs at least the gold and the guessed tag")
        }
        let n = f.count
        if options.raw {
            for k in [n - 1, n - 2] {
                if f[k] == options.outsideTag { f[k] = "O" }
                if f[k] != "O" { f[k] = "B-" + f[k] }
            }
        }
        let boundary = n > 2 && f[0] == "-X-"
        if !boundary { confusion.add(gold: f[n - 2], guessed: f[n - 1]) }
        var (guessed, guessedType) = split(f[n - 1])
        let (correct, correctType) = split(f[n - 2])
        if boundary { guessed = "O" }
        step(correct, correctType, guessed, guessedType, boundary: boundary)
    }

    /// Adds one sentence of gold and guessed tags followed by a boundary.
    public mutating func add(gold: [String], guessed: [String]) throws {
        require(gold.count == guessed.count, "ConllEval: \(gold.count) gold tags for \(guessed.count) guesses")
        for (g, p) in zip(gold, guessed) {
            confusion.add(gold: g, guessed: p)
            let (c, ct) = split(g), (q, qt) = split(p)
            step(c, ct, q, qt, boundary: false)
        }
        step("O", "", "O", "", boundary: true)
    }

    /// Closes the last chunk; call once after the last line.
    public mutating func finish() {
        guard !finished else { return }
        finished = true
        if inCorrect {
            correctChunks += 1
            perType[lastCorrectType, default: TypeCounts()].correct += 1
        }
    }

    private mutating func split(_ tag: String) -> (String, String) {
        var prefix = tag, type = ""
        if let dash = tag.firstIndex(of: "-") {
            prefix = String(tag[..<dash])
            type = String(tag[tag.index(after: dash)...])
        }
        if let p = options.prefixMap[prefix] { prefix = p }
        prefixesSeen.insert(prefix)
        return (prefix, type == "0" ? "" : type)
    }

    private mutating func step(_ correct: String, _ correctType: String, _ guessed: String, _ guessedType: String, boundary: Bool) {
        let endC = Self.endOfChunk(lastCorrect, correct, lastCorrectType, correctType)
        let endG = Self.endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType)
        let startC = Self.startOfChunk(lastCorrect, correct, lastCorrectType, correctType)
        let startG = Self.startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType)
        if inCorrect {
            if endC && endG && lastGuessedType == lastCorrectType {
                inCorrect = false
                correctChunks += 1
                perType[lastCorrectType, default: TypeCounts()].correct += 1
            } else if endC != endG || guessedType != correctType {
                inCorrect = false
            }
        }
        if startC && startG && guessedType == correctType { inCorrect = true }
        if startC {
            goldChunks += 1
            perType[correctType, default: TypeCounts()].gold += 1
        }
        if startG {
            guessedChunks += 1
            perType[guessedType, default: TypeCounts()].guessed += 1
        }
        if !boundary {
            if correct == guessed && guessedType == correctType { correctTags += 1 }
            tokens += 1
        }
        lastGuessed = guessed
        lastCorrect = correct
        lastGuessedType = guessedType
        lastCorrectType = correctType
    }

    /// The script's `endOfChunk`: did a chunk end between the previous and the current tag?
    static func endOfChunk(_ prev: String, _ tag: String, _ prevType: String, _ type: String) -> Bool {
        switch (prev, tag) {
        case ("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"), ("E", "I"), ("E", "O"): return true
        default: break
        }
        if prev != "O" && prev != "." && prevType != type { return true }
        return prev == "]" || prev == "["
    }

    /// The script's `startOfChunk`: did a chunk start between the previous and the current tag?
    static func startOfChunk(_ prev: String, _ tag: String, _ prevType: String, _ type: String) -> Bool {
        switch (prev, tag) {
        case ("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"), ("E", "I"), ("O", "E"): return true
        default: break
        }
        if tag != "O" && tag != "." && prevType != type { return true }
        return tag == "[" || tag == "]"
    }
}
