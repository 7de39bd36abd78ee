import NNKit
/// A sentence of a CoNLL-U file (Universal Dependencies, https://universaldependencies.org/format.html)
/// kept whole: its comment lines and every line in order, including multi-word token ranges
/// (`3-4`) and empty nodes (`8.1`), so that writing it back gives the same bytes.
///
/// For tagging only the word lines count: `sentence(tag:)` returns them as a `Sentence` with the
/// word in column 1 and the tag in column 3 (UPOS) or 4 (XPOS).
public struct ConlluSentence: Equatable, Sendable {
    /// The kind of a line, from its ID field.
    public enum EntryKind: Sendable { case word, multiword, emptyNode }

    /// One line: its kind and its tab-separated fields (empty fields kept).
    public struct Entry: Equatable, Sendable {
        public var kind: EntryKind
        public var fields: [String]
        public init(kind: EntryKind, fields: [String]) {
            self.kind = kind
            self.fields = fields
        }
    }

    /// Which CoNLL-U column is the tag.
    public enum TagColumn: Int, Sendable { case upos = 3, xpos = 4 }

    /// Comment lines (`# ...`), verbatim.
    public var comments: [String]
    public var entries: [Entry]
    /// Line number of the sentence's first line.
    public var line: Int

    public init(comments: [String], entries: [Entry], line: Int = 0) {
        self.comments = comments
        self.entries = entries
        self.line = line
    }

    /// The word lines only (multi-word ranges and empty nodes skipped).
    public var words: [Entry] { entries.filter { $0.kind == .word } }

    /// The word lines as a taggable sentence, tagged with UPOS or XPOS.
    public func sentence(tag: TagColumn = .upos) -> Sentence {
        let toks = words.map { Token(word: $0.fields[1], tag: $0.fields[tag.rawValue], columns: $0.fields) }
        return Sentence(tokens: toks, wordColumn: 1, tagColumn: tag.rawValue, line: line)
    }

    /// The same sentence with new tags in the chosen column of its word lines.
    public func withTags(_ tags: [String], column: TagColumn = .upos) -> ConlluSentence {
        var s = self
        var k = 0
        for i in s.entries.indices where s.entries[i].kind == .word {
            s.entries[i].fields[column.rawValue] = tags[k]
            k += 1
        }
        require(k == tags.count, "withTags: \(tags.count) tags for \(k) words")
        return s
    }
}

/// Writes `ConlluSentence`s: comments, then each line's fields joined by tabs, then a blank line.
/// Reading then writing a CoNLL-U file gives the same bytes (LF line ends).
public struct ConlluWriter {
    public init() {}

    public func format(_ s: ConlluSentence) -> String {
        var out = ""
        for c in s.comments { out += c + "\n" }
        for e in s.entries { out += e.fields.joined(separator: "\t") + "\n" }
        return out + "\n"
    }
}
