/// AdaDelta, Zeiler (2012), "ADADELTA: An Adaptive Learning Rate Method", Algorithm 1:
/// E[g²] ← ρ E[g²] + (1 − ρ) g²; Δ = −(√(E[Δ²] + ε) / √(E[g²] + ε)) g;
/// E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²; θ ← θ + η Δ.
///
/// The paper has no learning rate: η = `learningRate` = 1 (the default) is Zeiler's method.
/// PyTorch's `Adadelta` multiplies the step by an extra `lr` (default 1.0); this class does the
/// same, so `learningRate` ≠ 1 matches PyTorch and 1 matches both. Defaults ρ = 0.9, ε = 1e-6
/// (PyTorch's; Zeiler used ρ = 0.95, ε = 1e-6). Sparse parameters: both running averages of
/// untouched rows are left as they are (lazy).
public final class AdaDelta: SlotOptimizer {
    public var rho: Float
    public var epsilon: Float

    public init(learningRate: Float = 1, rho: Float = 0.9, epsilon: Float = 1e-6) {
        self.rho = rho
        self.epsilon = epsilon
        super.init(learningRate: learningRate, slotNames: ["squareAverage", "deltaSquareAverage"])
    }

    override func update(_ s: UpdateSpan) {
        let eta = learningRate, rho = self.rho, eps = epsilon
        for i in 0..<s.count {
            let g = s.gradient[i]
            let eg = rho * s.state0[i] + (1 - rho) * g * g
            s.state0[i] = eg
            let delta = (s.state1[i] + eps).squareRoot() / (eg + eps).squareRoot() * g
            s.state1[i] = rho * s.state1[i] + (1 - rho) * delta * delta
            s.value[i] -= eta * delta
        }
    }

    override public var description: String { "AdaDelta(learningRate: \(learningRate), rho: \(rho), epsilon: \(epsilon))" }
}
