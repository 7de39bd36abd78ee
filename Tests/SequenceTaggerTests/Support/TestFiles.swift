import Foundation
import NNTestSupport

/// Temporary files for reader tests, and the shared corpora folder.
enum TestFiles {
    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "input.txt") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nlpfs-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, name: String = "input.txt") -> String { write(Array(text.utf8), name: name) }

    static func read(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    /// The path of a file in ../shared/data, or nil (tests then skip) when the corpora are absent.
    static func corpus(_ relative: String) -> String? {
        guard let dir = TestSupport.sharedDataDirectory else { return nil }
        let p = dir.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// The first `maxBytes` bytes of a file, cut after the last blank line (whole sentences only).
    static func headOfSentences(_ path: String, maxBytes: Int) -> [UInt8] {
        let h = FileHandle(forReadingAtPath: path)!
        defer { try? h.close() }
        let bytes = Array(h.readData(ofLength: maxBytes))
        if bytes.count < maxBytes { return bytes }
        var i = bytes.count - 1
        while i > 0 && !(bytes[i] == 10 && bytes[i - 1] == 10) { i -= 1 }
        return Array(bytes[...i])
    }
}
