import Foundation

/// Trains the same model briefly with several learning rates and draws their training-loss
/// curves in one picture — the course's figure from CS231n ("Babysitting the learning process":
/// a rate too high diverges or plateaus high, one too low creeps, a good one falls fast and
/// keeps falling). Each run starts from the same initialization (the factory builds it afresh
/// from its seed).
public struct LearningRateComparison {
    public struct Run {
        public var learningRate: Float
        public var result: TrainingResult
        /// Final training loss (infinite when the run diverged).
        public var finalLoss: Double {
            if case .diverged = result.stop { return .infinity }
            return result.history.records.last?.trainLoss ?? .infinity
        }
    }

    public private(set) var runs: [Run] = []

    /// Trains one run per rate. `makeRun` builds a fresh task and configuration for a rate.
    public init(learningRates: [Float], makeRun: (Float) -> (TrainingTask, TrainerConfiguration)) {
        for rate in learningRates {
            let (task, configuration) = makeRun(rate)
            let result = Trainer(task: task, configuration: configuration).run()
            runs.append(Run(learningRate: rate, result: result))
        }
    }

    /// The rate with the lowest final training loss.
    public var bestLearningRate: Float? { runs.min { $0.finalLoss < $1.finalLoss }?.learningRate }

    /// A sentence per run: diverged, too low (barely moved), or its final loss.
    public var summary: [String] {
        runs.map { run in
            let first = run.result.history.records.first?.trainLoss ?? .nan
            switch run.result.stop {
            case .diverged(let step): return "η = \(run.learningRate): diverged at step \(step) — too high"
            default:
                let last = run.finalLoss
                let verdict = run.learningRate == bestLearningRate ? "best" : (last > 0.9 * first ? "barely moved — too low or too high" : "falls")
                return String(format: "η = %g: loss %.4f -> %.4f (%@)", Double(run.learningRate), first, last, verdict)
            }
        }
    }

    /// Training loss against epochs, one curve per rate (log scale; diverged runs end where they stopped).
    public func plot(title: String = "Training loss for several learning rates") -> LinePlot {
        var p = LinePlot(title: title, xLabel: "epoch", leftLabel: "training loss")
        p.logLeftAxis = true
        for run in runs {
            p.series.append(.init(name: "η = \(run.learningRate)",
                                  points: run.result.history.records.map { ($0.epoch, $0.trainLoss) }))
        }
        return p
    }
}
