import NNKit
/// One token of a column corpus: its word, its tag (when the corpus has one) and every column
/// of its line, kept so that extra columns (POS for chunking, say) can become features and the
/// line can be written back unchanged.
public struct Token: Equatable, Hashable, Sendable {
    /// The word as written in the corpus (not normalised).
    public var word: String
    /// The tag to learn or to score, or nil for unlabelled text.
    public var tag: String?
    /// Every column of the line, in order (for plain text: just the word).
    public var columns: [String]

    public init(word: String, tag: String? = nil, columns: [String]? = nil) {
        self.word = word
        self.tag = tag
        self.columns = columns ?? ([word] + (tag.map { [$0] } ?? []))
    }
}

/// A sentence: the unit a window tagger labels (Collobert et al. 2011, section 3.3.1, pad the
/// sentence at both ends and slide a window over it), read from a column corpus in the
/// format of the CoNLL shared tasks (Tjong Kim Sang & Buchholz 2000; Tjong Kim Sang & De Meulder 2003).
///
/// `wordColumn` and `tagColumn` say which columns of `Token.columns` hold the word and the tag,
/// so a later window builder can take any other column (`column(_:)`) as an extra feature.
public struct Sentence: Equatable, Sendable {
    public var tokens: [Token]
    /// Index of the word in each token's columns.
    public var wordColumn: Int
    /// Index of the tag in each token's columns, or nil for unlabelled text.
    public var tagColumn: Int?
    /// The columns of a `-DOCSTART-` line met just before this sentence, if any.
    public var documentStart: [String]?
    /// True when that `-DOCSTART-` line stood alone, followed by a blank line (CoNLL-2003 style);
    /// false when it opened the sentence's block (CoNLL-2002 Dutch style).
    public var documentStartOwnBlock: Bool
    /// The line number of the sentence's first token line (1-based; 0 when not read from a file).
    public var line: Int

    public init(tokens: [Token], wordColumn: Int = 0, tagColumn: Int? = nil, documentStart: [String]? = nil,
                documentStartOwnBlock: Bool = true, line: Int = 0) {
        self.tokens = tokens
        self.wordColumn = wordColumn
        self.tagColumn = tagColumn
        self.documentStart = documentStart
        self.documentStartOwnBlock = documentStartOwnBlock
        self.line = line
    }

    /// A sentence of words without tags (plain text).
    public init(words: [String], line: Int = 0) {
        self.init(tokens: words.map { Token(word: $0) }, line: line)
    }

    public var count: Int { tokens.count }
    public var isEmpty: Bool { tokens.isEmpty }
    public var words: [String] { tokens.map(\.word) }
    /// The tags (an empty string for a token without one).
    public var tags: [String] { tokens.map { $0.tag ?? "" } }

    /// The values of column `index` for every token (a missing column reads as an empty string).
    public func column(_ index: Int) -> [String] {
        tokens.map { index < $0.columns.count ? $0.columns[index] : "" }
    }

    /// The same sentence with new tags, written into the tag column too (so writers emit them).
    public func withTags(_ newTags: [String]) -> Sentence {
        require(newTags.count == tokens.count, "withTags: \(newTags.count) tags for \(tokens.count) tokens")
        var s = self
        for i in s.tokens.indices {
            s.tokens[i].tag = newTags[i]
            if let c = tagColumn, c < s.tokens[i].columns.count { s.tokens[i].columns[c] = newTags[i] }
        }
        return s
    }
}

/// A streaming source of sentences. Reading is a throwing call, so a bad line stops the loop
/// with a `DataError` rather than ending it early as if the file were shorter.
public protocol SentenceSource: AnyObject {
    /// The next sentence, or nil at the end of the input.
    func nextSentence() throws -> Sentence?
}

extension SentenceSource {
    /// Calls `body` on every remaining sentence; memory holds one sentence at a time.
    public func forEachSentence(_ body: (Sentence) throws -> Void) throws {
        while let s = try nextSentence() { try body(s) }
    }

    /// Every remaining sentence (for small files and tests).
    public func readAll() throws -> [Sentence] {
        var all: [Sentence] = []
        while let s = try nextSentence() { all.append(s) }
        return all
    }
}
