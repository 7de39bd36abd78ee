import Foundation
import Testing
import NNKit
import NNTestSupport

/// The course's worked table (issue 3): y = [1, 0, 0] and three outputs ŷ.
///
/// Interpretation that reproduces every number: the hinge and the log (soft hinge) loss take ŷ
/// itself as the scores (margin ŷ_1 − max(ŷ_2, ŷ_3)); the cross-entropy is −log ŷ_1, i.e.
/// `CrossEntropyLoss` (softmax fused, raw scores) given log ŷ, since softmax(log ŷ) = ŷ.
@Suite struct WorkedTableTests {
    static let rows: [(yhat: [Float], hinge: Double, log: Double, crossEntropy: Double)] = [
        ([0.80, 0.15, 0.05], 0.35, 0.42, 0.22),
        ([0.35, 0.30, 0.35], 1, 0.69, 1.05),
        ([0.20, 0.10, 0.70], 1.5, 0.97, 1.61),
    ]

    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    @Test(arguments: 0..<3)
    func rowOfTheTable(index: Int) {
        let row = Self.rows[index]
        let scores = Matrix(row: row.yhat)
        var g = Matrix(rows: 0, cols: 0)
        #expect(Self.rounded(HingeLoss().evaluate(scores: scores, targets: .classes([0]), gradient: &g)) == row.hinge)
        #expect(Self.rounded(SoftHingeLoss().evaluate(scores: scores, targets: .classes([0]), gradient: &g)) == row.log)
        let logits = scores.map { logf($0) }
        #expect(Self.rounded(CrossEntropyLoss().evaluate(scores: logits, targets: .classes([0]), gradient: &g)) == row.crossEntropy)
        // One-hot y as a distribution gives the same cross-entropy.
        let y = Matrix(row: [1, 0, 0])
        #expect(Self.rounded(CrossEntropyLoss().evaluate(scores: logits, targets: .values(y), gradient: &g)) == row.crossEntropy)
    }

    @Test func theWholeTableAsOneBatchGivesTheMeanOfTheRows() {
        let scores = Matrix(Self.rows.map(\.yhat))
        var g = Matrix(rows: 0, cols: 0)
        let mean = HingeLoss().evaluate(scores: scores, targets: .classes([0, 0, 0]), gradient: &g)
        #expect(abs(mean - (0.35 + 1 + 1.5) / 3) < 1e-6)
        // Per-row gradients are divided by the batch size: row 0 has slope −1 on s_j, +1 on s_p.
        #expect(abs(g[0, 0] + 1.0 / 3) < 1e-7 && abs(g[0, 1] - 1.0 / 3) < 1e-7 && g[0, 2] == 0)
    }
}
