import Foundation

/// The course's training loop, made real: for each batch (singleton or minibatch, shuffled with
/// the seed) the forward pass (unit outputs, network output, loss), the backward pass (deltas,
/// gradients), regularization and clipping, then the update with the scheduled learning rate.
/// Every epoch (or every N updates) it evaluates on dev data, records the history, draws the
/// learning curves, checks the stopping criteria and writes a checkpoint.
///
/// Guarantees: a loss that becomes NaN or infinite stops training at that step and puts back the
/// parameters of the last evaluation; resuming from a checkpoint gives bit for bit the model an
/// uninterrupted run with the same seed gives; Ctrl-C (with `handlesInterrupt`) writes a
/// checkpoint and returns `.interrupted`.
public final class Trainer {
    public let task: TrainingTask
    public private(set) var configuration: TrainerConfiguration
    public internal(set) var history: TrainingHistory
    let parameters: [Parameter]
    var state = TrainerState()
    var rng: RandomGenerator
    let earlyStopping: EarlyStopping?
    var lastGood: ParameterSnapshot
    var updateStart: ParameterSnapshot?
    var best: TaskEvaluation?
    private var clock = ProcessInfo.processInfo.systemUptime
    private var order: [Int] = []

    public init(task: TrainingTask, configuration: TrainerConfiguration) {
        require(configuration.batchSize > 0, "Trainer: batchSize must be positive, got \(configuration.batchSize)")
        require(configuration.epochs >= 0, "Trainer: epochs must not be negative, got \(configuration.epochs)")
        self.task = task
        self.configuration = configuration
        parameters = task.parameters
        history = TrainingHistory(metricName: task.metricName)
        rng = RandomGenerator(seed: configuration.seed)
        earlyStopping = configuration.patience.map { EarlyStopping(patience: $0, parameters: task.parameters) }
        lastGood = ParameterSnapshot(task.parameters)
    }

    /// Elapsed training time, including the runs before a resume.
    var elapsed: Double { state.elapsedBefore + ProcessInfo.processInfo.systemUptime - clock }

    /// Trains until the epochs are done or a criterion stops it.
    public func run() -> TrainingResult {
        let c = configuration
        if c.handlesInterrupt { InterruptFlag.install() }
        clock = ProcessInfo.processInfo.systemUptime
        let n = task.trainingSize
        let batches = (n + c.batchSize - 1) / c.batchSize
        var lastReport = (time: elapsed, items: state.itemsSinceEvaluation)
        while state.epoch < c.epochs && n > 0 {
            if state.batchInEpoch == 0 { state.epochStartRNG = rng.stateWords }
            rng = RandomGenerator(state: state.epochStartRNG)
            order = c.shuffles ? rng.permutation(n) : Array(0..<n)
            while state.batchInEpoch < batches {
                if c.handlesInterrupt && InterruptFlag.isRaised {
                    InterruptFlag.reset()
                    c.progress.finish()
                    let saved = saveCheckpointIfConfigured()
                    return finish(.interrupted, "interrupted at step \(state.step)" + (saved.map { "; checkpoint written to \($0)" } ?? ""))
                }
                let lower = state.batchInEpoch * c.batchSize
                let batch = order[lower..<min(lower + c.batchSize, n)]
                for p in parameters { p.zeroGradient() }
                task.model.isTraining = true
                let (loss, items) = task.trainBatch(batch)
                var total = loss
                for r in c.regularizers { total += r.apply(to: parameters) }
                guard total.isFinite else {
                    c.progress.finish()
                    lastGood.restore(into: parameters)
                    return finish(.diverged(step: state.step + 1),
                                  "the loss became \(total) at step \(state.step + 1) (epoch \(state.epoch + 1)); " +
                                  "the parameters of the last evaluation were kept. Lower the learning rate " +
                                  "(now \(c.optimizer.learningRate)), or clip the gradients.")
                }
                if let m = c.clipNorm { GradientClipping.clipByGlobalNorm(parameters, maxNorm: m) }
                if let v = c.clipValue { GradientClipping.clipByValue(parameters, limit: v) }
                if let s = c.schedule { c.optimizer.learningRate = s.learningRate(step: state.step, epoch: state.epoch) }
                let evaluates = c.evaluateEvery.map { (state.step + 1) % $0 == 0 } ?? (state.batchInEpoch + 1 == batches)
                if evaluates {
                    if updateStart == nil { updateStart = ParameterSnapshot(parameters) } else { updateStart!.capture(parameters) }
                }
                c.optimizer.step(parameters)
                state.step += 1
                state.batchInEpoch += 1
                state.tokensSeen += items
                state.lossSum += total
                state.lossCount += 1
                state.itemsSinceEvaluation += items
                if state.batchInEpoch == batches {
                    state.epoch += 1
                    state.batchInEpoch = 0
                }
                let now = elapsed
                if now - lastReport.time > 0.05 {
                    let doneInEpoch = state.batchInEpoch == 0 ? batches : state.batchInEpoch
                    let rate = Double(state.itemsSinceEvaluation - lastReport.items) / (now - lastReport.time)
                    // Updates left in this epoch and the ones after, at this stretch's pace.
                    let epochIndex = state.batchInEpoch == 0 ? state.epoch - 1 : state.epoch
                    let left = Double(batches - doneInEpoch + batches * max(0, c.epochs - epochIndex - 1))
                    let perBatch = (now - state.lastEvaluationTime) / Double(max(1, state.lossCount))
                    c.progress.update(epoch: epochIndex + 1, epochs: c.epochs,
                                      fraction: Double(doneInEpoch) / Double(batches), rate: rate,
                                      loss: state.lossSum / Double(max(state.lossCount, 1)),
                                      remainingSeconds: left * perBatch)
                    lastReport = (now, state.itemsSinceEvaluation)
                }
                var status = TrainingStatus(iteration: state.step, epoch: state.epoch, elapsedSeconds: now,
                                            tokensSeen: state.tokensSeen, learningRate: c.optimizer.learningRate)
                if evaluates {
                    let stop = evaluate(&status)
                    lastReport = (elapsed, 0)
                    if let stop { return stop }
                } else if let reason = c.stoppingCriteria.lazy.compactMap({ $0.shouldStop(status) }).first {
                    c.progress.finish()
                    _ = evaluate(&status)
                    return finish(.criterion(reason), "stopped: \(reason)")
                }
                if state.batchInEpoch == 0 { break }
            }
        }
        c.progress.finish()
        return finish(.completed, "completed \(c.epochs) epochs (\(state.step) updates)")
    }

