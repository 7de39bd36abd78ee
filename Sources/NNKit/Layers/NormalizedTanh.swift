import Foundation

/// A tanh layer normalized per example, `g(h) = tanh(h) / ‖tanh(h)‖` (L2 norm over the row):
/// the course's remedy against saturation ("Schichten normalisieren"), which keeps the layer's
/// output on the unit sphere whatever the scale of its input.
///
/// With `u = tanh(h)`, `n = ‖u‖`, `y = u / n`: `∂L/∂u = (δ − y (y·δ)) / n` and
/// `∂L/∂h = ∂L/∂u ⊙ (1 − u²)`. A row whose tanh is all zero maps to zero.
public final class NormalizedTanh: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    private var norms: [Float] = []
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        output.resize(rows: input.rows, cols: input.cols)
        if norms.count != input.rows { norms = [Float](repeating: 0, count: input.rows) }
        let c = input.cols
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                for r in 0..<input.rows {
                    var s: Float = 0
                    for j in 0..<c { let u = tanhf(x[r * c + j]); y[r * c + j] = u; s += u * u }
                    let n = s.squareRoot()
                    norms[r] = n
                    let inv: Float = n > 0 ? 1 / n : 0
                    for j in 0..<c { y[r * c + j] *= inv }
                }
            }
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        require(gradOutput.rows == output.rows && gradOutput.cols == output.cols,
                     "NormalizedTanh.backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), output is \(output.rows)x\(output.cols)")
        gradInput.resize(rows: output.rows, cols: output.cols)
        let c = output.cols
        output.withUnsafeBufferPointer { y in
            gradOutput.withUnsafeBufferPointer { g in
                gradInput.withUnsafeMutableBufferPointer { d in
                    for r in 0..<output.rows {
                        let n = norms[r]
                        guard n > 0 else { for j in 0..<c { d[r * c + j] = 0 }; continue }
                        var dot: Float = 0
                        for j in 0..<c { dot += y[r * c + j] * g[r * c + j] }
                        for j in 0..<c {
                            let yj = y[r * c + j], u = yj * n
                            d[r * c + j] = (g[r * c + j] - yj * dot) / n * (1 - u * u)
                        }
                    }
                }
            }
        }
        return gradInput
    }

    public var description: String { "NormalizedTanh" }
}
