/// The output tags of a tagger, with dense ids and no fallback: the scores of Collobert et
/// al. (2011, section 3.3) have one output per tag, so a tag never seen in training has no id.
/// `id(of:)` then throws `DataError(.unknownTag)` naming the file and line, rather than
/// mapping the tag to some other class and miscounting silently.
public struct TagSet: Equatable, Sendable {
    /// The tags in id order (bytewise sorted, so ids do not depend on corpus order).
    public let tags: [String]
    private let ids: [String: Int]

    public init<S: Sequence>(_ tags: S) where S.Element == String {
        self.tags = Set(tags).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var m: [String: Int] = [:]
        for (i, t) in self.tags.enumerated() { m[t] = i }
        ids = m
    }

    public var count: Int { tags.count }

    /// The id of `tag`; `file` and `line` say where it was read, for the error.
    public func id(of tag: String, file: String = "<tags>", line: Int? = nil) throws -> Int {
        guard let i = ids[tag] else {
            throw DataError(.unknownTag, file: file, line: line, "tag '\(tag)' is not among the \(count) tags of the model",
                            hint: "Check the tag column and scheme (convert with `tagger convert`), or retrain with this tag")
        }
        return i
    }
}
