/// Which implementation computes a matrix product.
public enum ComputeBackend: Sendable, CustomStringConvertible {
    /// The system's BLAS when it was found, otherwise the Swift kernel.
    case automatic
    /// The system's BLAS; falls back to the Swift kernel when there is none.
    case blas
    /// The portable Swift kernel, always.
    case swift

    public var description: String {
        switch self {
        case .automatic: return "automatic"
        case .blas: return "blas"
        case .swift: return "swift"
        }
    }
}

/// General matrix product on raw row-major buffers: `C = alpha * op(A) * op(B) + beta * C`.
///
/// `op(A)` is `m x k`, `op(B)` is `k x n`, `C` is `m x n`; `lda`, `ldb`, `ldc` are the row
/// strides of the stored matrices. The arguments are those of CBLAS's `cblas_sgemm` in
/// row-major order. Goes to the system's BLAS when one was found (see `BLAS`), otherwise
/// to `SwiftGemm`.
@inline(__always)
public func sgemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
    backend: ComputeBackend = .automatic
) {
    if backend != .swift, m > 0, n > 0, k > 0, blasVectorProduct(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) {
        return
    }
    if backend != .swift, let f = BLAS.shared.sgemm, m > 0, n > 0 {
        f(BLAS.rowMajor, transposeA ? BLAS.trans : BLAS.noTrans, transposeB ? BLAS.trans : BLAS.noTrans,
          Int32(m), Int32(n), Int32(k), alpha, a, Int32(max(lda, 1)), b, Int32(max(ldb, 1)),
          beta, c, Int32(max(ldc, 1)))
    } else {
        SwiftGemm.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}

/// Products with one row, one column or an inner dimension of 1 (a batch of one example) as
/// sgemv or sger, which read each matrix once instead of packing it as sgemm does.
/// Returns false when it does not apply or the library lacks the routine.
@inline(__always)
func blasVectorProduct(
    _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
    _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
    _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
) -> Bool {
    let blas = BLAS.shared
    if m == 1, let gemv = blas.sgemv {
        // c (1 x n) = alpha * x (1 x k) * op(B) + beta * c, i.e. c = alpha * op(B)ᵀ x + beta * c.
        let incx = Int32(ta ? lda : 1)
        if tb {  // B stored n x k: c = B x
            gemv(BLAS.rowMajor, BLAS.noTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, incx, beta, c, 1)
        } else { // B stored k x n: c = Bᵀ x
            gemv(BLAS.rowMajor, BLAS.trans, Int32(k), Int32(n), alpha, b, Int32(ldb), a, incx, beta, c, 1)
        }
        return true
    }
    if n == 1, let gemv = blas.sgemv {
        // c (m x 1) = alpha * op(A) y + beta * c, y the single column of op(B).
        let incy = Int32(tb ? 1 : ldb)
        if ta {  // A stored k x m
            gemv(BLAS.rowMajor, BLAS.trans, Int32(k), Int32(m), alpha, a, Int32(lda), b, incy, beta, c, Int32(ldc))
        } else {
            gemv(BLAS.rowMajor, BLAS.noTrans, Int32(m), Int32(k), alpha, a, Int32(lda), b, incy, beta, c, Int32(ldc))
        }
        return true
    }
    if k == 1, let ger = blas.sger {
        // c = alpha * x yᵀ + beta * c: x the column of op(A), y the row of op(B).
        if beta != 1 {
            for i in 0..<m {
                let row = c + i * ldc
                if beta == 0 { row.update(repeating: 0, count: n) } else { for j in 0..<n { row[j] *= beta } }
            }
        }
        ger(BLAS.rowMajor, Int32(m), Int32(n), alpha, a, Int32(ta ? 1 : lda), b, Int32(tb ? ldb : 1), c, Int32(ldc))
        return true
    }
    return false
}

extension Matrix {
    /// `c = alpha * op(a) * op(b) + beta * c`, writing into `c`'s allocation.
    ///
    /// With `beta == 0`, `c` takes the product's shape; otherwise it must already have it.
    /// A shape mismatch stops with a message naming both shapes.
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0,
        backend: ComputeBackend = .automatic
    ) {
        let (m, ka) = transposeA ? (a.cols, a.rows) : (a.rows, a.cols)
        let (kb, n) = transposeB ? (b.cols, b.rows) : (b.rows, b.cols)
        require(ka == kb, "matrix product: inner dimensions differ: \(describe(a, transposeA)) * \(describe(b, transposeB)) (\(ka) vs \(kb))")
        if beta == 0 {
            c.resize(rows: m, cols: n)
        } else {
            require(c.rows == m && c.cols == n,
                         "matrix product: accumulating \(describe(a, transposeA)) * \(describe(b, transposeB)) = \(m)x\(n) into a \(c.rows)x\(c.cols) matrix")
        }
        if m == 0 || n == 0 { return }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    // Empty operands (k == 0) have no base address; any valid pointer will do.
                    let dummy = UnsafePointer(pc.baseAddress!)
                    sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: ka,
                          alpha: alpha, a: pa.baseAddress ?? dummy, lda: a.cols,
                          b: pb.baseAddress ?? dummy, ldb: b.cols,
                          beta: beta, c: pc.baseAddress!, ldc: n, backend: backend)
                }
            }
        }
    }

    /// The product `op(a) * op(b)` as a new matrix.
    public static func matmul(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
                              backend: ComputeBackend = .automatic) -> Matrix {
        var c = Matrix(rows: 0, cols: 0)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c, backend: backend)
        return c
    }

    /// The transpose, as a new matrix.
    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        withUnsafeBufferPointer { src in
            t.withUnsafeMutableBufferPointer { dst in
                for r in 0..<rows { for c in 0..<cols { dst[c * rows + r] = src[r * cols + c] } }
            }
        }
        return t
    }

    private static func describe(_ m: Matrix, _ t: Bool) -> String {
        t ? "(\(m.rows)x\(m.cols))ᵀ" : "\(m.rows)x\(m.cols)"
    }
}
