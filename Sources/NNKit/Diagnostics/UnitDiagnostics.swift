/// Dead and saturated units, measured on a sample batch: the course's "Sättigung" checks.
///
/// - a ReLU unit is *dead* when its output is 0 for every input of the sample (a strongly
///   negative bias or a too-large update pushed its input below zero everywhere);
/// - a tanh, sigmoid or hardtanh unit is *saturated* when its output sits in the flat region —
///   |y| ≥ 0.99 for tanh, y ≤ 0.01 or y ≥ 0.99 for sigmoid, at the clamp for hardtanh — for
///   at least `saturationShare` of the inputs, so its gradient is (nearly) zero.
public struct UnitReport: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case dead, saturated }
    /// Where the layer is: its index path in the model and what it is.
    public let layer: String
    public let kind: Kind
    public let units: Int
    public let affectedUnits: Int
    public var fraction: Double { units == 0 ? 0 : Double(affectedUnits) / Double(units) }

    public var description: String {
        "\(layer): \(affectedUnits) of \(units) units \(kind.rawValue) (\(String(format: "%.1f", 100 * fraction))%)"
    }
}

public enum UnitDiagnostics {
    /// Runs `model` on `sample` in evaluation mode and reports every activation layer.
    public static func analyze(_ model: Layer, sample: Matrix, saturationShare: Double = 0.95) -> [UnitReport] {
        let wasTraining = model.isTraining
        model.isTraining = false
        defer { model.isTraining = wasTraining }
        model.forward(sample)
        var reports: [UnitReport] = []
        visit(model, path: "") { layer, path in
            let y = layer.output
            guard y.rows > 0 else { return }
            switch layer {
            case is ReLU:
                reports.append(report(path, layer, .dead, y, share: 1.0) { $0 <= 0 })
            case is Tanh:
                reports.append(report(path, layer, .saturated, y, share: saturationShare) { abs($0) >= 0.99 })
            case is Sigmoid:
                reports.append(report(path, layer, .saturated, y, share: saturationShare) { $0 <= 0.01 || $0 >= 0.99 })
            case let h as HardTanh:
                let (lo, hi) = (h.minValue, h.maxValue)
                reports.append(report(path, layer, .saturated, y, share: saturationShare) { $0 <= lo || $0 >= hi })
            default:
                break
            }
        }
        return reports
    }

    private static func visit(_ layer: Layer, path: String, _ body: (Layer, String) -> Void) {
        if let s = layer as? Sequential {
            for (i, l) in s.layers.enumerated() { visit(l, path: path.isEmpty ? "\(i)" : "\(path).\(i)", body) }
        } else {
            body(layer, "layer \(path) (\(layer.description))")
        }
    }

    /// Counts the columns where `flat` holds for at least `share` of the rows.
    private static func report(_ path: String, _ layer: Layer, _ kind: UnitReport.Kind, _ y: Matrix,
                               share: Double, _ flat: (Float) -> Bool) -> UnitReport {
        var counts = [Int](repeating: 0, count: y.cols)
        y.withUnsafeBufferPointer { p in
            for r in 0..<y.rows { for c in 0..<y.cols where flat(p[r * y.cols + c]) { counts[c] += 1 } }
        }
        let needed = share >= 1 ? y.rows : Int((share * Double(y.rows)).rounded(.up))
        return UnitReport(layer: path, kind: kind, units: y.cols, affectedUnits: counts.filter { $0 >= needed }.count)
    }
}
