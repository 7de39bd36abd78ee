import Foundation

/// Splits a line the way Perl's `split(/DELIM/, $line)` does, as conlleval uses it: the
/// delimiter is a regular expression; empty fields between two delimiters (and a leading one
/// after a delimiter at the very start) are kept; trailing empty fields are removed; a
/// zero-width match at the start produces no empty field. A one-character literal delimiter
/// (the default, a space) takes a fast path.
struct FieldSplitter: Sendable {
    private let literal: Character?
    private let regex: NSRegularExpression?

    init(_ delimiter: String) throws {
        let meta = Set("\\^$.|?*+()[]{}")
        if delimiter.count == 1, let c = delimiter.first, !meta.contains(c) {
            literal = c
            regex = nil
        } else if delimiter == "\\t" {
            literal = "\t"
            regex = nil
        } else {
            literal = nil
            do { regex = try NSRegularExpression(pattern: delimiter) } catch {
                throw DataError(.invalidOption, file: "-d", line: nil, "the delimiter '\(delimiter)' is not a valid regular expression",
                                hint: "Give a single character, or escape regular-expression characters")
            }
        }
    }

    func split(_ line: String) -> [String] {
        var fields: [String]
        if let c = literal {
            fields = line.split(separator: c, omittingEmptySubsequences: false).map(String.init)
        } else {
            fields = []
            let ns = line as NSString
            var start = 0
            for m in regex!.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let r = m.range
                if r.length == 0 && (r.location == 0 || r.location >= ns.length) { continue }
                fields.append(ns.substring(with: NSRange(location: start, length: r.location - start)))
                start = r.location + r.length
            }
            fields.append(ns.substring(from: start))
        }
        while let l = fields.last, l.isEmpty { fields.removeLast() }
        return fields
    }
}
