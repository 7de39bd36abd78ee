import Foundation
import SequenceTagger

/// `tagger convert --from SCHEME --to SCHEME [--tag-column N] [--tab] [FILE|-]`: rewrites the
/// tag column of a CoNLL file from one chunk tagging scheme to another, and writes the file to
/// standard output with every other column unchanged.
enum ConvertCommand {
    static let usage = """
    USAGE: tagger convert --from SCHEME --to SCHEME [options] [FILE|-]

    Rewrites the tag column of a CoNLL column file between chunk tagging schemes (iob1, iob2,
    iobes, bilou). Invalid sequences are repaired as conlleval reads them (I-X after O starts a
    chunk). Reads standard input when FILE is - or absent; writes standard output.

    OPTIONS:
      --from SCHEME     Scheme of the input tags.
      --to SCHEME       Scheme to write.
      --tag-column N    Column of the tags, from 1 as in train, tag and eval; negative counts
                        from the end (default: -1, the last).
      --tab             Separate output columns with tabs (default: one space).
    """

    static func run(arguments: [String]) throws {
        var args = Arguments(arguments, usage: usage)
        if args.wantsHelp { print(usage); return }
        func scheme(_ name: String) throws -> TagScheme? {
            guard let v = try args.option(name) else { return nil }
            guard let s = TagScheme(rawValue: v.lowercased()) else {
                throw UsageError(message: "unknown scheme '\(v)' (iob1, iob2, iobes, bilou)", usage: usage)
            }
            return s
        }
        let from = try scheme("--from"), to = try scheme("--to")
        // 1-based like the other subcommands; the reader takes 0-based or negative columns.
        var tagColumn = try args.int("--tag-column") ?? -1
        guard tagColumn != 0 else { throw UsageError(message: "--tag-column counts from 1 (or from the end with -1, -2, ...)", usage: usage) }
        if tagColumn > 0 { tagColumn -= 1 }
        let separator = args.flag("--tab") ? "\t" : " "
        let files = try args.finish(maxPositionals: 1)
        guard let from, let to else { throw UsageError(message: "--from and --to are required", usage: usage) }
        let reader = try ConllReader(path: files.first ?? "-", options: .init(tagColumn: tagColumn))
        let writer = ConllWriter(separator: separator)
        var out = ""
        let stdout = FileHandle.standardOutput
        while let s = try reader.nextSentence() {
            do {
                out += writer.format(s.withTags(try TagScheme.convert(s.tags, from: from, to: to)))
            } catch let e as DataError {
                throw DataError(e.kind, file: reader.lineReader.fileName, line: s.line, e.message, hint: e.hint)
            }
            if out.utf8.count > 1 << 16 {
                stdout.write(Data(out.utf8))
                out = ""
            }
        }
        stdout.write(Data(out.utf8))
    }
}
