import Testing
import NNKit
import SequenceTagger

@Suite struct TagSchemeTests {
    typealias Chunk = TagScheme.Chunk

    @Test func encodingsOfOneChunkSet() throws {
        let chunks = [Chunk(type: "PER", start: 0, end: 2), Chunk(type: "PER", start: 2, end: 3),
                      Chunk(type: "ARGM-TMP", start: 4, end: 5), Chunk(type: "LOC", start: 5, end: 8)]
        #expect(TagScheme.iob1.tags(for: chunks, count: 8) == ["I-PER", "I-PER", "B-PER", "O", "I-ARGM-TMP", "I-LOC", "I-LOC", "I-LOC"])
        #expect(TagScheme.iob2.tags(for: chunks, count: 8) == ["B-PER", "I-PER", "B-PER", "O", "B-ARGM-TMP", "B-LOC", "I-LOC", "I-LOC"])
        #expect(TagScheme.iobes.tags(for: chunks, count: 8) == ["B-PER", "E-PER", "S-PER", "O", "S-ARGM-TMP", "B-LOC", "I-LOC", "E-LOC"])
        #expect(TagScheme.bilou.tags(for: chunks, count: 8) == ["B-PER", "L-PER", "U-PER", "O", "U-ARGM-TMP", "B-LOC", "I-LOC", "L-LOC"])
        for scheme in TagScheme.allCases {
            #expect(try scheme.chunks(scheme.tags(for: chunks, count: 8)) == chunks, "\(scheme)")
        }
    }

    /// Random valid chunkings: every scheme pair converts both ways without loss.
    @Test func conversionsRoundTripOnRandomChunkings() throws {
        var rng = RandomGenerator(seed: 5)
        let types = ["NP", "VP", "ARGM-TMP"]
        for _ in 0..<300 {
            let n = Int(rng.uniform(0, 12))
            var chunks: [Chunk] = []
            var i = 0
            while i < n {
                let len = Int(rng.uniform(1, 4))
                if rng.uniform(0, 1) < 0.6 && i + len <= n {
                    chunks.append(Chunk(type: types[Int(rng.uniform(0, 3))], start: i, end: i + len))
                    i += len
                } else { i += 1 }
            }
            for a in TagScheme.allCases {
                let tagsA = a.tags(for: chunks, count: n)
                #expect(try a.chunks(tagsA) == chunks)
                for b in TagScheme.allCases {
                    let tagsB = try TagScheme.convert(tagsA, from: a, to: b)
                    #expect(tagsB == b.tags(for: chunks, count: n))
                    #expect(try TagScheme.convert(tagsB, from: b, to: a) == tagsA)
                }
            }
        }
    }

    @Test func invalidSequencesAreRepairedAsConllevalReadsThem() throws {
        // I-X after O starts a chunk; I-Y after I-X starts a new one; E-X then I-X starts again.
        #expect(try TagScheme.convert(["O", "I-X", "I-X", "I-Y", "B-X", "I-X"], from: .iob2, to: .iob2)
                == ["O", "B-X", "I-X", "B-Y", "B-X", "I-X"])
        // After an ended chunk (E-, S-) every non-O tag starts a new chunk.
        #expect(try TagScheme.iobes.chunks(["E-X", "I-X", "S-X", "E-X"])
                == [Chunk(type: "X", start: 0, end: 1), Chunk(type: "X", start: 1, end: 2),
                    Chunk(type: "X", start: 2, end: 3), Chunk(type: "X", start: 3, end: 4)])
        #expect(try TagScheme.convert(["I-X", "B-X", "O", "I-Y", "I-Y"], from: .iob1, to: .iobes) == ["S-X", "S-X", "O", "B-Y", "E-Y"])
    }

    @Test func repairedChunksAgreeWithConllevalCounts() throws {
        // Gold and guess identical: every chunk conlleval finds must be a chunk of ours.
        for tags in [["O", "I-X", "I-X", "I-Y", "B-X", "I-X"], ["I-A-B", "B-A-B", "O", "I-C"], ["B-X", "I-Y", "I-Y", "O"]] {
            var e = try ConllEval()
            try e.add(gold: tags, guessed: tags)
            e.finish()
            #expect(e.goldChunks == (try TagScheme.iob2.chunks(tags)).count)
        }
    }

    @Test func unknownTagsAreErrors() {
        #expect(throws: DataError.self) { _ = try TagScheme.iob2.chunks(["B-X", "S-X"]) }
        #expect(throws: DataError.self) { _ = try TagScheme.iobes.chunks(["NN"]) }
        #expect(TagScheme.parse("B-ARGM-TMP") == .init(prefix: "B", type: "ARGM-TMP"))
        #expect(TagScheme.parse("BB-X") == nil && TagScheme.parse("O") == .init(prefix: "O", type: ""))
        // Non-ASCII tags are read on Characters: a mark right after the dash makes it no dash.
        #expect(TagScheme.parse("B-\u{301}PER") == nil)
        #expect(TagScheme.parse("I-PERSÖNLICH") == .init(prefix: "I", type: "PERSÖNLICH"))
        #expect(TagScheme.parse("") == nil && TagScheme.parse("-") == nil && TagScheme.parse("O-X") == nil)
    }
}
