import Foundation

/// Reads pre-trained values from text files, in three layouts:
/// - word2vec text (Mikolov et al. 2013): a header line "count dimension", then per line a
///   word and its `dimension` values;
/// - GloVe (Pennington et al. 2014): per line a word and its values, no header;
/// - a plain matrix: per line whitespace-separated numbers, no words.
/// All rows must have the same number of values. Errors name the file and the line.
public enum MatrixFile {
    /// The layout a file was read as.
    public enum Format: Equatable, Sendable { case word2vec, glove, plain }

    /// The values (one row per line) and, for word2vec and GloVe, the words in file order.
    public struct Contents: Equatable {
        public let format: Format
        public let words: [String]?
        public let matrix: Matrix
    }

    public static func load(path: String) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InitializationError.malformedFile(path: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InitializationError.malformedFile(path: path, line: 0, message: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses file contents; `path` only names the source in errors.
    public static func parse(_ text: String, path: String = "<text>") throws -> Contents {
        var lines: [(number: Int, fields: [Substring])] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !fields.isEmpty { lines.append((i + 1, fields)) }
        }
        guard let first = lines.first else {
            throw InitializationError.malformedFile(path: path, line: 0, message: "no values in the file")
        }
        var format: Format
        var header: (count: Int, dimension: Int)?
        if first.fields.count == 2, let c = Int(first.fields[0]), let d = Int(first.fields[1]),
           lines.count > 1, lines[1].fields.count == d + 1, Float(lines[1].fields[0]) == nil || d + 1 != 2 {
            format = .word2vec
            header = (c, d)
            lines.removeFirst()
        } else {
            format = Float(first.fields[0]) == nil ? .glove : .plain
        }
        let hasWords = format != .plain
        let width = lines[0].fields.count - (hasWords ? 1 : 0)
        guard width > 0 else {
            throw InitializationError.malformedFile(path: path, line: lines[0].number, message: "a word without values")
        }
        var values: [Float] = []
        values.reserveCapacity(lines.count * width)
        var words: [String] = []
        for (number, fields) in lines {
            let numbers = hasWords ? fields.dropFirst() : fields[...]
            guard numbers.count == width else {
                throw InitializationError.malformedFile(path: path, line: number,
                                                        message: "\(numbers.count) values, expected \(width) as on the first row")
            }
            if hasWords { words.append(String(fields[0])) }
            for (k, f) in numbers.enumerated() {
                guard let v = Float(f), v.isFinite else {
                    throw InitializationError.malformedFile(path: path, line: number, message: "value \(k + 1) '\(f)' is not a finite number")
                }
                values.append(v)
            }
        }
        if let h = header {
            guard h.dimension == width else {
                throw InitializationError.malformedFile(path: path, line: first.number, message: "header says dimension \(h.dimension), rows have \(width)")
            }
            guard h.count == words.count else {
                throw InitializationError.malformedFile(path: path, line: first.number, message: "header says \(h.count) words, the file has \(words.count)")
            }
        }
        return Contents(format: format, words: hasWords ? words : nil,
                        matrix: Matrix(rows: lines.count, cols: width, values: values))
    }
}
