import Foundation
import Testing
import NNKit
import NNTestSupport

/// The trainer on small problems: it learns, records, draws, checkpoints, resumes bit for bit,
/// stops on divergence and on Ctrl-C.
@Suite struct TrainerTests {
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trainer-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A spiral classifier with dropout, so that every kind of state is exercised.
    static func spiralTask(seed: UInt64, dropout: Bool = true) -> SupervisedTask {
        var rng = RandomGenerator(seed: seed)
        let (x, y) = ToyData.spiral(pointsPerClass: 40, classes: 3, rng: &rng)
        let (dx, dy) = ToyData.spiral(pointsPerClass: 20, classes: 3, rng: &rng)
        var layers: [Layer] = [Linear(2, 32, rng: &rng), ReLU()]
        if dropout { layers.append(Dropout(probability: 0.1, seed: rng.next())) }
        layers += [Linear(32, 3, rng: &rng)]
        return SupervisedTask(network: Sequential(layers), loss: CrossEntropyLoss(), inputs: x, targets: .classes(y),
                              devInputs: dx, devTargets: .classes(dy))
    }

    static func configuration(epochs: Int, task: TrainingTask) -> TrainerConfiguration {
        var c = TrainerConfiguration(epochs: epochs, batchSize: 16, optimizer: Adam(learningRate: 0.01))
        c.schedule = ReduceOnPlateauSchedule(initialLearningRate: 0.01, factor: 0.5, patience: 2)
        c.patience = 50
        c.regularizers = [L2Regularization(strength: 1e-4)]
        c.clipNorm = 5
        c.evaluateEvery = 5
        c.seed = 99
        return c
    }

    @Test func learnsTheSpiralAndWritesHistoryAndCurves() throws {
        let dir = try Self.temporaryDirectory("learn")
        defer { try? FileManager.default.removeItem(at: dir) }
        let task = Self.spiralTask(seed: 1, dropout: false)
        var c = TrainerConfiguration(epochs: 60, batchSize: 8, optimizer: Adam(learningRate: 0.02))
        c.historyURL = dir.appendingPathComponent("history.csv")
        c.curvesURL = dir.appendingPathComponent("curves.svg")
        let result = Trainer(task: task, configuration: c).run()
        #expect(result.stop == .completed)
        #expect(result.history.records.count == 60)
        let first = result.history.records.first!, last = result.history.records.last!
        #expect(last.trainLoss < 0.5 * first.trainLoss, "\(first.trainLoss) -> \(last.trainLoss)")
        #expect((result.best?.metric ?? 0) > 80, "dev accuracy \(result.best?.metric ?? 0)")
        let csv = try String(contentsOf: c.historyURL!, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 61)
        let svg = try String(contentsOf: c.curvesURL!, encoding: .utf8)
        #expect(svg.contains("train loss") && svg.contains("dev loss"))
    }

    @Test func resumingFromACheckpointEqualsAnUninterruptedRun() throws {
        let dir = try Self.temporaryDirectory("resume")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Uninterrupted: 6 epochs.
        let full = Self.spiralTask(seed: 5)
        let fullResult = Trainer(task: full, configuration: Self.configuration(epochs: 6, task: full)).run()
        // Interrupted after 3 epochs, then resumed in a fresh process-like setup.
        let checkpoint = dir.appendingPathComponent("ckpt.safetensors")
        let first = Self.spiralTask(seed: 5)
        var c1 = Self.configuration(epochs: 3, task: first)
        c1.checkpointURL = checkpoint
        _ = Trainer(task: first, configuration: c1).run()
        let second = Self.spiralTask(seed: 5)
        let trainer = Trainer(task: second, configuration: Self.configuration(epochs: 6, task: second))
        try trainer.restoreCheckpoint(from: checkpoint)
        let resumed = trainer.run()
        #expect(resumed.steps == fullResult.steps)
        for (a, b) in zip(full.parameters, second.parameters) {
            #expect(a.value.storage == b.value.storage, "\(a.name) differs after resuming")
        }
        #expect(resumed.history.records.map(\.trainLoss) == fullResult.history.records.map(\.trainLoss))
    }

    @Test func aHugeLearningRateDivergesAndKeepsTheLastGoodParameters() {
        var rng = RandomGenerator(seed: 2)
        let x = Matrix.uniform(rows: 64, cols: 4, low: -1, high: 1, rng: &rng)
        let y = Matrix.uniform(rows: 64, cols: 1, low: -1, high: 1, rng: &rng)
        let net = Sequential(Linear(4, 16, rng: &rng), Tanh(), Linear(16, 1, rng: &rng))
        let task = SupervisedTask(network: net, loss: MeanSquaredErrorLoss(), inputs: x, targets: .values(y))
        let initial = net.parameters.map(\.value)
        var c = TrainerConfiguration(epochs: 100, batchSize: 8, optimizer: SGD(learningRate: 1e6))
        c.evaluateEvery = 1000
        let result = Trainer(task: task, configuration: c).run()
        guard case .diverged(let step) = result.stop else { Issue.record("expected divergence, got \(result.stop)"); return }
        #expect(step > 0)
        #expect(result.message.contains("step \(step)") && result.message.contains("Lower the learning rate"))
        #expect(net.parameters.allSatisfy { $0.value.allFinite })
        #expect(net.parameters.map(\.value) == initial, "no evaluation happened, so the initial parameters are the last good ones")
    }

    @Test func ctrlCWritesACheckpointAndStopsCleanly() throws {
        let dir = try Self.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let task = Self.spiralTask(seed: 3)
        var c = Self.configuration(epochs: 5, task: task)
        c.checkpointURL = dir.appendingPathComponent("ckpt.safetensors")
        c.handlesInterrupt = true
        InterruptFlag.install()
        InterruptFlag.raise()
        let result = Trainer(task: task, configuration: c).run()
        #expect(result.stop == .interrupted)
        #expect(FileManager.default.fileExists(atPath: c.checkpointURL!.path))
        #expect(!InterruptFlag.isRaised)
    }

    @Test func earlyStoppingStopsAndRestoresTheBest() {
        let task = Self.spiralTask(seed: 4, dropout: false)
        var c = TrainerConfiguration(epochs: 500, batchSize: 120, optimizer: SGD(learningRate: 0.0))
        c.patience = 3
        let result = Trainer(task: task, configuration: c).run()
        guard case .criterion(let reason) = result.stop else { Issue.record("expected early stop, got \(result.stop)"); return }
        #expect(reason.contains("not improved for 3"))
        #expect(result.history.records.count == 4)
    }

    @Test func aCheckpointOfAnotherModelIsRefusedWithAClearError() throws {
        let dir = try Self.temporaryDirectory("mismatch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ckpt.safetensors")
        let task = Self.spiralTask(seed: 3)
        try Trainer(task: task, configuration: Self.configuration(epochs: 1, task: task)).saveCheckpoint(to: url)
        var rng = RandomGenerator(seed: 1)
        let other = SupervisedTask(network: Linear(2, 3, rng: &rng), loss: CrossEntropyLoss(),
                                   inputs: Matrix(rows: 1, cols: 2), targets: .classes([0]))
        let trainer = Trainer(task: other, configuration: TrainerConfiguration(epochs: 1, batchSize: 1, optimizer: SGD()))
        #expect(throws: SafeTensorsError.self) { try trainer.restoreCheckpoint(from: url) }
        #expect(throws: SafeTensorsError.self) { try trainer.restoreCheckpoint(from: dir.appendingPathComponent("missing")) }
    }
}
