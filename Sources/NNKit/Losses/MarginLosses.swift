import Foundation

/// The margin between the correct class j and the highest-scoring wrong class p of each row,
/// m = s_j − s_p, turned into a loss ℓ(m) with derivative ℓ'(m): dℓ/ds_j = ℓ'(m),
/// dℓ/ds_p = −ℓ'(m), zero elsewhere. On ties among wrong classes the first one is p.
func marginLoss(scores: Matrix, targets: LossTargets, gradient: inout Matrix, name: String,
                _ loss: (Double) -> (value: Double, slope: Double)) -> Double {
    let (n, c) = (scores.rows, scores.cols)
    require(c >= 2, "\(name): needs at least two classes, scores are \(scores.shape)")
    let classes = targets.classIndices(rows: n, classes: c, loss: name)
    gradient.resize(rows: n, cols: c)
    let invN = 1 / Double(n)
    var total = 0.0
    scores.withUnsafeBufferPointer { s in
        gradient.withUnsafeMutableBufferPointer { g in
            for r in 0..<n {
                let row = s.baseAddress! + r * c, grow = g.baseAddress! + r * c
                let j = classes[r]
                var p = j == 0 ? 1 : 0
                for i in 0..<c where i != j && row[i] > row[p] { p = i }
                let (value, slope) = loss(Double(row[j]) - Double(row[p]))
                total += value
                grow.update(repeating: 0, count: c)
                grow[j] = Float(slope * invN)
                grow[p] = Float(-slope * invN)
            }
        }
    }
    return n == 0 ? 0 : total * invN
}

/// Multi-class hinge loss against the highest-scoring wrong class, margin 1:
/// ℓ = max(0, 1 − (s_j − s_p)) with p = argmax_{i≠j} s_i (Crammer & Singer 2001, eq. 11;
/// the course's "Hinge Loss"). No probabilistic reading: the scores are raw.
/// At the kink (margin exactly 1) the subgradient 0 is used.
public final class HingeLoss: Loss {
    public init() {}
    public func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double {
        marginLoss(scores: scores, targets: targets, gradient: &gradient, name: "HingeLoss") { m in
            m < 1 ? (1 - m, -1) : (0, 0)
        }
    }
    public var description: String { "HingeLoss" }
}

/// The soft hinge, the course's "log loss": ℓ = log(1 + exp(−(s_j − s_p))) with
/// p = argmax_{i≠j} s_i, a smooth hinge with infinite margin (Collobert et al. 2011, the
/// ranking criterion of eq. 17 applied to classes). Takes raw scores.
public final class SoftHingeLoss: Loss {
    public init() {}
    public func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double {
        marginLoss(scores: scores, targets: targets, gradient: &gradient, name: "SoftHingeLoss") { m in
            (softplus(-m), -logistic(-m))
        }
    }
    public var description: String { "SoftHingeLoss" }
}
