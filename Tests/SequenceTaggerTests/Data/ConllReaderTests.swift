import Testing
import SequenceTagger

@Suite struct ConllReaderTests {
    static func read(_ text: String, _ options: ConllReader.Options = .init()) throws -> [Sentence] {
        try ConllReader(path: TestFiles.write(text), options: options).readAll()
    }

    @Test func columnsWordsTagsAndDocumentStarts() throws {
        let text = "-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects\tVBZ  O\n\n\n-DOCSTART- -X- O\nPeter NNP B-PER\n"
        let s = try Self.read(text)
        #expect(s.count == 2)
        #expect(s[0].words == ["EU", "rejects"] && s[0].tags == ["B-ORG", "O"])
        #expect(s[0].column(1) == ["NNP", "VBZ"])
        #expect(s[0].documentStart == ["-DOCSTART-", "-X-", "O"] && s[0].documentStartOwnBlock)
        #expect(s[0].line == 3 && s[1].line == 8)
        #expect(s[1].documentStart != nil && !s[1].documentStartOwnBlock)
        let chosen = try Self.read("a b c\n", .init(wordColumn: 1, tagColumn: 0))
        #expect(chosen[0].words == ["b"] && chosen[0].tags == ["a"] && chosen[0].tagColumn == 0)
        let untagged = try Self.read("a b c\n", .init(tagColumn: nil))
        #expect(untagged[0].tokens[0].tag == nil)
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let s = try Self.read("a X B-NP\r\nb X I-NP\r\n\r\nc X O")
        #expect(s.map(\.words) == [["a", "b"], ["c"]])
        #expect(s[0].tags == ["B-NP", "I-NP"] && s[1].tags == ["O"])
    }

    @Test func writingAWellFormedFileGivesTheSameBytes() throws {
        let text = "-DOCSTART- O\n\nEU S-ORG\nrejects O\n\n-DOCSTART- O\nDat O\nis O\n\nb I-X\n\n"
        let path = TestFiles.write(text)
        let reader = try ConllReader(path: path)
        var out = ""
        let w = ConllWriter()
        try reader.forEachSentence { out += w.format($0) }
        #expect(out == text)
    }

    @Test func wrongColumnCountNamesFileAndLine() throws {
        let path = TestFiles.write("a X B-NP\nb X I-NP\n\nc O\n")
        do {
            _ = try ConllReader(path: path).readAll()
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.kind == .columnCount && e.line == 4 && e.file == path)
            #expect(e.description.contains("expected 3 columns (as on the first token line), found 2"))
        }
        #expect(throws: DataError.self) { _ = try Self.read("a b\n", .init(wordColumn: 5)) }
    }

    @Test func invalidUTF8EmptyFileAndMissingFile() throws {
        let bad = TestFiles.write([0x61, 0x20, 0x4f, 0x0a, 0xc3, 0x28, 0x20, 0x4f, 0x0a])
        do { _ = try ConllReader(path: bad).readAll(); Issue.record("expected an error") } catch let e as DataError {
            #expect(e.kind == .invalidUTF8 && e.line == 2)
        }
        for empty in ["", "\n\n", " \t \n"] {
            do { _ = try Self.read(empty); Issue.record("expected an error for \(empty.debugDescription)") } catch let e as DataError {
                #expect(e.kind == .emptyFile && e.line == nil)
            }
        }
        #expect(try Self.read("", .init(allowEmpty: true)).isEmpty)
        do { _ = try ConllReader(path: "/nonexistent/x.txt"); Issue.record("expected an error") } catch let e as DataError {
            #expect(e.kind == .cannotOpen)
        }
    }

    @Test func aTenThousandTokenSentenceIsReportedOrReadWhenAllowed() throws {
        let text = String(repeating: "w X O\n", count: 10_000)
        let path = TestFiles.write(text)
        do { _ = try ConllReader(path: path).readAll(); Issue.record("expected an error") } catch let e as DataError {
            #expect(e.kind == .sentenceTooLong && e.line == 5_001)
            #expect(e.description.contains("missing blank lines"))
        }
        let s = try ConllReader(path: path, options: .init(maxSentenceLength: 20_000)).readAll()
        #expect(s.count == 1 && s[0].count == 10_000)
    }

    @Test func withTagsRewritesTheTagColumn() throws {
        let s = try Self.read("a X B-NP\nb X I-NP\n")[0].withTags(["S-NP", "O"])
        #expect(ConllWriter().format(s) == "a X S-NP\nb X O\n\n")
    }
}
