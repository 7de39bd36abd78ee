import Foundation
import NNKit
import SequenceTagger

/// `tagger train`: trains a window tagger, early-stops on the dev metric, keeps the best model,
/// and writes the model, its history and its learning curves.
enum TrainCommand {
    static let usage = """
    OVERVIEW: Train a window tagger (Collobert et al. 2011) on CoNLL or CoNLL-U data.

    USAGE: tagger train --train FILE [--dev FILE] --model OUT [options]

    OPTIONS:
      --model OUT             Where to write the model (safetensors). History and curves go beside it
                              (OUT.history.csv, OUT.curves.svg); a checkpoint OUT.checkpoint after each epoch.
      --resume                Continue from OUT.checkpoint with the same options.
    \(TrainingOptions.help)
      -h, --help              Show this help.
    """

    static func run(arguments: [String]) throws {
        var a = Arguments(arguments, usage: usage)
        if a.wantsHelp { print(usage); return }
        let options = try TrainingOptions.parse(&a)
        guard let modelPath = try a.option("--model") else { throw UsageError(message: "--model OUT is required", usage: usage) }
        let resume = a.flag("--resume")
        _ = try a.finish(maxPositionals: 0)

        let modelURL = URL(fileURLWithPath: modelPath)
        let folder = modelURL.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw CommandError("the folder \(folder.path) of --model does not exist; create it first")
        }
        let start = Date()
        let task = try options.makeTask()
        let tagger = task.tagger
        var c = try options.trainerConfiguration()
        c.historyURL = URL(fileURLWithPath: modelPath + ".history.csv")
        c.curvesURL = URL(fileURLWithPath: modelPath + ".curves.svg")
        c.checkpointURL = URL(fileURLWithPath: modelPath + ".checkpoint")
        c.handlesInterrupt = true
        let info = "train: \(task.train.count) sentences, \(task.train.tokenCount) tokens" +
            (task.dev.map { "; dev: \($0.count) sentences, \($0.tokenCount) tokens" } ?? "") +
            "; \(tagger.tags.count) tags; \(tagger.features.words.count) words"
        c.progress.message(info)
        c.progress.message("\(tagger.network.network.description.replacingOccurrences(of: "\n", with: " "))  + \(tagger.configuration.criterion.rawValue.uppercased()); \(BLAS.shared.summary)")
        let trainer = Trainer(task: task, configuration: c)
        if resume {
            try trainer.restoreCheckpoint(from: c.checkpointURL!)
            c.progress.message("resumed from \(c.checkpointURL!.path) at step \(trainer.history.records.last?.step ?? 0)")
        }
        let result = trainer.run()
        if case .diverged = result.stop { throw CommandError(result.message) }
        try tagger.save(to: modelURL)
        if result.stop != .interrupted { try? FileManager.default.removeItem(at: c.checkpointURL!) }
        let seconds = Date().timeIntervalSince(start)
        var summary = "\(result.message). Model written to \(modelPath)"
        if let best = result.best, let m = best.metric {
            summary += String(format: "; best dev %@ %.2f", task.metricName, m)
        }
        summary += String(format: " (%.0f s). Learning curves: %@", seconds, c.curvesURL!.path)
        printError(summary)
    }
}