    /// Evaluates, records, checkpoints; returns a result when a criterion stops training.
    private func evaluate(_ status: inout TrainingStatus) -> TrainingResult? {
        let c = configuration
        let evaluation = task.evaluateDev()
        task.model.isTraining = true
        let updateNorm = updateStart?.distance(to: parameters) ?? 0
        let seconds = max(elapsed - state.lastEvaluationTime, 1e-9)
        let record = TrainingRecord(
            epoch: Double(state.epoch) + Double(state.batchInEpoch) / Double(max(1, batchesPerEpoch)),
            step: state.step, trainLoss: state.lossSum / Double(max(state.lossCount, 1)),
            devLoss: evaluation?.loss, devMetric: evaluation?.metric, learningRate: Double(c.optimizer.learningRate),
            updateNorm: updateNorm, examplesPerSecond: Double(state.itemsSinceEvaluation) / seconds, wallTime: elapsed)
        history.append(record)
        state.lossSum = 0
        state.lossCount = 0
        state.itemsSinceEvaluation = 0
        state.lastEvaluationTime = elapsed
        var line = String(format: "epoch %.2f  step %d  train loss %.4f", record.epoch, record.step, record.trainLoss)
        if let e = evaluation {
            line += String(format: "  dev loss %.4f", e.loss)
            if let m = e.metric { line += String(format: "  dev %@ %.2f", task.metricName, m) }
        }
        c.progress.message(line)
        if let e = evaluation {
            c.schedule?.observe(devError: e.error)
            status.devError = e.error
            if best == nil || e.error < best!.error { best = e }
        }
        status.updateNorm = updateNorm
        if evaluation.map({ $0.loss.isFinite }) ?? true { lastGood.capture(parameters) }
        let current = status
        var reason = earlyStopping?.shouldStop(current)
        if reason == nil { reason = c.stoppingCriteria.lazy.compactMap { $0.shouldStop(current) }.first }
        writeFiles()
        if reason == nil { _ = saveCheckpointIfConfigured() }
        if let reason {
            c.progress.finish()
            return finish(.criterion(reason), "stopped: \(reason)")
        }
        return nil
    }

    var batchesPerEpoch: Int { (task.trainingSize + configuration.batchSize - 1) / configuration.batchSize }

    private func writeFiles() {
        let c = configuration
        do {
            if let url = c.historyURL { try history.write(to: url) }
            if let url = c.curvesURL { try history.plot().write(to: url) }
        } catch {
            c.progress.message("warning: could not write the history or curves: \(error)")
        }
    }

    private func saveCheckpointIfConfigured() -> String? {
        guard let url = configuration.checkpointURL else { return nil }
        do {
            try saveCheckpoint(to: url)
            return url.path
        } catch {
            configuration.progress.message("warning: could not write the checkpoint \(url.path): \(error)")
            return nil
        }
    }

    private func finish(_ stop: TrainingResult.Stop, _ message: String) -> TrainingResult {
        if case .diverged = stop {} else { earlyStopping?.restoreBest() }
        task.model.isTraining = false
        writeFiles()
        return TrainingResult(stop: stop, history: history, steps: state.step, best: best, message: message)
    }
}
