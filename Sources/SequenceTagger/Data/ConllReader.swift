/// Streams sentences from a CoNLL column file, the format of the CoNLL-2000 chunking and
/// CoNLL-2002/2003 NER shared tasks (Tjong Kim Sang & Buchholz 2000; Tjong Kim Sang & De Meulder 2003):
/// one token per line, columns separated by spaces or tabs, a blank line between sentences and
/// `-DOCSTART-` lines between documents.
///
/// - Lines may end in CRLF; the last line may lack its newline.
/// - Every token line must have as many columns as the file's first token line; otherwise a
///   `DataError(.columnCount)` names the line.
/// - A `-DOCSTART-` line is not a token: it is attached to the following sentence as
///   `Sentence.documentStart`, so writers can put it back.
/// - Repeated blank lines are accepted and do not make empty sentences.
/// - A sentence longer than `maxSentenceLength` tokens (usually a file whose blank lines are
///   missing) throws `DataError(.sentenceTooLong)`; raise the limit to accept it. Memory is
///   bounded by one sentence.
/// - A file without any token line throws `DataError(.emptyFile)`.
public final class ConllReader: SentenceSource {
    public struct Options: Sendable {
        /// Column of the word; negative values count from the end (-1 is the last column).
        public var wordColumn: Int
        /// Column of the tag (negative counts from the end), or nil for none.
        public var tagColumn: Int?
        /// Longest sentence accepted, in tokens.
        public var maxSentenceLength: Int
        /// Whether a file without tokens is an error.
        public var allowEmpty: Bool

        public init(wordColumn: Int = 0, tagColumn: Int? = -1, maxSentenceLength: Int = 5_000, allowEmpty: Bool = false) {
            self.wordColumn = wordColumn
            self.tagColumn = tagColumn
            self.maxSentenceLength = maxSentenceLength
            self.allowEmpty = allowEmpty
        }
    }

    public let options: Options
    private let lines: LineReader
    /// Columns per token line, fixed by the first token line.
    public private(set) var columnCount: Int?
    private var pendingDocStart: [String]?
    private var sawAnyToken = false
    private var finished = false

    public convenience init(path: String, options: Options = Options()) throws {
        self.init(lines: try LineReader(path: path), options: options)
    }

    public init(lines: LineReader, options: Options = Options()) {
        self.lines = lines
        self.options = options
    }

    /// The line reader (for its CRLF and final-newline flags).
    public var lineReader: LineReader { lines }

    /// Splits a line on runs of spaces and tabs (on the UTF-8 bytes: both are ASCII, so every
    /// piece stays valid UTF-8).
    public static func fields(of line: String) -> [String] {
        var out: [String] = []
        let bytes = line.utf8
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") {
                if start != i { out.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }

    public func nextSentence() throws -> Sentence? {
        if finished { return nil }
        var tokens: [Token] = []
        var firstLine = 0
        var docStartInBlock = false
        while let line = try lines.nextLine() {
            let f = Self.fields(of: line)
            if f.isEmpty {
                if !tokens.isEmpty { return sentence(tokens, firstLine, docStartInBlock) }
                if docStartInBlock { docStartInBlock = false }  // "-DOCSTART-" then blank: own block
                continue
            }
            if f[0] == "-DOCSTART-" {
                if !tokens.isEmpty {
                    throw DataError(.malformedLine, file: lines.fileName, line: lines.lineNumber,
                                    "a -DOCSTART- line inside a sentence",
                                    hint: "Put a blank line before each -DOCSTART- line")
                }
                pendingDocStart = f
                docStartInBlock = true
                continue
            }
            if let n = columnCount, n != f.count {
                throw DataError(.columnCount, file: lines.fileName, line: lines.lineNumber,
                                "expected \(n) columns (as on the first token line), found \(f.count)",
                                hint: "Fix the line, or check that words contain no spaces")
            }
            if columnCount == nil {
                columnCount = f.count
                try checkColumns(f.count)
            }
            if tokens.isEmpty { firstLine = lines.lineNumber }
            if tokens.count >= options.maxSentenceLength {
                throw DataError(.sentenceTooLong, file: lines.fileName, line: lines.lineNumber,
                                "sentence starting on line \(firstLine) exceeds \(options.maxSentenceLength) tokens",
                                hint: "Check for missing blank lines between sentences, or raise the limit (maxSentenceLength)")
            }
            let w = resolve(options.wordColumn, f.count)!
            let t = options.tagColumn.flatMap { resolve($0, f.count) }
            tokens.append(Token(word: f[w], tag: t.map { f[$0] }, columns: f))
            sawAnyToken = true
        }
        finished = true
        if !tokens.isEmpty { return sentence(tokens, firstLine, docStartInBlock) }
        if let d = pendingDocStart {  // a -DOCSTART- at the very end: an empty sentence keeps it
            pendingDocStart = nil
            return Sentence(tokens: [], documentStart: d, documentStartOwnBlock: !docStartInBlock, line: lines.lineNumber)
        }
        if !sawAnyToken && !options.allowEmpty {
            throw DataError(.emptyFile, file: lines.fileName, line: nil, "the file holds no token lines",
                            hint: "Check the path; a CoNLL file has one token per line")
        }
        return nil
    }

    private func resolve(_ c: Int, _ n: Int) -> Int? { c < 0 ? n + c : c }

    private func checkColumns(_ n: Int) throws {
        for (name, c) in [("word", options.wordColumn), ("tag", options.tagColumn)] {
            guard let c else { continue }
            let r = c < 0 ? n + c : c
            if r < 0 || r >= n {
                throw DataError(.columnCount, file: lines.fileName, line: lines.lineNumber,
                                "the \(name) column \(c) does not exist in a line of \(n) columns",
                                hint: "Choose a column between 0 and \(n - 1) (or -1 for the last)")
            }
        }
    }

    private func sentence(_ tokens: [Token], _ line: Int, _ docStartInBlock: Bool) -> Sentence {
        let n = tokens[0].columns.count
        let s = Sentence(tokens: tokens, wordColumn: resolve(options.wordColumn, n)!,
                         tagColumn: options.tagColumn.flatMap { resolve($0, n) },
                         documentStart: pendingDocStart, documentStartOwnBlock: !docStartInBlock, line: line)
        pendingDocStart = nil
        return s
    }
}
