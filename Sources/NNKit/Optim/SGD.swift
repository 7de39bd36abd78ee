/// Plain stochastic gradient descent, θ ← θ − η ∇f(θ) (Robbins & Monro 1951; Bottou 2012,
/// "Stochastic Gradient Descent Tricks", eq. 2). Stateless, so sparse rows that a batch did
/// not touch are simply not moved. Equal to PyTorch's `SGD(lr=η)`.
public final class SGD: SlotOptimizer {
    public init(learningRate: Float = 0.01) {
        super.init(learningRate: learningRate, slotNames: [])
    }

    override func update(_ s: UpdateSpan) {
        let eta = learningRate
        for i in 0..<s.count { s.value[i] -= eta * s.gradient[i] }
    }

    override public var description: String { "SGD(learningRate: \(learningRate))" }
}
