/// A fully connected layer: `y = x Wᵀ + b` for each row `x` of the batch.
///
/// The weight is stored as `outputs x inputs`, as in Torch7's `nn.Linear` and PyTorch, so
/// that weights can be exchanged with them unchanged. Forward is one GEMM per batch;
/// backward is two (input deltas `δ W`, weight gradient `δᵀ x`) plus a column sum for the
/// bias. The default initialization is uniform in ±1/√inputs (Torch7's `nn.Linear:reset`).
public final class Linear: Layer {
    public let inputSize: Int
    public let outputSize: Int
    public let weight: Parameter
    public let bias: Parameter
    public private(set) var output = Matrix(rows: 0, cols: 0)
    private var gradInput = Matrix(rows: 0, cols: 0)
    public var isTraining = true
    /// When false, `backward` skips the input deltas (the first layer of a network).
    public var computesInputGradient = true

    public init(_ inputSize: Int, _ outputSize: Int, rng: inout RandomGenerator) {
        require(inputSize > 0 && outputSize > 0, "Linear: sizes must be positive, got \(inputSize) -> \(outputSize)")
        self.inputSize = inputSize
        self.outputSize = outputSize
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(name: "weight", value: .uniform(rows: outputSize, cols: inputSize, low: -bound, high: bound, rng: &rng))
        bias = Parameter(name: "bias", value: .uniform(rows: 1, cols: outputSize, low: -bound, high: bound, rng: &rng), isDecayed: false)
    }

    /// A layer with the given weight (`outputs x inputs`) and bias (`outputs` values).
    public init(weight: Matrix, bias: Matrix) {
        require(bias.count == weight.rows, "Linear: a bias of \(bias.count) values for a weight of \(weight.rows)x\(weight.cols)")
        inputSize = weight.cols
        outputSize = weight.rows
        self.weight = Parameter(name: "weight", value: weight)
        self.bias = Parameter(name: "bias", value: bias.reshaped(rows: 1, cols: bias.count), isDecayed: false)
    }

    public var parameters: [Parameter] { [weight, bias] }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        require(input.cols == inputSize, "Linear(\(inputSize) -> \(outputSize)).forward: input is \(input.rows)x\(input.cols), expected Nx\(inputSize)")
        Matrix.gemm(input, weight.value, transposeB: true, into: &output)
        output.addRowVector(bias.value)
        return output
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        require(gradOutput.rows == input.rows && gradOutput.cols == outputSize,
                     "Linear(\(inputSize) -> \(outputSize)).backward: gradOutput is \(gradOutput.rows)x\(gradOutput.cols), expected \(input.rows)x\(outputSize)")
        Matrix.gemm(gradOutput, transposeA: true, input, into: &weight.gradient, beta: 1)
        gradOutput.accumulateColumnSums(into: &bias.gradient)
        if computesInputGradient {
            Matrix.gemm(gradOutput, weight.value, into: &gradInput)
        } else {
            gradInput.resize(rows: input.rows, cols: inputSize, zero: true)
        }
        return gradInput
    }

    public var description: String { "Linear(\(inputSize) -> \(outputSize))" }
}
