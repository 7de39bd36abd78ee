/// Classical (heavy-ball) momentum, Polyak (1964), in the form of Sutskever et al. (2013),
/// "On the importance of initialization and momentum in deep learning", eq. 1-2:
/// v ← γ v − η ∇f(θ), θ ← θ + v, with γ = `momentum`.
///
/// PyTorch's `SGD(momentum=γ)` keeps η outside the velocity (b ← γ b + g, θ ← θ − η b); the two
/// are the same sequence of θ (v = −η b) while η is constant; with a changing η this form lets
/// the old velocity keep its old step size, PyTorch's rescales it. Sparse parameters: the
/// velocity of rows a batch did not touch is frozen (neither decayed nor applied) until the row
/// is touched again: lazy momentum.
public final class Momentum: SlotOptimizer {
    public var momentum: Float

    public init(learningRate: Float = 0.01, momentum: Float = 0.9) {
        self.momentum = momentum
        super.init(learningRate: learningRate, slotNames: ["velocity"])
    }

    override func update(_ s: UpdateSpan) {
        let eta = learningRate, gamma = momentum
        for i in 0..<s.count {
            let v = gamma * s.state0[i] - eta * s.gradient[i]
            s.state0[i] = v
            s.value[i] += v
        }
    }

    override public var description: String { "Momentum(learningRate: \(learningRate), momentum: \(momentum))" }
}

/// Nesterov's accelerated gradient (Nesterov 1983), in the form of Sutskever et al. (2013),
/// eq. 3-4: v ← γ v − η ∇f(θ + γ v), θ ← θ + v. With the reparameterisation Θ = θ + γ v of
/// Bengio et al. (2013), "Advances in optimizing recurrent networks", eq. 7, the gradient is
/// taken at the stored parameters Θ: v ← γ v − η ∇f(Θ), Θ ← Θ + γ v − η ∇f(Θ) (the new v).
/// This is PyTorch's `SGD(momentum=γ, nesterov=True)` with v = −η b at constant η.
/// Sparse parameters: as `Momentum`, untouched rows keep their velocity frozen.
public final class Nesterov: SlotOptimizer {
    public var momentum: Float

    public init(learningRate: Float = 0.01, momentum: Float = 0.9) {
        self.momentum = momentum
        super.init(learningRate: learningRate, slotNames: ["velocity"])
    }

    override func update(_ s: UpdateSpan) {
        let eta = learningRate, gamma = momentum
        for i in 0..<s.count {
            let step = eta * s.gradient[i]
            let v = gamma * s.state0[i] - step
            s.state0[i] = v
            s.value[i] += gamma * v - step
        }
    }

    override public var description: String { "Nesterov(learningRate: \(learningRate), momentum: \(momentum))" }
}
