import NNKit

/// The taggers of Collobert et al. (2011), "Natural Language Processing (almost) from
/// Scratch", built on `NNKit`: corpora and features (`Data`, `Features`), the window network
/// (`Model`), scoring (`Eval`) and language-model pre-training (`Pretraining`).
public enum SequenceTaggerModule {
    /// The version written into model files.
    public static let version = "0.1.0"
}
