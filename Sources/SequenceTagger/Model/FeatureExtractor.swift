import NNKit

/// Turns a sentence into the discrete feature ids of the window network, one id per lookup
/// table and token (Collobert et al. 2011, section 3.2.1 and 3.5): the normalised word
/// (lower-cased, digits to 0), then — as configured — its capitalisation, its suffix, the
/// chosen input columns (e.g. POS tags for chunking), and one gazetteer flag per list.
///
/// Ids are laid out token-major (`ids[i * tables + t]`), as `WindowBuilder` expects.
public struct FeatureExtractor: Sendable {
    public let configuration: TaggerConfiguration
    public let words: Vocabulary
    /// One dictionary per suffix length (`configuration.activeSuffixLengths`).
    public let suffixVocabularies: [Vocabulary]
    /// The dictionary of the first suffix length.
    public var suffixes: Vocabulary? { suffixVocabularies.first }
    public let columns: [Vocabulary]
    public let gazetteer: GazetteerFeature?
    /// How often each word id occurred in the training data (empty for a loaded model): the
    /// counts behind word dropout.
    public let wordCounts: [Int]
    private let normalizer = WordNormalizer()
    private let suffixFeatures: [SuffixFeature]

    /// `suffixes`: the dictionary of the first suffix length; `moreSuffixes`: those of the others.
    public init(configuration: TaggerConfiguration, words: Vocabulary, suffixes: Vocabulary?, moreSuffixes: [Vocabulary] = [],
                columns: [Vocabulary], gazetteer: GazetteerFeature?, wordCounts: [Int] = []) {
        self.configuration = configuration
        self.wordCounts = wordCounts
        self.words = words
        suffixVocabularies = (suffixes.map { [$0] } ?? []) + moreSuffixes
        self.columns = columns
        self.gazetteer = gazetteer
        suffixFeatures = configuration.activeSuffixLengths.map { SuffixFeature(length: $0) }
        require(suffixFeatures.count == suffixVocabularies.count,
                "FeatureExtractor: \(suffixVocabularies.count) suffix dictionaries for suffix lengths \(configuration.activeSuffixLengths)")
    }

    /// Builds the dictionaries from training sentences.
    public static func build(configuration: TaggerConfiguration, sentences: [Sentence],
                             gazetteer: GazetteerFeature?) throws -> FeatureExtractor {
        if !configuration.gazetteerNames.isEmpty && gazetteer == nil {
            throw TaggerError.usage("the configuration uses gazetteers but none were loaded; pass --gazetteers DIR")
        }
        let normalizer = WordNormalizer()
        let suffixFeatures = configuration.activeSuffixLengths.map { SuffixFeature(length: $0) }
        var wordCounts = Vocabulary.Counter()
        var suffixCounts = [Vocabulary.Counter](repeating: .init(), count: suffixFeatures.count)
        var columnCounts = [Vocabulary.Counter](repeating: .init(), count: configuration.featureColumns.count)
        for s in sentences {
            for t in s.tokens {
                wordCounts.add(normalizer.normalize(t.word))
                for (k, f) in suffixFeatures.enumerated() { suffixCounts[k].add(f.suffix(of: t.word)) }
                for (k, c) in configuration.featureColumns.enumerated() {
                    guard c < t.columns.count else {
                        throw TaggerError.data("line \(s.line): the feature column \(c + 1) does not exist (the line has \(t.columns.count) columns); check --feature-column")
                    }
                    columnCounts[k].add(t.columns[c])
                }
            }
        }
        let words = Vocabulary.build(counts: wordCounts.counts, minFrequency: configuration.minWordFrequency, maxSize: configuration.maxVocabulary)
        return FeatureExtractor(
            configuration: configuration,
            words: words,
            suffixes: suffixCounts.first.map { .build(counts: $0.counts) },
            moreSuffixes: suffixCounts.dropFirst().map { .build(counts: $0.counts) },
            columns: columnCounts.map { .build(counts: $0.counts) },
            gazetteer: gazetteer,
            wordCounts: words.entries.enumerated().map { id, w in id < 2 ? 0 : wordCounts.counts[w] ?? 0 })
    }

    /// The lookup tables, in id order, with their sizes and padding ids.
    public var tables: [WindowNetworkShape.Table] {
        let c = configuration
        var t = [WindowNetworkShape.Table(name: "word", vocabularySize: words.count, dimension: c.wordDimension, paddingId: Vocabulary.paddingID)]
        if let d = c.capsDimension {
            t.append(.init(name: "caps", vocabularySize: CapsFeature.cardinality, dimension: d, paddingId: CapsFeature.padding.rawValue))
        }
        if let d = c.suffixDimension {
            // One length keeps the table name "suffix" of earlier model files.
            let lengths = c.activeSuffixLengths
            for (k, s) in suffixVocabularies.enumerated() {
                t.append(.init(name: lengths.count == 1 ? "suffix" : "suffix\(lengths[k])", vocabularySize: s.count, dimension: d,
                               paddingId: Vocabulary.paddingID))
            }
        }
        for (k, col) in c.featureColumns.enumerated() {
            t.append(.init(name: "column\(col + 1)", vocabularySize: columns[k].count, dimension: c.featureColumnDimension,
                           paddingId: Vocabulary.paddingID))
        }
        for name in c.gazetteerNames {
            t.append(.init(name: "gazetteer.\(name)", vocabularySize: 3, dimension: c.gazetteerDimension, paddingId: 2))
        }
        return t
    }

    public var tableCount: Int { tables.count }

    /// The ids of one sentence, token-major, appended to `out`.
    public func appendIds(for sentence: Sentence, to out: inout [Int32]) throws {
        let c = configuration
        let marks = c.gazetteerNames.isEmpty ? [] : gazetteerMarks(sentence.words)
        for (i, token) in sentence.tokens.enumerated() {
            out.append(Int32(words.id(of: normalizer.normalize(token.word))))
            if c.capsDimension != nil { out.append(Int32(CapsFeature(word: token.word).rawValue)) }
            for (k, f) in suffixFeatures.enumerated() { out.append(Int32(suffixVocabularies[k].id(of: f.suffix(of: token.word)))) }
            for (k, col) in c.featureColumns.enumerated() {
                guard col < token.columns.count else {
                    throw TaggerError.data("line \(sentence.line + i): the feature column \(col + 1) does not exist (the line has \(token.columns.count) columns); the model was trained with it")
                }
                out.append(Int32(columns[k].id(of: token.columns[col])))
            }
            for list in marks { out.append(Int32(list[i])) }
        }
    }

    /// The ids of one sentence.
    public func ids(for sentence: Sentence) throws -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(sentence.count * tableCount)
        try appendIds(for: sentence, to: &out)
        return out
    }

    /// Gazetteer flags in the configuration's list order.
    private func gazetteerMarks(_ words: [String]) -> [[Int]] {
        guard let g = gazetteer else { return [] }
        let all = g.marks(words)
        return configuration.gazetteerNames.map { name in
            guard let k = g.names.firstIndex(of: name) else { return [Int](repeating: 0, count: words.count) }
            return all[k]
        }
    }
}
