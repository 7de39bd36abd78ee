/// The element-wise and row-wise operations a network needs, written as plain loops on
/// unsafe buffers (no allocation unless the result is a new matrix).
extension Matrix {
    private func requireSameShape(_ other: Matrix, _ op: String) {
        require(rows == other.rows && cols == other.cols,
                     "\(op): shapes differ: \(rows)x\(cols) and \(other.rows)x\(other.cols)")
    }

    /// Adds the row vector `bias` (1 x cols, or any shape with `cols` elements) to every row.
    public mutating func addRowVector(_ bias: Matrix) {
        require(bias.count == cols,
                     "addRowVector: a bias of \(bias.rows)x\(bias.cols) does not match rows of \(rows)x\(cols)")
        let (r, c) = (rows, cols)
        withUnsafeMutableBufferPointer { p in
            bias.withUnsafeBufferPointer { b in
                for i in 0..<r {
                    let row = p.baseAddress! + i * c
                    for j in 0..<c { row[j] += b[j] }
                }
            }
        }
    }

    /// `self += alpha * other` (BLAS's axpy).
    public mutating func add(_ other: Matrix, scaledBy alpha: Float = 1) {
        requireSameShape(other, "add")
        withUnsafeMutableBufferPointer { p in
            other.withUnsafeBufferPointer { o in
                for i in 0..<p.count { p[i] += alpha * o[i] }
            }
        }
    }

    /// Multiplies every element by `alpha`.
    public mutating func scale(by alpha: Float) {
        withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] *= alpha }
        }
    }

    /// Element-wise product `self *= other`.
    public mutating func multiply(by other: Matrix) {
        requireSameShape(other, "multiply")
        withUnsafeMutableBufferPointer { p in
            other.withUnsafeBufferPointer { o in
                for i in 0..<p.count { p[i] *= o[i] }
            }
        }
    }

    /// Applies `f` to every element in place.
    @inlinable
    public mutating func apply(_ f: (Float) -> Float) {
        withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = f(p[i]) }
        }
    }

    /// A new matrix with `f` applied to every element.
    @inlinable
    public func map(_ f: (Float) -> Float) -> Matrix {
        var out = self
        out.apply(f)
        return out
    }

    /// `f` applied to pairs of elements of two matrices of one shape.
    public static func zip(_ a: Matrix, _ b: Matrix, _ f: (Float, Float) -> Float) -> Matrix {
        a.requireSameShape(b, "zip")
        var out = Matrix(rows: a.rows, cols: a.cols)
        out.withUnsafeMutableBufferPointer { o in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    for i in 0..<o.count { o[i] = f(pa[i], pb[i]) }
                }
            }
        }
        return out
    }

    /// The sum of each row, as a `rows x 1` column.
    public func rowSums() -> Matrix {
        var out = Matrix(rows: rows, cols: 1)
        let c = cols
        withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<rows {
                    var s: Float = 0
                    let row = p.baseAddress! + i * c
                    for j in 0..<c { s += row[j] }
                    o[i] = s
                }
            }
        }
        return out
    }

    /// Adds the sum over rows (a `1 x cols` row) into `target`, scaled by `alpha`:
    /// the bias gradient of a batch.
    public func accumulateColumnSums(into target: inout Matrix, scaledBy alpha: Float = 1) {
        require(target.count == cols,
                     "accumulateColumnSums: a target of \(target.rows)x\(target.cols) does not match \(rows)x\(cols)")
        let c = cols
        withUnsafeBufferPointer { p in
            target.withUnsafeMutableBufferPointer { t in
                for i in 0..<rows {
                    let row = p.baseAddress! + i * c
                    for j in 0..<c { t[j] += alpha * row[j] }
                }
            }
        }
    }

    /// The sum over rows, as a `1 x cols` row.
    public func columnSums() -> Matrix {
        var out = Matrix(rows: 1, cols: cols)
        accumulateColumnSums(into: &out)
        return out
    }

    /// The column index of the largest element of each row (the first on ties).
    public func argmaxPerRow() -> [Int] {
        var out = [Int](repeating: 0, count: rows)
        let c = cols
        guard c > 0 else { return out }
        withUnsafeBufferPointer { p in
            for i in 0..<rows {
                let row = p.baseAddress! + i * c
                var best = 0
                var bestValue = row[0]
                for j in 1..<c where row[j] > bestValue {
                    best = j
                    bestValue = row[j]
                }
                out[i] = best
            }
        }
        return out
    }

    /// Sum of all elements, accumulated in Double.
    public func sum() -> Double {
        withUnsafeBufferPointer { p in
            var s = 0.0
            for v in p { s += Double(v) }
            return s
        }
    }

    /// Sum of squares of all elements, accumulated in Double.
    public func squaredNorm() -> Double {
        withUnsafeBufferPointer { p in
            var s = 0.0
            for v in p { s += Double(v) * Double(v) }
            return s
        }
    }

    /// Largest absolute difference to a matrix of the same shape.
    public func maxAbsDifference(_ other: Matrix) -> Float {
        requireSameShape(other, "maxAbsDifference")
        return withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                var m: Float = 0
                for i in 0..<a.count { m = Swift.max(m, Swift.abs(a[i] - b[i])) }
                return m
            }
        }
    }

    /// True when every element is finite.
    public var allFinite: Bool {
        withUnsafeBufferPointer { p in p.allSatisfy { $0.isFinite } }
    }

    /// Rows `indices` of `table` copied into `self` (shape `indices.count x table.cols`).
    public mutating func gatherRows(of table: Matrix, indices: [Int]) {
        let c = table.cols
        for (n, i) in indices.enumerated() {
            require(i >= 0 && i < table.rows, "gatherRows: index \(i) (entry \(n)) outside a table of \(table.rows) rows")
        }
        resize(rows: indices.count, cols: c)
        withUnsafeMutableBufferPointer { o in
            table.withUnsafeBufferPointer { t in
                for (n, i) in indices.enumerated() {
                    (o.baseAddress! + n * c).update(from: t.baseAddress! + i * c, count: c)
                }
            }
        }
    }

    /// Adds row `n` of `self` into row `indices[n]` of `table` (the lookup-table gradient).
    public func scatterAddRows(into table: inout Matrix, indices: [Int], scaledBy alpha: Float = 1) {
        require(indices.count == rows, "scatterAddRows: \(indices.count) indices for \(rows) rows")
        require(table.cols == cols, "scatterAddRows: rows of \(cols) into a table of \(table.rows)x\(table.cols)")
        let c = cols
        for (n, i) in indices.enumerated() {
            require(i >= 0 && i < table.rows, "scatterAddRows: index \(i) (entry \(n)) outside a table of \(table.rows) rows")
        }
        withUnsafeBufferPointer { src in
            table.withUnsafeMutableBufferPointer { t in
                for (n, i) in indices.enumerated() {
                    let s = src.baseAddress! + n * c
                    let d = t.baseAddress! + i * c
                    for j in 0..<c { d[j] += alpha * s[j] }
                }
            }
        }
    }

    /// Element-wise sum.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        var out = lhs
        out.add(rhs)
        return out
    }

    /// Element-wise difference.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        var out = lhs
        out.add(rhs, scaledBy: -1)
        return out
    }

    /// Every element scaled.
    public static func * (lhs: Float, rhs: Matrix) -> Matrix {
        var out = rhs
        out.scale(by: lhs)
        return out
    }
}
