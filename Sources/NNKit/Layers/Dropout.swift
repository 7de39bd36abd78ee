/// A layer that draws random numbers while training (dropout masks, word dropout) from its own
/// seeded generator; checkpoints save and restore `rng` so that a resumed run draws the same.
public protocol RandomLayer: Layer {
    var rng: RandomGenerator { get set }
}

/// Inverted dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent neural
/// networks from overfitting"; the inverted form scales at training time).
///
/// In training mode each unit is dropped with probability `p` and the kept ones are scaled
/// by `1/(1-p)`, so that the expected output equals the input and evaluation mode is the
/// identity. The mask comes from the layer's own seeded generator. `freezesMask` reuses the
/// last mask on the next forward (for gradient checks).
public final class Dropout: Layer, RandomLayer {
    public let probability: Float
    public var rng: RandomGenerator
    public var isTraining = true
    public var freezesMask = false
    public private(set) var output = Matrix(rows: 0, cols: 0)
    public private(set) var mask = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var parameters: [Parameter] { [] }

    public init(probability p: Float, seed: UInt64 = 0) {
        require(p >= 0 && p < 1, "Dropout: probability must be in [0, 1), got \(p)")
        probability = p
        rng = RandomGenerator(seed: seed)
    }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        output.resize(rows: input.rows, cols: input.cols)
        guard isTraining && probability > 0 else {
            output.assign(input)
            return output
        }
        if !(freezesMask && mask.rows == input.rows && mask.cols == input.cols) {
            mask.resize(rows: input.rows, cols: input.cols)
            let keep = 1 - probability
            let scale = 1 / keep
            let p = probability
            mask.withUnsafeMutableBufferPointer { m in
                for i in 0..<m.count { m[i] = rng.nextFloat() < p ? 0 : scale }
            }
        }
        input.withUnsafeBufferPointer { x in
            mask.withUnsafeBufferPointer { m in
                output.withUnsafeMutableBufferPointer { y in
                    for i in 0..<x.count { y[i] = x[i] * m[i] }
                }
            }
        }
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        require(gradOutput.rows == input.rows && gradOutput.cols == input.cols,
                     "Dropout.backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), input is \(input.rows)x\(input.cols)")
        gradInput.assign(gradOutput)
        if isTraining && probability > 0 { gradInput.multiply(by: mask) }
        return gradInput
    }

    public var description: String { "Dropout(p: \(probability))" }
}
