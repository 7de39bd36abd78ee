import Foundation

/// The portable matrix product, used when no BLAS library is found (or `NNKIT_BLAS=off`).
///
/// Row-major `C = alpha * op(A) * op(B) + beta * C`, with the same arguments as CBLAS's
/// `sgemm`. The structure is the classic one of Goto & van de Geijn (2008), "Anatomy of
/// high-performance matrix multiplication": op(B) is packed into panels `nr` columns wide,
/// op(A) into panels `mr` rows high, and a register-blocked micro-kernel keeps an
/// `mr x nr` tile of C in SIMD accumulators across the whole `kc` loop. Row blocks of C are
/// spread over the cores when the product is large enough to pay for it.
public enum SwiftGemm {
    static let mr = 4
    static let nr = 16
    static let kc = 256
    static let mc = 64

    /// The most threads a product may use (default: the active processor count).
    nonisolated(unsafe) public static var maxThreads = ProcessInfo.processInfo.activeProcessorCount

    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        // C = beta * C first; the kernels then only accumulate.
        if beta == 0 {
            for i in 0..<m { (c + i * ldc).initialize(repeating: 0, count: n) }
        } else if beta != 1 {
            for i in 0..<m {
                let row = c + i * ldc
                for j in 0..<n { row[j] *= beta }
            }
        }
        if k == 0 || alpha == 0 { return }

        let nPanels = (n + nr - 1) / nr
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: nPanels * nr * kc)
        defer { packedB.deallocate() }
        let rowBlocks = (m + mc - 1) / mc
        let flops = 2.0 * Double(m) * Double(n) * Double(k)
        let workers = flops >= 4e6 ? min(rowBlocks, max(1, maxThreads)) : 1
        let packedA = UnsafeMutablePointer<Float>.allocate(capacity: workers * mc * kc)
        defer { packedA.deallocate() }

        var p0 = 0
        while p0 < k {
            let kb = min(kc, k - p0)
            packB(transposeB, b, ldb, p0, kb, n, packedB)
            let packedBConst = UnsafePointer(packedB)
            if workers == 1 {
                for blk in 0..<rowBlocks {
                    rowBlock(blk, transposeA, a, lda, p0, kb, m, n, alpha, packedBConst, packedA, c, ldc)
                }
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var blk = w
                    while blk < rowBlocks {
                        rowBlock(blk, transposeA, a, lda, p0, kb, m, n, alpha, packedBConst,
                                 packedA + w * mc * kc, c, ldc)
                        blk += workers
                    }
                }
            }
            p0 += kb
        }
    }

    /// Packs rows p0..<p0+kb of op(B) into panels of `nr` columns, zero-padded.
    @inline(__always)
    private static func packB(_ trans: Bool, _ b: UnsafePointer<Float>, _ ldb: Int,
                              _ p0: Int, _ kb: Int, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
        var panel = 0
        var j0 = 0
        while j0 < n {
            let w = min(nr, n - j0)
            let dst = out + panel * nr * kb
            for p in 0..<kb {
                let d = dst + p * nr
                if trans {
                    // op(B)[p, j] = B[j, p]
                    for j in 0..<w { d[j] = b[(j0 + j) * ldb + p0 + p] }
                } else {
                    let src = b + (p0 + p) * ldb + j0
                    for j in 0..<w { d[j] = src[j] }
                }
                for j in w..<nr { d[j] = 0 }
            }
            panel += 1
            j0 += nr
        }
    }

    /// Packs rows i0..<i0+mb, columns p0..<p0+kb of op(A) into panels of `mr` rows.
    @inline(__always)
    private static func packA(_ trans: Bool, _ a: UnsafePointer<Float>, _ lda: Int,
                              _ i0: Int, _ mb: Int, _ p0: Int, _ kb: Int, _ out: UnsafeMutablePointer<Float>) {
        var panel = 0
        var r0 = 0
        while r0 < mb {
            let h = min(mr, mb - r0)
            let dst = out + panel * mr * kb
            for p in 0..<kb {
                let d = dst + p * mr
                for r in 0..<h {
                    let i = i0 + r0 + r
                    d[r] = trans ? a[(p0 + p) * lda + i] : a[i * lda + p0 + p]
                }
                for r in h..<mr { d[r] = 0 }
            }
            panel += 1
            r0 += mr
        }
    }

    @inline(__always)
    private static func rowBlock(_ blk: Int, _ transA: Bool, _ a: UnsafePointer<Float>, _ lda: Int,
                                 _ p0: Int, _ kb: Int, _ m: Int, _ n: Int, _ alpha: Float,
                                 _ packedB: UnsafePointer<Float>, _ packedA: UnsafeMutablePointer<Float>,
                                 _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        let i0 = blk * mc
        let mb = min(mc, m - i0)
        packA(transA, a, lda, i0, mb, p0, kb, packedA)
        var j0 = 0
        var panelB = 0
        while j0 < n {
            let w = min(nr, n - j0)
            var r0 = 0
            var panelA = 0
            while r0 < mb {
                let h = min(mr, mb - r0)
                microKernel(kb, packedA + panelA * mr * kb, packedB + panelB * nr * kb,
                            c + (i0 + r0) * ldc + j0, ldc, alpha, h, w)
                r0 += mr
                panelA += 1
            }
            j0 += nr
            panelB += 1
        }
    }

    /// C[0..<h, 0..<w] += alpha * Apanel * Bpanel, with a 4 x 16 tile held in registers.
    @inline(__always)
    private static func microKernel(_ kb: Int, _ ap: UnsafePointer<Float>, _ bp: UnsafePointer<Float>,
                                    _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ alpha: Float,
                                    _ h: Int, _ w: Int) {
        typealias V = SIMD8<Float>
        var c00 = V(), c01 = V(), c10 = V(), c11 = V()
        var c20 = V(), c21 = V(), c30 = V(), c31 = V()
        let braw = UnsafeRawPointer(bp)
        for p in 0..<kb {
            let b0 = braw.loadUnaligned(fromByteOffset: p * 64, as: V.self)
            let b1 = braw.loadUnaligned(fromByteOffset: p * 64 + 32, as: V.self)
            let a = ap + p * 4
            let a0 = V(repeating: a[0]), a1 = V(repeating: a[1])
            let a2 = V(repeating: a[2]), a3 = V(repeating: a[3])
            c00 += a0 * b0; c01 += a0 * b1
            c10 += a1 * b0; c11 += a1 * b1
            c20 += a2 * b0; c21 += a2 * b1
            c30 += a3 * b0; c31 += a3 * b1
        }
        let va = V(repeating: alpha)
        if h == 4 && w == 16 {
            store(c, c00 * va, c01 * va)
            store(c + ldc, c10 * va, c11 * va)
            store(c + 2 * ldc, c20 * va, c21 * va)
            store(c + 3 * ldc, c30 * va, c31 * va)
            return
        }
        let tile: [(V, V)] = [(c00, c01), (c10, c11), (c20, c21), (c30, c31)]
        for r in 0..<h {
            let row = c + r * ldc
            let (lo, hi) = tile[r]
            for j in 0..<w { row[j] += alpha * (j < 8 ? lo[j] : hi[j - 8]) }
        }
    }

    @inline(__always)
    private static func store(_ row: UnsafeMutablePointer<Float>, _ lo: SIMD8<Float>, _ hi: SIMD8<Float>) {
        let raw = UnsafeMutableRawPointer(row)
        let old0 = raw.loadUnaligned(as: SIMD8<Float>.self)
        let old1 = raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        raw.storeBytes(of: old0 + lo, as: SIMD8<Float>.self)
        raw.storeBytes(of: old1 + hi, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
