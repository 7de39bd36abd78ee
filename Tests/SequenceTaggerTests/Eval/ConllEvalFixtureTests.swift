import Testing
import SequenceTagger

/// The library reproduces the original conlleval reports byte for byte on the hand-made cases.
@Suite struct ConllEvalFixtureTests {
    static func score(_ input: String, options: [String], scheme: TagScheme? = nil) throws -> String {
        var o = ConllEval.Options()
        var latex = false
        var i = 0
        while i < options.count {
            switch options[i] {
            case "-d": i += 1; o.delimiter = options[i]
            case "-r": o.raw = true
            case "-o": i += 1; o.outsideTag = options[i]
            case "-l": latex = true
            default: Issue.record("unknown option \(options[i])")
            }
            i += 1
        }
        if let scheme { o.prefixMap = ConllEval.Options.prefixMap(for: scheme) }
        var eval = try ConllEval(options: o)
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if input.hasSuffix("\n") { lines.removeLast() }
        for l in lines { try eval.add(line: l) }
        eval.finish()
        return latex ? eval.latexReport() : eval.report()
    }

    @Test(arguments: ConllevalFixtures.all)
    func reportMatchesTheScript(fixture: ConllevalFixture) throws {
        #expect(try Self.score(fixture.input, options: fixture.options) == fixture.expected)
    }

    @Test func iobesIsScoredAsIOB2WhenAsked() throws {
        let iobes = ConllevalFixtures.all.first { $0.name == "iobes" && $0.options.isEmpty }!
        let converted = try Self.score(iobes.input, options: [], scheme: .iobes)
        #expect(converted == ConllevalFixtures.iobesConverted)
        #expect(converted != iobes.expected, "the script's raw reading of IOBES differs from the intended one")
    }

    @Test func wrongFieldCountsAreErrorsWithTheLine() throws {
        var eval = try ConllEval()
        try eval.add(line: "a X B-NP B-NP")
        #expect(throws: DataError.self) { try eval.add(line: "b X I-NP") }
        do {
            var e2 = try ConllEval()
            try e2.add(line: "b X I-NP I-NP")
            try e2.add(line: "b X I-NP")
        } catch let e as DataError {
            #expect(e.kind == .columnCount && e.line == 2)
            #expect(e.description.contains("unexpected number of features: 3 (4)"))
        }
        var single = try ConllEval()
        #expect(throws: DataError.self) {
            for l in ConllevalFixtures.tabWithoutDelimiter.split(separator: "\n") { try single.add(line: String(l)) }
        }
    }

    @Test func sentenceAPIMatchesLineAPI() throws {
        let gold = [["B-NP", "I-NP", "O", "B-VP"], ["I-NP", "B-NP"]]
        let guess = [["B-NP", "B-NP", "O", "B-VP"], ["I-NP", "I-NP"]]
        var bySentence = try ConllEval()
        var byLine = try ConllEval()
        for (g, p) in zip(gold, guess) {
            try bySentence.add(gold: g, guessed: p)
            for (a, b) in zip(g, p) { try byLine.add(line: "w \(a) \(b)") }
            try byLine.add(line: "")
        }
        bySentence.finish()
        byLine.finish()
        #expect(bySentence.report() == byLine.report())
        #expect(bySentence.goldChunks == 4 && bySentence.guessedChunks == 4 && bySentence.correctChunks == 1)
        #expect(bySentence.tokens == 6 && bySentence.correctTags == 4)
    }

    @Test func badDelimiterRegexIsAnError() {
        var o = ConllEval.Options()
        o.delimiter = "(["
        #expect(throws: DataError.self) { _ = try ConllEval(options: o) }
    }
}
