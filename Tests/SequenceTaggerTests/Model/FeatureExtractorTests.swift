import Foundation
import Testing
import NNKit
import SequenceTagger

/// The feature ids of a sentence, one per table, with one suffix table per configured length;
/// such a model survives its file.
@Suite struct FeatureExtractorTests {
    static func sentence(_ words: [String], _ tags: [String]) -> Sentence {
        Sentence(tokens: zip(words, tags).map { Token(word: $0, tag: $1) })
    }
    static let corpus = [sentence(["Cats", "purr", "."], ["NNS", "VBP", "."]),
                         sentence(["A", "cat", "purrs", "."], ["DT", "NN", "VBZ", "."])]

    @Test func severalSuffixLengthsGiveOneTableEach() throws {
        var c = try TaggerConfiguration.preset("pos")
        c.suffixLengths = [1, 3]
        let f = try FeatureExtractor.build(configuration: c, sentences: Self.corpus, gazetteer: nil)
        #expect(f.tables.map(\.name) == ["word", "caps", "suffix1", "suffix3"])
        #expect(f.suffixVocabularies.count == 2)
        let ids = try f.ids(for: Sentence(words: ["dogs"]))
        // word (unknown), caps (all lower), "s", "ogs" (unseen three-letter suffix).
        #expect(ids.count == 4)
        #expect(ids[0] == Int32(Vocabulary.unknownID))
        #expect(ids[2] == Int32(f.suffixVocabularies[0].id(of: "s")) && ids[2] != Int32(Vocabulary.unknownID))
        #expect(ids[3] == Int32(Vocabulary.unknownID))
        // One length keeps the single table named "suffix", as earlier model files have it.
        c.suffixLengths = nil
        #expect(try FeatureExtractor.build(configuration: c, sentences: Self.corpus, gazetteer: nil).tables.map(\.name) == ["word", "caps", "suffix"])
    }

    @Test func aModelWithSeveralSuffixTablesRoundTripsThroughItsFile() throws {
        var c = try TaggerConfiguration.preset("pos")
        c.suffixLengths = [1, 2, 3]
        c.hiddenUnits = 8
        let f = try FeatureExtractor.build(configuration: c, sentences: Self.corpus, gazetteer: nil)
        var rng = RandomGenerator(seed: 1)
        let model = TaggerModel(configuration: c, features: f, tags: TagSet([".", "DT", "NN", "NNS", "VBP", "VBZ"]), rng: &rng)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("suffixes-\(getpid()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try TaggerModel.load(from: url)
        #expect(loaded.features.suffixVocabularies == f.suffixVocabularies)
        #expect(try loaded.scores(Self.corpus) == (try model.scores(Self.corpus)))
        let copy = url.appendingPathExtension("copy")
        defer { try? FileManager.default.removeItem(at: copy) }
        try loaded.save(to: copy)
        #expect(try Data(contentsOf: copy) == (try Data(contentsOf: url)))
        // A file that lost one suffix dictionary is refused with the file and the missing entry.
        var damaged = try SafeTensors(contentsOf: url)
        damaged.metadata["suffixes.2"] = nil
        try damaged.write(to: copy)
        do {
            _ = try TaggerModel.load(from: copy)
            Issue.record("a model without its third suffix dictionary loaded")
        } catch let error as TaggerError {
            #expect(error.description.contains(copy.path) && error.description.contains("'suffixes.2' is missing"), "\(error)")
        }
    }
}
