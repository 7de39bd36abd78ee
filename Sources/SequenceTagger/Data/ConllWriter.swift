/// Writes sentences in the CoNLL column format read by `ConllReader`: one token per line, its
/// columns joined by `separator`, a blank line after each sentence, `-DOCSTART-` lines put back
/// where they were. A well-formed file (single-space separated, one blank line after every
/// sentence and every stand-alone `-DOCSTART-` line, LF endings) is reproduced byte for byte.
public struct ConllWriter {
    public var separator: String
    public var lineEnding: String

    public init(separator: String = " ", lineEnding: String = "\n") {
        self.separator = separator
        self.lineEnding = lineEnding
    }

    /// The text of one sentence, blank line included.
    public func format(_ s: Sentence) -> String {
        var out = ""
        if let d = s.documentStart {
            out += d.joined(separator: separator) + lineEnding
            if s.documentStartOwnBlock { out += lineEnding }
        }
        if s.isEmpty { return out }
        for t in s.tokens { out += t.columns.joined(separator: separator) + lineEnding }
        return out + lineEnding
    }

    /// Writes one sentence to `output`.
    public func write<Target: TextOutputStream>(_ s: Sentence, to output: inout Target) {
        output.write(format(s))
    }
}
