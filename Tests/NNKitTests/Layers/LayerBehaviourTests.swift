import Testing
import NNKit
import NNTestSupport

@Suite struct LayerBehaviourTests {
    @Test func layersPrintAsWhatTheyAre() {
        var rng = RandomGenerator(seed: 1)
        #expect(Linear(275, 300, rng: &rng).description == "Linear(275 -> 300)")
        #expect(HardTanh().description == "HardTanh")
        #expect(Dropout(probability: 0.5).description == "Dropout(p: 0.5)")
        let lookup = LookupTable([.init(vocabularySize: 100, dimension: 50), .init(vocabularySize: 5, dimension: 5)], rng: &rng)
        #expect(lookup.description == "LookupTable(100x50 + 5x5 per position)")
        let net = Sequential(Linear(2, 3, rng: &rng), Tanh())
        #expect(net.description == "Sequential(\n  Linear(2 -> 3)\n  Tanh\n)")
    }

    @Test func linearComputesXWTransposePlusBias() {
        let layer = Linear(weight: Matrix([[1, 2], [3, 4], [5, 6]]), bias: Matrix(row: [1, 0, -1]))
        let y = layer.forward(Matrix([[1, 1], [2, 0]]))
        #expect(y == Matrix([[4, 7, 10], [3, 6, 9]]))
    }

    @Test func activationValues() {
        let x = Matrix([[-3, -0.5, 0, 0.5, 3]])
        #expect(HardTanh().forward(x).storage == [-1, -0.5, 0, 0.5, 1])
        #expect(ReLU().forward(x).storage == [0, 0, 0, 0.5, 3])
        let s = Sigmoid().forward(Matrix([[0, -200, 200]]))
        #expect(s.storage == [0.5, 0, 1])
        let p = Softmax().forward(Matrix([[1, 2, 3], [1000, 1000, 1000]]))
        #expect(abs(p.rowSums().storage[0] - 1) < 1e-6)
        #expect(abs(p[1, 0] - 1.0 / 3) < 1e-6)
        let lp = LogSoftmax().forward(Matrix([[1000, 0]]))
        #expect(lp[0, 0] == 0 && lp.allFinite)
    }

    @Test func invertedDropoutScalesAndIsIdentityWhenEvaluating() {
        let layer = Dropout(probability: 0.25, seed: 9)
        let x = Matrix(rows: 200, cols: 50, repeating: 1)
        let y = layer.forward(x)
        let kept = y.storage.filter { $0 != 0 }
        #expect(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-6 })
        let dropRate = 1 - Double(kept.count) / Double(x.count)
        #expect(abs(dropRate - 0.25) < 0.02)
        layer.evaluate()
        #expect(layer.forward(x) == x)
    }

    @Test func dropoutMeanOverManyMasksEqualsTestTimeOutput() {
        let layer = Dropout(probability: 0.5, seed: 4)
        let x = TestSupport.randomMatrix(4, 6, seed: 2)
        var mean = Matrix(rows: 4, cols: 6)
        let trials = 20_000
        for _ in 0..<trials { mean.add(layer.forward(x), scaledBy: 1 / Float(trials)) }
        layer.evaluate()
        #expect(mean.maxAbsDifference(layer.forward(x)) < 0.03)
    }

    @Test func lookupTableConcatenatesTablesPerPositionAndTouchesOnlyUsedRows() {
        let words = Parameter(name: "w", value: Matrix([[0, 0], [1, 1], [2, 2], [3, 3]]))
        var rng = RandomGenerator(seed: 1)
        let layer = LookupTable([.init(vocabularySize: 4, dimension: 2), .init(vocabularySize: 2, dimension: 1)], rng: &rng)
        layer.tables[0].value = words.value
        layer.tables[1].value = Matrix([[-1], [-2]])
        // Two positions: (word 3, caps 1), (word 1, caps 0).
        let x = Matrix([[3, 1, 1, 0]])
        #expect(layer.forward(x) == Matrix([[3, 3, -2, 1, 1, -1]]))
        layer.zeroGradients()
        layer.backward(input: x, gradOutput: Matrix([[1, 2, 3, 4, 5, 6]]))
        #expect(layer.tables[0].touchedRows == [3, 1])
        #expect(layer.tables[0].gradient == Matrix([[0, 0], [4, 5], [0, 0], [1, 2]]))
        #expect(layer.tables[1].gradient == Matrix([[6], [3]]))
        layer.zeroGradients()
        #expect(layer.tables[0].touchedRows.isEmpty)
        #expect(layer.tables[0].gradient.storage.allSatisfy { $0 == 0 })
    }

