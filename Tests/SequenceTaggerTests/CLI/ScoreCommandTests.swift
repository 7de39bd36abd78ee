import Testing
import Foundation

/// `tagger score` run as a process: the reports equal the original script's, byte for byte.
@Suite struct ScoreCommandTests {
    @Test(arguments: ConllevalFixtures.all)
    func binaryMatchesTheScript(fixture: ConllevalFixture) throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let file = TestFiles.write(fixture.input)
        let r = try TaggerBinary.run(["score"] + fixture.options + [file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == fixture.expected)
    }

    @Test func readsStandardInputAndConvertsIOBES() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let iobes = ConllevalFixtures.all.first { $0.name == "iobes" }!
        let raw = try TaggerBinary.run(["score", "-"], stdin: iobes.input)
        #expect(raw.stdout == iobes.expected)
        #expect(raw.stderr.contains("--scheme iobes"), "a warning explains that S-/E- tags were read as the script reads them")
        let converted = try TaggerBinary.run(["score", "--scheme", "iobes"], stdin: iobes.input)
        #expect(converted.stdout == ConllevalFixtures.iobesConverted)
        #expect(converted.stderr.isEmpty)
    }

    @Test func badInputAndBadUsage() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let bad = TestFiles.write(ConllevalFixtures.badColumns, name: "bad.txt")
        let r = try TaggerBinary.run(["score", bad])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: \(bad):2: unexpected number of features: 3 (4)"))
        #expect(r.stdout.isEmpty)
        let u = try TaggerBinary.run(["score", "--nope"])
        #expect(u.status == 64)
        #expect(u.stderr.contains("Error: unknown option '--nope'") && u.stderr.contains("USAGE: tagger score"))
        let missing = try TaggerBinary.run(["score", "/nonexistent/file.txt"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot open"))
        let utf = TestFiles.write([0x61, 0x20, 0x4f, 0x20, 0x4f, 0x0a, 0x62, 0xff, 0x20, 0x4f, 0x20, 0x4f, 0x0a])
        let u8 = try TaggerBinary.run(["score", utf])
        #expect(u8.status == 1 && u8.stderr.contains(":2: the line is not valid UTF-8"))
    }

    @Test func confusionMatrixOption() throws {
        guard TaggerBinary.path != nil else { print("skipped: \(TaggerBinary.missing)"); return }
        let r = try TaggerBinary.run(["score", "--confusion"], stdin: "a B-NP B-NP\nb I-NP O\n")
        #expect(r.stdout.hasPrefix("processed 2 tokens with 1 phrases; found: 1 phrases; correct: 0.\n"))
        #expect(r.stdout.contains("gold\\guess"))
    }
}
