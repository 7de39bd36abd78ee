import Testing
import SequenceTagger

/// The guessed column used for the real-data comparisons: the gold tag, except (k counts token
/// lines from 0, `-DOCSTART-` and blank lines excluded) every 7th from the 4th takes the previous
/// token's gold tag, every 11th from the 6th becomes `O`, and every 13th from the 1st has its
/// B-/I- prefix flipped. `-DOCSTART-` lines get their own tag as guess.
struct RealDataPerturbation {
    private var k = 0
    private var previous = "O"

    mutating func line(_ line: String) -> String {
        let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = f.first, first == "-DOCSTART-" {
            previous = "O"
            return line + " " + f.last!
        }
        guard let gold = f.last else { previous = "O"; return line }
        var g = gold
        if k % 7 == 3 { g = previous }
        if k % 11 == 5 { g = "O" }
        if k % 13 == 0 && (g.hasPrefix("B-") || g.hasPrefix("I-")) { g = (g.hasPrefix("B-") ? "I-" : "B-") + g.dropFirst(2) }
        previous = gold
        k += 1
        return line + " " + g
    }
}

/// On real dev files with a perturbed guess column, the library's report equals the original
/// script's (recorded in `ConllevalRealDataFixtures`). Skipped when ../shared/data is absent.
@Suite struct ConllEvalRealDataTests {
    static func score(_ path: String, scheme: TagScheme? = nil) throws -> String {
        var o = ConllEval.Options()
        if let scheme { o.prefixMap = ConllEval.Options.prefixMap(for: scheme) }
        var eval = try ConllEval(options: o)
        var perturb = RealDataPerturbation()
        let reader = try LineReader(path: path)
        while let l = try reader.nextLine() { try eval.add(line: perturb.line(l)) }
        eval.finish()
        return eval.report()
    }

    @Test func conll2000Dev() throws {
        guard let p = TestFiles.corpus("conll2000/dev.txt") else {
            print("skipped: ../shared/data/conll2000/dev.txt not found"); return
        }
        #expect(try Self.score(p) == ConllevalRealDataFixtures.conll2000Dev)
    }

    @Test func conll2002SpanishDev() throws {
        guard let p = TestFiles.corpus("conll2002/esp.testa") else {
            print("skipped: ../shared/data/conll2002/esp.testa not found"); return
        }
        #expect(try Self.score(p) == ConllevalRealDataFixtures.conll2002EspTesta)
    }

    @Test func conll2003DevIOBES() throws {
        guard let p = TestFiles.corpus("conll2003/eng.testa") else {
            print("skipped: ../shared/data/conll2003/eng.testa not found"); return
        }
        #expect(try Self.score(p, scheme: .iobes) == ConllevalRealDataFixtures.conll2003TestaIOBES)
        #expect(try Self.score(p) == ConllevalRealDataFixtures.conll2003TestaRaw)
    }
}
