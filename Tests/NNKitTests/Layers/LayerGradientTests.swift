import Testing
import NNKit
import NNTestSupport

/// Every layer passes the finite-difference gradient check on random shapes.
@Suite struct LayerGradientTests {
    static let tolerance = 1e-3

    static func randomShape(_ seed: UInt64) -> (rows: Int, cols: Int) {
        var rng = RandomGenerator(seed: seed)
        return (1 + rng.int(below: 6), 1 + rng.int(below: 9))
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func linear(seed: UInt64) {
        var rng = RandomGenerator(seed: seed)
        let (n, d) = Self.randomShape(seed)
        let out = 1 + rng.int(below: 7)
        let layer = Linear(d, out, rng: &rng)
        let report = GradientChecker.check(layer, input: TestSupport.randomMatrix(n, d, seed: seed))
        #expect(report.passed(tolerance: Self.tolerance), "\(layer)\n\(report)")
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func smoothActivations(seed: UInt64) {
        let (n, d) = Self.randomShape(seed + 10)
        let x = TestSupport.randomMatrix(n, d, low: -2, high: 2, seed: seed)
        for layer in [Tanh(), Sigmoid(), Softmax(), LogSoftmax()] as [Layer] {
            let report = GradientChecker.check(layer, input: x)
            #expect(report.passed(tolerance: Self.tolerance), "\(layer)\n\(report)")
        }
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func piecewiseLinearActivations(seed: UInt64) {
        let (n, d) = Self.randomShape(seed + 20)
        // Inputs kept away from the kinks, where the derivative is undefined.
        let x = TestSupport.matrixAvoiding([-1, 0, 1, 0.5], gap: 0.05, rows: n, cols: d, seed: seed)
        for layer in [ReLU(), HardTanh(), HardTanh(minValue: -1, maxValue: 0.5)] as [Layer] {
            let report = GradientChecker.check(layer, input: x)
            #expect(report.passed(tolerance: Self.tolerance), "\(layer)\n\(report)")
        }
    }

    @Test func dropoutWithFrozenMask() {
        let layer = Dropout(probability: 0.3, seed: 5)
        layer.freezesMask = true
        let x = TestSupport.randomMatrix(6, 8, seed: 3)
        layer.forward(x)
        let report = GradientChecker.check(layer, input: x)
        #expect(report.passed(tolerance: Self.tolerance), "\(report)")
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func lookupTableOfSeveralTables(seed: UInt64) {
        var rng = RandomGenerator(seed: seed)
        let shapes = [LookupTable.TableShape(vocabularySize: 20, dimension: 4),
                      LookupTable.TableShape(vocabularySize: 5, dimension: 2)]
        let layer = LookupTable(shapes, rng: &rng)
        let positions = 1 + rng.int(below: 5)
        let n = 1 + rng.int(below: 4)
        var x = Matrix(rows: n, cols: positions * 2)
        for r in 0..<n { for p in 0..<positions {
            x[r, 2 * p] = Float(rng.int(below: 20)); x[r, 2 * p + 1] = Float(rng.int(below: 5))
        } }
        let report = GradientChecker.check(layer, input: x, checksInput: false)
        #expect(report.passed(tolerance: Self.tolerance), "\(report)")
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func windowNetworkEndToEnd(seed: UInt64) {
        // The window network of Collobert et al.: lookup -> Linear -> HardTanh -> Linear -> LogSoftmax.
        var rng = RandomGenerator(seed: seed)
        let lookup = LookupTable([.init(vocabularySize: 30, dimension: 5), .init(vocabularySize: 5, dimension: 2)], rng: &rng)
        let net = Sequential(lookup, Linear(3 * 7, 6, rng: &rng), HardTanh(), Linear(6, 4, rng: &rng), LogSoftmax())
        var x = Matrix(rows: 5, cols: 6)
        for r in 0..<5 { for p in 0..<3 { x[r, 2 * p] = Float(rng.int(below: 30)); x[r, 2 * p + 1] = Float(rng.int(below: 5)) } }
        let report = GradientChecker.check(net, input: x, checksInput: false, epsilon: 2e-3, skipsKinks: true)
        #expect(report.passed(tolerance: Self.tolerance), "\(net)\n\(report)")
        #expect(report.skippedAtKinks * 10 < report.checkedEntries, "too many kinks: \(report)")
    }

    @Test func sabotagedBackwardFailsTheCheck() {
        // A layer whose backward is wrong by a factor must be caught.
        final class BrokenTanh: Layer {
            let inner = Tanh()
            var output: Matrix { inner.output }
            var parameters: [Parameter] { [] }
            var isTraining = true
            func forward(_ input: Matrix) -> Matrix { inner.forward(input) }
            func backward(input: Matrix, gradOutput: Matrix) -> Matrix {
                var g = inner.backward(input: input, gradOutput: gradOutput)
                g.scale(by: 1.1)
                return g
            }
            var description: String { "BrokenTanh" }
        }
        let report = GradientChecker.check(BrokenTanh(), input: TestSupport.randomMatrix(3, 4, seed: 1))
        #expect(!report.passed(tolerance: Self.tolerance))
        #expect(report.maxRelativeError > 0.05)
    }
}
