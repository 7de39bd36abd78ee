import Foundation
import SequenceTagger

/// Finds and loads the model for `tag` and `eval`: `--model PATH`, else the English POS model
/// that ships with the tagger (UD English-EWT, UPOS).
enum ModelLoading {
    /// The model, with its tagging products stored (`prepareForTagging`).
    static func load(path: String?, gazetteers: String?) throws -> TaggerModel {
        let model = try loadWeights(path: path, gazetteers: gazetteers)
        model.prepareForTagging()
        return model
    }

    private static func loadWeights(path: String?, gazetteers: String?) throws -> TaggerModel {
        let gazetteer = try gazetteers.map { try GazetteerFeature.load(directory: $0) }
        if let path {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandError("no model at \(path); train one with `tagger train ... --model \(path)`")
            }
            return try TaggerModel.load(from: URL(fileURLWithPath: path), gazetteer: gazetteer)
        }
        guard let url = Bundle.module.url(forResource: "en-ewt-upos", withExtension: "safetensors") else {
            throw CommandError("this build has no bundled model; pass --model PATH")
        }
        return try TaggerModel.load(from: url, gazetteer: gazetteer)
    }
}
