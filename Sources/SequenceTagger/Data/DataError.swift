import Foundation

/// An error in a corpus or tag file: which file, which line, what was wrong and what to do.
///
/// Every reader in `SequenceTagger` reports bad input with this type rather than crashing or
/// skipping lines, so that counts are never silently wrong. `description` reads
/// `file:line: what was wrong. what to do`, the form compilers use, so editors can jump to it.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of problem, for callers (and tests) that react to it.
    public enum Kind: String, Sendable {
        case cannotOpen, invalidUTF8, emptyFile, columnCount, sentenceTooLong, malformedLine, unknownTag, invalidOption
    }

    public let kind: Kind
    /// The file name as given by the caller (`-` or `<stdin>` for standard input).
    public let file: String
    /// The 1-based line number, or nil when the problem concerns the whole file.
    public let line: Int?
    /// What was wrong.
    public let message: String
    /// What the user can do about it.
    public let hint: String

    public init(_ kind: Kind, file: String, line: Int?, _ message: String, hint: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(message). \(hint)"
    }
}
