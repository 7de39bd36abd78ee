import Foundation

/// AdaGrad, Duchi, Hazan & Singer (2011), "Adaptive Subgradient Methods", the diagonal update
/// of section 1.1 / eq. (1): G ← G + g², θ ← θ − η g / (√G + ε).
///
/// ε is added outside the square root, as in PyTorch's `Adagrad` (default ε = 1e-10), so that
/// the fixtures match; `epsilonInsideSquareRoot` selects the paper-style √(G + ε) (the same
/// update when ε = 0). Sparse parameters: the accumulator of untouched rows is unchanged, as in
/// PyTorch's sparse Adagrad (a row that sees no gradient adds nothing to G).
public final class AdaGrad: SlotOptimizer {
    public var epsilon: Float
    public var epsilonInsideSquareRoot: Bool

    public init(learningRate: Float = 0.01, epsilon: Float = 1e-10, epsilonInsideSquareRoot: Bool = false) {
        self.epsilon = epsilon
        self.epsilonInsideSquareRoot = epsilonInsideSquareRoot
        super.init(learningRate: learningRate, slotNames: ["sumOfSquares"])
    }

    override func update(_ s: UpdateSpan) {
        let eta = learningRate, eps = epsilon
        if epsilonInsideSquareRoot {
            for i in 0..<s.count {
                let g = s.gradient[i]
                let acc = s.state0[i] + g * g
                s.state0[i] = acc
                s.value[i] -= eta * g / (acc + eps).squareRoot()
            }
        } else {
            for i in 0..<s.count {
                let g = s.gradient[i]
                let acc = s.state0[i] + g * g
                s.state0[i] = acc
                s.value[i] -= eta * g / (acc.squareRoot() + eps)
            }
        }
    }

    override public var description: String { "AdaGrad(learningRate: \(learningRate), epsilon: \(epsilon))" }
}
