/// A chain of layers, each fed the previous one's output (Torch7's `nn.Sequential`).
/// Backward runs the chain in reverse, handing each layer the deltas of the next.
public final class Sequential: Layer {
    public private(set) var layers: [Layer]

    public init(_ layers: [Layer]) {
        require(!layers.isEmpty, "Sequential: needs at least one layer")
        self.layers = layers
    }

    public convenience init(_ layers: Layer...) { self.init(layers) }

    public var output: Matrix { layers[layers.count - 1].output }

    public var parameters: [Parameter] { layers.flatMap { $0.parameters } }

    public var isTraining: Bool {
        get { layers[0].isTraining }
        set { for l in layers { l.isTraining = newValue } }
    }

    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        var x = layers[0].forward(input)
        for l in layers.dropFirst() { x = l.forward(x) }
        return x
    }

    @discardableResult
    public func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
        var g = gradOutput
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            let layerInput = i == 0 ? input : layers[i - 1].output
            g = layers[i].backward(input: layerInput, gradOutput: g)
        }
        return g
    }

    public var description: String {
        "Sequential(\n" + layers.map { "  " + $0.description.replacingNewlines() }.joined(separator: "\n") + "\n)"
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }
}
