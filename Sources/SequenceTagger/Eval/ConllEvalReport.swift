import Foundation

/// The reports `conlleval` prints, reproduced line for line (its `printf` formats are applied
/// with the C library's `snprintf`, as Perl does).
extension ConllEval {
    /// Precision, recall and FB1 in percent, with the script's conventions (0 when undefined).
    public static func scores(correct: Int, guessed: Int, gold: Int) -> (precision: Double, recall: Double, f1: Double) {
        let p = guessed > 0 ? Double(100 * correct) / Double(guessed) : 0
        let r = gold > 0 ? Double(100 * correct) / Double(gold) : 0
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        return (p, r, f)
    }

    /// Token accuracy in percent (0 without tokens).
    public var accuracy: Double { tokens > 0 ? Double(100 * correctTags) / Double(tokens) : 0 }

    /// Overall chunk scores.
    public var overall: (precision: Double, recall: Double, f1: Double) {
        Self.scores(correct: correctChunks, guessed: guessedChunks, gold: goldChunks)
    }

    /// The chunk types in the order the script prints them: sorted bytewise, duplicates
    /// removed except right after an empty type (the script's `not($lastType)` test).
    public var sortedTypes: [String] {
        var keys: [String] = []
        for (k, v) in perType {
            if v.gold > 0 { keys.append(k) }
            if v.guessed > 0 { keys.append(k) }
        }
        keys.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var out: [String] = []
        var last: String?
        for k in keys {
            if last == nil || last == "" || last == "0" || last != k { out.append(k) }
            last = k
        }
        return out
    }

    /// The default report: the `processed ...` line, the `accuracy ...` line (when there were
    /// tokens) and one line per chunk type.
    public func report() -> String {
        var out = "processed \(tokens) tokens with \(goldChunks) phrases; found: \(guessedChunks) phrases; correct: \(correctChunks).\n"
        if tokens > 0 {
            let o = overall
            out += "accuracy: " + c("%6.2f", accuracy) + "%; precision: " + c("%6.2f", o.precision)
                + "%; recall: " + c("%6.2f", o.recall) + "%; FB1: " + c("%6.2f", o.f1) + "\n"
        }
        for t in sortedTypes {
            let v = perType[t] ?? TypeCounts()
            let s = Self.scores(correct: v.correct, guessed: v.guessed, gold: v.gold)
            let pad = String(repeating: " ", count: max(0, 17 - t.utf8.count))
            out += pad + t + ": precision: " + c("%6.2f", s.precision) + "%; recall: " + c("%6.2f", s.recall)
                + "%; FB1: " + c("%6.2f", s.f1) + "  \(v.guessed)\n"
        }
        return out
    }

    /// The LaTeX table of `conlleval -l`.
    public func latexReport() -> String {
        var out = "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline"
        for t in sortedTypes {
            let v = perType[t] ?? TypeCounts()
            let s = Self.scores(correct: v.correct, guessed: v.guessed, gold: v.gold)
            let pad = String(repeating: " ", count: max(0, 7 - t.utf8.count))
            out += "\n" + t + pad + " &  " + c("%6.2f", s.precision) + "\\% & " + c("%6.2f", s.recall)
                + "\\% & " + c("%6.2f", s.f1) + " \\\\"
        }
        out += "\\hline\n"
        let o = overall
        out += "Overall &  " + c("%6.2f", o.precision) + "\\% & " + c("%6.2f", o.recall) + "\\% & "
            + c("%6.2f", o.f1) + " \\\\\\hline\n"
        return out
    }

    private func c(_ format: String, _ x: Double) -> String {
        var buf = [CChar](repeating: 0, count: 64)
        _ = withVaList([x]) { vsnprintf(&buf, buf.count, format, $0) }
        return String(cString: buf)
    }
}
