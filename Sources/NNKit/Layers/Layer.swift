/// A trainable tensor with its gradient: a weight matrix, a bias, an embedding table.
///
/// A reference type, so that layers, optimizers and regularizers share one object and
/// update it in place. Optimizers key their per-parameter state on its identity.
///
/// A *sparse* parameter (a lookup table) records which rows the current batch touched in
/// `touchedRows`; its gradient is only meaningful on those rows, `zeroGradient()` only
/// clears those rows, and optimizers with a sparse path only update those rows.
public final class Parameter: CustomStringConvertible {
    public let name: String
    public var value: Matrix
    public var gradient: Matrix
    /// True for lookup tables, whose gradient touches only the rows a batch used.
    public let isSparse: Bool
    /// Whether weight decay (L1/L2) applies by default; false for biases.
    public var isDecayed: Bool
    /// For sparse parameters: the distinct rows with a gradient since the last zeroing, in first-touch order.
    public private(set) var touchedRows: [Int] = []
    private var touchedMark: [Bool]

    /// `allocatesGradient: false` leaves the gradient empty (as `releaseGradient()` does) until
    /// the first `zeroGradient()`: a model loaded only to tag never pays for it.
    public init(name: String, value: Matrix, isSparse: Bool = false, isDecayed: Bool = true, allocatesGradient: Bool = true) {
        self.name = name
        self.value = value
        self.gradient = allocatesGradient ? Matrix(rows: value.rows, cols: value.cols) : Matrix(rows: 0, cols: 0)
        self.isSparse = isSparse
        self.isDecayed = isDecayed
        self.touchedMark = isSparse ? [Bool](repeating: false, count: value.rows) : []
    }

    /// Marks `row` as touched by the current batch (sparse parameters only).
    @inline(__always)
    public func markTouched(_ row: Int) {
        if !touchedMark[row] {
            touchedMark[row] = true
            touchedRows.append(row)
        }
    }

    /// Frees the gradient's memory (a model loaded only to tag needs none); the next
    /// `zeroGradient()` allocates it again.
    public func releaseGradient() {
        gradient = Matrix(rows: 0, cols: 0)
        for r in touchedRows { touchedMark[r] = false }
        touchedRows.removeAll()
    }

    /// Clears the gradient: all of it for dense parameters, the touched rows for sparse ones.
    public func zeroGradient() {
        if gradient.rows != value.rows || gradient.cols != value.cols {
            gradient = Matrix(rows: value.rows, cols: value.cols)
            return
        }
        if isSparse {
            let c = gradient.cols
            gradient.withUnsafeMutableBufferPointer { g in
                for r in touchedRows {
                    (g.baseAddress! + r * c).update(repeating: 0, count: c)
                }
            }
            for r in touchedRows { touchedMark[r] = false }
            touchedRows.removeAll(keepingCapacity: true)
        } else {
            gradient.fill(0)
        }
    }

    public var description: String { "\(name) \(value.rows)x\(value.cols)\(isSparse ? " (sparse)" : "")" }
}

/// A network layer in the style of Torch7's `nn.Module`: a forward pass on a batch (one
/// example per row) that keeps its `output`, and a backward pass that returns the deltas
/// for its input and *adds* into its parameters' gradients. The optimizer's update is a
/// separate step.
///
/// `backward(input:gradOutput:)` must be called with the same `input` as the latest
/// `forward`, as in Torch.
public protocol Layer: AnyObject, CustomStringConvertible {
    /// Computes and returns the output for a batch; the result is also kept in `output`.
    @discardableResult
    func forward(_ input: Matrix) -> Matrix
    /// Given dLoss/dOutput, adds dLoss/dParameters into the gradients and returns dLoss/dInput.
    @discardableResult
    func backward(input: Matrix, gradOutput: Matrix) -> Matrix
    /// The output of the latest forward pass.
    var output: Matrix { get }
    /// The trainable parameters, with their gradients.
    var parameters: [Parameter] { get }
    /// Training mode (dropout active) or evaluation mode.
    var isTraining: Bool { get set }
}

extension Layer {
    /// Clears the gradients of all parameters.
    public func zeroGradients() {
        for p in parameters { p.zeroGradient() }
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Switches to training mode.
    public func train() { isTraining = true }

    /// Switches to evaluation mode.
    public func evaluate() { isTraining = false }
}
