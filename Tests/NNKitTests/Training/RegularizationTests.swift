import Foundation
import Testing
import NNKit
import NNTestSupport

@Suite struct RegularizationTests {
    static func parameters() -> (weight: Parameter, bias: Parameter) {
        (Parameter(name: "weight", value: Matrix([[1, -2], [0, 3]])),
         Parameter(name: "bias", value: Matrix(row: [5, -5]), isDecayed: false))
    }

    @Test func l2AddsHalfLambdaSquaredNormAndLambdaThetaToWeightsOnly() {
        let (w, b) = Self.parameters()
        let penalty = L2Regularization(strength: 0.1).apply(to: [w, b])
        #expect(abs(penalty - 0.05 * 14) < 1e-6)
        #expect(L2Regularization(strength: 0.1).penalty(of: [w, b]) == penalty)
        #expect(w.gradient.maxAbsDifference(Matrix([[0.1, -0.2], [0, 0.3]])) < 1e-7)
        #expect(b.gradient == Matrix(rows: 1, cols: 2))
        let withBiases = L2Regularization(strength: 0.1, selection: .all).apply(to: [w, b])
        #expect(abs(withBiases - 0.05 * 64) < 1e-5)
        #expect(b.gradient.maxAbsDifference(Matrix(row: [0.5, -0.5])) < 1e-7)
    }

    @Test func l1AddsLambdaAbsoluteSumAndItsSubgradient() {
        let (w, b) = Self.parameters()
        let penalty = L1Regularization(strength: 0.5).apply(to: [w, b])
        #expect(abs(penalty - 3) < 1e-6)
        #expect(L1Regularization(strength: 0.5).penalty(of: [w, b]) == penalty)
        #expect(w.gradient == Matrix([[0.5, -0.5], [0, 0.5]]))
        #expect(b.gradient == Matrix(rows: 1, cols: 2))
        let onlyBias = L1Regularization(strength: 1, selection: .named(["bias"])).apply(to: [w, b])
        #expect(onlyBias == 10)
    }

    @Test func regularizedGradientsMatchFiniteDifferences() {
        let net: Layer = { var rng = RandomGenerator(seed: 3); return Sequential(Linear(3, 4, rng: &rng), Tanh(), Linear(4, 2, rng: &rng)) }()
        let x = TestSupport.randomMatrix(5, 3, seed: 4), y = TestSupport.randomMatrix(5, 2, seed: 5)
        let regularizers: [any Regularizer] = [L2Regularization(strength: 0.3), L1Regularization(strength: 0.2)]
        func total(backward: Bool) -> Double {
            var g = Matrix(rows: 0, cols: 0)
            var value = MeanSquaredErrorLoss().evaluate(scores: net.forward(x), targets: .values(y), gradient: &g)
            if backward { net.backward(input: x, gradOutput: g) }
            for r in regularizers { value += backward ? r.apply(to: net.parameters) : r.penalty(of: net.parameters) }
            return value
        }
        let report = GradientChecker.check(parameters: net.parameters, loss: { total(backward: false) }, lossAndGradient: {
            net.zeroGradients()
            return total(backward: true)
        }, skipsKinks: true)
        #expect(report.passed(tolerance: 1e-3), "\(report)")
    }

    @Test func sparseParametersAreRegularizedOnTouchedRowsOnly() {
        let table = Parameter(name: "words", value: Matrix([[1, 1], [2, 2], [3, 3]]), isSparse: true)
        table.markTouched(2)
        let penalty = L2Regularization(strength: 1).apply(to: [table])
        #expect(penalty == 9)
        #expect(table.gradient == Matrix([[0, 0], [0, 0], [3, 3]]))
    }

    @Test func clippingByGlobalNormKeepsTheDirection() {
        let a = Parameter(name: "a", value: Matrix(row: [0, 0])), b = Parameter(name: "b", value: Matrix(row: [0]))
        a.gradient = Matrix(row: [3, 0]); b.gradient = Matrix(row: [4])
        #expect(GradientClipping.clipByGlobalNorm([a, b], maxNorm: 1) == 5)
        #expect(a.gradient.maxAbsDifference(Matrix(row: [0.6, 0])) < 1e-7 && abs(b.gradient[0, 0] - 0.8) < 1e-7)
        // Below the threshold nothing changes.
        #expect(abs(GradientClipping.clipByGlobalNorm([a, b], maxNorm: 2) - 1) < 1e-6)
        #expect(abs(b.gradient[0, 0] - 0.8) < 1e-7)
    }

    @Test func clippingByValueClampsEachEntry() {
        let a = Parameter(name: "a", value: Matrix(row: [0, 0, 0, 0]))
        a.gradient = Matrix(row: [-3, 0.5, 2, -0.1])
        #expect(GradientClipping.clipByValue([a], limit: 1) == 2)
        #expect(a.gradient == Matrix(row: [-1, 0.5, 1, -0.1]))
        let table = Parameter(name: "t", value: Matrix(rows: 2, cols: 1), isSparse: true)
        table.markTouched(1)
        table.gradient = Matrix(column: [0, 30])
        #expect(GradientClipping.clipByGlobalNorm([a, table], maxNorm: 1) > 30)
        #expect(abs(table.gradient.squaredNorm() + a.gradient.squaredNorm() - 1) < 1e-5)
    }
}
