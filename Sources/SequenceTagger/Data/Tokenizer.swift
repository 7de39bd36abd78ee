import Foundation

/// Splits raw English text into tokens in the spirit of SENNA's tokenizer and the Penn
/// Treebank conventions its corpora use (Collobert et al. 2011, section 3.1):
///
/// - whitespace separates tokens;
/// - punctuation at the edges of a word becomes its own token (`(`, `"`, `,`, `.`, `;`, `:`,
///   `!`, `?`, `)` ...); `...`, ``` `` ``` and `''` stay whole;
/// - clitics are split off: `don't` -> `do n't`, `can't` -> `ca n't`, `John's` -> `John 's`,
///   likewise `'re`, `'ve`, `'ll`, `'d`, `'m` (straight or curly apostrophe);
/// - numbers stay whole (`3.10`, `1,000,000`, `12:30`), a leading currency sign is split (`$ 5`);
/// - a final period stays on abbreviations that contain another period (`U.S.`, `e.g.`), on
///   single-letter initials (`J.`) and on common titles and company words (`Mr.`, `Inc.`);
///   elsewhere it is split off.
/// - inner hyphens and apostrophes stay (`well-known`, `O'Neill`).
public struct Tokenizer: Sendable {
    public init() {}

    private static let leading: Set<Character> = ["(", "[", "{", "\"", "'", "`", "“", "‘", "$", "£", "€", "<"]
    private static let trailing: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "”", "’", ">", "%"]
    private static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd",
                                                     "co", "corp", "vs", "etc", "gen", "gov", "sen", "rep", "jan", "feb",
                                                     "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no"]
    private static let clitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"]

    /// The tokens of `text` (one sentence or more; no sentence splitting is done).
    public func tokenize(_ text: String) -> [String] {
        var out: [String] = []
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) { split(String(chunk), into: &out) }
        return out
    }

    private func split(_ word: String, into out: inout [String]) {
        var w = Substring(word)
        // Leading punctuation.
        while let c = w.first, w.count > 1 {
            if w.hasPrefix("``") { out.append("``"); w = w.dropFirst(2); continue }
            guard Self.leading.contains(c) else { break }
            out.append(String(c))
            w = w.dropFirst()
        }
        // Trailing punctuation, collected in reverse.
        var tail: [String] = []
        while let c = w.last {
            if w.hasSuffix("...") && w.count > 3 { tail.append("..."); w = w.dropLast(3); continue }
            if w.hasSuffix("''") && w.count > 2 { tail.append("''"); w = w.dropLast(2); continue }
            guard Self.trailing.contains(c), w.count > 1 else { break }
            if c == "." && Self.keepsPeriod(w) { break }
            if (c == "'" || c == "’") && Self.cliticSplit(w) != nil { break }
            tail.append(String(c))
            w = w.dropLast()
        }
        if !w.isEmpty {
            if let (stem, clitic) = Self.cliticSplit(w) {
                out.append(String(stem))
                out.append(clitic)
            } else {
                out.append(String(w))
            }
        }
        out.append(contentsOf: tail.reversed())
    }

    /// Abbreviations with an inner period, and single-letter initials, keep their final period.
    private static func keepsPeriod(_ w: Substring) -> Bool {
        let body = w.dropLast()
        if body.contains(".") && body.allSatisfy({ $0.isLetter || $0 == "." }) { return true }
        if abbreviations.contains(body.lowercased()) { return true }
        return body.count == 1 && body.first!.isUppercase
    }

    /// Splits a clitic off the end of a word (`don't` -> `do`, `n't`).
    private static func cliticSplit(_ w: Substring) -> (Substring, String)? {
        let norm = w.replacingOccurrences(of: "’", with: "'")
        let lower = norm.lowercased()
        for c in clitics where lower.hasSuffix(c) && lower.count > c.count {
            let stem = w.dropLast(c.count)
            guard stem.last?.isLetter == true else { continue }
            return (stem, String(w.suffix(c.count)))
        }
        return nil
    }
}
