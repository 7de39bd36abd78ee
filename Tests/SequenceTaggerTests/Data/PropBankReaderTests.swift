import Testing
import SequenceTagger

@Suite struct PropBankReaderTests {
    @Test func predicatesAndArgumentColumns() throws {
        let row = { (id: String, w: String, pred: String, args: [String]) in
            ([id, w, w.lowercased(), "X", "X", "_", "0", "dep", "_", "_", pred] + args).joined(separator: "\t") + "\n"
        }
        let text = row("1", "Pizza", "_", ["ARG1", "ARG1"]) + row("2", "is", "be.01", ["V", "_"])
            + row("3", "good", "good.02", ["ARG2", "V"]) + "\n"
            + row("1", "Hi", "_", [""]) + "\n"
        let r = try PropBankReader(path: TestFiles.write(text))
        let s = try r.nextSRLSentence()!
        #expect(s.sentence.words == ["Pizza", "is", "good"])
        #expect(s.predicates.map(\.wordIndex) == [1, 2] && s.predicates.map(\.roleset) == ["be.01", "good.02"])
        #expect(s.arguments == [["ARG1", "V", "ARG2"], ["ARG1", "_", "V"]])
        let t = try r.nextSRLSentence()!
        #expect(t.predicates.isEmpty && t.arguments.isEmpty, "a trailing empty field is accepted")
        #expect(try r.nextSRLSentence() == nil)
        let bad = row("1", "is", "be.01", []) + "\n"
        #expect(throws: DataError.self) { _ = try PropBankReader(path: TestFiles.write(bad)).nextSRLSentence() }
    }
}
