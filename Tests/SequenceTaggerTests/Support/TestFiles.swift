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

    /// The path of a file in ../shared/data, or nil (tests then skip) when the corpora are absent.
    static func corpus(_ relative: String) -> String? {
        guard let dir = TestSupport.sharedDataDirectory else { return nil }
        let p = dir.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
