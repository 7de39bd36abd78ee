/// Orthonormalization by modified Gram-Schmidt in Double, run twice ("twice is enough",
/// Giraud et al. 2005) so that the columns are orthogonal to Double rounding before the
/// result is rounded to Float. No LAPACK.
public enum Orthogonalization {
    /// A random `rows x cols` matrix with orthonormal columns (rows ≥ cols) or orthonormal rows
    /// (rows < cols): Gram-Schmidt (QR's Q) of a standard Gaussian matrix, with the signs fixed
    /// by R's diagonal being positive, which makes Q Haar-distributed (Mezzadri 2007).
    public static func randomOrthogonal(rows: Int, cols: Int, rng: inout RandomGenerator) -> Matrix {
        let (n, k) = (max(rows, cols), min(rows, cols))
        // k columns of length n, stored column after column.
        var q = [Double](repeating: 0, count: n * k)
        for i in 0..<q.count { q[i] = Double(rng.normal()) }
        orthonormalizeColumns(&q, length: n, count: k)
        var m = Matrix(rows: rows, cols: cols)
        for j in 0..<k {
            for i in 0..<n {
                if rows >= cols { m[i, j] = Float(q[j * n + i]) } else { m[j, i] = Float(q[j * n + i]) }
            }
        }
        return m
    }

    /// Orthonormalizes `count` columns of `length` values stored one after the other, in place.
    /// Columns that are numerically dependent are replaced by zeros.
    public static func orthonormalizeColumns(_ q: inout [Double], length n: Int, count k: Int) {
        require(k <= n, "Orthogonalization: \(k) columns of length \(n) cannot be orthonormal")
        q.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            for j in 0..<k {
                let col = base + j * n
                for _ in 0..<2 {
                    for i in 0..<j {
                        let other = base + i * n
                        var dot = 0.0
                        for t in 0..<n { dot += other[t] * col[t] }
                        for t in 0..<n { col[t] -= dot * other[t] }
                    }
                }
                var norm = 0.0
                for t in 0..<n { norm += col[t] * col[t] }
                norm = norm.squareRoot()
                let scale = norm > 1e-12 ? 1 / norm : 0
                for t in 0..<n { col[t] *= scale }
            }
        }
    }
}
