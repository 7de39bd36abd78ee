import Testing
import NNKit
import NNTestSupport

@Suite struct UnitDiagnosticsTests {
    @Test func largeNegativeBiasKillsReLUs() {
        var rng = RandomGenerator(seed: 1)
        let first = Linear(4, 10, rng: &rng)
        let net = Sequential(first, ReLU(), Linear(10, 2, rng: &rng))
        let sample = TestSupport.randomMatrix(64, 4, seed: 2)
        #expect(UnitDiagnostics.analyze(net, sample: sample)[0].fraction < 0.5)
        // Push the bias of seven units far below zero: those units never fire again.
        for u in 0..<7 { first.bias.value[0, u] = -100 }
        let report = UnitDiagnostics.analyze(net, sample: sample)
        #expect(report.count == 1 && report[0].kind == .dead)
        #expect(report[0].affectedUnits >= 7)
        #expect(report[0].description.contains("units dead"))
    }

    @Test func hugeWeightsSaturateTanhAndNormalizationHelps() {
        var rng = RandomGenerator(seed: 3)
        let first = Linear(20, 16, rng: &rng)
        first.weight.value.scale(by: 200)
        let sample = TestSupport.randomMatrix(100, 20, seed: 4)
        let saturated = UnitDiagnostics.analyze(Sequential(first, Tanh()), sample: sample)
        #expect(saturated[0].kind == .saturated && saturated[0].fraction > 0.5)
        // Standardizing the inputs does not undo huge weights, but a sane scale of weights does.
        first.weight.value.scale(by: 1.0 / 200)
        let healthy = UnitDiagnostics.analyze(Sequential(first, Tanh()), sample: sample)
        #expect(healthy[0].fraction < 0.1)
    }

    @Test func hardTanhAndSigmoidSaturationAreCounted() {
        let big = Matrix(rows: 10, cols: 3, repeating: 50)
        #expect(UnitDiagnostics.analyze(Sequential(HardTanh()), sample: big)[0].affectedUnits == 3)
        #expect(UnitDiagnostics.analyze(Sequential(Sigmoid()), sample: big)[0].affectedUnits == 3)
        #expect(UnitDiagnostics.analyze(Sequential(Sigmoid()), sample: Matrix(rows: 10, cols: 3))[0].affectedUnits == 0)
    }

    @Test func normalizedTanhPassesGradientCheckAndHasUnitRows() {
        let layer = NormalizedTanh()
        let x = TestSupport.randomMatrix(5, 7, low: -3, high: 3, seed: 8)
        let report = GradientChecker.check(layer, input: x)
        #expect(report.passed(tolerance: 1e-3), "\(report)")
        let y = layer.forward(x)
        for r in 0..<5 { #expect(abs(y.row(r).reduce(0) { $0 + $1 * $1 } - 1) < 1e-5) }
        #expect(NormalizedTanh().forward(Matrix(rows: 1, cols: 3)).storage == [0, 0, 0])
    }

    @Test func inputScalerStandardizesWithTrainingStatistics() {
        var x = Matrix([[1, 10, 5], [3, 30, 5], [5, 50, 5]])
        let scaler = InputScaler(fitting: x)
        #expect(scaler.means == [3, 30, 5])
        scaler.transform(&x)
        #expect(abs(x[0, 0] + 1.2247449) < 1e-5 && abs(x[2, 1] - 1.2247449) < 1e-5)
        #expect(x[1, 2] == 0)
        #expect(scaler.transformed(Matrix([[3, 30, 6]])).storage == [0, 0, 1])
    }
}
