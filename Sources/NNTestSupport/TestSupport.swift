import Foundation
import NNKit

/// Helpers shared by the test targets.
public enum TestSupport {
    /// A matrix of uniform values in [low, high) from a fixed seed.
    public static func randomMatrix(_ rows: Int, _ cols: Int, low: Float = -1, high: Float = 1, seed: UInt64) -> Matrix {
        var rng = RandomGenerator(seed: seed)
        return .uniform(rows: rows, cols: cols, low: low, high: high, rng: &rng)
    }

    /// Uniform values whose magnitude stays at least `gap` away from each of `kinks`, so that
    /// finite differences of piecewise-linear units (ReLU, HardTanh) never straddle a kink.
    public static func matrixAvoiding(_ kinks: [Float], gap: Float, rows: Int, cols: Int,
                                      low: Float = -2, high: Float = 2, seed: UInt64) -> Matrix {
        var rng = RandomGenerator(seed: seed)
        var m = Matrix(rows: rows, cols: cols)
        m.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count {
                var v = rng.uniform(low, high)
                while kinks.contains(where: { abs(v - $0) < gap }) { v = rng.uniform(low, high) }
                p[i] = v
            }
        }
        return m
    }

    /// The largest relative difference |a - b| / max(|a|, |b|, floor) over two equal-shaped matrices.
    public static func maxRelativeDifference(_ a: Matrix, _ b: Matrix, floor: Float = 1e-6) -> Float {
        require(a.shape == b.shape, "maxRelativeDifference: \(a.shape) vs \(b.shape)")
        var worst: Float = 0
        for i in 0..<a.count {
            let x = a.storage[i], y = b.storage[i]
            worst = max(worst, abs(x - y) / max(abs(x), abs(y), floor))
        }
        return worst
    }

    /// The shared corpora folder (`../shared/data` from the package root), or nil when absent.
    public static var sharedDataDirectory: URL? {
        let env = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let d = env["NLPFS_DATA"] { candidates.append(URL(fileURLWithPath: d)) }
        let root = packageRoot
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared/data"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The package root, found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
