import Foundation

/// A dense, row-major matrix of `Float`.
///
/// `Matrix` has value semantics: copies are independent (copy-on-write through the
/// underlying array). Layers keep their outputs and gradients in preallocated
/// matrices and write into them through `withUnsafeMutableBufferPointer`, so a
/// training step allocates nothing once the buffers have their size.
///
/// Element `(r, c)` lives at `storage[r * cols + c]`. A batch of examples is a
/// matrix with one example per row.
public struct Matrix: Equatable, Sendable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    /// The elements, row after row. Its count is always `rows * cols`.
    public var storage: [Float] { _storage }
    @usableFromInline var _storage: [Float]

    /// A `rows x cols` matrix filled with `value`.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        require(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)x\(cols)")
        self.rows = rows
        self.cols = cols
        self._storage = [Float](repeating: value, count: rows * cols)
    }

    /// A `rows x cols` matrix holding `values` row after row.
    public init(rows: Int, cols: Int, values: [Float]) {
        require(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)x\(cols)")
        require(values.count == rows * cols,
                     "Matrix: \(values.count) values cannot fill a \(rows)x\(cols) matrix (needs \(rows * cols))")
        self.rows = rows
        self.cols = cols
        self._storage = values
    }

    /// A matrix from nested rows; all rows must have the same length.
    public init(_ nested: [[Float]]) {
        let r = nested.count
        let c = nested.first?.count ?? 0
        for (i, row) in nested.enumerated() {
            require(row.count == c, "Matrix: row \(i) has \(row.count) values, row 0 has \(c)")
        }
        self.init(rows: r, cols: c, values: nested.flatMap { $0 })
    }

    /// A row vector (1 x n).
    public init(row: [Float]) { self.init(rows: 1, cols: row.count, values: row) }

    /// A column vector (n x 1).
    public init(column: [Float]) { self.init(rows: column.count, cols: 1, values: column) }

    /// The `n x n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public var count: Int { rows * cols }
    public var shape: Shape { Shape(rows: rows, cols: cols) }
    public var isEmpty: Bool { count == 0 }

    public subscript(row: Int, col: Int) -> Float {
        get {
            require(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix: index (\(row), \(col)) outside \(rows)x\(cols)")
            return storage[row * cols + col]
        }
        set {
            require(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix: index (\(row), \(col)) outside \(rows)x\(cols)")
            _storage[row * cols + col] = newValue
        }
    }

    /// Row `r` as an array (a copy).
    public func row(_ r: Int) -> [Float] {
        require(r >= 0 && r < rows, "Matrix.row: row \(r) outside \(rows)x\(cols)")
        return Array(storage[(r * cols)..<((r + 1) * cols)])
    }

    /// Changes the shape to `rows x cols`, keeping the allocation when it is large
    /// enough. The contents are unspecified afterwards unless `zero` is true.
    public mutating func resize(rows: Int, cols: Int, zero: Bool = false) {
        require(rows >= 0 && cols >= 0, "Matrix.resize: negative shape \(rows)x\(cols)")
        let n = rows * cols
        if _storage.count != n {
            if _storage.count > n {
                _storage.removeLast(_storage.count - n)
            } else {
                _storage.reserveCapacity(n)
                _storage.append(contentsOf: repeatElement(0, count: n - _storage.count))
            }
        }
        self.rows = rows
        self.cols = cols
        if zero { fill(0) }
    }

    /// The same elements seen as `rows x cols`; the element count must not change.
    public func reshaped(rows: Int, cols: Int) -> Matrix {
        require(rows * cols == count,
                     "Matrix.reshaped: cannot view \(self.rows)x\(self.cols) as \(rows)x\(cols)")
        return Matrix(rows: rows, cols: cols, values: storage)
    }

    /// Sets every element to `value`.
    public mutating func fill(_ value: Float) {
        _storage.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = value }
        }
    }

    /// Copies `other` into this matrix, taking its shape; reuses the allocation.
    public mutating func assign(_ other: Matrix) {
        resize(rows: other.rows, cols: other.cols)
        _storage.withUnsafeMutableBufferPointer { dst in
            other.storage.withUnsafeBufferPointer { src in
                guard let d = dst.baseAddress, let s = src.baseAddress else { return }
                d.update(from: s, count: src.count)
            }
        }
    }

    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try _storage.withUnsafeBufferPointer(body)
    }

    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try _storage.withUnsafeMutableBufferPointer(body)
    }
}

/// The shape of a matrix, printed as `rows x cols`.
public struct Shape: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var cols: Int
    public init(rows: Int, cols: Int) { self.rows = rows; self.cols = cols }
    public var description: String { "\(rows)x\(cols)" }
}

extension Matrix: CustomStringConvertible {
    /// Small matrices print in full, larger ones as their shape and a corner.
    public var description: String {
        let maxRows = 8, maxCols = 8
        var lines = ["Matrix \(rows)x\(cols)"]
        for r in 0..<min(rows, maxRows) {
            var cells: [String] = []
            for c in 0..<min(cols, maxCols) { cells.append(formatCell(self[r, c])) }
            if cols > maxCols { cells.append("...") }
            lines.append("  [" + cells.joined(separator: ", ") + "]")
        }
        if rows > maxRows { lines.append("  ...") }
        return lines.joined(separator: "\n")
    }

    private func formatCell(_ v: Float) -> String {
        let s = String(format: "%.4f", Double(v))
        return s
    }
}
