import Testing
import SequenceTagger

@Suite struct ConfusionMatrixTests {
    @Test func countsAccuracyAndTable() {
        var m = ConfusionMatrix()
        m.add(gold: ["NN", "VB", "NN", "DT"], guessed: ["NN", "NN", "NN", "DT"])
        m.add(gold: "VB", guessed: "VB")
        #expect(m.total == 5)
        #expect(m.count(gold: "VB", guessed: "NN") == 1)
        #expect(m.count(gold: "NN", guessed: "VB") == 0)
        #expect(abs(m.accuracy - 0.8) < 1e-12)
        #expect(m.labels == ["DT", "NN", "VB"])
        let lines = m.format().split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines[0] == ["gold\\guess", "DT", "NN", "VB"])
        #expect(lines[3] == ["VB", "0", "1", "1"])
    }

    @Test func scoringKeepsAConfusionMatrixOfRawTags() throws {
        var e = try ConllEval()
        for l in ["a B-NP B-NP", "b I-NP B-NP", "", "c O I-VP"] { try e.add(line: l) }
        e.finish()
        #expect(e.confusion.total == 3)
        #expect(e.confusion.count(gold: "I-NP", guessed: "B-NP") == 1)
        #expect(e.confusion.count(gold: "O", guessed: "I-VP") == 1)
    }
}
