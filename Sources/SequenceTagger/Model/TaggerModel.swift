import Foundation
import NNKit

/// A trained (or training) window tagger: feature dictionaries, tag set, the window network and,
/// for sentence-level training, the transition scores. Tags whole batches of sentences at once:
/// their windows go through the network as one matrix, then each sentence is decoded — by
/// Viterbi with the transitions (SLL), or by the best score per word (WLL).
public final class TaggerModel {
    public let configuration: TaggerConfiguration
    public let features: FeatureExtractor
    /// The tags the network scores, in the training scheme.
    public let tags: TagSet
    public let network: WindowNetwork
    public let sll: SentenceLogLikelihood?
    /// The first layer with precomputed products for tagging (`prepareForTagging`); nil while training.
    public private(set) var precomputed: PrecomputedFirstLayer? { didSet { workers = [] } }
    /// Threads `tag` uses once prepared for tagging (default: every core), each on its own batch.
    public var taggingThreads = ProcessInfo.processInfo.activeProcessorCount
    private var workers: [TaggingWorker] = []
    private let decoder = ViterbiDecoder()
    private var windows = Matrix(rows: 0, cols: 0)

    /// A new tagger with random initial weights.
    public convenience init(configuration: TaggerConfiguration, features: FeatureExtractor, tags: TagSet, rng: inout RandomGenerator) {
        let shape = Self.networkShape(configuration: configuration, features: features, tags: tags)
        let wordDropout = configuration.wordDropout.flatMap { $0 > 0 && !features.wordCounts.isEmpty ? ($0, features.wordCounts) : nil }
        self.init(configuration: configuration, features: features, tags: tags,
                  network: WindowNetwork(shape: shape, rng: &rng, wordDropout: wordDropout))
    }

    /// A tagger with the given weights, named as in `weightShapes` (the caller checks them).
    public convenience init(configuration: TaggerConfiguration, features: FeatureExtractor, tags: TagSet, weights: [String: Matrix]) {
        let shape = Self.networkShape(configuration: configuration, features: features, tags: tags)
        self.init(configuration: configuration, features: features, tags: tags, network: WindowNetwork(shape: shape, weights: weights))
        if let sll, let a = weights["sll.transitions"], let a0 = weights["sll.initial"] {
            sll.transitions.value = a
            sll.initial.value = a0
        }
    }

    private init(configuration: TaggerConfiguration, features: FeatureExtractor, tags: TagSet, network: WindowNetwork) {
        self.configuration = configuration
        self.features = features
        self.tags = tags
        self.network = network
        sll = configuration.criterion == .sll ? SentenceLogLikelihood(tagCount: tags.count) : nil
    }

    static func networkShape(configuration c: TaggerConfiguration, features: FeatureExtractor, tags: TagSet) -> WindowNetworkShape {
        WindowNetworkShape(windowSize: c.windowSize, tables: features.tables, hiddenUnits: c.hiddenUnits, tagCount: tags.count, dropout: c.dropout,
                           inputDropout: c.inputDropout ?? 0)
    }

    /// The name and shape of every weight of a tagger with this configuration: the network's,
    /// then for SLL the transitions `sll.transitions` (K x K) and initial scores `sll.initial` (1 x K).
    public static func weightShapes(configuration: TaggerConfiguration, features: FeatureExtractor, tags: TagSet) -> [(name: String, rows: Int, cols: Int)] {
        var shapes = networkShape(configuration: configuration, features: features, tags: tags).parameterShapes
        if configuration.criterion == .sll { shapes += [("sll.transitions", tags.count, tags.count), ("sll.initial", 1, tags.count)] }
        return shapes
    }

    /// Every trainable parameter: the network's, then the transitions.
    public var parameters: [Parameter] { network.parameters + (sll?.parameters ?? []) }

    /// Writes the windows of `sentences` (feature ids, token-major) into one matrix and returns
    /// it with each sentence's row range.
    public func windows(for sentences: [[Int32]]) -> (windows: Matrix, ranges: [Range<Int>]) {
        let ranges = network.windowBuilder.write(sentences: sentences, into: &windows)
        return (windows, ranges)
    }

    /// Stores the first layer's products for the `maxCachedRows` most frequent ids of each table
    /// (`PrecomputedFirstLayer`), so that tagging skips most of its largest matrix product.
    /// For a model that is done training: any later update must call it again, or
    /// `discardTaggingProducts()`.
    public func prepareForTagging(maxCachedRows: Int = 2048) {
        precomputed = PrecomputedFirstLayer(network: network, maxCachedRows: maxCachedRows, fusesActivation: true)
    }

    /// Drops the stored products: tagging goes through the plain network again.
    public func discardTaggingProducts() { precomputed = nil }

