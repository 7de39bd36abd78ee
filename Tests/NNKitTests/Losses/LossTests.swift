import Foundation
import Testing
import NNKit
import NNTestSupport

@Suite struct LossTests {
    /// Checks dLoss/dScores against central differences on a random batch.
    static func gradientCheck(_ loss: any Loss, scores: Matrix, targets: LossTargets) -> GradientCheckReport {
        let s = Parameter(name: "scores", value: scores)
        return GradientChecker.check(parameters: [s], loss: {
            loss.value(scores: s.value, targets: targets)
        }, lossAndGradient: {
            var g = Matrix(rows: 0, cols: 0)
            let v = loss.evaluate(scores: s.value, targets: targets, gradient: &g)
            s.gradient = g
            return v
        }, epsilon: 1e-2, skipsKinks: true)
    }

    static let classes: LossTargets = .classes([0, 3, 2, 1, 4, 0, 2])

    @Test(arguments: ["hinge", "softHinge", "crossEntropy"])
    func classificationLossGradientsMatchFiniteDifferences(name: String) throws {
        let scores = TestSupport.randomMatrix(7, 5, low: -2, high: 2, seed: 11)
        let report = Self.gradientCheck(try Losses.named(name), scores: scores, targets: Self.classes)
        #expect(report.passed(tolerance: 1e-3), "\(report)")
        #expect(report.checkedEntries > 25)
    }

    @Test func crossEntropyWithDistributionTargetsIsGradientChecked() {
        var y = TestSupport.randomMatrix(4, 3, low: 0, high: 1, seed: 5)
        for r in 0..<4 { let s = y.row(r).reduce(0, +); for c in 0..<3 { y[r, c] /= s } }
        let report = Self.gradientCheck(CrossEntropyLoss(), scores: TestSupport.randomMatrix(4, 3, seed: 6), targets: .values(y))
        #expect(report.passed(tolerance: 1e-3), "\(report)")
    }

    @Test(arguments: ["meanSquaredError", "binaryCrossEntropy"])
    func elementwiseLossGradientsMatchFiniteDifferences(name: String) throws {
        let scores = TestSupport.randomMatrix(5, 3, low: -2, high: 2, seed: 21)
        let y = TestSupport.randomMatrix(5, 3, low: 0, high: 1, seed: 22)
        let report = Self.gradientCheck(try Losses.named(name), scores: scores, targets: .values(y))
        #expect(report.passed(tolerance: 1e-3), "\(report)")
    }

    @Test func rankingLossesMatchTheirFormulasAndFiniteDifferences() {
        let a = TestSupport.randomMatrix(6, 1, low: -2, high: 2, seed: 31)
        let b = TestSupport.randomMatrix(6, 1, low: -2, high: 2, seed: 32)
        for (loss, f) in [(MarginRankingLoss() as RankingLoss, { (m: Double) in max(0, 1 - m) }),
                          (LogRankingLoss(), { (m: Double) in log(1 + exp(-m)) })] {
            var ga = Matrix(rows: 0, cols: 0), gb = Matrix(rows: 0, cols: 0)
            let v = loss.evaluate(correct: a, corrupted: b, gradCorrect: &ga, gradCorrupted: &gb)
            let expected = (0..<6).map { f(Double(a.storage[$0]) - Double(b.storage[$0])) }.reduce(0, +) / 6
            #expect(abs(v - expected) < 1e-6, "\(loss)")
            let pa = Parameter(name: "correct", value: a), pb = Parameter(name: "corrupted", value: b)
            let report = GradientChecker.check(parameters: [pa, pb], loss: {
                var x = Matrix(rows: 0, cols: 0), y = Matrix(rows: 0, cols: 0)
                return loss.evaluate(correct: pa.value, corrupted: pb.value, gradCorrect: &x, gradCorrupted: &y)
            }, lossAndGradient: {
                loss.evaluate(correct: pa.value, corrupted: pb.value, gradCorrect: &pa.gradient, gradCorrupted: &pb.gradient)
            }, skipsKinks: true)
            #expect(report.passed(tolerance: 1e-3), "\(loss): \(report)")
        }
    }

    @Test func lossesAreStableForHugeScores() {
        var g = Matrix(rows: 0, cols: 0)
        let big = Matrix([[1000, -1000, 0]])
        #expect(abs(CrossEntropyLoss().evaluate(scores: big, targets: .classes([0]), gradient: &g)) < 1e-6)
        #expect(g.allFinite)
        #expect(abs(CrossEntropyLoss().evaluate(scores: big, targets: .classes([1]), gradient: &g) - 2000) < 1e-3)
        let bce = BinaryCrossEntropyLoss().evaluate(scores: Matrix([[500, -500]]), targets: .values(Matrix([[0, 1]])), gradient: &g)
        #expect(abs(bce - 500) < 1e-3 && g.allFinite)
        #expect(abs(SoftHingeLoss().evaluate(scores: Matrix([[-400, 400]]), targets: .classes([0]), gradient: &g) - 800) < 1e-3)
    }

    @Test func meanSquaredErrorIsTheMeanOverAllElements() {
        var g = Matrix(rows: 0, cols: 0)
        let v = MeanSquaredErrorLoss().evaluate(scores: Matrix([[1, 2], [3, 4]]), targets: .values(Matrix([[0, 2], [3, 2]])), gradient: &g)
        #expect(v == 5.0 / 4)
        #expect(g == Matrix([[0.5, 0], [0, 1]]))
    }

    @Test func gradientBufferIsReusedAtAFixedShape() {
        var g = Matrix(rows: 7, cols: 5)
        let before = g.withUnsafeBufferPointer { $0.baseAddress }
        _ = HingeLoss().evaluate(scores: TestSupport.randomMatrix(7, 5, seed: 1), targets: Self.classes, gradient: &g)
        #expect(g.withUnsafeBufferPointer { $0.baseAddress } == before)
    }

    @Test func lossesArePickedByNameAndUnknownNamesListTheValidOnes() throws {
        #expect(try Losses.named("crossEntropy") is CrossEntropyLoss)
        #expect(try Losses.named("log") is SoftHingeLoss)
        #expect(try Losses.rankingNamed("logRanking") is LogRankingLoss)
        #expect(throws: UnknownNameError.self) { try Losses.named("nll") }
        do { _ = try Losses.named("nll"); Issue.record("no error") } catch let e as UnknownNameError {
            #expect(e.description == "unknown loss 'nll'; valid names: hinge, softHinge, crossEntropy, meanSquaredError, binaryCrossEntropy")
        }
    }
}
