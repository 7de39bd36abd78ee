import Foundation

/// Where training stands, as a trainer reports it to stopping criteria after each update.
public struct TrainingStatus: Equatable {
    /// Updates done so far.
    public var iteration: Int
    /// Completed passes over the training data.
    public var epoch: Int
    /// Seconds since training started.
    public var elapsedSeconds: Double
    /// Tokens (or examples) seen so far: the data limit.
    public var tokensSeen: Int
    /// The learning rate of the latest update.
    public var learningRate: Float
    /// The development error of an evaluation made just now, nil between evaluations.
    public var devError: Double?
    /// ‖θ_{t+1} − θ_t‖ of the latest update, when the trainer measures it (`ParameterSnapshot.distance`).
    public var updateNorm: Double?

    public init(iteration: Int = 0, epoch: Int = 0, elapsedSeconds: Double = 0, tokensSeen: Int = 0,
                learningRate: Float = 0, devError: Double? = nil, updateNorm: Double? = nil) {
        self.iteration = iteration
        self.epoch = epoch
        self.elapsedSeconds = elapsedSeconds
        self.tokensSeen = tokensSeen
        self.learningRate = learningRate
        self.devError = devError
        self.updateNorm = updateNorm
    }
}

/// A rule that ends training. `shouldStop` returns the reason to stop, in words for the log,
/// or nil to go on. Criteria are classes so that they can keep state (early stopping).
/// The course's list (Bengio 2012, "Practical recommendations for gradient-based training of
/// deep architectures", section 3.1.2; Prechelt 1998, "Early stopping — but when?").
public protocol StoppingCriterion: AnyObject, CustomStringConvertible {
    func shouldStop(_ status: TrainingStatus) -> String?
}

/// Stops after `maxIterations` updates (T).
public final class MaxIterations: StoppingCriterion {
    public let maxIterations: Int
    public init(_ maxIterations: Int) { self.maxIterations = maxIterations }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        s.iteration >= maxIterations ? "reached \(maxIterations) iterations" : nil
    }
    public var description: String { "maxIterations(\(maxIterations))" }
}

/// Stops once `seconds` of wall-clock time have passed.
public final class TimeLimit: StoppingCriterion {
    public let seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        s.elapsedSeconds >= seconds ? "time limit of \(seconds) s reached after \(s.elapsedSeconds) s" : nil
    }
    public var description: String { "timeLimit(\(seconds) s)" }
}

/// Stops once `maxTokens` tokens (or examples) have been seen: a data budget.
public final class DataLimit: StoppingCriterion {
    public let maxTokens: Int
    public init(maxTokens: Int) { self.maxTokens = maxTokens }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        s.tokensSeen >= maxTokens ? "saw \(s.tokensSeen) tokens, the limit is \(maxTokens)" : nil
    }
    public var description: String { "dataLimit(\(maxTokens) tokens)" }
}

/// Stops when the learning rate has decayed to ε or below (η_t ≤ ε).
public final class LearningRateFloor: StoppingCriterion {
    public let epsilon: Float
    public init(epsilon: Float) { self.epsilon = epsilon }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        s.learningRate <= epsilon ? "learning rate \(s.learningRate) ≤ \(epsilon)" : nil
    }
    public var description: String { "learningRateFloor(\(epsilon))" }
}

/// Stops when an update moved the parameters by ε or less, ‖θ_{t+1} − θ_t‖ ≤ ε. Needs
/// `TrainingStatus.updateNorm`; ignores statuses without it.
public final class UpdateNormThreshold: StoppingCriterion {
    public let epsilon: Double
    public init(epsilon: Double) { self.epsilon = epsilon }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        guard let n = s.updateNorm else { return nil }
        return n <= epsilon ? "update norm \(n) ≤ \(epsilon)" : nil
    }
    public var description: String { "updateNorm(\(epsilon))" }
}

/// Stops when any of several criteria does, with the first one's reason.
public final class AnyOfCriteria: StoppingCriterion {
    public let criteria: [any StoppingCriterion]
    public init(_ criteria: [any StoppingCriterion]) { self.criteria = criteria }
    public func shouldStop(_ s: TrainingStatus) -> String? {
        for c in criteria { if let reason = c.shouldStop(s) { return reason } }
        return nil
    }
    public var description: String { "any(" + criteria.map(\.description).joined(separator: ", ") + ")" }
}
