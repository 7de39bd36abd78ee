import Testing
import NNKit
import NNTestSupport
import SequenceTagger

@Suite struct WindowNetworkTests {
    @Test func windowsArePaddedAtSentenceEnds() {
        // Two tables (word, caps), padding ids 0 and 9; a sentence of three tokens.
        let builder = WindowBuilder(windowSize: 3, paddingIds: [0, 9])
        let (m, ranges) = builder.windows(for: [[5, 1, 6, 2, 7, 3], [8, 4]])
        #expect(ranges == [0..<3, 3..<4])
        #expect(m.rows == 4 && m.cols == 6)
        #expect(m.row(0) == [0, 9, 5, 1, 6, 2])
        #expect(m.row(1) == [5, 1, 6, 2, 7, 3])
        #expect(m.row(2) == [6, 2, 7, 3, 0, 9])
        #expect(m.row(3) == [0, 9, 8, 4, 0, 9])
    }

    @Test func defaultShapeIsThePapers() {
        let shape = WindowNetworkShape(tables: [.init(name: "word", vocabularySize: 100, dimension: 50, paddingId: 1),
                                                .init(name: "caps", vocabularySize: 5, dimension: 5, paddingId: 4)],
                                       tagCount: 45)
        #expect(shape.inputWidth == 275)
        var rng = RandomGenerator(seed: 1)
        let net = WindowNetwork(shape: shape, rng: &rng)
        #expect(net.hidden.description == "Linear(275 -> 300)")
        #expect(net.network.layers.count == 4)
        #expect(net.namedParameters.map(\.0) == ["embedding.word", "embedding.caps", "hidden.weight", "hidden.bias",
                                                 "output.weight", "output.bias"])
    }

    @Test func inputDropoutSitsBetweenTheTablesAndTheHiddenLayer() {
        let tables: [WindowNetworkShape.Table] = [.init(name: "word", vocabularySize: 12, dimension: 4, paddingId: 0),
                                                  .init(name: "caps", vocabularySize: 5, dimension: 2, paddingId: 4)]
        var rng = RandomGenerator(seed: 4), same = RandomGenerator(seed: 4)
        let net = WindowNetwork(shape: WindowNetworkShape(windowSize: 3, tables: tables, hiddenUnits: 7, tagCount: 4, inputDropout: 0.3), rng: &rng)
        let plain = WindowNetwork(shape: WindowNetworkShape(windowSize: 3, tables: tables, hiddenUnits: 7, tagCount: 4), rng: &same)
        #expect(net.network.layers.count == 5 && net.network.layers[1] === net.inputDropout)
        let (windows, _) = net.windowBuilder.windows(for: [[1, 0, 2, 1, 3, 2, 4, 3]])
        net.isTraining = false
        plain.isTraining = false
        #expect(net.forward(windows) == plain.forward(windows))
        net.isTraining = true
        let trained = net.forward(windows)
        #expect(trained != plain.forward(windows))
        // Gradients flow through the mask to the tables: the dropped inputs get none.
        net.inputDropout!.freezesMask = true
        let params = net.parameters
        let report = GradientChecker.check(
            parameters: params,
            loss: { Double(net.forward(windows).storage.reduce(0) { $0 + $1 * $1 }) / 2 },
            lossAndGradient: {
                for p in params { p.zeroGradient() }
                let scores = net.forward(windows)
                net.backward(windows, gradScores: scores)
                return Double(scores.storage.reduce(0) { $0 + $1 * $1 }) / 2
            }, epsilon: 2e-3, skipsKinks: true)
        #expect(report.passed(tolerance: 1e-3), "\(report)")
    }

    @Test(arguments: 1...2 as ClosedRange<UInt64>)
    func networkWithSentenceLogLikelihoodPassesGradientCheck(seed: UInt64) {
        var rng = RandomGenerator(seed: seed)
        let shape = WindowNetworkShape(windowSize: 3,
                                       tables: [.init(name: "word", vocabularySize: 12, dimension: 4, paddingId: 0),
                                                .init(name: "caps", vocabularySize: 5, dimension: 2, paddingId: 4)],
                                       hiddenUnits: 7, tagCount: 4)
        let net = WindowNetwork(shape: shape, rng: &rng)
        let sll = SentenceLogLikelihood(tagCount: 4)
        sll.transitions.value = TestSupport.randomMatrix(4, 4, seed: seed)
        let sentences: [[Int32]] = [[1, 0, 2, 1, 3, 2, 4, 3], [5, 1, 6, 0]]
        let (windows, ranges) = net.windowBuilder.windows(for: sentences)
        let tags = (0..<windows.rows).map { _ in rng.int(below: 4) }
        var grad = Matrix(rows: 0, cols: 0)
        let params = net.parameters + sll.parameters
        let report = GradientChecker.check(
            parameters: params,
            loss: { sll.loss(scores: net.forward(windows), sentences: ranges, tags: tags) },
            lossAndGradient: {
                for p in params { p.zeroGradient() }
                let scores = net.forward(windows)
                let value = sll.evaluate(scores: scores, sentences: ranges, tags: tags, gradient: &grad)
                net.backward(windows, gradScores: grad)
                return value
            }, epsilon: 2e-3, skipsKinks: true)
        #expect(report.passed(tolerance: 1e-3), "\(report)")
        #expect(report.skippedAtKinks * 10 < report.checkedEntries, "\(report)")
    }
}
