import Foundation
import Testing
import NNKit
import NNTestSupport
import SequenceTagger

/// The forward recursion and Viterbi against brute-force enumeration of every tag path, and the
/// gradient against finite differences.
@Suite struct SentenceLogLikelihoodTests {
    /// Every path of `length` tags out of `k`.
    static func allPaths(_ length: Int, _ k: Int) -> [[Int]] {
        var paths: [[Int]] = [[]]
        for _ in 0..<length { paths = paths.flatMap { p in (0..<k).map { p + [$0] } } }
        return paths
    }

    static func pathScore(_ path: [Int], _ f: Matrix, _ first: Int, _ a: Matrix, _ a0: Matrix) -> Double {
        var s = Double(a0[0, path[0]]) + Double(f[first, path[0]])
        for t in 1..<path.count { s += Double(a[path[t - 1], path[t]]) + Double(f[first + t, path[t]]) }
        return s
    }

    static func randomCriterion(_ k: Int, seed: UInt64) -> SentenceLogLikelihood {
        let sll = SentenceLogLikelihood(tagCount: k)
        sll.transitions.value = TestSupport.randomMatrix(k, k, low: -2, high: 2, seed: seed)
        sll.initial.value = TestSupport.randomMatrix(1, k, low: -2, high: 2, seed: seed + 1)
        return sll
    }

    @Test(arguments: [(1, 3), (2, 2), (3, 3), (4, 3), (5, 2)])
    func lossEqualsBruteForceLogSumExpMinusGold(length: Int, k: Int) {
        let sll = Self.randomCriterion(k, seed: UInt64(length * 10 + k))
        let f = TestSupport.randomMatrix(length, k, low: -3, high: 3, seed: UInt64(length + k))
        let gold = (0..<length).map { $0 % k }
        let all = Self.allPaths(length, k).map { Self.pathScore($0, f, 0, sll.transitions.value, sll.initial.value) }
        let m = all.max()!
        let logZ = m + log(all.reduce(0) { $0 + exp($1 - m) })
        let expected = logZ - Self.pathScore(gold, f, 0, sll.transitions.value, sll.initial.value)
        let got = sll.loss(scores: f, sentences: [0..<length], tags: gold)
        #expect(abs(got - expected) < 1e-5, "\(got) vs brute force \(expected)")
    }

    @Test func batchOfSentencesIsTheMeanOfEach() {
        let sll = Self.randomCriterion(3, seed: 4)
        let f = TestSupport.randomMatrix(7, 3, seed: 5)
        let tags = [0, 1, 2, 2, 1, 0, 0]
        let a = sll.loss(scores: f, sentences: [0..<3], tags: tags)
        let tail = Matrix(rows: 4, cols: 3, values: Array(f.storage[9...]))
        let b = sll.loss(scores: tail, sentences: [0..<4], tags: Array(tags[3...]))
        let both = sll.loss(scores: f, sentences: [0..<3, 3..<7], tags: tags)
        #expect(abs(both - (a + b) / 2) < 1e-9)
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func gradientMatchesFiniteDifferences(seed: UInt64) {
        let k = 4
        let sll = Self.randomCriterion(k, seed: seed)
        let scores = Parameter(name: "scores", value: TestSupport.randomMatrix(9, k, low: -2, high: 2, seed: seed + 7))
        var rng = RandomGenerator(seed: seed)
        let tags = (0..<9).map { _ in rng.int(below: k) }
        let sentences = [0..<4, 4..<5, 5..<9]
        let report = GradientChecker.check(
            parameters: [scores, sll.transitions, sll.initial],
            loss: { sll.loss(scores: scores.value, sentences: sentences, tags: tags) },
            lossAndGradient: {
                sll.transitions.zeroGradient(); sll.initial.zeroGradient()
                return sll.evaluate(scores: scores.value, sentences: sentences, tags: tags, gradient: &scores.gradient)
            })
        #expect(report.passed(tolerance: 1e-3), "\(report)")
    }

    @Test(arguments: [(1, 4), (2, 3), (4, 3), (5, 4), (6, 2), (4, 8), (3, 11), (3, 17), (2, 24)])
    func viterbiFindsTheBruteForceBestPath(length: Int, k: Int) {
        let sll = Self.randomCriterion(k, seed: UInt64(length * 3 + k))
        // Two sentences in one matrix; decode the second one. k >= 8 runs the eight-wide path and its tail.
        let f = TestSupport.randomMatrix(length + 2, k, low: -3, high: 3, seed: UInt64(length * 7 + k))
        let best = Self.allPaths(length, k).max {
            Self.pathScore($0, f, 2, sll.transitions.value, sll.initial.value) <
                Self.pathScore($1, f, 2, sll.transitions.value, sll.initial.value)
        }!
        let decoded = ViterbiDecoder().decode(scores: f, rows: 2..<(2 + length),
                                              transitions: sll.transitions.value, initial: sll.initial.value)
        #expect(decoded == best)
    }

    @Test func viterbiHandlesEmptySentences() {
        let decoded = ViterbiDecoder().decode(scores: Matrix(rows: 0, cols: 3), rows: 0..<0,
                                              transitions: Matrix(rows: 3, cols: 3), initial: Matrix(rows: 1, cols: 3))
        #expect(decoded.isEmpty)
    }
}

@Suite struct SentenceLogLikelihoodExtremeScoreTests {
    @Test func extremeScoresFallBackToLogSpaceAndMatchBruteForce() {
        // Transitions that make every path but one underflow in the scaled recursion.
        let k = 3, length = 4
        let sll = SentenceLogLikelihood(tagCount: k)
        sll.transitions.value = Matrix([[0, -3000, -3000], [-3000, -3000, -3000], [-3000, -3000, -3000]])
        sll.initial.value = Matrix([[-2000, 0, 0]])
        let f = Matrix([[5, 0, 0], [0, 1, 0], [0, 0, 2], [1, 0, 0]])
        let gold = [0, 0, 0, 0]
        let all = SentenceLogLikelihoodTests.allPaths(length, k).map {
            SentenceLogLikelihoodTests.pathScore($0, f, 0, sll.transitions.value, sll.initial.value)
        }
        let m = all.max()!
        let logZ = m + log(all.reduce(0) { $0 + exp($1 - m) })
        let expected = logZ - SentenceLogLikelihoodTests.pathScore(gold, f, 0, sll.transitions.value, sll.initial.value)
        var grad = Matrix(rows: 0, cols: 0)
        let got = sll.evaluate(scores: f, sentences: [0..<length], tags: gold, gradient: &grad)
        #expect(got.isFinite && abs(got - expected) < 1e-6 * max(1, abs(expected)), "\(got) vs \(expected)")
        #expect(grad.allFinite && sll.transitions.gradient.allFinite)
    }
}
