import Testing
import SequenceTagger

@Suite struct GazetteerFeatureTests {
    static let g = GazetteerFeature(lists: [("loc", ["new york", "york", "new  york city"]), ("per", ["john smith"]),
                                            ("org", ["new york times"]), ("misc", [])])

    @Test func multiWordEntriesMarkEveryTokenOfTheSpan() {
        let m = Self.g.marks(["The", "New", "York", "Times", "said", "JOHN", "Smith", "left", "York"])
        #expect(m[0] == [0, 1, 1, 0, 0, 0, 0, 0, 1])
        #expect(m[1] == [0, 0, 0, 0, 0, 1, 1, 0, 0])
        #expect(m[2] == [0, 1, 1, 1, 0, 0, 0, 0, 0])
        #expect(m[3] == Array(repeating: 0, count: 9))
        #expect(Self.g.marks(["New", "York", "City"])[0] == [1, 1, 1], "runs of spaces in entries collapse")
        #expect(Self.g.marks([]) == [[], [], [], []])
        #expect(Self.g.names == ["loc", "per", "org", "misc"] && Self.g.entryCounts == [3, 1, 1, 0])
    }

    @Test func sharedListsLoad() throws {
        guard let dir = TestFiles.corpus("gazetteers") else { print("skipped: ../shared/data/gazetteers not found"); return }
        let g = try GazetteerFeature.load(directory: dir)
        #expect(g.givenCounts == [36_697, 123_283, 6_440, 4_722], "the counts of the data README")
        #expect(g.entryCounts == [36_697, 123_281, 6_440, 4_722], "two person entries differ only by case (Zülle)")
        let m = g.marks(["He", "flew", "to", "New", "York", "."])
        #expect(m[0][3] == 1 && m[0][4] == 1 && m[0][1] == 0)
    }
}
