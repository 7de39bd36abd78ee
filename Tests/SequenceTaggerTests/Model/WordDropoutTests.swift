import Foundation
import Testing
import NNKit
import NNTestSupport
import SequenceTagger

/// Word dropout in the tagger: rates from the training counts, only while training, and a
/// resumed run draws exactly what an uninterrupted one draws.
@Suite struct WordDropoutTests {
    static func task(alpha: Float?, seed: UInt64 = 3) throws -> TaggerTrainingTask {
        let train = SyntheticCorpus.sentences(count: 120, seed: 1)
        let dev = SyntheticCorpus.sentences(count: 30, seed: 2)
        var c = try TaggerConfiguration.preset("pos")
        c.hiddenUnits = 16
        c.wordDimension = 8
        c.wordDropout = alpha
        let features = try FeatureExtractor.build(configuration: c, sentences: train, gazetteer: nil)
        let tags = TagSet(Set(train.flatMap(\.tags)).sorted())
        var rng = RandomGenerator(seed: seed)
        let model = TaggerModel(configuration: c, features: features, tags: tags, rng: &rng)
        return TaggerTrainingTask(tagger: model, train: try PreparedCorpus(sentences: train, model: model, file: "train"),
                                  dev: try PreparedCorpus(sentences: dev, model: model, file: "dev"))
    }

    @Test func ratesComeFromTheTrainingCounts() throws {
        let t = try Self.task(alpha: 0.25)
        let features = t.tagger.features
        let layer = try #require(t.tagger.network.wordDropout)
        #expect(t.tagger.network.network.layers.first === layer)
        var counts: [String: Int] = [:]
        let normalizer = WordNormalizer()
        for s in SyntheticCorpus.sentences(count: 120, seed: 1) { for w in s.words { counts[normalizer.normalize(w), default: 0] += 1 } }
        for (id, word) in features.words.entries.enumerated().dropFirst(2) {
            #expect(features.wordCounts[id] == counts[word])
            #expect(abs(layer.probabilities[id] - 0.25 / (0.25 + Float(counts[word]!))) < 1e-7)
        }
        #expect(layer.probabilities[Vocabulary.paddingID] == 0 && layer.probabilities[Vocabulary.unknownID] == 0)
        // None without the option, and none in a model loaded to tag.
        #expect(try Self.task(alpha: nil).tagger.network.wordDropout == nil)
        #expect(try Self.task(alpha: 0).tagger.network.wordDropout == nil)
    }

    @Test func resumingDrawsTheSameWordDropout() throws {
        func configuration(epochs: Int) -> TrainerConfiguration {
            var c = TrainerConfiguration(epochs: epochs, batchSize: 4, optimizer: AdaGrad(learningRate: 0.05))
            c.seed = 11
            return c
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("word-dropout-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = try Self.task(alpha: 1)
        _ = Trainer(task: full, configuration: configuration(epochs: 4)).run()
        let first = try Self.task(alpha: 1)
        var c1 = configuration(epochs: 2)
        c1.checkpointURL = dir.appendingPathComponent("ckpt.safetensors")
        _ = Trainer(task: first, configuration: c1).run()
        let second = try Self.task(alpha: 1)
        let trainer = Trainer(task: second, configuration: configuration(epochs: 4))
        try trainer.restoreCheckpoint(from: c1.checkpointURL!)
        _ = trainer.run()
        for (a, b) in zip(full.parameters, second.parameters) {
            #expect(a.value.storage == b.value.storage, "\(a.name) differs after resuming")
        }
        // And the dropout made a difference: a run without it ends elsewhere.
        let plain = try Self.task(alpha: nil)
        _ = Trainer(task: plain, configuration: configuration(epochs: 4)).run()
        #expect(plain.parameters[0].value.storage != full.parameters[0].value.storage)
    }
}
