import Foundation
import SequenceTagger

/// `tagger eval`: tags a labelled file and scores it — conlleval's report for chunks (chunking,
/// NER), token accuracy with per-tag figures otherwise (POS).
enum EvalCommand {
    static let usage = """
    OVERVIEW: Score a model on a labelled file.

    USAGE: tagger eval [--model M] [options] FILE

    OPTIONS:
      --model M               A model from `tagger train` (default: the bundled English UPOS model).
      --format conll|conllu   Input format (default: by extension).
      --tag-column N          CoNLL gold tag column, from 1 (default: the last).
      --tag-field upos|xpos   CoNLL-U gold tag field (default: upos).
      --gazetteers DIR        Needed when the model was trained with gazetteers.
      -h, --help              Show this help.
    """

    static func run(arguments: [String]) throws {
        var a = Arguments(arguments, usage: usage)
        if a.wantsHelp { print(usage); return }
        let modelPath = try a.option("--model")
        let input = try CorpusInput.parse(&a)
        let gazetteers = try a.option("--gazetteers")
        guard let path = try a.finish(maxPositionals: 1).first else { throw UsageError(message: "give the FILE to score", usage: usage) }
        let model = try ModelLoading.load(path: modelPath, gazetteers: gazetteers)
        let sentences = try input.readAll(path).filter { !$0.isEmpty }
        let guessed = try model.tag(sentences)
        if model.configuration.isChunking {
            var options = ConllEval.Options()
            if let s = TagScheme(rawValue: model.configuration.outputScheme) { options.prefixMap = ConllEval.Options.prefixMap(for: s) }
            options.fileName = path
            var scorer = try ConllEval(options: options)
            for (s, g) in zip(sentences, guessed) { try scorer.add(gold: s.tags, guessed: g) }
            scorer.finish()
            print(scorer.report(), terminator: "")
        } else {
            print(tokenReport(gold: sentences.map(\.tags), guessed: guessed), terminator: "")
        }
    }

    /// Token accuracy, then precision, recall and F1 per tag (tags sorted by gold frequency).
    static func tokenReport(gold: [[String]], guessed: [[String]]) -> String {
        var goldCount: [String: Int] = [:], guessCount: [String: Int] = [:], correct: [String: Int] = [:]
        var total = 0, right = 0
        for (g, p) in zip(gold, guessed) {
            for (a, b) in zip(g, p) {
                total += 1
                goldCount[a, default: 0] += 1
                guessCount[b, default: 0] += 1
                if a == b { right += 1; correct[a, default: 0] += 1 }
            }
        }
        var out = String(format: "processed %d tokens; accuracy: %6.2f%%\n", total, 100 * Double(right) / Double(max(total, 1)))
        out += "tag         gold  precision  recall      F1\n"
        for tag in Set(goldCount.keys).union(guessCount.keys).sorted(by: { (goldCount[$0] ?? 0, $1) > (goldCount[$1] ?? 0, $0) }) {
            let c = Double(correct[tag] ?? 0), gd = Double(goldCount[tag] ?? 0), gs = Double(guessCount[tag] ?? 0)
            let p = gs > 0 ? 100 * c / gs : 0, r = gd > 0 ? 100 * c / gd : 0
            let f = p + r > 0 ? 2 * p * r / (p + r) : 0
            out += tag.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%6d    %6.2f%%  %6.2f%%  %6.2f\n", Int(gd), p, r, f)
        }
        return out
    }
}
