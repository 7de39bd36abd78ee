/// RMSProp, Tieleman & Hinton (2012), COURSERA "Neural Networks for Machine Learning",
/// lecture 6.5: r ← ρ r + (1 − ρ) g², θ ← θ − η g / (√r + ε), with ρ = `decay`.
///
/// ε outside the square root and ρ = 0.99, ε = 1e-8 as PyTorch's `RMSprop` (no momentum, not
/// centered); `epsilonInsideSquareRoot` gives √(r + ε) (identical when ε = 0). Sparse
/// parameters: the running average of untouched rows is not decayed (lazy, like SparseAdam).
/// The arithmetic of a step is done in Double (state and values stay Float): on the fixtures the
/// first steps, η g / √((1 − ρ) g²), amplify Float rounding to about 1e-5 after 25 steps otherwise.
public final class RMSProp: SlotOptimizer {
    public var decay: Float
    public var epsilon: Float
    public var epsilonInsideSquareRoot: Bool

    public init(learningRate: Float = 0.001, decay: Float = 0.99, epsilon: Float = 1e-8,
                epsilonInsideSquareRoot: Bool = false) {
        self.decay = decay
        self.epsilon = epsilon
        self.epsilonInsideSquareRoot = epsilonInsideSquareRoot
        super.init(learningRate: learningRate, slotNames: ["squareAverage"])
    }

    override func update(_ s: UpdateSpan) {
        let eta = Double(learningRate), rho = Double(decay), eps = Double(epsilon), inside = epsilonInsideSquareRoot
        for i in 0..<s.count {
            let g = Double(s.gradient[i])
            let r = rho * Double(s.state0[i]) + (1 - rho) * g * g
            s.state0[i] = Float(r)
            let denom = inside ? (r + eps).squareRoot() : r.squareRoot() + eps
            s.value[i] = Float(Double(s.value[i]) - eta * g / denom)
        }
    }

    override public var description: String { "RMSProp(learningRate: \(learningRate), decay: \(decay), epsilon: \(epsilon))" }
}
