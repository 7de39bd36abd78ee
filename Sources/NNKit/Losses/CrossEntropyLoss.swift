import Foundation

/// Categorical cross-entropy ℓ = −Σ_i y_i log p_i with p = softmax(s), fused with the softmax
/// (Bishop 2006, eq. 4.108; Goodfellow et al. 2016, section 6.2.2.3).
///
/// It takes RAW scores (logits), not probabilities: do not put a `Softmax` or `LogSoftmax`
/// layer before it. log p_i = s_i − logsumexp(s) is computed with the max shift, so large
/// scores do not overflow; the gradient is (p − y) / N.
///
/// Targets: `.classes` (one-hot y) or `.values` (a distribution per row, e.g. soft labels).
/// To score given probabilities ŷ (as in the course's worked table), pass log ŷ: since Σ ŷ = 1,
/// softmax(log ŷ) = ŷ and the loss is −log ŷ_j.
public final class CrossEntropyLoss: Loss {
    public init() {}

    public func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double {
        let (n, c) = (scores.rows, scores.cols)
        gradient.resize(rows: n, cols: c)
        let invN = 1 / Double(n)
        var total = 0.0
        var classes: [Int] = []
        var dist = Matrix(rows: 0, cols: 0)
        switch targets {
        case .classes: classes = targets.classIndices(rows: n, classes: c, loss: "CrossEntropyLoss")
        case .values: dist = targets.valueMatrix(shape: scores.shape, loss: "CrossEntropyLoss")
        }
        let oneHot = dist.isEmpty
        scores.withUnsafeBufferPointer { s in
            gradient.withUnsafeMutableBufferPointer { g in
                dist.withUnsafeBufferPointer { y in
                    for r in 0..<n {
                        let row = s.baseAddress! + r * c, grow = g.baseAddress! + r * c
                        var m = -Double.infinity
                        for i in 0..<c { m = max(m, Double(row[i])) }
                        var z = 0.0
                        for i in 0..<c { z += exp(Double(row[i]) - m) }
                        let logZ = m + log(z)
                        if oneHot {
                            let j = classes[r]
                            total -= Double(row[j]) - logZ
                            for i in 0..<c {
                                let p = exp(Double(row[i]) - logZ)
                                grow[i] = Float(((i == j ? p - 1 : p)) * invN)
                            }
                        } else {
                            let yrow = y.baseAddress! + r * c
                            var mass = 0.0
                            for i in 0..<c {
                                let yi = Double(yrow[i])
                                mass += yi
                                if yi != 0 { total -= yi * (Double(row[i]) - logZ) }
                            }
                            // d/ds_i of −Σ y_k (s_k − logZ) = p_i Σ y_k − y_i.
                            for i in 0..<c {
                                let p = exp(Double(row[i]) - logZ)
                                grow[i] = Float((p * mass - Double(yrow[i])) * invN)
                            }
                        }
                    }
                }
            }
        }
        return n == 0 ? 0 : total * invN
    }

    public var description: String { "CrossEntropyLoss" }
}
