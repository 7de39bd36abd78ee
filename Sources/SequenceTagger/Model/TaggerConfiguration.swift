import NNKit

/// The training criterion of a tagger: Collobert et al. (2011), section 3.3.2.
public enum TaggerCriterion: String, Codable, Sendable, CaseIterable {
    /// Word-level log-likelihood: softmax cross-entropy on each word's scores (eq. 11).
    case wll
    /// Sentence-level log-likelihood with learned transitions, decoded by Viterbi (eq. 12-16).
    case sll
}

/// What a tagger reads and how big it is. Stored in the model file, so that tagging rebuilds
/// exactly the features the model was trained on.
public struct TaggerConfiguration: Codable, Equatable, Sendable {
    /// The task preset it was built from (`pos`, `chunk`, `ner`, or `custom`).
    public var task: String
    public var windowSize = 5
    public var wordDimension = 50
    /// Capitalisation feature (section 3.5), embedding size.
    public var capsDimension: Int? = 5
    /// Suffix feature (last two letters, section 6.2 for POS), embedding size.
    public var suffixDimension: Int?
    public var suffixLength = 2
    /// Several suffix features, one table each (e.g. [1, 2, 3]: a rare three-letter ending still
    /// has a known one- or two-letter one); nil: the single `suffixLength` one. Optional so that
    /// model files written before it existed still load.
    public var suffixLengths: [Int]?
    /// The lengths of the suffix tables in use (none without `suffixDimension`).
    public var activeSuffixLengths: [Int] { suffixDimension == nil ? [] : (suffixLengths ?? [suffixLength]) }
    /// Gazetteer feature (section 6.3), one list per name, embedding size per list.
    public var gazetteerNames: [String] = []
    public var gazetteerDimension = 5
    /// Input columns used as features (e.g. the POS column for chunking), 0-based, and their embedding size.
    public var featureColumns: [Int] = []
    public var featureColumnDimension = 5
    public var hiddenUnits = 300
    public var criterion: TaggerCriterion = .sll
    /// The scheme tags are trained in (`iobes`, `iob2`; `none` for POS).
    public var trainingScheme = "none"
    /// The scheme of the training data, in which tags are written back (`iob1`, `iob2`, `iobes`, `bilou`; `none`).
    public var outputScheme = "none"
    /// Word vocabulary: minimum count and size limit. Words seen once map to UNKNOWN by
    /// default, so that the UNKNOWN embedding is trained for the words of new text.
    public var minWordFrequency = 2
    public var maxVocabulary: Int? = 100_000
    public var dropout: Float = 0
    /// Word dropout while training: α of Kiperwasser and Goldberg (2016), a word seen c times is
    /// replaced by UNKNOWN with probability α / (α + c). Nil or 0: none. Optional so that model
    /// files written before it existed still load.
    public var wordDropout: Float?
    /// Dropout on the window's concatenated feature vectors while training (nil or 0: none).
    public var inputDropout: Float?

    public init(task: String) { self.task = task }

    /// The presets of the paper (section 3.5, table 5): every tagger has caps; POS adds the
    /// suffix; chunking may add the POS column; NER may add gazetteers.
    public static func preset(_ task: String) throws -> TaggerConfiguration {
        var c = TaggerConfiguration(task: task)
        switch task {
        case "pos":
            c.suffixDimension = 5
            c.trainingScheme = "none"
        case "chunk", "ner":
            c.trainingScheme = "iobes"
        case "custom":
            c.trainingScheme = "none"
        default:
            throw TaggerError.usage("unknown task '\(task)'; choose pos, chunk, ner or custom")
        }
        return c
    }

    /// True when tags are chunks (scored by conlleval's F1) rather than per-word labels.
    public var isChunking: Bool { trainingScheme != "none" }
}

/// Errors of the tagger with what to do about them.
public enum TaggerError: Error, CustomStringConvertible, Equatable {
    case usage(String)
    case data(String)
    case model(String)

    public var description: String {
        switch self {
        case .usage(let m), .data(let m), .model(let m): return m
        }
    }
}
