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

@Suite struct TagSetTests {
    @Test func idsAndUnknownTags() throws {
        let t = TagSet(["I-NP", "B-NP", "O", "B-NP"])
        #expect(t.tags == ["B-NP", "I-NP", "O"] && t.count == 3)
        #expect(try t.id(of: "O") == 2)
        do { _ = try t.id(of: "B-VP", file: "dev.txt", line: 7); Issue.record("expected an error") } catch let e as DataError {
            #expect(e.kind == .unknownTag && e.description.hasPrefix("dev.txt:7: tag 'B-VP' is not among the 3 tags"))
        }
    }
}
