import Testing
import SequenceTagger

@Suite struct WordFeatureTests {
    @Test func normalizer() {
        let n = WordNormalizer()
        #expect(n.normalize("Paris") == "paris")
        #expect(n.normalize("1,999.50") == "0,000.00")
        #expect(n.normalize("B52s") == "b00s")
        #expect(n.normalize("٣") == "0", "any decimal digit")
        #expect(WordNormalizer(lowercase: false).normalize("A1") == "A0")
    }

    @Test func capsFeature() {
        #expect(CapsFeature(word: "house") == .allLower)
        #expect(CapsFeature(word: ",") == .allLower && CapsFeature(word: "1999") == .allLower)
        #expect(CapsFeature(word: "USA") == .allCaps && CapsFeature(word: "IBM-3") == .allCaps)
        #expect(CapsFeature(word: "Paris") == .initialCap && CapsFeature(word: "I") == .initialCap)
        #expect(CapsFeature(word: "McDonald") == .initialCap)
        #expect(CapsFeature(word: "iPod") == .hasCap && CapsFeature(word: "eBay") == .hasCap)
        #expect(CapsFeature.cardinality == 5 && CapsFeature.padding.rawValue == 0)
    }

    @Test func suffixAndColumnFeatures() {
        let s = SuffixFeature()
        #expect(s.suffix(of: "Walking") == "ng" && s.suffix(of: "A") == "a")
        #expect(SuffixFeature(length: 3).suffix(of: "CATS") == "ats")
        let sentence = Sentence(tokens: [Token(word: "He", tag: "B-NP", columns: ["He", "PRP", "B-NP"]),
                                         Token(word: "ran", tag: "B-VP", columns: ["ran", "VBD", "B-VP"])],
                                tagColumn: 2)
        let f = ColumnFeature(column: 1, vocabulary: Vocabulary(words: ["VBD"]))
        #expect(f.ids(for: sentence) == [Vocabulary.unknownID, 2])
    }
}
