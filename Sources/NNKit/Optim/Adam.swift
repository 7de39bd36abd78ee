import Foundation

/// Adam, Kingma & Ba (2015), "Adam: A Method for Stochastic Optimization", Algorithm 1:
/// m ← β1 m + (1 − β1) g; v ← β2 v + (1 − β2) g²; m̂ = m / (1 − β1ᵗ); v̂ = v / (1 − β2ᵗ);
/// θ ← θ − η m̂ / (√v̂ + ε). (The course slide writes β1 v_{t−1} in the first line; m_{t−1} is
/// meant.) Computed as PyTorch's `Adam` does: θ ← θ − (η / (1 − β1ᵗ)) m / (√v / √(1 − β2ᵗ) + ε),
/// algebraically the same as the paper.
///
/// t is the optimizer's `stepCount`. Sparse parameters: the moments of untouched rows are not
/// decayed and the rows are not moved, while bias correction uses the global t: PyTorch's
/// `SparseAdam` ("lazy Adam").
public final class Adam: SlotOptimizer {
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    private var stepSize: Float = 0
    private var secondCorrection: Float = 1

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(learningRate: learningRate, slotNames: ["firstMoment", "secondMoment"])
    }

    override func beginStep() {
        let t = Double(stepCount)
        stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
        secondCorrection = Float((1 - pow(Double(beta2), t)).squareRoot())
    }

    override func update(_ s: UpdateSpan) {
        let b1 = beta1, b2 = beta2, eps = epsilon, alpha = stepSize, root = secondCorrection
        for i in 0..<s.count {
            let g = s.gradient[i]
            let m = b1 * s.state0[i] + (1 - b1) * g
            let v = b2 * s.state1[i] + (1 - b2) * g * g
            s.state0[i] = m
            s.state1[i] = v
            s.value[i] -= alpha * m / (v.squareRoot() / root + eps)
        }
    }

    override public var description: String {
        "Adam(learningRate: \(learningRate), beta1: \(beta1), beta2: \(beta2), epsilon: \(epsilon))"
    }
}
