import Foundation
import Testing
import NNKit
import NNTestSupport

/// The paper forms against the PyTorch forms, computed by hand in Double in the test.
@Suite struct OptimizerEquivalenceTests {
    /// A smooth non-quadratic function of three variables: f(θ) = Σ cosh(θ_i) + θ_0 θ_1² and its gradient.
    static func gradient(_ t: [Double]) -> [Double] {
        [sinh(t[0]) + t[1] * t[1], sinh(t[1]) + 2 * t[0] * t[1], sinh(t[2])]
    }
    static let start: [Float] = [0.5, -0.8, 1.1]

    /// Runs `opt` for `steps` steps on f; `learningRates` (if given) sets η before each step.
    static func run(_ opt: any Optimizer, steps: Int, learningRates: [Float]? = nil) -> [[Double]] {
        let p = Parameter(name: "theta", value: Matrix(row: start))
        var out: [[Double]] = []
        for t in 0..<steps {
            if let lr = learningRates { opt.learningRate = lr[t] }
            p.gradient = Matrix(row: gradient(p.value.storage.map { Double($0) }).map { Float($0) })
            opt.step([p])
            out.append(p.value.storage.map { Double($0) })
        }
        return out
    }

    static func maxDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
        zip(a, b).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
    }

    /// PyTorch's SGD with momentum: b ← γ b + g, θ ← θ − η b.
    static func pytorchMomentum(learningRates: [Double], momentum: Double, nesterov: Bool) -> [[Double]] {
        var theta = start.map { Double($0) }, b = [0.0, 0, 0]
        var out: [[Double]] = []
        for eta in learningRates {
            let g = gradient(theta)
            for i in 0..<3 {
                b[i] = momentum * b[i] + g[i]
                theta[i] -= eta * (nesterov ? g[i] + momentum * b[i] : b[i])
            }
            out.append(theta)
        }
        return out
    }

    @Test func momentumWithEtaInsideTheVelocityEqualsPyTorchsAtConstantEtaOnly() {
        let constant = [Float](repeating: 0.05, count: 30)
        let ours = Self.run(Momentum(learningRate: 0.05, momentum: 0.9), steps: 30)
        #expect(Self.maxDifference(ours, Self.pytorchMomentum(learningRates: constant.map(Double.init), momentum: 0.9, nesterov: false)) < 1e-5)
        // With η halved after 10 steps the forms part: the paper's velocity keeps the old step size.
        let changing = (0..<30).map { $0 < 10 ? Float(0.05) : 0.025 }
        let oursChanging = Self.run(Momentum(learningRate: 0.05, momentum: 0.9), steps: 30, learningRates: changing)
        #expect(Self.maxDifference(oursChanging, Self.pytorchMomentum(learningRates: changing.map(Double.init), momentum: 0.9, nesterov: false)) > 1e-3)
    }

    @Test func nesterovReparameterisedIsTheLookAheadFormShiftedByGammaV() {
        // Sutskever et al. (2013), eq. 3-4: v ← γv − η∇f(θ + γv), θ ← θ + v. The class stores Θ = θ + γv.
        let (eta, gamma) = (0.05, 0.9)
        var theta = Self.start.map { Double($0) }, v = [0.0, 0, 0]
        var shifted: [[Double]] = []
        for _ in 0..<30 {
            let g = Self.gradient((0..<3).map { theta[$0] + gamma * v[$0] })
            for i in 0..<3 { v[i] = gamma * v[i] - eta * g[i]; theta[i] += v[i] }
            shifted.append((0..<3).map { theta[$0] + gamma * v[$0] })
        }
        let ours = Self.run(Nesterov(learningRate: 0.05, momentum: 0.9), steps: 30)
        #expect(Self.maxDifference(ours, shifted) < 1e-5)
        let torch = Self.pytorchMomentum(learningRates: [Double](repeating: eta, count: 30), momentum: gamma, nesterov: true)
        #expect(Self.maxDifference(ours, torch) < 1e-5)
    }

    @Test func epsilonInsideOrOutsideTheRootAgreeOnlyWhenEpsilonIsZero() {
        let pairs: [(any Optimizer, any Optimizer, any Optimizer, any Optimizer)] = [
            (AdaGrad(learningRate: 0.1, epsilon: 0), AdaGrad(learningRate: 0.1, epsilon: 0, epsilonInsideSquareRoot: true),
             AdaGrad(learningRate: 0.1, epsilon: 0.1), AdaGrad(learningRate: 0.1, epsilon: 0.1, epsilonInsideSquareRoot: true)),
            (RMSProp(learningRate: 0.01, epsilon: 0), RMSProp(learningRate: 0.01, epsilon: 0, epsilonInsideSquareRoot: true),
             RMSProp(learningRate: 0.01, epsilon: 0.1), RMSProp(learningRate: 0.01, epsilon: 0.1, epsilonInsideSquareRoot: true)),
        ]
        for (a, b, c, d) in pairs {
            #expect(Self.run(a, steps: 20) == Self.run(b, steps: 20), "\(a)")
            #expect(Self.maxDifference(Self.run(c, steps: 20), Self.run(d, steps: 20)) > 1e-3, "\(c)")
        }
    }

    @Test func adaDeltaWithLearningRateOneIsZeilersAlgorithm() {
        // Zeiler (2012), Algorithm 1, with ρ = 0.95, ε = 1e-6 and no learning rate.
        let (rho, eps) = (0.95, 1e-6)
        var theta = Self.start.map { Double($0) }, eg = [0.0, 0, 0], edx = [0.0, 0, 0]
        var zeiler: [[Double]] = []
        for _ in 0..<30 {
            let g = Self.gradient(theta)
            for i in 0..<3 {
                eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i]
                let dx = -((edx[i] + eps).squareRoot() / (eg[i] + eps).squareRoot()) * g[i]
                edx[i] = rho * edx[i] + (1 - rho) * dx * dx
                theta[i] += dx
            }
            zeiler.append(theta)
        }
        let ours = Self.run(AdaDelta(rho: 0.95, epsilon: 1e-6), steps: 30)
        #expect(Self.maxDifference(ours, zeiler) < 1e-6)
    }

    @Test func adamIsKingmaAndBasAlgorithmOneWithBiasCorrection() {
        let (alpha, b1, b2, eps) = (0.05, 0.9, 0.999, 1e-8)
        var theta = Self.start.map { Double($0) }, m = [0.0, 0, 0], v = [0.0, 0, 0]
        var paper: [[Double]] = []
        for t in 1...30 {
            let g = Self.gradient(theta)
            for i in 0..<3 {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(b1, Double(t))), vHat = v[i] / (1 - pow(b2, Double(t)))
                theta[i] -= alpha * mHat / (vHat.squareRoot() + eps)
            }
            paper.append(theta)
        }
        let ours = Self.run(Adam(learningRate: 0.05), steps: 30)
        #expect(Self.maxDifference(ours, paper) < 1e-5)
        // The first step of Adam moves each coordinate by about η, whatever the gradient's scale.
        #expect(abs(abs(ours[0][2] - Double(Self.start[2])) - 0.05) < 1e-4)
    }
}