    @Test func lookupTableFromValuesHoldsNoGradientUntilTrainingStarts() {
        let layer = LookupTable(values: [Matrix([[0, 0], [1, 1], [2, 2], [3, 3]]), Matrix([[-1], [-2]])], names: ["w", "caps"])
        #expect(layer.shapes == [.init(vocabularySize: 4, dimension: 2), .init(vocabularySize: 2, dimension: 1)])
        #expect(layer.tables.map(\.gradient.count) == [0, 0])
        let x = Matrix([[3, 1, 1, 0]])
        #expect(layer.forward(x) == Matrix([[3, 3, -2, 1, 1, -1]]))
        layer.zeroGradients()
        #expect(layer.tables[0].gradient.shape == layer.tables[0].value.shape)
        layer.backward(input: x, gradOutput: Matrix([[1, 2, 3, 4, 5, 6]]))
        #expect(layer.tables[0].gradient == Matrix([[0, 0], [4, 5], [0, 0], [1, 2]]))
        #expect(layer.tables[1].gradient == Matrix([[6], [3]]))
    }

    @Test func indexDropoutReplacesRareIndicesOfOneTableAtTheirRate() {
        // Counts 0 (padding), 0 (unknown), 1, 3, 1000; alpha 1: p = 1/2, 1/4, 1/1001.
        let p = IndexDropout.probabilities(alpha: 1, counts: [0, 0, 1, 3, 1000], exempt: [0, 1])
        #expect(p == [0, 0, 0.5, 0.25, 1 / Float(1001)])
        let layer = IndexDropout(table: 0, tableCount: 2, replacement: 1, probabilities: p, seed: 7)
        // Rows of two positions x two tables: (word, caps) pairs; the caps ids must never change.
        let rows = 20_000
        var x = Matrix(rows: rows, cols: 4)
        for r in 0..<rows { x[r, 0] = Float(2 + r % 3); x[r, 1] = 3; x[r, 2] = Float(r % 2); x[r, 3] = 2 }
        let y = layer.forward(x)
        var replaced = [Int](repeating: 0, count: 5), seen = [Int](repeating: 0, count: 5)
        for r in 0..<rows {
            #expect(y[r, 1] == 3 && y[r, 3] == 2)
            for c in [0, 2] {
                let original = Int(x[r, c])
                seen[original] += 1
                if y[r, c] != x[r, c] { #expect(y[r, c] == 1); replaced[original] += 1 }
            }
        }
        #expect(replaced[0] == 0 && replaced[1] == 0)
        for w in 2...4 {
            let rate = Double(replaced[w]) / Double(seen[w])
            // Binomial: four standard deviations.
            let sd = (Double(p[w]) * (1 - Double(p[w])) / Double(seen[w])).squareRoot()
            #expect(abs(rate - Double(p[w])) < 4 * sd + 1e-4, "index \(w): \(rate) vs \(p[w])")
        }
        #expect(layer.replacedCount == replaced.reduce(0, +))
        layer.isTraining = false
        #expect(layer.forward(x) == x)
        #expect(layer.backward(input: x, gradOutput: Matrix(rows: 0, cols: 0)).count == 0)
    }

    @Test func sequentialModeSwitchesAllLayers() {
        let d = Dropout(probability: 0.5)
        let net = Sequential(Tanh(), d)
        net.evaluate()
        #expect(!d.isTraining)
        net.train()
        #expect(d.isTraining)
    }
}
