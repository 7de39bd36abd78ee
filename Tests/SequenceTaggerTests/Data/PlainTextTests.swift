import Testing
import SequenceTagger

@Suite struct PlainTextTests {
    @Test func oneSentencePerLine() throws {
        let r = try PlainTextReader(path: TestFiles.write("The cat sat .\n\n  Two\tsentences  \nlast"))
        let s = try r.readAll()
        #expect(s.map(\.words) == [["The", "cat", "sat", "."], ["Two", "sentences"], ["last"]])
        #expect(r.blankLines == 1 && s[1].line == 3)
        #expect(s.map { PlainTextWriter().format($0) }.joined() == "The cat sat .\nTwo sentences\nlast\n")
        let long = try PlainTextReader(path: TestFiles.write(String(repeating: "w ", count: 10_000) + "\n"))
        #expect(throws: DataError.self) { _ = try long.nextSentence() }
        let allowed = try PlainTextReader(path: TestFiles.write(String(repeating: "w ", count: 10_000)), maxSentenceLength: 10_000)
        #expect(try allowed.nextSentence()?.count == 10_000)
    }

    @Test func tokenizerInSENNAsSpirit() {
        let t = Tokenizer()
        #expect(t.tokenize("Don't stop, John's \"friend\" (Mr. Smith) can't.") ==
                ["Do", "n't", "stop", ",", "John", "'s", "\"", "friend", "\"", "(", "Mr.", "Smith", ")", "ca", "n't", "."])
        #expect(t.tokenize("It cost $5.50, or 1,000,000 yen at 12:30...") ==
                ["It", "cost", "$", "5.50", ",", "or", "1,000,000", "yen", "at", "12:30", "..."])
        #expect(t.tokenize("The U.S. and J. Doe; they're well-known O'Neill fans!") ==
                ["The", "U.S.", "and", "J.", "Doe", ";", "they", "'re", "well-known", "O'Neill", "fans", "!"])
        #expect(t.tokenize("  ") == [])
        #expect(t.tokenize("I'm 'quoted' ``here''") == ["I", "'m", "'", "quoted", "'", "``", "here", "''"])
    }
}
