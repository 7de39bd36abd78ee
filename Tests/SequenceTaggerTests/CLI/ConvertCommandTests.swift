import Testing
import Foundation

/// `tagger convert` run as a process.
@Suite struct ConvertCommandTests {
    static let iob1 = "-DOCSTART- -X- O\n\nEU NNP I-ORG\nrejects VBZ O\nGerman JJ I-MISC\nBritish JJ B-MISC\nlamb NN O\n\nPeter NNP I-PER\nBlackburn NNP I-PER\n"

    @Test func iob1ToIOBESAndBack() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let file = TestFiles.write(Self.iob1)
        let r = try TaggerBinary.run(["convert", "--from", "iob1", "--to", "iobes", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "-DOCSTART- -X- O\n\nEU NNP S-ORG\nrejects VBZ O\nGerman JJ S-MISC\nBritish JJ S-MISC\nlamb NN O\n\nPeter NNP B-PER\nBlackburn NNP E-PER\n\n")
        let back = try TaggerBinary.run(["convert", "--from", "iobes", "--to", "iob1", "-"], stdin: r.stdout)
        #expect(back.stdout == Self.iob1 + "\n")
    }

    @Test func tagColumnCountsFromOneAsInTheOtherCommands() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        // Tags in column 2 of 3 (1-based), a gold column after them.
        let input = "EU I-ORG x\nrejects O x\n"
        let r = try TaggerBinary.run(["convert", "--from", "iob1", "--to", "iob2", "--tag-column", "2"], stdin: input)
        #expect(r.status == 0 && r.stdout == "EU B-ORG x\nrejects O x\n\n", "\(r.stdout)\(r.stderr)")
        let zero = try TaggerBinary.run(["convert", "--from", "iob1", "--to", "iob2", "--tag-column", "0"], stdin: input)
        #expect(zero.status == 64 && zero.stderr.contains("counts from 1"))
    }

    @Test func usageAndTagErrors() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let u = try TaggerBinary.run(["convert", "--to", "iobes"], stdin: "a O\n")
        #expect(u.status == 64 && u.stderr.contains("--from and --to are required"))
        let s = try TaggerBinary.run(["convert", "--from", "iob3", "--to", "iobes"])
        #expect(s.status == 64 && s.stderr.contains("unknown scheme 'iob3'"))
        let t = try TaggerBinary.run(["convert", "--from", "iob2", "--to", "iobes"], stdin: "a O\n\nb B-X\nc S-X\n")
        #expect(t.status == 1)
        #expect(t.stderr.contains("<stdin>:3:") && t.stderr.contains("tag 'S-X' (token 2) is not a valid IOB2 tag"))
    }
}
