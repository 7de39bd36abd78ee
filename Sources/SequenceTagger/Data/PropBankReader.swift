/// A sentence for semantic role labelling in the Universal PropBank format (CoNLL-U plus
/// column 11, the predicate's roleset such as `come.03`, and one argument column per predicate
/// from column 12 on, as in the CoNLL-2005 SRL task): the words, the predicates and, for each
/// predicate, one argument label per word (`ARG0`, `ARGM-TMP`, `V`, or `_` for none).
public struct SRLSentence: Equatable, Sendable {
    public struct Predicate: Equatable, Sendable {
        /// Index of the predicate among the sentence's words.
        public var wordIndex: Int
        /// The roleset, e.g. `come.03`.
        public var roleset: String
    }

    /// The CoNLL-U sentence, kept whole for writing.
    public var conllu: ConlluSentence
    /// Predicates in sentence order; `arguments[k]` belongs to `predicates[k]`.
    public var predicates: [Predicate]
    /// For each predicate, the argument label of every word.
    public var arguments: [[String]]

    /// The words as a taggable sentence (UPOS as tag).
    public var sentence: Sentence { conllu.sentence(tag: .upos) }
}

/// Streams `SRLSentence`s from a Universal PropBank file. A predicate is a word whose column 11
/// is neither `_` nor empty. Each word line must then carry exactly one argument column per
/// predicate; one extra empty trailing field (a trailing tab, present in the EWT release) is
/// accepted. Any other count is a `DataError(.columnCount)`.
public final class PropBankReader {
    private let reader: ConlluReader

    public convenience init(path: String) throws {
        self.init(reader: try ConlluReader(path: path))
    }

    public init(reader: ConlluReader) { self.reader = reader }

    public func nextSRLSentence() throws -> SRLSentence? {
        guard let s = try reader.nextConlluSentence() else { return nil }
        let words = s.words
        var predicates: [SRLSentence.Predicate] = []
        for (i, w) in words.enumerated() {
            guard w.fields.count >= 11 else {
                throw DataError(.columnCount, file: reader.fileName, line: s.line,
                                "word \(w.fields[0]) has no predicate column (column 11)",
                                hint: "Use a Universal PropBank file, or ConlluReader for plain CoNLL-U")
            }
            let p = w.fields[10]
            if p != "_" && !p.isEmpty { predicates.append(.init(wordIndex: i, roleset: p)) }
        }
        var arguments = Array(repeating: [String](), count: predicates.count)
        for w in words {
            let extra = w.fields.count - 11
            guard extra == predicates.count || (extra == predicates.count + 1 && w.fields.last == "") else {
                throw DataError(.columnCount, file: reader.fileName, line: s.line,
                                "word \(w.fields[0]) has \(extra) argument columns for \(predicates.count) predicates",
                                hint: "Give one argument column per predicate of the sentence")
            }
            for k in predicates.indices { arguments[k].append(w.fields[11 + k]) }
        }
        return SRLSentence(conllu: s, predicates: predicates, arguments: arguments)
    }
}
