import Foundation

/// The learning rate η_t as a function of training progress. `step` counts updates from 0,
/// `epoch` counts passes over the data from 0. A trainer calls `learningRate(step:epoch:)`
/// before each update and sets the optimizer's `learningRate` to it, and calls
/// `observe(devError:)` after each evaluation on development data.
///
/// Schedules own their mutable state (only reduce-on-plateau has any) in `state`, so that a
/// checkpoint can save and restore it; configuration (η0, factors) is not state.
public protocol LearningRateSchedule: AnyObject, CustomStringConvertible {
    func learningRate(step: Int, epoch: Int) -> Float
    /// Reports a development-set error (lower is better). Ignored by schedules that do not watch it.
    func observe(devError: Double)
    var state: [String: Double] { get set }
}

extension LearningRateSchedule {
    public func observe(devError: Double) {}
}

/// A stateless schedule: η_t from a formula.
public class FormulaSchedule {
    public var state: [String: Double] {
        get { [:] }
        set {}
    }
}

/// η_t = η0 throughout.
public final class ConstantSchedule: FormulaSchedule, LearningRateSchedule {
    public let initialLearningRate: Float
    public init(learningRate: Float) { initialLearningRate = learningRate }
    public func learningRate(step: Int, epoch: Int) -> Float { initialLearningRate }
    public var description: String { "constant(\(initialLearningRate))" }
}

/// η_t = η0 / (t + 1), t the update count: the 1/t decrease that satisfies Robbins & Monro's
/// (1951) conditions Σ η_t = ∞, Σ η_t² < ∞.
public final class InverseTimeSchedule: FormulaSchedule, LearningRateSchedule {
    public let initialLearningRate: Float
    public init(initialLearningRate: Float) { self.initialLearningRate = initialLearningRate }
    public func learningRate(step: Int, epoch: Int) -> Float {
        Float(Double(initialLearningRate) / Double(step + 1))
    }
    public var description: String { "inverseTime(\(initialLearningRate))" }
}

/// Bottou (2012), "Stochastic Gradient Descent Tricks", eq. 10: η_t = η0 / (1 + η0 λ t), with
/// λ the L2 regularization strength and t the update count.
public final class BottouSchedule: FormulaSchedule, LearningRateSchedule {
    public let initialLearningRate: Float
    public let lambda: Double
    public init(initialLearningRate: Float, lambda: Double) {
        require(lambda >= 0, "BottouSchedule: lambda must not be negative, got \(lambda)")
        self.initialLearningRate = initialLearningRate
        self.lambda = lambda
    }
    public func learningRate(step: Int, epoch: Int) -> Float {
        let eta0 = Double(initialLearningRate)
        return Float(eta0 / (1 + eta0 * lambda * Double(step)))
    }
    public var description: String { "bottou(\(initialLearningRate), lambda: \(lambda))" }
}

/// Step decay: η = η0 · factor^⌊epoch / stepSize⌋ (PyTorch's `StepLR`; Goodfellow et al. 2016,
/// section 8.3.1, piecewise-constant schedules).
public final class StepDecaySchedule: FormulaSchedule, LearningRateSchedule {
    public let initialLearningRate: Float
    public let factor: Double
    public let stepSize: Int
    public init(initialLearningRate: Float, factor: Double = 0.1, stepSize: Int) {
        require(stepSize > 0, "StepDecaySchedule: stepSize must be positive, got \(stepSize)")
        self.initialLearningRate = initialLearningRate
        self.factor = factor
        self.stepSize = stepSize
    }
    public func learningRate(step: Int, epoch: Int) -> Float {
        Float(Double(initialLearningRate) * pow(factor, Double(epoch / stepSize)))
    }
    public var description: String { "stepDecay(\(initialLearningRate), factor: \(factor), every \(stepSize) epochs)" }
}

/// Exponential decay: η = η0 · factor^epoch (PyTorch's `ExponentialLR`).
public final class ExponentialDecaySchedule: FormulaSchedule, LearningRateSchedule {
    public let initialLearningRate: Float
    public let factor: Double
    public init(initialLearningRate: Float, factor: Double) {
        require(factor > 0 && factor <= 1, "ExponentialDecaySchedule: factor must be in (0, 1], got \(factor)")
        self.initialLearningRate = initialLearningRate
        self.factor = factor
    }
    public func learningRate(step: Int, epoch: Int) -> Float {
        Float(Double(initialLearningRate) * pow(factor, Double(epoch)))
    }
    public var description: String { "exponentialDecay(\(initialLearningRate), factor: \(factor))" }
}

/// The schedules by name, with default settings.
public enum LearningRateSchedules {
    public static let names = ["constant", "inverseTime", "bottou", "stepDecay", "exponentialDecay", "reduceOnPlateau"]

    /// A schedule starting at `initialLearningRate`. Defaults: Bottou λ = 1e-4, step decay
    /// ×0.1 every 10 epochs, exponential ×0.95 per epoch, plateau ×0.5 after 3 evaluations
    /// down to 1e-6. Throws `UnknownNameError` listing the valid names.
    public static func named(_ name: String, initialLearningRate: Float) throws -> any LearningRateSchedule {
        switch name {
        case "constant": return ConstantSchedule(learningRate: initialLearningRate)
        case "inverseTime", "decreasing": return InverseTimeSchedule(initialLearningRate: initialLearningRate)
        case "bottou": return BottouSchedule(initialLearningRate: initialLearningRate, lambda: 1e-4)
        case "stepDecay": return StepDecaySchedule(initialLearningRate: initialLearningRate, factor: 0.1, stepSize: 10)
        case "exponentialDecay": return ExponentialDecaySchedule(initialLearningRate: initialLearningRate, factor: 0.95)
        case "reduceOnPlateau": return ReduceOnPlateauSchedule(initialLearningRate: initialLearningRate)
        default: throw UnknownNameError(kind: "learning-rate schedule", name: name, validNames: names)
        }
    }
}
