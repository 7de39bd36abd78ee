import Foundation

/// Everything a `Trainer` needs besides the task: the course's metaparameters (batch size,
/// training length), the optimizer and schedule, regularizers and clipping, stopping criteria,
/// and where to write history, curves and checkpoints.
public struct TrainerConfiguration {
    /// Passes over the training data (an upper bound when other criteria stop earlier).
    public var epochs: Int
    /// Examples per update: 1 is singleton (online) SGD, more is minibatch SGD.
    public var batchSize: Int
    /// Shuffle the examples each epoch with the seeded generator.
    public var shuffles = true
    public var seed: UInt64 = 1
    /// Evaluate (and checkpoint) every this many updates, or once per epoch when nil.
    public var evaluateEvery: Int?
    public var optimizer: any Optimizer
    /// Sets the optimizer's learning rate before every update; nil keeps it constant.
    public var schedule: (any LearningRateSchedule)?
    public var regularizers: [any Regularizer] = []
    /// Rescale the gradients when their global norm exceeds this.
    public var clipNorm: Float?
    /// Clamp every gradient entry to ±clipValue.
    public var clipValue: Float?
    /// Early stopping on the dev error, with this patience (in evaluations); keeps and restores
    /// the best parameters.
    public var patience: Int?
    /// Further criteria: time, data or iteration limits, learning-rate or update floors.
    public var stoppingCriteria: [any StoppingCriterion] = []
    /// Files written after every evaluation (atomically): history (`.csv` or `.jsonl`) and
    /// learning curves (SVG).
    public var historyURL: URL?
    public var curvesURL: URL?
    /// A checkpoint written after every evaluation and on Ctrl-C.
    public var checkpointURL: URL?
    /// Handle Ctrl-C by checkpointing and returning (installs a SIGINT handler).
    public var handlesInterrupt = false
    public var progress: ProgressReporter = ProgressReporter(mode: .quiet)

    public init(epochs: Int, batchSize: Int, optimizer: any Optimizer) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
    }
}

/// Why and where training ended.
public struct TrainingResult {
    public enum Stop: Equatable, Sendable {
        /// All epochs done.
        case completed
        /// A stopping criterion fired; its reason.
        case criterion(String)
        /// The loss became NaN or infinite at this update; the last good parameters were kept.
        case diverged(step: Int)
        /// Ctrl-C; a checkpoint was written when configured.
        case interrupted
    }

    public var stop: Stop
    public var history: TrainingHistory
    public var steps: Int
    /// The best dev evaluation seen (by its error), when there was dev data.
    public var best: TaskEvaluation?
    /// A sentence for the user.
    public var message: String
}
