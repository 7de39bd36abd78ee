import Foundation
import SequenceTagger

/// How the command line reads a corpus: the format (by option, else by extension), the tag
/// column of CoNLL files or the tag field of CoNLL-U files.
struct CorpusInput {
    enum Format: String { case conll, conllu, text }

    var format: Format?
    /// 1-based tag column for CoNLL (default: the last).
    var tagColumn: Int?
    var tagField: ConlluSentence.TagColumn = .upos

    /// Reads `--format`, `--tag-column`, `--tag-field`.
    static func parse(_ args: inout Arguments) throws -> CorpusInput {
        var c = CorpusInput()
        if let f = try args.choice("--format", ["conll", "conllu", "text"]) { c.format = Format(rawValue: f) }
        if let n = try args.int("--tag-column") {
            guard n >= 1 else { throw UsageError(message: "--tag-column counts from 1, got \(n)", usage: args.usage) }
            c.tagColumn = n
        }
        if let f = try args.choice("--tag-field", ["upos", "xpos"]) { c.tagField = f == "xpos" ? .xpos : .upos }
        return c
    }

    func format(for path: String, default fallback: Format = .conll) -> Format {
        if let format { return format }
        let lower = path.lowercased()
        if lower.hasSuffix(".conllu") { return .conllu }
        if lower.hasSuffix(".txt") && !lower.contains("conll") { return .text }
        return path == "-" ? .text : fallback
    }

    /// A streaming source for a file or `-` (standard input).
    func source(_ path: String, default fallback: Format = .conll) throws -> SentenceSource {
        let lines = path == "-" ? LineReader(handle: .standardInput, name: "<stdin>") : try LineReader(path: path)
        switch format(for: path, default: fallback) {
        case .conll: return ConllReader(lines: lines, options: .init(tagColumn: tagColumn.map { $0 - 1 } ?? -1))
        case .conllu: return ConlluReader(lines: lines, tagColumn: tagField)
        case .text: return PlainTextReader(lines: lines)
        }
    }

    /// Every sentence of a file.
    func readAll(_ path: String) throws -> [Sentence] {
        try source(path).readAll()
    }
}

/// Guesses a chunk tag scheme from the tags: S-/E- mean IOBES, U-/L- BILOU, an I- that starts a
/// chunk means IOB1, else IOB2.
func detectScheme(_ sentences: [Sentence]) -> TagScheme {
    var iob1 = false
    for s in sentences {
        var previous = "O"
        for t in s.tags {
            if t.hasPrefix("S-") || t.hasPrefix("E-") { return .iobes }
            if t.hasPrefix("U-") || t.hasPrefix("L-") { return .bilou }
            if t.hasPrefix("I-") {
                let type = t.dropFirst(2)
                if previous == "O" || previous.dropFirst(2) != type { iob1 = true }
            }
            previous = t
        }
    }
    return iob1 ? .iob1 : .iob2
}
