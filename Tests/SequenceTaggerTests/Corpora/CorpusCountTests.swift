import Testing
import SequenceTagger

/// The readers on the real corpora of ../shared/data: sentence and token counts as in its
/// README, byte-exact writing, and tag conversions that round-trip. Dev files are read whole;
/// training files and the 4.4M-token text are read in slices to keep the suite fast (the full
/// pass is `swift run -c release Benchmarks corpora`). Skipped when the corpora are absent.
@Suite struct CorpusCountTests {
    static func check(_ rel: String, _ format: CorpusCheck.Format, maxSentences: Int? = nil) throws -> CorpusCheck.Result? {
        guard let path = TestFiles.corpus(rel) else {
            print("skipped: ../shared/data/\(rel) not found")
            return nil
        }
        let r = try CorpusCheck.run(path: path, format: format, maxSentences: maxSentences)
        #expect(r.roundTrips, "\(rel): written bytes differ from line \(r.firstMismatchLine ?? 0), \(r.conversionFailures) conversion failures")
        #expect(r.bytesCompared > 0)
        return r
    }

    /// `thousands` is the README's rounded token figure.
    static func near(_ tokens: Int, _ thousands: Int) -> Bool { abs(tokens - thousands * 1000) <= 500 }

    @Test func conll2000Dev() throws {
        guard let r = try Self.check("conll2000/dev.txt", .conll(scheme: .iob2)) else { return }
        #expect(r.sentences == 1_000 && Self.near(r.tokens, 24))
        #expect(r.chunks == 11_759 && r.repairedSentences == 0)
    }

    @Test func conll2003DevIOBES() throws {
        guard let r = try Self.check("conll2003/eng.testa", .conll(scheme: .iobes)) else { return }
        #expect(r.sentences == 3_250 && Self.near(r.tokens, 51) && r.documents == 215)
    }

    @Test func conll2002DutchDev() throws {
        guard let r = try Self.check("conll2002/ned.testa", .conll(scheme: .iob2)) else { return }
        #expect(r.sentences == 2_895 && r.tokens == 37_687 && r.documents == 74)
    }

    @Test func conll2002SpanishDevHasOneRepairedSentence() throws {
        guard let r = try Self.check("conll2002/esp.testa", .conll(scheme: .iob2)) else { return }
        #expect(r.sentences == 1_915 && r.tokens == 52_923)
        #expect(r.repairedSentences == 1, "line 30882 has I-LOC after O")
    }

    @Test func universalDependenciesDev() throws {
        guard let r = try Self.check("ud-ewt/en_ewt-ud-dev.conllu", .conllu) else { return }
        #expect(r.sentences == 2_001 && Self.near(r.tokens, 25))
    }

    @Test func universalPropBankDev() throws {
        guard let r = try Self.check("up-ewt/en_ewt-up-dev.conllu", .propBank) else { return }
        #expect(r.sentences == 203 && r.tokens == 2_405 && r.predicates == 492)
    }

    @Test func trainingFilesAndTextInSlices() throws {
        let slices: [(String, CorpusCheck.Format)] = [
            ("conll2000/train.txt", .conll(scheme: .iob2)), ("conll2003/eng.train", .conll(scheme: .iobes)),
            ("conll2002/esp.train", .conll(scheme: .iob2)), ("conll2002/ned.train", .conll(scheme: .iob2)),
            ("ud-ewt/en_ewt-ud-train.conllu", .conllu), ("up-ewt/en_ewt-up-train.conllu", .propBank),
            ("text/unlabeled-en.txt", .plainText),
        ]
        for (rel, format) in slices {
            guard let r = try Self.check(rel, format, maxSentences: 300) else { continue }
            #expect(r.sentences == 300, "\(rel)")
            #expect(r.tokens > 300, "\(rel)")
        }
    }
}
