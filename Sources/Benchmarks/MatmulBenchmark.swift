import Foundation
import NNKit

/// `Benchmarks matmul`: GFLOP/s of the matrix products a window tagger runs
/// (batch x 275 inputs x 300 hidden units), through each path.
enum MatmulBenchmark {
    struct Case { let m: Int, k: Int, n: Int, transA: Bool, transB: Bool
        var label: String { "\(m)x\(k)x\(n) \(transA ? "T" : "N")\(transB ? "T" : "N")" }
    }

    static func run(arguments: [String]) {
        let reps = Int(arguments.first(where: { $0.hasPrefix("--reps=") })?.dropFirst(7) ?? "") ?? 7
        let blas = BLAS.shared
        print("matmul benchmark — \(blas.summary), \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(reps) runs")
        print("C = op(A) op(B), m x k x n; NN = no transpose, NT = B transposed, TN = A transposed")
        let cases = [256, 4096].flatMap { m in
            [(false, false), (false, true), (true, false)].map { Case(m: m, k: 275, n: 300, transA: $0.0, transB: $0.1) }
        }
        var header = "case".padding(toLength: 20, withPad: " ", startingAt: 0)
        let cols = ["cblas 2t", "NNKit 2t", "ratio", "cblas 1t", "NNKit 1t", "swift 2t", "swift 1t", "sw1/cb1", "naive"]
        for c in cols { header += c.leftPad(10) }
        print(header)
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for c in cases {
            var rng = RandomGenerator(seed: 7)
            let a = Matrix.uniform(rows: c.transA ? c.k : c.m, cols: c.transA ? c.m : c.k, low: -1, high: 1, rng: &rng)
            let b = Matrix.uniform(rows: c.transB ? c.n : c.k, cols: c.transB ? c.k : c.n, low: -1, high: 1, rng: &rng)
            var out = Matrix(rows: c.m, cols: c.n)
            let flops = 2.0 * Double(c.m * c.k * c.n)
            func gflops(_ body: () -> Void) -> Double {
                body()
                var times: [Double] = []
                let inner = max(1, Int(2e9 / flops))
                for _ in 0..<reps {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    for _ in 0..<inner { body() }
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(inner))
                }
                return flops / times.sorted()[times.count / 2] / 1e9
            }
            func direct() {
                guard let f = blas.sgemm else { return }
                a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in out.withUnsafeMutableBufferPointer { pc in
                    f(101, c.transA ? 112 : 111, c.transB ? 112 : 111, Int32(c.m), Int32(c.n), Int32(c.k), 1,
                      pa.baseAddress, Int32(a.cols), pb.baseAddress, Int32(b.cols), 0, pc.baseAddress, Int32(c.n))
                } } }
            }
            func nnkit(_ backend: ComputeBackend) -> () -> Void {
                { Matrix.gemm(a, transposeA: c.transA, b, transposeB: c.transB, into: &out, backend: backend) }
            }
            var row = c.label.padding(toLength: 20, withPad: " ", startingAt: 0)
            var cells: [Double?] = []
            if blas.isAvailable {
                blas.setThreads(threads)
                let d2 = gflops(direct), n2 = gflops(nnkit(.blas))
                blas.setThreads(1)
                let d1 = gflops(direct), n1 = gflops(nnkit(.blas))
                blas.setThreads(threads)
                cells += [d2, n2, n2 / d2, d1, n1]
            } else {
                cells += [nil, nil, nil, nil, nil]
            }
            SwiftGemm.maxThreads = threads
            let s2 = gflops(nnkit(.swift))
            SwiftGemm.maxThreads = 1
            let s1 = gflops(nnkit(.swift))
            SwiftGemm.maxThreads = threads
            cells += [s2, s1]
            cells.append(blas.isAvailable ? s1 / cells[3]! : nil)
            cells.append(!c.transA && !c.transB ? gflops { naive(a, b, &out) } : nil)
            for (i, v) in cells.enumerated() {
                guard let v else { row += "-".leftPad(10); continue }
                row += String(format: (i == 2 || i == 7) ? "%.2f" : "%.1f", v).leftPad(10)
            }
            print(row)
        }
        print("GFLOP/s except ratio (NNKit 2t / cblas 2t) and sw1/cb1 (Swift kernel 1 thread / cblas 1 thread).")
    }

    /// The best GFLOP/s of a 4096x275x300 forward-pass product (`x Wᵀ`) over several runs, as JSON.
    static func peak(arguments: [String]) {
        let threads = arguments.firstIndex(of: "--threads").flatMap { Int(arguments[$0 + 1]) } ?? 2
        BLAS.shared.setThreads(threads)
        SwiftGemm.maxThreads = threads
        var rng = RandomGenerator(seed: 3)
        let a = Matrix.uniform(rows: 4096, cols: 275, low: -1, high: 1, rng: &rng)
        let b = Matrix.uniform(rows: 300, cols: 275, low: -1, high: 1, rng: &rng)
        var c = Matrix(rows: 0, cols: 0)
        var best = 0.0
        for _ in 0..<7 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<10 { Matrix.gemm(a, b, transposeB: true, into: &c) }
            let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = max(best, 10 * 2 * 4096 * 275 * 300 / s / 1e9)
        }
        print("{\"mode\":\"sgemm-peak\",\"threads\":\(threads),\"gflops\":\(best)}")
    }

    /// The textbook triple loop in i, p, j order (the compiler vectorizes the inner loop),
    /// on the untransposed case only, for reference.
    static func naive(_ a: Matrix, _ b: Matrix, _ c: inout Matrix) {
        let m = a.rows, k = a.cols, n = b.cols
        c.resize(rows: m, cols: n, zero: true)
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
            for i in 0..<m {
                let ci = pc.baseAddress! + i * n
                for p in 0..<k {
                    let av = pa[i * k + p]
                    let bp = pb.baseAddress! + p * n
                    for j in 0..<n { ci[j] += av * bp[j] }
                }
            }
        } } }
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
