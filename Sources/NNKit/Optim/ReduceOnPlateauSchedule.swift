/// Reduce-on-plateau: watches the development error; when it has not improved for `patience`
/// evaluations in a row, η ← max(η · factor, floor) and the count starts again.
///
/// "Improved" means lower than the best so far by more than `threshold` (absolute). Note that
/// PyTorch's `ReduceLROnPlateau` reduces only after patience + 1 bad evaluations; this class
/// reduces after `patience` of them, as the course and issue 3 say. The state (current η,
/// best error, bad evaluations) is in `state` for checkpoints.
public final class ReduceOnPlateauSchedule: LearningRateSchedule {
    public let initialLearningRate: Float
    public let factor: Float
    public let patience: Int
    public let floor: Float
    public let threshold: Double
    public private(set) var currentLearningRate: Float
    public private(set) var bestError = Double.infinity
    public private(set) var badEvaluations = 0
    /// How many times η was reduced.
    public private(set) var reductions = 0

    public init(initialLearningRate: Float, factor: Float = 0.5, patience: Int = 3, floor: Float = 1e-6, threshold: Double = 0) {
        require(factor > 0 && factor < 1, "ReduceOnPlateauSchedule: factor must be in (0, 1), got \(factor)")
        require(patience >= 1, "ReduceOnPlateauSchedule: patience must be at least 1, got \(patience)")
        self.initialLearningRate = initialLearningRate
        self.factor = factor
        self.patience = patience
        self.floor = floor
        self.threshold = threshold
        currentLearningRate = initialLearningRate
    }

    public func learningRate(step: Int, epoch: Int) -> Float { currentLearningRate }

    public func observe(devError: Double) {
        if devError < bestError - threshold {
            bestError = devError
            badEvaluations = 0
            return
        }
        badEvaluations += 1
        if badEvaluations >= patience {
            let reduced = max(currentLearningRate * factor, floor)
            if reduced < currentLearningRate { reductions += 1 }
            currentLearningRate = reduced
            badEvaluations = 0
        }
    }

    public var state: [String: Double] {
        get {
            ["learningRate": Double(currentLearningRate), "bestError": bestError,
             "badEvaluations": Double(badEvaluations), "reductions": Double(reductions)]
        }
        set {
            currentLearningRate = Float(newValue["learningRate"] ?? Double(initialLearningRate))
            bestError = newValue["bestError"] ?? .infinity
            badEvaluations = Int(newValue["badEvaluations"] ?? 0)
            reductions = Int(newValue["reductions"] ?? 0)
        }
    }

    public var description: String {
        "reduceOnPlateau(\(initialLearningRate), factor: \(factor), patience: \(patience), floor: \(floor))"
    }
}
