import NNKit

/// Turns sentences of feature ids into the index matrix of the window approach: Collobert et
/// al. (2011), section 3.3.1 — each word is represented by the feature vectors of the `w` words
/// centred on it, with a padding entry (one per lookup table) beyond the sentence ends.
///
/// A sentence is given token-major: `ids[i * tables + t]` is token i's id in table t. Row r of
/// the output holds, for positions `p = 0..<w`, the ids of token `i - w/2 + p` in every table,
/// laid out as `LookupTable` expects (column `p * tables + t`).
public struct WindowBuilder: Sendable {
    public let windowSize: Int
    /// The padding id of each table.
    public let paddingIds: [Int]
    public var tables: Int { paddingIds.count }
    /// Columns of one window row.
    public var columns: Int { windowSize * tables }

    public init(windowSize: Int, paddingIds: [Int]) {
        require(windowSize > 0 && windowSize % 2 == 1, "WindowBuilder: the window size must be odd and positive, got \(windowSize)")
        require(!paddingIds.isEmpty, "WindowBuilder: at least one table is needed")
        self.windowSize = windowSize
        self.paddingIds = paddingIds
    }

    /// Writes the windows of one sentence (`ids.count / tables` tokens) into rows
    /// `firstRow...` of `windows`, which must have `columns` columns and enough rows.
    public func write(sentence ids: UnsafeBufferPointer<Int32>, into windows: inout Matrix, firstRow: Int) {
        let t = tables, w = windowSize, half = windowSize / 2
        let n = ids.count / t
        require(ids.count == n * t, "WindowBuilder: \(ids.count) ids are not a whole number of tokens of \(t) tables")
        require(windows.cols == columns && firstRow + n <= windows.rows,
                     "WindowBuilder: a \(windows.rows)x\(windows.cols) matrix cannot take \(n) windows of \(columns) at row \(firstRow)")
        windows.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                let row = out.baseAddress! + (firstRow + i) * w * t
                for p in 0..<w {
                    let j = i - half + p
                    if j >= 0 && j < n {
                        for f in 0..<t { row[p * t + f] = Float(ids[j * t + f]) }
                    } else {
                        for f in 0..<t { row[p * t + f] = Float(paddingIds[f]) }
                    }
                }
            }
        }
    }

    /// The windows of several sentences stacked, and each sentence's row range.
    public func windows(for sentences: [[Int32]]) -> (windows: Matrix, ranges: [Range<Int>]) {
        var m = Matrix(rows: 0, cols: 0)
        let ranges = write(sentences: sentences, into: &m)
        return (m, ranges)
    }

    /// Writes the windows of several sentences stacked into `windows` (resized, its allocation
    /// reused) and returns each sentence's row range.
    public func write(sentences: [[Int32]], into windows: inout Matrix) -> [Range<Int>] {
        let total = sentences.reduce(0) { $0 + $1.count / tables }
        windows.resize(rows: total, cols: columns)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var row = 0
        for s in sentences {
            s.withUnsafeBufferPointer { write(sentence: $0, into: &windows, firstRow: row) }
            ranges.append(row..<(row + s.count / tables))
            row += s.count / tables
        }
        return ranges
    }
}
