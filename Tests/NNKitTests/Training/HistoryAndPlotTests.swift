import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NNKit

@Suite struct HistoryAndPlotTests {
    static func history() -> TrainingHistory {
        var h = TrainingHistory(metricName: "f1")
        for e in 1...5 {
            h.append(TrainingRecord(epoch: Double(e), step: e * 100, trainLoss: 2 / Double(e), devLoss: e == 3 ? nil : 2.2 / Double(e),
                                    devMetric: 50 + Double(e), learningRate: 0.1 / Double(e), updateNorm: 0.01,
                                    examplesPerSecond: 1234.5, wallTime: Double(e) * 1.5))
        }
        return h
    }

    @Test func csvAndJSONLinesHaveOneRowPerEvaluation() throws {
        let h = Self.history()
        let csv = h.csv().split(separator: "\n")
        #expect(csv.count == 6)
        #expect(csv[0] == "epoch,step,train_loss,dev_loss,dev_f1,learning_rate,update_norm,examples_per_second,wall_time")
        #expect(csv[3] == "3,300,0.666667,,53,0.0333333,0.01,1234.5,4.5")
        let lines = h.jsonLines().split(separator: "\n")
        #expect(lines.count == 5)
        let third = try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as! [String: Any]
        #expect(third["dev_loss"] is NSNull)
        #expect((third["dev_f1"] as? Double) == 53)
    }

    @Test func learningCurvesAreWellFormedSVGWithBothCurves() throws {
        let svg = Self.history().plot().svg()
        #expect(svg.hasPrefix("<svg"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG must be well-formed XML")
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 3)
        for name in ["train loss", "dev loss", "learning rate (right axis)", "epoch"] { #expect(svg.contains(name)) }
    }

    @Test func ticksAreRoundNumbers() {
        #expect(LinePlot.ticksForTesting(0, 1) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(LinePlot.ticksForTesting(0, 1000).first == 0)
    }

    @Test func progressLinesAndFormatting() {
        var lines: [String] = []
        let p = ProgressReporter(mode: .lines, unit: "tokens", lineInterval: 0) { lines.append($0) }
        p.update(epoch: 2, epochs: 10, fraction: 0.5, rate: 45678, loss: 0.1234, remainingSeconds: 125, now: 1)
        p.message("dev F1 90.1")
        #expect(lines == ["epoch 2/10  50.0%  45.7k/s tokens  loss 0.1234 ETA 2m05s\n", "dev F1 90.1\n"])
        var none: [String] = []
        ProgressReporter(mode: .quiet) { none.append($0) }.message("x")
        #expect(none.isEmpty)
        #expect(ProgressReporter.duration(3725) == "1h02m")
        #expect(ProgressReporter.count(1_234_567) == "1.23M")
    }
}
