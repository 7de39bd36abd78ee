import Foundation
import NNKit
import SequenceTagger

/// `tagger tag`: tags a file or standard input, streaming: a batch of sentences at a time.
enum TagCommand {
    static let usage = """
    OVERVIEW: Tag text with a trained model.

    USAGE: tagger tag [--model M] [options] [FILE|-]

    Reads CoNLL, CoNLL-U or plain text (one tokenized sentence per line; the default for
    standard input) and writes the same lines with the predicted tag as a new last column
    (CoNLL, CoNLL-U) or word/TAG tokens (text).

    OPTIONS:
      --model M               A model from `tagger train` (default: the bundled English UPOS model).
      --format conll|conllu|text   Input format (default: by extension; text for standard input).
      --output-format F       json: one object per sentence ({"words": [...], "tags": [...]});
                              scores: the same plus the network's score of every tag for every word.
      --gazetteers DIR        Needed when the model was trained with gazetteers.
      --threads N             Compute threads.
      -h, --help              Show this help.
    """

    static func run(arguments: [String]) throws {
        var a = Arguments(arguments, usage: usage)
        if a.wantsHelp { print(usage); return }
        let modelPath = try a.option("--model")
        let input = try CorpusInput.parse(&a)
        let outputFormat = try a.choice("--output-format", ["json", "scores", "native"]) ?? "native"
        let json = outputFormat != "native"
        let withScores = outputFormat == "scores"
        let gazetteers = try a.option("--gazetteers")
        let threads = try a.int("--threads").map { max(1, $0) }
        if let threads { setThreads(threads) }
        let path = try a.finish(maxPositionals: 1).first ?? "-"
        let model = try ModelLoading.load(path: modelPath, gazetteers: gazetteers)
        if let threads { model.taggingThreads = threads }
        // Enough words per call for every tagging thread to get a batch of ~4096.
        let flushWords = 4096 * model.taggingThreads
        let format = input.format(for: path)
        let lines = path == "-" ? LineReader(handle: .standardInput, name: "<stdin>") : try LineReader(path: path)
        var out = OutputBuffer()
        switch format {
        case .conllu:
            let reader = ConlluReader(lines: lines, tagColumn: input.tagField)
            var pending: [ConlluSentence] = []
            func flush() throws {
                let tags = try model.tag(pending.map { $0.sentence(tag: input.tagField) })
                for (s, t) in zip(pending, tags) {
                    if json { out.write(jsonLine(s.words.map { $0.fields[1] }, t)); continue }
                    var i = 0
                    for c in s.comments { out.write(c + "\n") }
                    for e in s.entries {
                        let tag = e.kind == .word ? t[i] : "_"
                        if e.kind == .word { i += 1 }
                        out.write((e.fields + [tag]).joined(separator: "\t") + "\n")
                    }
                    out.write("\n")
                }
                pending.removeAll(keepingCapacity: true)
            }
            var words = 0
            while let s = try reader.nextConlluSentence() {
                pending.append(s)
                words += s.words.count
                if words >= flushWords { try flush(); words = 0 }
            }
            try flush()
        case .conll, .text:
            let reader: SentenceSource = format == .text ? PlainTextReader(lines: lines)
                : ConllReader(lines: lines, options: .init(tagColumn: nil))
            let writer = ConllWriter()
            var pending: [Sentence] = []
            func flush() throws {
                let tags = try model.tag(pending)
                let scores = withScores ? try model.scores(pending) : []
                for (k, (s, t)) in zip(pending, tags).enumerated() {
                    if withScores { out.write(scoresLine(s.words, t, scores[k], model.tags.tags)); continue }
                    if json { out.write(jsonLine(s.words, t)); continue }
                    if format == .text {
                        out.write(zip(s.words, t).map { "\($0)/\($1)" }.joined(separator: " ") + "\n")
                    } else {
                        var tagged = s
                        for i in tagged.tokens.indices { tagged.tokens[i].columns.append(t[i]) }
                        out.write(writer.format(tagged))
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }
            var words = 0
            while let s = try reader.nextSentence() {
                pending.append(s)
                words += s.count
                if words >= flushWords { try flush(); words = 0 }
            }
            try flush()
        }
        out.flush()
    }

    /// JSON with the raw scores: `{"words", "tags", "tagset", "scores": [[per tag] per word]}`.
    static func scoresLine(_ words: [String], _ tags: [String], _ scores: Matrix, _ tagset: [String]) -> String {
        let rows = (0..<scores.rows).map { r in "[" + scores.row(r).map { "\($0)" }.joined(separator: ",") + "]" }
        return "{\"words\":" + array(words) + ",\"tags\":" + array(tags) + ",\"tagset\":" + array(tagset) +
            ",\"scores\":[" + rows.joined(separator: ",") + "]}\n"
    }

    static func jsonLine(_ words: [String], _ tags: [String]) -> String {
        "{\"words\":" + array(words) + ",\"tags\":" + array(tags) + "}\n"
    }

    /// A JSON array of strings, escaped by JSONSerialization.
    static func array(_ strings: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: strings, options: []) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Buffers standard output and writes it in large blocks.
struct OutputBuffer {
    private var buffer = ""
    mutating func write(_ s: String) {
        buffer += s
        if buffer.utf8.count >= 1 << 16 { flush() }
    }
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
