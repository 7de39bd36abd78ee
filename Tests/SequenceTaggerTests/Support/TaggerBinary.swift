import Foundation
import NNTestSupport

/// Runs the built `tagger` executable, found next to the test bundle (or in `.build/debug`).
enum TaggerBinary {
    static var path: String? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("tagger")) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tagger"))
        candidates.append(TestSupport.packageRoot.appendingPathComponent(".build/debug/tagger"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }

    static let missing = "the tagger executable was not found next to the test bundle or in .build/debug; run `swift build` first"

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `tagger arguments...`, feeding `stdin` when given.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
