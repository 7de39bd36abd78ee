import Foundation
import Testing
import NNKit
import NNTestSupport

@Suite struct SafeTensorsTests {
    static func sample() -> SafeTensors {
        SafeTensors(tensors: ["w": TestSupport.randomMatrix(3, 4, seed: 1), "b": Matrix(row: [1, -2.5, .greatestFiniteMagnitude]),
                              "empty": Matrix(rows: 0, cols: 5)],
                    metadata: ["vocabulary": "the\ncat", "version": "1"])
    }

    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-\(getpid())-\(name)")
    }

    @Test func roundTripsBitForBit() throws {
        let url = Self.temporaryURL("round.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let original = Self.sample()
        try original.write(to: url)
        let loaded = try SafeTensors(contentsOf: url)
        #expect(loaded == original)
        #expect(try Data(contentsOf: url) == (try original.encoded()))
    }

    @Test func layoutFollowsTheFormat() throws {
        let bytes = try SafeTensors(tensors: ["x": Matrix(row: [1])]).encoded()
        let n = bytes.prefix(8).enumerated().reduce(0) { $0 | (Int($1.element) << (8 * $1.offset)) }
        #expect(n % 8 == 0 && bytes.count == 8 + n + 4)
        let header = String(decoding: bytes[8..<(8 + n)], as: UTF8.self)
        #expect(header.contains("\"dtype\":\"F32\"") && header.contains("\"data_offsets\":[0,4]"))
        #expect(Array(bytes.suffix(4)) == [0x00, 0x00, 0x80, 0x3F])  // 1.0f little-endian
    }

    @Test func truncatedCorruptedAndForeignFilesGiveClearErrors() throws {
        let good = try Self.sample().encoded()
        var cases: [(String, Data)] = [
            ("empty", Data()),
            ("short", good.prefix(5)),
            ("truncated data", good.dropLast(3)),
            ("truncated header", good.prefix(40)),
            ("text file", Data("word POS tag\nThe DT O\n".utf8)),
        ]
        var corrupt = good
        corrupt[12] = 0x7B  // breaks the JSON
        cases.append(("corrupt header", corrupt))
        var huge = good
        huge[7] = 0x7F  // header length beyond the file
        cases.append(("huge header length", huge))
        let url = Self.temporaryURL("damaged.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        for (label, data) in cases {
            #expect(throws: SafeTensorsError.self, "\(label)") { try SafeTensors(data: data, path: "model.st") }
            // The same bytes read from a file, which goes tensor by tensor from disk.
            try data.write(to: url)
            #expect(throws: SafeTensorsError.self, "\(label), from a file") { try SafeTensors(contentsOf: url) }
        }
        do {
            _ = try SafeTensors(data: Data("hello world!".utf8), path: "model.st")
        } catch let error as SafeTensorsError {
            #expect(error.description.hasPrefix("model.st: "))
            #expect(error.description.contains("not a valid safetensors file"))
        }
    }

    @Test func missingFilesAndFoldersSayWhatToDo() throws {
        let missing = Self.temporaryURL("no-such.safetensors")
        do {
            _ = try SafeTensors(contentsOf: missing)
            Issue.record("a missing file was read")
        } catch let error as SafeTensorsError {
            #expect(error.description.contains("no-such.safetensors") && error.description.contains("check the path"))
        }
        #expect(throws: SafeTensorsError.self) { try SafeTensors(contentsOf: FileManager.default.temporaryDirectory) }
        // A named pipe is refused at once, not waited on.
        let fifo = Self.temporaryURL("pipe.safetensors")
        defer { try? FileManager.default.removeItem(at: fifo) }
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: SafeTensorsError.self) { try SafeTensors(contentsOf: fifo) }
    }

    @Test func missingTensorNamesWhatIsThere() throws {
        #expect(throws: SafeTensorsError.self) { try Self.sample().tensor("nope", path: "m") }
    }

    @Test func atomicWriteReplacesAndLeavesNoTemporaryFiles() throws {
        let folder = Self.temporaryURL("atomic")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("f.txt")
        try AtomicFile.write("one", to: url)
        try AtomicFile.write("two", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["f.txt"])
        #expect(throws: (any Error).self) { try AtomicFile.write("x", to: folder.appendingPathComponent("missing/dir/f")) }
    }
}
