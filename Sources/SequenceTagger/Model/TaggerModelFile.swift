import Foundation
import NNKit

/// Reading and writing a tagger as one safetensors file: the weights as tensors
/// (`embedding.<table>`, `hidden.weight`, `hidden.bias`, `output.weight`, `output.bias`, and for
/// SLL `sll.transitions`, `sll.initial`), and in `__metadata__` the format and version, the
/// configuration (JSON), the tag set and every dictionary (JSON arrays). Loading validates it
/// all; a truncated, corrupted or foreign file is a clear error.
extension TaggerModel {
    public static let fileFormat = "nlpfromscratch-tagger"

    public func fileContents() throws -> SafeTensors {
        var tensors: [String: Matrix] = [:]
        for (name, p) in network.namedParameters { tensors[name] = p.value }
        if let sll {
            tensors["sll.transitions"] = sll.transitions.value
            tensors["sll.initial"] = sll.initial.value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ v: T) throws -> String { String(decoding: try encoder.encode(v), as: UTF8.self) }
        var metadata = [
            "format": Self.fileFormat,
            "version": SequenceTaggerModule.version,
            "configuration": try json(configuration),
            "tags": try json(tags.tags),
            "words": try json(Array(features.words.entries.dropFirst(2))),
            "columns": try json(features.columns.map { Array($0.entries.dropFirst(2)) }),
        ]
        // "suffixes" holds the first suffix length's dictionary; "suffixes.1", ... the others.
        for (k, s) in features.suffixVocabularies.enumerated() {
            metadata[k == 0 ? "suffixes" : "suffixes.\(k)"] = try json(Array(s.entries.dropFirst(2)))
        }
        return SafeTensors(tensors: tensors, metadata: metadata)
    }

    /// Writes the model atomically.
    public func save(to url: URL) throws {
        try fileContents().write(to: url)
    }

    /// Loads a model; `gazetteer` must be given when the model was trained with gazetteers.
    public static func load(from url: URL, gazetteer: GazetteerFeature? = nil) throws -> TaggerModel {
        let file: SafeTensors
        do { file = try SafeTensors(contentsOf: url) } catch let e as SafeTensorsError {
            throw TaggerError.model("\(e.description). Pass a model written by `tagger train`.")
        }
        func fail(_ m: String) -> TaggerError { .model("\(url.path): \(m)") }
        guard file.metadata["format"] == fileFormat else {
            throw fail("not a tagger model (format '\(file.metadata["format"] ?? "none")'); pass a model written by `tagger train`")
        }
        func decode<T: Decodable>(_ key: String, as: T.Type) throws -> T {
            guard let text = file.metadata[key], let v = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
                throw fail("the metadata entry '\(key)' is missing or malformed; the file is damaged")
            }
            return v
        }
        let configuration = try decode("configuration", as: TaggerConfiguration.self)
        let tags = TagSet(try decode("tags", as: [String].self))
        let words = Vocabulary(words: try decode("words", as: [String].self))
        let columns = try decode("columns", as: [[String]].self).map { Vocabulary(words: $0) }
        let suffixLengths = configuration.activeSuffixLengths
        let suffixes = try suffixLengths.indices.map { k in
            Vocabulary(words: try decode(k == 0 ? "suffixes" : "suffixes.\(k)", as: [String].self))
        }
        let suffixKeys = Set(file.metadata.keys.filter { $0 == "suffixes" || $0.hasPrefix("suffixes.") })
        guard columns.count == configuration.featureColumns.count, suffixLengths.allSatisfy({ $0 > 0 }),
              Set(suffixLengths).count == suffixLengths.count,
              suffixKeys == Set(suffixLengths.indices.map { $0 == 0 ? "suffixes" : "suffixes.\($0)" }) else {
            throw fail("the dictionaries do not match the configuration; the file is damaged")
        }
        if !configuration.gazetteerNames.isEmpty && gazetteer == nil {
            throw TaggerError.usage("the model \(url.path) was trained with gazetteers (\(configuration.gazetteerNames.joined(separator: ", "))); pass --gazetteers DIR")
        }
        let features = FeatureExtractor(configuration: configuration, words: words, suffixes: suffixes.first,
                                        moreSuffixes: Array(suffixes.dropFirst()), columns: columns, gazetteer: gazetteer)
        let expected = weightShapes(configuration: configuration, features: features, tags: tags)
        guard Set(file.tensors.keys) == Set(expected.map(\.name)) else {
            throw fail("has tensors \(file.tensors.keys.sorted().joined(separator: ", ")), expected \(expected.map(\.name).sorted().joined(separator: ", "))")
        }
        for (name, rows, cols) in expected {
            let m = file.tensors[name]!
            guard m.rows == rows && m.cols == cols else { throw fail("tensor \(name) is \(m.rows)x\(m.cols), the configuration needs \(rows)x\(cols)") }
            guard m.allFinite else { throw fail("tensor \(name) holds NaN or infinite values") }
        }
        // The weights are the file's matrices themselves: no random initial values, no copies,
        // and no gradients until training asks for them.
        let model = TaggerModel(configuration: configuration, features: features, tags: tags, weights: file.tensors)
        for p in model.parameters { p.releaseGradient() }
        return model
    }
}
