import Foundation

/// Shared loops of the element-wise activation layers: `output = f(input)` and
/// `gradInput = gradOutput * f'(input, output)`, on unsafe buffers, no allocation once
/// the buffers have their size.
@inline(__always)
func pointwiseForward(_ input: Matrix, _ output: inout Matrix, _ f: (Float) -> Float) {
    output.resize(rows: input.rows, cols: input.cols)
    input.withUnsafeBufferPointer { x in
        output.withUnsafeMutableBufferPointer { y in
            for i in 0..<x.count { y[i] = f(x[i]) }
        }
    }
}

@inline(__always)
func pointwiseBackward(_ layer: String, _ input: Matrix, _ output: Matrix, _ gradOutput: Matrix,
                       _ gradInput: inout Matrix, _ derivative: (Float, Float) -> Float) {
    require(gradOutput.rows == input.rows && gradOutput.cols == input.cols,
                 "\(layer).backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), input is \(input.rows)x\(input.cols)")
    gradInput.resize(rows: input.rows, cols: input.cols)
    input.withUnsafeBufferPointer { x in
        output.withUnsafeBufferPointer { y in
            gradOutput.withUnsafeBufferPointer { g in
                gradInput.withUnsafeMutableBufferPointer { d in
                    for i in 0..<x.count { d[i] = g[i] * derivative(x[i], y[i]) }
                }
            }
        }
    }
}

/// Hard hyperbolic tangent: `min(max(x, minValue), maxValue)`, default [-1, 1]; the
/// derivative is 1 inside the interval and 0 outside. Collobert et al. (2011), eq. 6: the
/// cheap nonlinearity of the window network.
public final class HardTanh: Layer {
    public let minValue: Float
    public let maxValue: Float
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }

    public init(minValue: Float = -1, maxValue: Float = 1) {
        require(minValue < maxValue, "HardTanh: minValue \(minValue) must be below maxValue \(maxValue)")
        self.minValue = minValue
        self.maxValue = maxValue
    }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        let (lo, hi) = (minValue, maxValue)
        pointwiseForward(input, &output) { x in x < lo ? lo : (x > hi ? hi : x) }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        let (lo, hi) = (minValue, maxValue)
        pointwiseBackward("HardTanh", input, output, gradOutput, &gradInput) { x, _ in (x > lo && x < hi) ? 1 : 0 }
        return gradInput
    }

    public var description: String {
        (minValue == -1 && maxValue == 1) ? "HardTanh" : "HardTanh(\(minValue), \(maxValue))"
    }
}

/// Hyperbolic tangent, `tanh(x)`, with derivative `1 - y²`.
public final class Tanh: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        pointwiseForward(input, &output) { x in tanhf(x) }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        pointwiseBackward("Tanh", input, output, gradOutput, &gradInput) { _, y in 1 - y * y }
        return gradInput
    }

    public var description: String { "Tanh" }
}

/// Logistic sigmoid, `1 / (1 + e^-x)`, with derivative `y (1 - y)`.
public final class Sigmoid: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        pointwiseForward(input, &output) { x in
            // Split by sign so that exp never overflows.
            x >= 0 ? 1 / (1 + expf(-x)) : expf(x) / (1 + expf(x))
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        pointwiseBackward("Sigmoid", input, output, gradOutput, &gradInput) { _, y in y * (1 - y) }
        return gradInput
    }

    public var description: String { "Sigmoid" }
}

/// Rectified linear unit, `max(0, x)`; derivative 1 for x > 0, else 0.
public final class ReLU: Layer {
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    public var parameters: [Parameter] { [] }
    public init() {}

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        pointwiseForward(input, &output) { x in x > 0 ? x : 0 }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        pointwiseBackward("ReLU", input, output, gradOutput, &gradInput) { x, _ in x > 0 ? 1 : 0 }
        return gradInput
    }

    public var description: String { "ReLU" }
}
