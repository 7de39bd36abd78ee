/// Streams sentences from a CoNLL-U file (Universal Dependencies format): `#` comment lines,
/// one line of ten tab-separated fields per word, multi-word token ranges (`3-4`) and empty
/// nodes (`8.1`), a blank line after each sentence.
///
/// `nextConlluSentence()` returns the whole sentence (for byte-exact writing);
/// `nextSentence()` returns only the word lines, tagged with UPOS or XPOS (`tagColumn`), as the
/// taggers need. Errors: a word line with fewer than 10 fields or a bad ID gives
/// `DataError(.malformedLine)`; invalid UTF-8, an empty file, and sentences longer than
/// `maxSentenceLength` words are reported as by `ConllReader`. Memory is bounded by one sentence.
public final class ConlluReader: SentenceSource {
    public let tagColumn: ConlluSentence.TagColumn
    public let maxSentenceLength: Int
    private let lines: LineReader
    private var sawAny = false
    private var finished = false

    public convenience init(path: String, tagColumn: ConlluSentence.TagColumn = .upos, maxSentenceLength: Int = 5_000) throws {
        self.init(lines: try LineReader(path: path), tagColumn: tagColumn, maxSentenceLength: maxSentenceLength)
    }

    public init(lines: LineReader, tagColumn: ConlluSentence.TagColumn = .upos, maxSentenceLength: Int = 5_000) {
        self.lines = lines
        self.tagColumn = tagColumn
        self.maxSentenceLength = maxSentenceLength
    }

    public var fileName: String { lines.fileName }

    public func nextSentence() throws -> Sentence? {
        try nextConlluSentence()?.sentence(tag: tagColumn)
    }

    /// The next sentence with its comments, multi-word ranges and empty nodes.
    public func nextConlluSentence() throws -> ConlluSentence? {
        if finished { return nil }
        var comments: [String] = []
        var entries: [ConlluSentence.Entry] = []
        var first = 0
        var words = 0
        while let line = try lines.nextLine() {
            if line.isEmpty {
                if entries.isEmpty && comments.isEmpty { continue }
                return try finish(comments, entries, first)
            }
            if first == 0 { first = lines.lineNumber }
            if line.hasPrefix("#") {
                comments.append(line)
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 10 else {
                throw DataError(.columnCount, file: lines.fileName, line: lines.lineNumber,
                                "a CoNLL-U line needs 10 tab-separated fields, found \(fields.count)",
                                hint: "Separate fields with tabs, not spaces")
            }
            let kind = try Self.kind(of: fields[0], file: lines.fileName, line: lines.lineNumber)
            if kind == .word {
                words += 1
                if words > maxSentenceLength {
                    throw DataError(.sentenceTooLong, file: lines.fileName, line: lines.lineNumber,
                                    "sentence starting on line \(first) exceeds \(maxSentenceLength) words",
                                    hint: "Check for missing blank lines, or raise maxSentenceLength")
                }
            }
            entries.append(.init(kind: kind, fields: fields))
        }
        finished = true
        if !entries.isEmpty || !comments.isEmpty { return try finish(comments, entries, first) }
        if !sawAny {
            throw DataError(.emptyFile, file: lines.fileName, line: nil, "the file holds no sentences",
                            hint: "Check the path; a CoNLL-U file has one word per line")
        }
        return nil
    }

    private func finish(_ c: [String], _ e: [ConlluSentence.Entry], _ first: Int) throws -> ConlluSentence {
        if !e.contains(where: { $0.kind == .word }) {
            throw DataError(.malformedLine, file: lines.fileName, line: lines.lineNumber,
                            "a sentence without word lines", hint: "Remove the stray comment or blank lines")
        }
        sawAny = true
        return ConlluSentence(comments: c, entries: e, line: first)
    }

    /// Word (`7`), multi-word range (`3-4`) or empty node (`8.1`).
    static func kind(of id: String, file: String, line: Int) throws -> ConlluSentence.EntryKind {
        let isNumber: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if isNumber(Substring(id)) { return .word }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy(isNumber) { return .multiword }
        let dots = id.split(separator: ".", omittingEmptySubsequences: false)
        if dots.count == 2, dots.allSatisfy(isNumber) { return .emptyNode }
        throw DataError(.malformedLine, file: file, line: line, "bad word ID '\(id)'",
                        hint: "IDs are integers, ranges like 3-4, or empty nodes like 8.1")
    }
}
