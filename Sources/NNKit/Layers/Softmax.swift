import Foundation

/// Row-wise softmax, `y_i = exp(x_i - max) / Σ_j exp(x_j - max)` (shifted by the row maximum
/// for stability). Backward: `δx_i = y_i (δy_i - Σ_j δy_j y_j)`.
public final class Softmax: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        output.resize(rows: input.rows, cols: input.cols)
        let c = input.cols
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                for r in 0..<input.rows {
                    let xr = x.baseAddress! + r * c, yr = y.baseAddress! + r * c
                    var m = -Float.infinity
                    for j in 0..<c { m = max(m, xr[j]) }
                    var s: Float = 0
                    for j in 0..<c { let e = expf(xr[j] - m); yr[j] = e; s += e }
                    let inv = 1 / s
                    for j in 0..<c { yr[j] *= inv }
                }
            }
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        require(gradOutput.rows == output.rows && gradOutput.cols == output.cols,
                     "Softmax.backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), output is \(output.rows)x\(output.cols)")
        gradInput.resize(rows: output.rows, cols: output.cols)
        let c = output.cols
        output.withUnsafeBufferPointer { y in
            gradOutput.withUnsafeBufferPointer { g in
                gradInput.withUnsafeMutableBufferPointer { d in
                    for r in 0..<output.rows {
                        let o = r * c
                        var dot: Float = 0
                        for j in 0..<c { dot += g[o + j] * y[o + j] }
                        for j in 0..<c { d[o + j] = y[o + j] * (g[o + j] - dot) }
                    }
                }
            }
        }
        return gradInput
    }

    public var description: String { "Softmax" }
}

/// Row-wise log-softmax, `y_i = x_i - log Σ_j exp(x_j)` (computed with the log-sum-exp
/// shift). Backward: `δx_i = δy_i - exp(y_i) Σ_j δy_j`.
public final class LogSoftmax: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        output.resize(rows: input.rows, cols: input.cols)
        let c = input.cols
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                for r in 0..<input.rows {
                    let xr = x.baseAddress! + r * c, yr = y.baseAddress! + r * c
                    var m = -Float.infinity
                    for j in 0..<c { m = max(m, xr[j]) }
                    var s: Float = 0
                    for j in 0..<c { s += expf(xr[j] - m) }
                    let logZ = m + logf(s)
                    for j in 0..<c { yr[j] = xr[j] - logZ }
                }
            }
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        require(gradOutput.rows == output.rows && gradOutput.cols == output.cols,
                     "LogSoftmax.backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), output is \(output.rows)x\(output.cols)")
        gradInput.resize(rows: output.rows, cols: output.cols)
        let c = output.cols
        output.withUnsafeBufferPointer { y in
            gradOutput.withUnsafeBufferPointer { g in
                gradInput.withUnsafeMutableBufferPointer { d in
                    for r in 0..<output.rows {
                        let o = r * c
                        var s: Float = 0
                        for j in 0..<c { s += g[o + j] }
                        for j in 0..<c { d[o + j] = g[o + j] - expf(y[o + j]) * s }
                    }
                }
            }
        }
        return gradInput
    }

    public var description: String { "LogSoftmax" }
}
