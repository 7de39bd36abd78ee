import Foundation

/// Mean squared error ℓ = (1/C) Σ_i (s_i − y_i)² per row, averaged over the rows: the mean
/// over all elements, as PyTorch's `MSELoss()` (Bishop 2006, eq. 1.2 without the ½).
/// Gradient 2 (s − y) / (N C).
public final class MeanSquaredErrorLoss: Loss {
    public init() {}

    public func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double {
        let y = targets.valueMatrix(shape: scores.shape, loss: "MeanSquaredErrorLoss")
        gradient.resize(rows: scores.rows, cols: scores.cols)
        let count = scores.count
        guard count > 0 else { return 0 }
        let scale = 2 / Double(count)
        var total = 0.0
        scores.withUnsafeBufferPointer { s in
            y.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for i in 0..<count {
                        let d = Double(s[i]) - Double(t[i])
                        total += d * d
                        g[i] = Float(scale * d)
                    }
                }
            }
        }
        return total / Double(count)
    }

    public var description: String { "MeanSquaredErrorLoss" }
}

/// Binary cross-entropy on logits: ℓ = −[y log σ(s) + (1 − y) log(1 − σ(s))] per element,
/// computed stably as softplus(s) − y s (PyTorch's `BCEWithLogitsLoss`), averaged over all
/// elements. Takes RAW scores (no sigmoid before it); targets in [0, 1] of the scores' shape.
/// Gradient (σ(s) − y) / (N C).
public final class BinaryCrossEntropyLoss: Loss {
    public init() {}

    public func evaluate(scores: Matrix, targets: LossTargets, gradient: inout Matrix) -> Double {
        let y = targets.valueMatrix(shape: scores.shape, loss: "BinaryCrossEntropyLoss")
        gradient.resize(rows: scores.rows, cols: scores.cols)
        let count = scores.count
        guard count > 0 else { return 0 }
        let inv = 1 / Double(count)
        var total = 0.0
        scores.withUnsafeBufferPointer { s in
            y.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for i in 0..<count {
                        let x = Double(s[i]), yi = Double(t[i])
                        total += softplus(x) - yi * x
                        g[i] = Float((logistic(x) - yi) * inv)
                    }
                }
            }
        }
        return total * inv
    }

    public var description: String { "BinaryCrossEntropyLoss" }
}
