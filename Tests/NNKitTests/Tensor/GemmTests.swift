import Testing
import NNKit
import NNTestSupport

/// Every product is computed on both paths (system BLAS when present, and the Swift kernel)
/// and compared with a Double-precision reference.
@Suite struct GemmTests {
    // (m, k, n); m = 1, n = 1 and k = 1 take the sgemv and sger paths.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (1, 275, 300), (300, 275, 1), (5, 1, 7), (1, 1, 9), (3, 5, 7), (4, 16, 16), (17, 33, 65),
                                            (64, 256, 16), (70, 300, 45), (129, 513, 31), (96, 275, 300)]

    static func reference(_ a: Matrix, _ ta: Bool, _ b: Matrix, _ tb: Bool, _ c: Matrix, alpha: Float, beta: Float) -> [Double] {
        let m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols, n = tb ? b.rows : b.cols
        // op(A) and op(B) materialised in Double, row-major.
        let opA = (ta ? a.transposed : a).storage.map(Double.init)
        let opB = (tb ? b.transposed : b).storage.map(Double.init)
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += opA[i * k + p] * opB[p * n + j] }
                out[i * n + j] = Double(alpha) * s + (beta == 0 ? 0 : Double(beta) * Double(c.storage[i * n + j]))
            }
        }
        return out
    }

    @Test(arguments: [ComputeBackend.swift, .blas])
    func productsMatchReference(backend: ComputeBackend) {
        var seed: UInt64 = 1
        for (m, k, n) in Self.shapes {
            for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
                for (alpha, beta) in [(Float(1), Float(0)), (0.5, 1), (-2, 0.25)] {
                    seed += 1
                    let a = TestSupport.randomMatrix(ta ? k : m, ta ? m : k, seed: seed)
                    let b = TestSupport.randomMatrix(tb ? n : k, tb ? k : n, seed: seed + 1000)
                    var c = TestSupport.randomMatrix(m, n, seed: seed + 2000)
                    let expected = Self.reference(a, ta, b, tb, c, alpha: alpha, beta: beta)
                    Matrix.gemm(a, transposeA: ta, b, transposeB: tb, into: &c, alpha: alpha, beta: beta, backend: backend)
                    var worst = 0.0
                    for i in 0..<expected.count {
                        worst = max(worst, abs(Double(c.storage[i]) - expected[i]) / max(1, abs(expected[i])))
                    }
                    #expect(worst < 1e-4, "\(backend) \(m)x\(k)x\(n) ta=\(ta) tb=\(tb) alpha=\(alpha) beta=\(beta): error \(worst)")
                }
            }
        }
    }

    @Test func bothPathsAgree() {
        let a = TestSupport.randomMatrix(300, 275, seed: 5)
        let b = TestSupport.randomMatrix(300, 275, seed: 6)
        let viaBLAS = Matrix.matmul(a, b, transposeB: true, backend: .blas)
        let viaSwift = Matrix.matmul(a, b, transposeB: true, backend: .swift)
        #expect(viaBLAS.shape == Shape(rows: 300, cols: 300))
        #expect(viaBLAS.maxAbsDifference(viaSwift) < 1e-3)
    }

    @Test func swiftKernelIsThreadCountInvariant() {
        let a = TestSupport.randomMatrix(512, 275, seed: 9)
        let b = TestSupport.randomMatrix(275, 300, seed: 10)
        let saved = SwiftGemm.maxThreads
        SwiftGemm.maxThreads = 1
        let one = Matrix.matmul(a, b, backend: .swift)
        SwiftGemm.maxThreads = 2
        let two = Matrix.matmul(a, b, backend: .swift)
        SwiftGemm.maxThreads = saved
        #expect(one == two, "the Swift kernel must give the same bits whatever the thread count")
    }

    @Test func emptyInnerDimensionGivesBetaTimesC() {
        let a = Matrix(rows: 3, cols: 0), b = Matrix(rows: 0, cols: 2)
        for backend in [ComputeBackend.swift, .blas] {
            var c = Matrix(rows: 3, cols: 2, repeating: 4)
            Matrix.gemm(a, b, into: &c, beta: 0.5, backend: backend)
            #expect(c.storage.allSatisfy { $0 == 2 })
        }
    }

    @Test func blasIsOptional() {
        // Whatever the machine has, a summary is available and products work.
        #expect(BLAS.shared.summary.hasPrefix("BLAS: "))
        #expect(Matrix.matmul(Matrix([[1, 2]]), Matrix([[3], [4]])) == Matrix([[11]]))
    }

    @Test func shapeMismatchStopsWithBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix.matmul(Matrix(rows: 2, cols: 3), Matrix(rows: 4, cols: 5))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("2x3") && message.contains("4x5") && message.contains("matrix product"))
    }
}
