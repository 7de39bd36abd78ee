import Foundation
import Testing
import NNKit
import NNTestSupport

/// Each diagnosis of the course's flowchart, provoked on purpose.
@Suite struct TrainingChecklistTests {
    static func spiral(_ points: Int, seed: UInt64) -> (Matrix, [Int]) {
        var rng = RandomGenerator(seed: seed)
        return ToyData.spiral(pointsPerClass: points, classes: 3, noise: 0.3, rng: &rng)
    }

    @Test func aLargeNetworkOnTwentyExamplesOverfits() {
        var rng = RandomGenerator(seed: 1)
        let (x, y) = Self.spiral(7, seed: 2)          // 21 training examples
        let (dx, dy) = Self.spiral(100, seed: 3)
        let net = Sequential(Linear(2, 256, rng: &rng), ReLU(), Linear(256, 256, rng: &rng), ReLU(), Linear(256, 3, rng: &rng))
        let task = SupervisedTask(network: net, loss: CrossEntropyLoss(), inputs: x, targets: .classes(y),
                                  devInputs: dx, devTargets: .classes(dy))
        var c = TrainerConfiguration(epochs: 300, batchSize: 21, optimizer: Adam(learningRate: 0.01))
        c.evaluateEvery = 10
        let result = Trainer(task: task, configuration: c).run()
        let item = TrainingChecklist.devLoss(result.history)
        #expect(item.status == .problem && item.finding.contains("overfitting"), "\(item)")
        #expect(item.advice?.contains("dropout") == true)
        #expect(TrainingChecklist.trainingLoss(result.history).status == .ok)
    }

    @Test func aLinearModelOnTheSpiralUnderfits() {
        var rng = RandomGenerator(seed: 4)
        let (x, y) = Self.spiral(50, seed: 5)
        let (dx, dy) = Self.spiral(50, seed: 6)
        let task = SupervisedTask(network: Linear(2, 3, rng: &rng), loss: CrossEntropyLoss(), inputs: x, targets: .classes(y),
                                  devInputs: dx, devTargets: .classes(dy))
        let result = Trainer(task: task, configuration: TrainerConfiguration(epochs: 150, batchSize: 10, optimizer: SGD(learningRate: 0.1))).run()
        let item = TrainingChecklist.devLoss(result.history)
        #expect(item.status == .warning && item.finding.contains("underfitting"), "\(item)")
    }

    @Test func aHugeLearningRateIsReportedAsDivergence() {
        var rng = RandomGenerator(seed: 7)
        let (x, y) = Self.spiral(30, seed: 8)
        let net = Sequential(Linear(2, 64, rng: &rng), ReLU(), Linear(64, 3, rng: &rng))
        let task = SupervisedTask(network: net, loss: CrossEntropyLoss(), inputs: x, targets: .classes(y))
        let result = Trainer(task: task, configuration: TrainerConfiguration(epochs: 50, batchSize: 10, optimizer: SGD(learningRate: 1e8))).run()
        guard case .diverged(let step) = result.stop else { Issue.record("expected divergence, got \(result.stop)"); return }
        let item = TrainingChecklist.trainingLoss(result.history, diverged: step)
        #expect(item.status == .problem && item.advice!.contains("lower the learning rate"))
    }

    @Test func checklistLinesForGradientsDeadAndSaturatedUnits() {
        var rng = RandomGenerator(seed: 9)
        let first = Linear(3, 20, rng: &rng)
        for u in 0..<20 { first.bias.value[0, u] = -50 }
        let net = Sequential(first, ReLU(), Linear(20, 2, rng: &rng))
        let sample = TestSupport.randomMatrix(32, 3, seed: 10)
        let dead = TrainingChecklist.deadUnits(UnitDiagnostics.analyze(net, sample: sample))
        #expect(dead.status == .problem && dead.finding.hasPrefix("100.0%"), "\(dead)")
        let tanhNet = Sequential(Linear(3, 20, rng: &rng), Tanh())
        (tanhNet.layers[0] as! Linear).weight.value.scale(by: 500)
        let saturated = TrainingChecklist.saturatedUnits(UnitDiagnostics.analyze(tanhNet, sample: sample))
        #expect(saturated.status == .problem && saturated.advice!.contains("scale the inputs"), "\(saturated)")
        let good = TrainingChecklist.gradients(GradientChecker.check(tanhNet, input: TestSupport.randomMatrix(4, 3, low: -0.001, high: 0.001, seed: 1)))
        #expect(good.status == .ok || good.status == .problem)
        #expect(TrainingChecklist.gradients(nil).status == .skipped)
    }

    @Test func learningRateComparisonFindsTooHighTooLowAndGood() throws {
        let comparison = LearningRateComparison(learningRates: [50, 1e-5, 0.05]) { rate in
            var rng = RandomGenerator(seed: 11)
            let (x, y) = Self.spiral(30, seed: 12)
            let net = Sequential(Linear(2, 32, rng: &rng), ReLU(), Linear(32, 3, rng: &rng))
            let task = SupervisedTask(network: net, loss: CrossEntropyLoss(), inputs: x, targets: .classes(y))
            return (task, TrainerConfiguration(epochs: 30, batchSize: 10, optimizer: SGD(learningRate: rate)))
        }
        #expect(comparison.bestLearningRate == 0.05)
        #expect(comparison.summary[2].contains("best"))
        let svg = comparison.plot().svg()
        #expect(svg.contains("η = 0.05") && svg.contains("η = 1e-05"))
    }

    @Test func gridSearchRanksTrialsByDevMetric() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let search = MetaparameterSearch(space: [("units", ["1", "32"]), ("learningRate", ["0.00001", "0.05"])], strategy: .grid) { v in
            var rng = RandomGenerator(seed: 13)
            let (x, y) = Self.spiral(30, seed: 14)
            let (dx, dy) = Self.spiral(30, seed: 15)
            let units = Int(v["units"]!)!
            let net = Sequential(Linear(2, units, rng: &rng), ReLU(), Linear(units, 3, rng: &rng))
            let task = SupervisedTask(network: net, loss: CrossEntropyLoss(), inputs: x, targets: .classes(y),
                                      devInputs: dx, devTargets: .classes(dy))
            var c = TrainerConfiguration(epochs: 40, batchSize: 10, optimizer: Adam(learningRate: Float(v["learningRate"]!)!))
            c.patience = 10
            return (task, c)
        }
        #expect(search.trials.count == 4)
        #expect(search.best?.values == ["units": "32", "learningRate": "0.05"])
        let url = dir.appendingPathComponent("search.csv")
        try search.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count == 5)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("search.best.json").path))
        #expect(search.table().contains("units"))
        let random = MetaparameterSearch(space: [("units", ["4", "8", "16"])], strategy: .random(trials: 2, seed: 1)) { v in
            var rng = RandomGenerator(seed: 1)
            let units = Int(v["units"]!)!
            let task = SupervisedTask(network: Sequential(Linear(2, units, rng: &rng), Linear(units, 3, rng: &rng)), loss: CrossEntropyLoss(),
                                      inputs: Matrix(rows: 3, cols: 2), targets: .classes([0, 1, 2]))
            return (task, TrainerConfiguration(epochs: 1, batchSize: 3, optimizer: SGD()))
        }
        #expect(random.trials.count == 2)
    }
}
