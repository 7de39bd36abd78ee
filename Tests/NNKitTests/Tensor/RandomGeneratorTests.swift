import Testing
import NNKit

@Suite struct RandomGeneratorTests {
    @Test func matchesReferenceXoshiro256StarStar() {
        // Values from an independent Python transcription of SplitMix64 + xoshiro256**, seed 42.
        var rng = RandomGenerator(seed: 42)
        let expected: [UInt64] = [1546998764402558742, 6990951692964543102, 12544586762248559009,
                                  17057574109182124193, 18295552978065317476]
        #expect((0..<5).map { _ in rng.next() } == expected)
    }

    @Test func sameSeedSameNumbersAndStateRoundTrips() {
        var a = RandomGenerator(seed: 7), b = RandomGenerator(seed: 7)
        for _ in 0..<100 { #expect(a.nextFloat() == b.nextFloat()) }
        var c = RandomGenerator(state: a.stateWords)
        #expect(c.next() == a.next())
        var d = RandomGenerator(seed: 8)
        #expect(d.next() != RandomGenerator(seed: 7).stateWords[0])
    }

    @Test func uniformAndNormalMoments() {
        var rng = RandomGenerator(seed: 3)
        let n = 200_000
        var s = 0.0, s2 = 0.0, lo: Float = 1, hi: Float = 0
        for _ in 0..<n {
            let u = rng.nextFloat()
            lo = min(lo, u); hi = max(hi, u)
            s += Double(u); s2 += Double(u) * Double(u)
        }
        #expect(lo >= 0 && hi < 1)
        #expect(abs(s / Double(n) - 0.5) < 0.005)
        #expect(abs(s2 / Double(n) - 0.25 - 1.0 / 12) < 0.005)
        var m = 0.0, v = 0.0
        for _ in 0..<n { let z = Double(rng.normal(mean: 1, standardDeviation: 2)); m += z; v += z * z }
        m /= Double(n); v = v / Double(n) - m * m
        #expect(abs(m - 1) < 0.02)
        #expect(abs(v.squareRoot() - 2) < 0.02)
    }

    @Test func boundedIntegersAreUniformAndShufflesArePermutations() {
        var rng = RandomGenerator(seed: 11)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[rng.int(below: 7)] += 1 }
        for c in counts { #expect(abs(c - 10_000) < 400) }
        let p = rng.permutation(50)
        #expect(p.sorted() == Array(0..<50))
        #expect(p != Array(0..<50))
        let s = rng.sample(10, from: 20)
        #expect(Set(s).count == 10 && s.allSatisfy { $0 < 20 })
    }
}
