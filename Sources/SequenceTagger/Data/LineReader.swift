import Foundation

/// Reads a text file line by line in fixed-size chunks, so memory stays bounded by one chunk
/// plus the longest line whatever the file size.
///
/// Lines end at `\n`; a `\r` before it (CRLF files) is removed, and a last line without a final
/// newline is still returned. Each line is checked to be valid UTF-8: a bad byte sequence throws a
/// `DataError` naming the file and line instead of being replaced silently.
public final class LineReader {
    /// The name used in error messages.
    public let fileName: String
    /// The number of the line last returned (1-based; 0 before the first).
    public private(set) var lineNumber = 0
    /// True once a line ending in `\r\n` has been read.
    public private(set) var sawCRLF = false
    /// True when the last line read ended with a newline (meaningful at end of file).
    public private(set) var lastLineHadNewline = true

    /// The most bytes ever held in the read buffer: at most one chunk plus the longest line,
    /// whatever the file size (a check that reading streams).
    public private(set) var bufferHighWater = 0
    /// The size of each read from the file.
    public static let chunkSize = 1 << 16

    private let handle: FileHandle
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false

    /// Opens `path`; `-` means standard input.
    public init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
            ownsHandle = false
            fileName = "<stdin>"
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw DataError(.cannotOpen, file: path, line: nil, "cannot open the file",
                                hint: "Check that the path exists and is readable")
            }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw DataError(.cannotOpen, file: path, line: nil, "is a directory, not a file",
                                hint: "Give the path of a corpus file")
            }
            handle = h
            ownsHandle = true
            fileName = path
        }
    }

    /// Reads from an open handle (for example a pipe); `name` is used in error messages.
    public init(handle: FileHandle, name: String) {
        self.handle = handle
        ownsHandle = false
        fileName = name
    }

    deinit { if ownsHandle { try? handle.close() } }

    /// The next line without its line ending, or nil at end of file.
    public func nextLine() throws -> String? {
        guard let bytes = try nextLineBytes() else { return nil }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw DataError(.invalidUTF8, file: fileName, line: lineNumber, "the line is not valid UTF-8",
                            hint: "Convert the file to UTF-8 (for example `iconv -f latin1 -t utf-8`)")
        }
        return s
    }

    /// The raw bytes of the next line without its line ending, or nil at end of file.
    public func nextLineBytes() throws -> ArraySlice<UInt8>? {
        while true {
            if let nl = newlineIndex() {
                var end = nl
                if end > start && buffer[end - 1] == 13 { end -= 1; sawCRLF = true }
                let line = buffer[start..<end]
                start = nl + 1
                lineNumber += 1
                lastLineHadNewline = true
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 13 { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                lastLineHadNewline = false
                return line
            }
            try fill()
        }
    }

    private func newlineIndex() -> Int? {
        let count = buffer.count - start
        guard count > 0 else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let p = memchr(raw.baseAddress! + start, 10, count) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(p))
        }
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: Self.chunkSize) } catch {
            throw DataError(.cannotOpen, file: fileName, line: lineNumber + 1, "read failed: \(error)",
                            hint: "Check that the file is readable")
        }
        if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEOF = true }
        bufferHighWater = max(bufferHighWater, buffer.count)
    }
}
