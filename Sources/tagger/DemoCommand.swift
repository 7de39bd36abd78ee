import Foundation
import NNKit
import SequenceTagger

/// `tagger demo`: the README's main job. Makes a small part-of-speech corpus from a toy grammar
/// (no download), trains a sentence-level tagger on it with `tagger train`'s code path, shows
/// progress and where the learning curves are, and tags a few sentences.
enum DemoCommand {
    static let usage = """
    OVERVIEW: Train a small tagger on a corpus the project makes itself, then tag a few sentences.

    USAGE: tagger demo [--output DIR] [--epochs N] [--quiet]

    OPTIONS:
      --output DIR            Where to write the corpus, model, history and curves (default: ./tagger-demo).
      --epochs N              Passes over the data (default 8).
      --quiet                 No progress output.
      -h, --help              Show this help.
    """

    static func run(arguments: [String]) throws {
        var a = Arguments(arguments, usage: usage)
        if a.wantsHelp { print(usage); return }
        let output = try a.option("--output") ?? "tagger-demo"
        let epochs = try a.int("--epochs") ?? 8
        let quiet = a.flag("--quiet")
        _ = try a.finish(maxPositionals: 0)
        let dir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let start = Date()

        print("NLPFromScratch demo: a window tagger with sentence-level log-likelihood (Collobert et al. 2011)")
        print("1. Making a part-of-speech corpus from a toy grammar (2,000 training and 300 dev sentences) in \(dir.path)/")
        let writer = ConllWriter()
        for (name, count, seed) in [("train.conll", 2000, UInt64(1)), ("dev.conll", 300, UInt64(2))] {
            let text = SyntheticCorpus.sentences(count: count, seed: seed).map(writer.format).joined()
            try AtomicFile.write(text, to: dir.appendingPathComponent(name))
        }

        print("2. Training (tagger train --task pos --epochs \(epochs) --hidden 100); progress on stderr")
        let model = dir.appendingPathComponent("pos.safetensors").path
        var trainArgs = ["--train", dir.appendingPathComponent("train.conll").path, "--dev", dir.appendingPathComponent("dev.conll").path,
                         "--task", "pos", "--model", model, "--epochs", "\(epochs)", "--hidden", "100", "--word-dim", "30",
                         "--learning-rate", "0.05", "--batch-size", "4"]
        if quiet { trainArgs.append("--quiet") }
        try TrainCommand.run(arguments: trainArgs)
        print("   model:           \(model)")
        print("   learning curves: \(model).curves.svg (open it in a browser)")
        print("   history:         \(model).history.csv")

        print("3. Tagging new sentences:")
        let tagger = try TaggerModel.load(from: URL(fileURLWithPath: model))
        let examples = ["The clever student reads a book in the garden .", "She books a train to Paris .",
                        "They watch the red car near the river and he laughs ."]
        let sentences = examples.map { Sentence(words: $0.split(separator: " ").map(String.init)) }
        for (s, tags) in zip(sentences, try tagger.tag(sentences)) {
            print("   " + zip(s.words, tags).map { "\($0)/\($1)" }.joined(separator: " "))
        }
        print(String(format: "done in %.1f s", Date().timeIntervalSince(start)))
    }
}
