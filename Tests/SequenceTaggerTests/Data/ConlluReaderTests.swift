import Testing
import SequenceTagger

@Suite struct ConlluReaderTests {
    static let text = """
    # sent_id = 1
    # text = Don't go.
    1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
    1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
    2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
    3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
    3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t3:conj\t_
    4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

    1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_

    """ + "\n"

    @Test func wordsSkipRangesAndEmptyNodes() throws {
        let r = try ConlluReader(path: TestFiles.write(Self.text))
        let s = try r.readAll()
        #expect(s.count == 2)
        #expect(s[0].words == ["Do", "n't", "go", "."])
        #expect(s[0].tags == ["AUX", "PART", "VERB", "PUNCT"])
        #expect(s[1].words == ["Hi"])
        let x = try ConlluReader(path: TestFiles.write(Self.text), tagColumn: .xpos).readAll()
        #expect(x[0].tags == ["VBP", "RB", "VB", "."])
    }

    @Test func writingGivesTheSameBytes() throws {
        let r = try ConlluReader(path: TestFiles.write(Self.text))
        var out = ""
        while let s = try r.nextConlluSentence() { out += ConlluWriter().format(s) }
        #expect(out == Self.text)
        let first = try ConlluReader(path: TestFiles.write(Self.text)).nextConlluSentence()!
        #expect(first.comments.count == 2 && first.entries.count == 6)
        #expect(first.entries.map(\.kind) == [.multiword, .word, .word, .word, .emptyNode, .word])
        let retagged = first.withTags(["X", "X", "X", "X"], column: .xpos)
        #expect(retagged.sentence(tag: .xpos).tags == ["X", "X", "X", "X"])
    }

    @Test func malformedLines() throws {
        for (bad, kind) in [("1\tword\tonly\n\n", DataError.Kind.columnCount),
                            ("x\ta\tb\tc\td\te\tf\tg\th\ti\n\n", .malformedLine),
                            ("# only a comment\n\n", .malformedLine), ("", .emptyFile)] {
            do { _ = try ConlluReader(path: TestFiles.write(bad)).readAll(); Issue.record("no error for \(bad.debugDescription)") }
            catch let e as DataError { #expect(e.kind == kind) }
        }
    }
}
