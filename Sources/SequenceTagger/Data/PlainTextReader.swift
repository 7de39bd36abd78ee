/// Streams unlabelled sentences from plain text with one sentence per line, tokens separated
/// by whitespace (the format of the language-model corpus of Collobert et al. 2011, section 4).
/// Blank lines are skipped and counted in `blankLines`; a line longer than `maxSentenceLength`
/// tokens throws `DataError(.sentenceTooLong)`. Use `Tokenizer` first for raw, untokenised text.
public final class PlainTextReader: SentenceSource {
    public let maxSentenceLength: Int
    public private(set) var blankLines = 0
    private let lines: LineReader

    public convenience init(path: String, maxSentenceLength: Int = 5_000) throws {
        self.init(lines: try LineReader(path: path), maxSentenceLength: maxSentenceLength)
    }

    public init(lines: LineReader, maxSentenceLength: Int = 5_000) {
        self.lines = lines
        self.maxSentenceLength = maxSentenceLength
    }

    public func nextSentence() throws -> Sentence? {
        while let line = try lines.nextLine() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty { blankLines += 1; continue }
            if words.count > maxSentenceLength {
                throw DataError(.sentenceTooLong, file: lines.fileName, line: lines.lineNumber,
                                "a line of \(words.count) tokens exceeds \(maxSentenceLength)",
                                hint: "Split the text into one sentence per line, or raise maxSentenceLength")
            }
            return Sentence(words: words, line: lines.lineNumber)
        }
        return nil
    }
}

/// Writes sentences as plain text: words joined by single spaces, one sentence per line.
public struct PlainTextWriter {
    public init() {}
    public func format(_ s: Sentence) -> String { s.words.joined(separator: " ") + "\n" }
}
