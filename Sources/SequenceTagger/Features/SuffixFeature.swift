import NNKit
/// The suffix feature used for part-of-speech tagging by Collobert et al. (2011, section 3.5):
/// the last `length` characters (two by default) of the lower-cased word, whole when the word
/// is shorter. Their ids come from a `Vocabulary` built over the training suffixes.
public struct SuffixFeature: Sendable {
    public var length: Int

    public init(length: Int = 2) {
        require(length > 0, "SuffixFeature: length must be positive")
        self.length = length
    }

    public func suffix(of word: String) -> String { String(word.lowercased().suffix(length)) }
}

/// An extra input column used as a feature (for example the POS column when chunking, as in
/// Collobert et al. 2011, section 3.5): the column index and the vocabulary of its values.
public struct ColumnFeature: Sendable {
    public var column: Int
    public var vocabulary: Vocabulary

    public init(column: Int, vocabulary: Vocabulary) {
        self.column = column
        self.vocabulary = vocabulary
    }

    /// The ids of the column's values for every token of `sentence`.
    public func ids(for sentence: Sentence) -> [Int] {
        sentence.column(column).map { vocabulary.id(of: $0) }
    }
}
