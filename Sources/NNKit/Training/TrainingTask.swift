/// What a `Trainer` trains: a model, its training examples, and how to score it on dev data.
///
/// The trainer owns the loop (shuffling, batches, updates, evaluation, checkpoints); the task
/// owns the forward and backward pass of one batch — the course's steps 1 and 2 — so that any
/// model fits: a `Layer` with a `Loss` (`SupervisedTask`), or a tagger with a sentence-level
/// criterion.
public protocol TrainingTask: AnyObject {
    /// The number of training examples (the unit of shuffling: an example, a sentence).
    var trainingSize: Int { get }
    /// Every trainable parameter, in a fixed order (checkpoints rely on it).
    var parameters: [Parameter] { get }
    /// The network, for training/evaluation mode, dropout state and diagnostics.
    var model: Layer { get }
    /// Forward and backward pass on the training examples `indices`: adds ∂L/∂θ into the
    /// gradients (already zeroed by the trainer) and returns the mean loss of the batch and how
    /// many items (examples or tokens) it held, for throughput.
    func trainBatch(_ indices: ArraySlice<Int>) -> (loss: Double, items: Int)
    /// Scores the model on development data, or nil when there is none.
    func evaluateDev() -> TaskEvaluation?
    /// The name of the dev metric ("accuracy", "f1"), for logs and history files.
    var metricName: String { get }
}

/// A dev-set evaluation: its loss and, when the task has one, a metric where higher is better.
public struct TaskEvaluation: Sendable, Equatable, Codable {
    public var loss: Double
    public var metric: Double?

    public init(loss: Double, metric: Double? = nil) {
        self.loss = loss
        self.metric = metric
    }

    /// The quantity early stopping and plateau schedules minimise: minus the metric when
    /// there is one (so a higher F1 is a lower error), the loss otherwise.
    public var error: Double { metric.map { -$0 } ?? loss }
}

/// A layer trained with a `Loss` on matrices of examples: classification (`.classes`) or
/// regression (`.values`), with optional dev data. The metric is accuracy for classes.
public final class SupervisedTask: TrainingTask {
    public let network: Layer
    public let loss: any Loss
    public let inputs: Matrix
    public let targets: LossTargets
    public let devInputs: Matrix?
    public let devTargets: LossTargets?
    private var batchInputs = Matrix(rows: 0, cols: 0)
    private var gradient = Matrix(rows: 0, cols: 0)

    public init(network: Layer, loss: any Loss, inputs: Matrix, targets: LossTargets,
                devInputs: Matrix? = nil, devTargets: LossTargets? = nil) {
        self.network = network
        self.loss = loss
        self.inputs = inputs
        self.targets = targets
        self.devInputs = devInputs
        self.devTargets = devTargets
    }

    public var trainingSize: Int { inputs.rows }
    public var parameters: [Parameter] { network.parameters }
    public var model: Layer { network }
    public var metricName: String {
        if case .classes = targets { return "accuracy" }
        return "loss"
    }

    public func trainBatch(_ indices: ArraySlice<Int>) -> (loss: Double, items: Int) {
        let rows = Array(indices)
        batchInputs.gatherRows(of: inputs, indices: rows)
        let batchTargets = Self.select(targets, rows)
        let scores = network.forward(batchInputs)
        let value = loss.evaluate(scores: scores, targets: batchTargets, gradient: &gradient)
        network.backward(input: batchInputs, gradOutput: gradient)
        return (value, rows.count)
    }

    public func evaluateDev() -> TaskEvaluation? {
        guard let x = devInputs, let y = devTargets else { return nil }
        let wasTraining = network.isTraining
        network.isTraining = false
        defer { network.isTraining = wasTraining }
        let scores = network.forward(x)
        var scratch = Matrix(rows: 0, cols: 0)
        let value = loss.evaluate(scores: scores, targets: y, gradient: &scratch)
        if case .classes(let labels) = y {
            let predicted = scores.argmaxPerRow()
            let correct = zip(predicted, labels).filter { $0 == $1 }.count
            return TaskEvaluation(loss: value, metric: 100 * Double(correct) / Double(max(labels.count, 1)))
        }
        return TaskEvaluation(loss: value)
    }

    static func select(_ targets: LossTargets, _ rows: [Int]) -> LossTargets {
        switch targets {
        case .classes(let c): return .classes(rows.map { c[$0] })
        case .values(let m):
            var out = Matrix(rows: 0, cols: 0)
            out.gatherRows(of: m, indices: rows)
            return .values(out)
        }
    }
}