    /// The tag scores of a batch of windows in evaluation mode, through the stored products when prepared.
    public func taggingScores(_ windows: Matrix) -> Matrix {
        let wasTraining = network.isTraining
        network.isTraining = false
        defer { network.isTraining = wasTraining }
        guard let precomputed else { return network.forward(windows) }
        return network.output.forward(precomputed.forward(windows))
    }

    /// Tag ids for each sentence of a batch of feature-id sentences (evaluation mode).
    public func predictIds(_ sentences: [[Int32]]) -> [[Int]] {
        let (w, ranges) = windows(for: sentences)
        return decode(scores: taggingScores(w), ranges: ranges)
    }

    /// Decodes each sentence's rows of a score matrix.
    public func decode(scores: Matrix, ranges: [Range<Int>]) -> [[Int]] {
        decode(scores: scores, ranges: ranges, using: decoder)
    }

    /// The same with a given decoder (its buffers), for one tagging thread.
    func decode(scores: Matrix, ranges: [Range<Int>], using decoder: ViterbiDecoder) -> [[Int]] {
        if let sll {
            return ranges.map { decoder.decode(scores: scores, rows: $0, transitions: sll.transitions.value, initial: sll.initial.value) }
        }
        let best = scores.argmaxPerRow()
        return ranges.map { Array(best[$0]) }
    }

    /// Consecutive ranges of sentences (given their lengths) of at most `maxWords` words each;
    /// a longer sentence gets a range of its own.
    static func batches(lengths: [Int], maxWords: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        while start < lengths.count {
            var end = start, words = 0
            while end < lengths.count && (words == 0 || words + lengths[end] <= maxWords) {
                words += lengths[end]
                end += 1
            }
            batches.append(start..<end)
            start = end
        }
        return batches
    }

    /// Tags for sentences, in the scheme of the training data (`outputScheme`), in batches of
    /// about `batchWindows` words. Prepared for tagging, the batches go to up to
    /// `taggingThreads` workers at once (`TaggingWorker`).
    public func tag(_ sentences: [Sentence], batchWindows: Int = 4096) throws -> [[String]] {
        let batches = Self.batches(lengths: sentences.map(\.count), maxWords: batchWindows)
        if let precomputed { return try tagInParallel(sentences, batches: batches, first: precomputed) }
        var out: [[String]] = []
        out.reserveCapacity(sentences.count)
        for batch in batches {
            let ids = try sentences[batch].map { try features.ids(for: $0) }
            for (k, predicted) in predictIds(ids).enumerated() {
                out.append(try outputTags(ids: predicted, count: sentences[batch.lowerBound + k].count))
            }
        }
        return out
    }

    /// Batch b goes to worker b mod W; the library's products run on one thread meanwhile.
    private func tagInParallel(_ sentences: [Sentence], batches: [Range<Int>], first: PrecomputedFirstLayer) throws -> [[String]] {
        let count = max(1, min(taggingThreads, batches.count))
        while workers.count < count { workers.append(TaggingWorker(model: self, first: first.copy())) }
        // Only when the count can be read back (OpenBLAS can) is it lowered, so it is always restored.
        let blasThreads = BLAS.shared.threads
        if blasThreads != nil { BLAS.shared.setThreads(1) }
        let swiftThreads = SwiftGemm.maxThreads
        SwiftGemm.maxThreads = 1
        defer {
            if let t = blasThreads { BLAS.shared.setThreads(t) }
            SwiftGemm.maxThreads = swiftThreads
        }
        var results = [Result<[[String]], Error>?](repeating: nil, count: batches.count)
        let pool = workers
        results.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: count) { w in
                var b = w
                while b < batches.count {
                    slots[b] = Result { try pool[w].tag(sentences[batches[b]]) }
                    b += count
                }
            }
        }
        var out: [[String]] = []
        out.reserveCapacity(sentences.count)
        for r in results { out += try r!.get() }
        return out
    }

    /// The network's tag scores for each sentence (one row per word, one column per tag of
    /// `tags`), before any decoding.
    public func scores(_ sentences: [Sentence]) throws -> [Matrix] {
        let (w, ranges) = windows(for: try sentences.map { try features.ids(for: $0) })
        let all = taggingScores(w)
        return ranges.map { r in Matrix(rows: r.count, cols: all.cols, values: Array(all.storage[(r.lowerBound * all.cols)..<(r.upperBound * all.cols)])) }
    }

    /// The tags of tag ids, in the scheme of the training data.
    func outputTags(ids: [Int], count: Int) throws -> [String] {
        try outputTags(ids.map { tags.tags[$0] }, count: count)
    }

    /// Converts tags of the training scheme back to the scheme of the training data.
    func outputTags(_ internalTags: [String], count: Int) throws -> [String] {
        guard configuration.isChunking, let from = TagScheme(rawValue: configuration.trainingScheme),
              let to = TagScheme(rawValue: configuration.outputScheme), from != to else { return internalTags }
        return try TagScheme.convert(internalTags, from: from, to: to)
    }
}
