import Testing
import SequenceTagger

@Suite struct LineReaderTests {
    @Test func streamsWithABoundedBuffer() throws {
        // 3 MB of short sentences: the buffer never holds more than a chunk plus a line.
        var text = ""
        for i in 0..<100_000 { text += "w\(i % 97) X B-NP\nv X I-NP\n\n" }
        let path = TestFiles.write(text)
        let lines = try LineReader(path: path)
        let reader = ConllReader(lines: lines)
        var sentences = 0, tokens = 0
        try reader.forEachSentence { sentences += 1; tokens += $0.count }
        #expect(sentences == 100_000 && tokens == 200_000)
        #expect(lines.bufferHighWater <= 2 * LineReader.chunkSize)
        #expect(text.utf8.count > 20 * LineReader.chunkSize)
    }

    @Test func lineEndingsAndNumbers() throws {
        let r = try LineReader(path: TestFiles.write("a\r\n\nb"))
        #expect(try r.nextLine() == "a" && r.sawCRLF && r.lineNumber == 1)
        #expect(try r.nextLine() == "" && r.lineNumber == 2)
        #expect(try r.nextLine() == "b" && !r.lastLineHadNewline)
        #expect(try r.nextLine() == nil)
        let dir = try? LineReader(path: "/tmp")
        #expect(dir == nil, "a directory is refused")
    }
}
