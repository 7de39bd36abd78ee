import Testing
import SequenceTagger

@Suite struct VocabularyTests {
    @Test func frequencyCutoffSizeLimitAndSpecialEntries() {
        var c = Vocabulary.Counter()
        c.add(contentsOf: ["the", "the", "the", "cat", "cat", "dog", "dog", "a", "<UNKNOWN>"])
        let v = Vocabulary.build(counts: c.counts, minFrequency: 2)
        #expect(v.entries == ["<PADDING>", "<UNKNOWN>", "the", "cat", "dog"], "ties in byte order")
        #expect(v.id(of: "the") == 2 && v.id(of: "a") == Vocabulary.unknownID && v.id(of: "<PADDING>") == Vocabulary.unknownID)
        let small = Vocabulary.build(counts: c.counts, maxSize: 4)
        #expect(small.count == 4 && small.entries == ["<PADDING>", "<UNKNOWN>", "the", "cat"])
        let all = Vocabulary.build(counts: c.counts)
        #expect(all.contains("<UNKNOWN>") && all.id(of: "<UNKNOWN>") > 1, "a corpus word spelled like a special entry gets its own id")
        #expect(Vocabulary(words: ["x", "x", "y"]).count == 4)
    }
}
