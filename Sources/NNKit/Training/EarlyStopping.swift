/// Early stopping on the development error (Prechelt 1998, "Early stopping — but when?";
/// Goodfellow et al. 2016, section 7.8, Algorithm 7.1): after every evaluation (a status with
/// `devError`), if the error is lower than the best so far by more than `minDelta`, the
/// parameters are copied into a `ParameterSnapshot`; otherwise a counter grows, and training
/// stops once the error has not improved for `patience` evaluations in a row.
/// `restoreBest()` writes the best parameters back (call it when training ends).
public final class EarlyStopping: StoppingCriterion {
    public let patience: Int
    public let minDelta: Double
    public let parameters: [Parameter]
    public private(set) var bestError = Double.infinity
    /// The iteration at which the best error was seen.
    public private(set) var bestIteration: Int?
    public private(set) var evaluationsWithoutImprovement = 0
    public private(set) var best: ParameterSnapshot?

    public init(patience: Int, minDelta: Double = 0, parameters: [Parameter]) {
        require(patience >= 1, "EarlyStopping: patience must be at least 1, got \(patience)")
        self.patience = patience
        self.minDelta = minDelta
        self.parameters = parameters
    }

    public func shouldStop(_ s: TrainingStatus) -> String? {
        guard let error = s.devError else { return nil }
        if error < bestError - minDelta {
            bestError = error
            bestIteration = s.iteration
            evaluationsWithoutImprovement = 0
            if best == nil { best = ParameterSnapshot(parameters) } else { best!.capture(parameters) }
            return nil
        }
        evaluationsWithoutImprovement += 1
        if evaluationsWithoutImprovement >= patience {
            return "dev error has not improved for \(patience) evaluations (best \(bestError) at iteration \(bestIteration ?? 0))"
        }
        return nil
    }

    /// Puts the best parameters back; false when no evaluation was seen.
    @discardableResult
    public func restoreBest() -> Bool {
        guard let best else { return false }
        best.restore(into: parameters)
        return true
    }

    /// Puts back the state a checkpoint saved, so that a resumed run stops where an
    /// uninterrupted one would.
    public func restore(bestError: Double, bestIteration: Int?, evaluationsWithoutImprovement: Int, best: ParameterSnapshot?) {
        self.bestError = bestError
        self.bestIteration = bestIteration
        self.evaluationsWithoutImprovement = evaluationsWithoutImprovement
        self.best = best
    }

    public var description: String { "earlyStopping(patience: \(patience))" }
}
