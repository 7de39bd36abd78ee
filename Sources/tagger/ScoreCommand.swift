import Foundation
import SequenceTagger

/// `tagger score [-d DELIM] [-r] [-o TAG] [-l] [--scheme S] [--confusion] [FILE|-]`: reads
/// conlleval's input (the last two fields of each line are the gold and the guessed tag) and
/// prints conlleval's report, line for line.
enum ScoreCommand {
    static let usage = """
    USAGE: tagger score [options] [FILE|-]

    Scores chunks exactly as the CoNLL shared tasks' conlleval script. Each line ends with the
    gold and the guessed tag; a blank line or a line starting with -X- ends a sentence.
    Reads standard input when FILE is - or absent.

    OPTIONS:
      -d DELIM          Field delimiter, a regular expression (default: one space).
      -r                Raw tags without B-/I- prefixes: every tag is a one-token chunk.
      -o TAG            The outside tag in raw mode (default: O).
      -l                Print conlleval's LaTeX table instead of the report.
      --scheme SCHEME   Tag scheme of the input: iob1, iob2 (read as is), iobes or bilou
                        (S-/E- or U-/L- rewritten to B-/I- first, as the shared tasks intend).
      --confusion       Also print the token confusion matrix (gold rows, guessed columns).
    """

    static func run(arguments: [String]) throws {
        var options = ConllEval.Options()
        var latex = false, confusion = false, explicitScheme = false
        var file = "-"
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < arguments.count else { throw UsageError(message: "\(name) requires a value", usage: usage) }
            return arguments[i]
        }
        var files: [String] = []
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "-d": options.delimiter = try value(a)
            case "-r": options.raw = true
            case "-o": options.outsideTag = try value(a)
            case "-l": latex = true
            case "--confusion": confusion = true
            case "--scheme":
                let v = try value(a)
                guard let s = TagScheme(rawValue: v.lowercased()) else {
                    throw UsageError(message: "unknown scheme '\(v)' (iob1, iob2, iobes, bilou)", usage: usage)
                }
                options.prefixMap = ConllEval.Options.prefixMap(for: s)
                explicitScheme = true
            case "-h", "--help":
                print(usage)
                return
            default:
                if a.hasPrefix("-") && a != "-" { throw UsageError(message: "unknown option '\(a)'", usage: usage) }
                files.append(a)
            }
            i += 1
        }
        guard files.count <= 1 else { throw UsageError(message: "give at most one file", usage: usage) }
        file = files.first ?? "-"
        let reader = try LineReader(path: file)
        options.fileName = reader.fileName
        var eval = try ConllEval(options: options)
        while let line = try reader.nextLine() { try eval.add(line: line) }
        eval.finish()
        if !explicitScheme && !options.raw && !eval.prefixesSeen.isDisjoint(with: ["S", "U", "L"]) {
            FileHandle.standardError.write(Data("""
            Warning: S-/U-/L- tags found; conlleval does not know IOBES or BILOU and miscounts them \
            (E-X B-X reads as one chunk). Pass --scheme iobes or --scheme bilou to score them as intended.\n
            """.utf8))
        }
        print(latex ? eval.latexReport() : eval.report(), terminator: "")
        if confusion { print("\n" + eval.confusion.format(), terminator: "") }
    }
}

/// A command-line mistake: `main` prints it with the usage text and exits with status 64.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    let usage: String
    var description: String { message }
}
