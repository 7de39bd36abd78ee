import Testing
import NNKit
import NNTestSupport
import SequenceTagger

/// The tagging shortcut computes what the plain first layer computes, whatever part of the
/// vocabulary has stored products.
@Suite struct PrecomputedFirstLayerTests {
    static func network(seed: UInt64) -> WindowNetwork {
        var rng = RandomGenerator(seed: seed)
        let shape = WindowNetworkShape(windowSize: 5,
                                       tables: [.init(name: "word", vocabularySize: 40, dimension: 6, paddingId: 0),
                                                .init(name: "caps", vocabularySize: 5, dimension: 2, paddingId: 0),
                                                .init(name: "suffix", vocabularySize: 9, dimension: 3, paddingId: 0)],
                                       hiddenUnits: 13, tagCount: 4)
        return WindowNetwork(shape: shape, rng: &rng)
    }

    @Test(arguments: [0, 1, 4, 7, 40, 1000])
    func equalsThePlainFirstLayer(maxCachedRows: Int) {
        let net = Self.network(seed: UInt64(maxCachedRows) + 1)
        var rng = RandomGenerator(seed: 9)
        let sentences: [[Int32]] = (0..<6).map { _ in
            (0..<(1 + rng.int(below: 9))).flatMap { _ in [Int32(rng.int(below: 40)), Int32(rng.int(below: 5)), Int32(rng.int(below: 9))] }
        }
        let (windows, _) = net.windowBuilder.windows(for: sentences)
        net.isTraining = false
        net.forward(windows)
        let plain = net.hidden.output
        let layer = PrecomputedFirstLayer(network: net, maxCachedRows: maxCachedRows)
        #expect(layer.cachedRows == [min(40, maxCachedRows), min(5, maxCachedRows), min(9, maxCachedRows)])
        #expect(layer.storedBytes == 4 * 13 * 5 * layer.cachedRows.reduce(0, +))
        let fast = layer.forward(windows)
        #expect(fast.rows == plain.rows && fast.cols == plain.cols)
        #expect(fast.maxAbsDifference(plain) < 1e-5, "\(fast.maxAbsDifference(plain))")
        // A second, smaller batch reuses the buffers and still agrees.
        let (few, _) = net.windowBuilder.windows(for: [sentences[0]])
        net.forward(few)
        #expect(layer.forward(few).maxAbsDifference(net.hidden.output) < 1e-5)
        // With the activation fused, the output is the HardTanh's.
        let fused = PrecomputedFirstLayer(network: net, maxCachedRows: maxCachedRows, fusesActivation: true)
        #expect(fused.forward(few).maxAbsDifference(net.activation.output) < 1e-5)
    }

    @Test func aTaggerPreparedForTaggingScoresAsBefore() throws {
        let train = SyntheticCorpus.sentences(count: 60, seed: 1)
        var c = try TaggerConfiguration.preset("pos")
        c.hiddenUnits = 20
        let features = try FeatureExtractor.build(configuration: c, sentences: train, gazetteer: nil)
        var rng = RandomGenerator(seed: 2)
        let model = TaggerModel(configuration: c, features: features, tags: TagSet(Set(train.flatMap(\.tags)).sorted()), rng: &rng)
        let test = SyntheticCorpus.sentences(count: 20, seed: 3)
        let before = try model.scores(test)
        model.prepareForTagging(maxCachedRows: 10)
        #expect(model.precomputed != nil)
        for (a, b) in zip(before, try model.scores(test)) { #expect(a.maxAbsDifference(b) < 1e-5) }
        // Several workers on small batches tag exactly as one batch at a time on the plain network.
        let plainTags = try { model.discardTaggingProducts(); return try model.tag(test, batchWindows: 15) }()
        model.prepareForTagging(maxCachedRows: 10)
        for threads in [1, 2, 3] {
            model.taggingThreads = threads
            #expect(try model.tag(test, batchWindows: 15) == plainTags, "\(threads) threads")
        }
        // Training discards the products, which would go stale.
        _ = TaggerTrainingTask(tagger: model, train: try PreparedCorpus(sentences: train, model: model, file: "t"), dev: nil)
        #expect(model.precomputed == nil)
    }
}
