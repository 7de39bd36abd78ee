import Foundation
import Testing
import NNKit
import NNTestSupport

/// Every optimizer fits y = 2x + 1 with one Linear(1 -> 1) under mean squared error, and the
/// XOR problem with a 2-8-2 tanh network under cross-entropy, full batch, from a fixed start.
@Suite struct OptimizerConvergenceTests {
    struct Setting: CustomStringConvertible, Sendable {
        let name: String
        let learningRate: Float
        let steps: Int
        var description: String { name }
    }

    /// Line: the stated loss is mean squared error below 1e-6 (the start is about 3.5).
    static let lineSettings: [Setting] = [
        .init(name: "sgd", learningRate: 0.3, steps: 200), .init(name: "momentum", learningRate: 0.05, steps: 200),
        .init(name: "nesterov", learningRate: 0.05, steps: 200), .init(name: "adagrad", learningRate: 0.5, steps: 300),
        .init(name: "rmsprop", learningRate: 0.01, steps: 400), .init(name: "adadelta", learningRate: 1, steps: 3000),
        .init(name: "adam", learningRate: 0.05, steps: 400),
    ]

    /// XOR: the stated loss is a mean cross-entropy below 0.01 (the start is about 0.7).
    static let xorSettings: [Setting] = [
        .init(name: "sgd", learningRate: 0.5, steps: 1000), .init(name: "momentum", learningRate: 0.1, steps: 500),
        .init(name: "nesterov", learningRate: 0.1, steps: 500), .init(name: "adagrad", learningRate: 0.3, steps: 500),
        .init(name: "rmsprop", learningRate: 0.01, steps: 500), .init(name: "adadelta", learningRate: 1, steps: 3000),
        .init(name: "adam", learningRate: 0.02, steps: 500),
    ]

    static func train(_ net: Layer, _ opt: any Optimizer, loss: any Loss, x: Matrix, targets: LossTargets, steps: Int) -> Double {
        var g = Matrix(rows: 0, cols: 0)
        for _ in 0..<steps {
            net.zeroGradients()
            _ = loss.evaluate(scores: net.forward(x), targets: targets, gradient: &g)
            net.backward(input: x, gradOutput: g)
            opt.step(net.parameters)
        }
        return loss.evaluate(scores: net.forward(x), targets: targets, gradient: &g)
    }

    @Test(arguments: lineSettings)
    func fitsTheLineTwoXPlusOne(setting: Setting) throws {
        let xs = (0..<16).map { Float($0) / 7.5 - 1 }
        let x = Matrix(column: xs), y = Matrix(column: xs.map { 2 * $0 + 1 })
        let layer = Linear(weight: Matrix([[0]]), bias: Matrix(row: [0]))
        let opt = try Optimizers.named(setting.name, learningRate: setting.learningRate)
        let final = Self.train(layer, opt, loss: MeanSquaredErrorLoss(), x: x, targets: .values(y), steps: setting.steps)
        #expect(final < 1e-6, "\(setting.name): loss \(final) after \(setting.steps) steps")
        #expect(abs(layer.weight.value[0, 0] - 2) < 1e-3 && abs(layer.bias.value[0, 0] - 1) < 1e-3)
    }

    @Test(arguments: xorSettings)
    func learnsXOR(setting: Setting) throws {
        let (x, labels) = ToyData.xor()
        var rng = RandomGenerator(seed: 12)
        let net = Sequential(Linear(2, 8, rng: &rng), Tanh(), Linear(8, 2, rng: &rng))
        let opt = try Optimizers.named(setting.name, learningRate: setting.learningRate)
        let final = Self.train(net, opt, loss: CrossEntropyLoss(), x: x, targets: .classes(labels), steps: setting.steps)
        #expect(final < 0.01, "\(setting.name): loss \(final) after \(setting.steps) steps")
        #expect(net.forward(x).argmaxPerRow() == labels)
    }
}
