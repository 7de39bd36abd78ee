import Foundation
import NNKit
import SequenceTagger

/// The `tagger` command line: a thin layer over `NNKit` and `SequenceTagger`.
let usage = """
OVERVIEW: Train and run the window taggers of Collobert et al. (2011).

USAGE: tagger <subcommand> [options]

SUBCOMMANDS:
  train                   Train a tagger on CoNLL or CoNLL-U data (tagger train --help).
  tag                     Tag text with a model (tagger tag --help).
  eval                    Score a model on a labelled file (tagger eval --help).
  doctor                  A short run with the course's training checklist (tagger doctor --help).
  demo                    Train a small tagger on a corpus it makes itself, then tag (no data needed).
  score                   Score tagged chunks exactly as conlleval (tagger score --help).
  convert                 Rewrite CoNLL tags between IOB1, IOB2, IOBES, BILOU (tagger convert --help).

OPTIONS:
  -h, --help              Show this help.
  --version               Show the version and the compute path.
"""

var arguments = Array(CommandLine.arguments.dropFirst())
guard let sub = arguments.first else {
    FileHandle.standardError.write(Data("Error: missing subcommand\n\n\(usage)\n".utf8))
    exit(64)
}
arguments.removeFirst()
do {
    switch sub {
    case "demo": try DemoCommand.run(arguments: arguments)
    case "train": try TrainCommand.run(arguments: arguments)
    case "tag": try TagCommand.run(arguments: arguments)
    case "eval": try EvalCommand.run(arguments: arguments)
    case "doctor": try DoctorCommand.run(arguments: arguments)
    case "score": try ScoreCommand.run(arguments: arguments)
    case "convert": try ConvertCommand.run(arguments: arguments)
    case "-h", "--help", "help": print(usage)
    case "--version": print("tagger 0.1.0 — \(BLAS.shared.summary)")
    default:
        FileHandle.standardError.write(Data("Error: unknown subcommand '\(sub)'\n\n\(usage)\n".utf8))
        exit(64)
    }
} catch let e as UsageError {
    FileHandle.standardError.write(Data("Error: \(e.message)\n\n\(e.usage)\n".utf8))
    exit(64)
} catch let e as DataError {
    FileHandle.standardError.write(Data("Error: \(e)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
    exit(1)
}
