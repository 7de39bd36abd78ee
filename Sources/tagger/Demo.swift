import Foundation
import NNKit

/// `tagger demo`: until the tagger exists, trains a small network on CS231n's spiral with
/// the toolkit's forward/backward/update loop and prints the loss as it falls.
enum DemoCommand {
    static func run(arguments: [String]) throws {
        var rng = RandomGenerator(seed: 42)
        let (x, labels) = ToyData.spiral(pointsPerClass: 100, classes: 3, rng: &rng)
        let net = Sequential(Linear(2, 100, rng: &rng), ReLU(), Linear(100, 3, rng: &rng), LogSoftmax())
        print("NLPFromScratch demo: a two-layer network learns CS231n's three-arm spiral (300 points)")
        print(net)
        print(BLAS.shared.summary)
        let learningRate: Float = 0.5
        var grad = Matrix(rows: x.rows, cols: 3)
        let n = Float(x.rows)
        let start = Date()
        for epoch in 0...2000 {
            net.zeroGradients()
            let logp = net.forward(x)
            // Negative log-likelihood of the correct class, averaged over the batch.
            var loss: Double = 0
            grad.fill(0)
            for (i, y) in labels.enumerated() {
                loss -= Double(logp[i, y])
                grad[i, y] = -1 / n
            }
            loss /= Double(x.rows)
            net.backward(input: x, gradOutput: grad)
            for p in net.parameters { p.value.add(p.gradient, scaledBy: -learningRate) }
            if epoch % 200 == 0 {
                let predictions = logp.argmaxPerRow()
                let correct = zip(predictions, labels).filter { $0 == $1 }.count
                print(String(format: "epoch %4d  loss %.4f  training accuracy %.1f%%",
                             epoch, loss, 100 * Double(correct) / Double(labels.count)))
            }
        }
        print(String(format: "done in %.2f s", Date().timeIntervalSince(start)))
    }
}
