import Foundation
import NNKit
import SequenceTagger

/// `tagger doctor`: a short training run with the options of `train`, then the course's
/// checklist — gradients, dead and saturated units, training and dev loss — with numbers and advice.
enum DoctorCommand {
    static let usage = """
    OVERVIEW: Diagnose a training setup: a short run, then the course's checklist with numbers and advice.

    USAGE: tagger doctor --train FILE [--dev FILE] [options of tagger train]

    OPTIONS:
      --epochs N              Length of the short run (default 2), evaluated 10 times per epoch.
    \(TrainingOptions.help)
      -h, --help              Show this help.
    """

    static func run(arguments: [String]) throws {
        var a = Arguments(arguments, usage: usage)
        if a.wantsHelp { print(usage); return }
        var options = try TrainingOptions.parse(&a)
        if !arguments.contains("--epochs") { options.epochs = 2 }
        _ = try a.finish(maxPositionals: 0)
        let task = try options.makeTask()
        let tagger = task.tagger
        print("tagger doctor: \(task.train.count) training sentences, \(tagger.tags.count) tags, \(tagger.configuration.criterion.rawValue.uppercased())")

        // 1. Gradients of the real model on two training sentences.
        let sample = Array(0..<min(2, task.train.count))
        let params = tagger.parameters
        let check = GradientChecker.check(
            parameters: params,
            loss: {
                let (w, r) = tagger.windows(for: sample.map { task.train.ids[$0] })
                var scratch = Matrix(rows: 0, cols: 0)
                tagger.network.isTraining = false
                let saved = tagger.sll?.parameters.map(\.gradient)
                let value = task.criterion(scores: tagger.network.forward(w), ranges: r,
                                           tags: sample.flatMap { task.train.tagIds[$0] }, gradient: &scratch)
                if let saved, let sll = tagger.sll { for (p, g) in zip(sll.parameters, saved) { p.gradient = g } }
                return value
            },
            lossAndGradient: {
                for p in params { p.zeroGradient() }
                tagger.network.isTraining = false
                return task.trainBatch(sample[...]).loss
            }, epsilon: 1e-3, maxEntriesPerTensor: 40, skipsKinks: true)

        // 2. Dead and saturated units on up to 2,000 words, before and after the short run.
        let probe = task.dev ?? task.train
        var probeIds: [[Int32]] = []
        var words = 0
        for ids in probe.ids where words < 2000 { probeIds.append(ids); words += ids.count / tagger.features.tableCount }
        let probeWindows = tagger.windows(for: probeIds).windows
        let unitsBefore = UnitDiagnostics.analyze(tagger.network.network, sample: probeWindows)

        // 3. A short run, evaluated ten times per epoch.
        var c = try options.trainerConfiguration()
        c.patience = nil
        c.evaluateEvery = max(1, (task.train.count + c.batchSize - 1) / c.batchSize / 10)
        let result = Trainer(task: task, configuration: c).run()
        let unitsAfter = UnitDiagnostics.analyze(tagger.network.network, sample: probeWindows)
        var diverged: Int?
        if case .diverged(let step) = result.stop { diverged = step }

        print("\nChecklist (the course's \"how to train your network\"):")
        let items = [
            // Float scores and HardTanh kinks on a real model: 1e-2 separates rounding from a wrong derivative (errors of 0.1 and more).
            TrainingChecklist.gradients(check, tolerance: 1e-2),
            TrainingChecklist.deadUnits(unitsAfter),
            TrainingChecklist.saturatedUnits(unitsAfter),
            TrainingChecklist.trainingLoss(result.history, diverged: diverged),
            TrainingChecklist.devLoss(result.history),
        ]
        for item in items { print(item) }
        let before = unitsBefore.filter { $0.kind == .saturated }.map(\.fraction).max() ?? 0
        let after = unitsAfter.filter { $0.kind == .saturated }.map(\.fraction).max() ?? 0
        print(String(format: "\nSaturated hidden units: %.1f%% at initialization, %.1f%% after %d updates.", 100 * before, 100 * after, result.steps))
        if let last = result.history.records.last {
            print(String(format: "Last evaluation: train loss %.4f, dev loss %@, dev %@ %@, learning rate %g.",
                         last.trainLoss, last.devLoss.map { String(format: "%.4f", $0) } ?? "-", task.metricName,
                         last.devMetric.map { String(format: "%.2f", $0) } ?? "-", last.learningRate))
        }
        if items.contains(where: { $0.status == .problem }) { exit(2) }
    }
}
