import Foundation
import NNKit

/// One thread's share of tagging: its own id, window, hidden and score buffers, a copy of the
/// precomputed first layer (sharing the stored products) and a Viterbi decoder, over the
/// model's weights and dictionaries, which it only reads. `TaggerModel.tag` hands batches of
/// sentences to several workers at once, each running single-threaded products, instead of
/// one batch at a time on multi-threaded products: the features, the additions of stored
/// products and Viterbi then run on every core too.
final class TaggingWorker {
    unowned let model: TaggerModel
    private let first: PrecomputedFirstLayer
    private let decoder = ViterbiDecoder()
    private var windows = Matrix(rows: 0, cols: 0)
    private var scores = Matrix(rows: 0, cols: 0)

    init(model: TaggerModel, first: PrecomputedFirstLayer) {
        self.model = model
        self.first = first
    }

    /// The tags of `sentences`, in the scheme of the training data.
    func tag(_ sentences: ArraySlice<Sentence>) throws -> [[String]] {
        let ids = try sentences.map { try model.features.ids(for: $0) }
        let ranges = model.network.windowBuilder.write(sentences: ids, into: &windows)
        let hidden = first.forward(windows)
        let output = model.network.output
        Matrix.gemm(hidden, output.weight.value, transposeB: true, into: &scores)
        scores.addRowVector(output.bias.value)
        return try model.decode(scores: scores, ranges: ranges, using: decoder).enumerated().map { k, path in
            try model.outputTags(ids: path, count: sentences[sentences.startIndex + k].count)
        }
    }
}
