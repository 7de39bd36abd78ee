import Foundation

/// What went wrong reading or writing a safetensors file: the path and what to do.
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let message: String
    public init(path: String, _ message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

/// Named Float32 matrices with string metadata, in the safetensors format
/// (Hugging Face, https://github.com/huggingface/safetensors): an 8-byte little-endian header
/// length N, N bytes of JSON header mapping each name to `dtype`, `shape` and `data_offsets`
/// (begin, end within the data section) plus an optional `__metadata__` map of strings, then the
/// raw little-endian data.
///
/// Reading validates everything — lengths, JSON, dtypes, shapes, offsets inside the data,
/// no overlap, no gap — so a truncated, corrupted or foreign file gives a `SafeTensorsError`,
/// never a crash. Writing is atomic: a temporary file in the same folder, then a rename.
public struct SafeTensors: Equatable {
    public var tensors: [String: Matrix]
    public var metadata: [String: String]

    public init(tensors: [String: Matrix] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The file's bytes: tensors in name order, header padded with spaces to 8 bytes.
    public func encoded() throws -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let m = tensors[name]!
            header[name] = ["dtype": "F32", "shape": [m.rows, m.cols], "data_offsets": [offset, offset + 4 * m.count]]
            offset += 4 * m.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data(capacity: 8 + json.count + offset)
        var n = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
        out.append(json)
        for name in names {
            tensors[name]!.withUnsafeBufferPointer { p in
                #if _endian(big)
                for v in p { var le = v.bitPattern.littleEndian; withUnsafeBytes(of: &le) { out.append(contentsOf: $0) } }
                #else
                out.append(UnsafeBufferPointer(start: UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: UInt8.self),
                                               count: p.count * 4))
                #endif
            }
        }
        return out
    }

    /// Writes the file atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(try encoded(), to: url)
    }

    /// Reads and validates a file. Each tensor's bytes go from the file straight into its
    /// matrix, so reading holds the weights once (not the file's bytes and the weights).
    public init(contentsOf url: URL) throws {
        let path = url.path
        func failure(_ what: String) -> SafeTensorsError {
            SafeTensorsError(path: path, "cannot read the file (\(what): \(String(cString: strerror(errno)))); check the path")
        }
        // Non-blocking, so that a named pipe is refused below instead of waiting for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("stat") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SafeTensorsError(path: path, "is not a regular file; pass the path of a .safetensors file")
        }
        guard let byteCount = Int(exactly: info.st_size) else {
            throw SafeTensorsError(path: path, "is \(info.st_size) bytes, more than this machine can address")
        }
        try self.init(byteCount: byteCount, path: path) { offset, count, destination in
            var done = 0
            while done < count {
                let n = pread(fd, destination + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw n == 0 ? SafeTensorsError(path: path, "the file ended early (changed while reading?)") : failure("read") }
                done += n
            }
        }
    }

    /// Parses and validates the bytes of a file; `path` names it in errors.
    public init(data: Data, path: String = "<data>") throws {
        try self.init(byteCount: data.count, path: path) { offset, count, destination in
            data.withUnsafeBytes { raw in destination.copyMemory(from: raw.baseAddress! + offset, byteCount: count) }
        }
    }

    /// The reader behind both initializers: `read(offset, count, destination)` copies `count`
    /// bytes from `offset` of a file of `byteCount` bytes; every range asked for lies inside it.
    private init(byteCount: Int, path: String, read: (Int, Int, UnsafeMutableRawPointer) throws -> Void) throws {
        func fail(_ m: String) -> SafeTensorsError {
            SafeTensorsError(path: path, m + " — the file is not a valid safetensors file (truncated, corrupted, or another format)")
        }
        guard byteCount >= 8 else { throw fail("only \(byteCount) bytes, the 8-byte header length is missing") }
        var lengthBytes: UInt64 = 0
        try read(0, 8, &lengthBytes)
        let headerLength = UInt64(littleEndian: lengthBytes)
        guard headerLength <= UInt64(byteCount - 8) else {
            throw fail("the header claims \(headerLength) bytes but the file has \(byteCount - 8) after the length")
        }
        var headerData = Data(count: Int(headerLength))
        try headerData.withUnsafeMutableBytes { if let base = $0.baseAddress { try read(8, $0.count, base) } }
        guard let object = try? JSONSerialization.jsonObject(with: headerData), let header = object as? [String: Any] else {
            throw fail("the header is not a JSON object")
        }
        let dataStart = 8 + Int(headerLength)
        let dataLength = byteCount - dataStart
        var tensors: [String: Matrix] = [:]
        var metadata: [String: String] = [:]
        var ranges: [(Int, Int, String)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let m = value as? [String: Any] else { throw fail("__metadata__ is not a map of strings") }
                for (k, v) in m {
                    guard let s = v as? String else { throw fail("__metadata__[\(k)] is not a string") }
                    metadata[k] = s
                }
                continue
            }
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else {
                throw fail("tensor '\(name)' lacks dtype, shape or data_offsets")
            }
            guard dtype == "F32" else { throw fail("tensor '\(name)' has dtype \(dtype); only F32 is supported") }
            guard shape.count <= 2, shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor '\(name)' has shape \(shape); only 0-, 1- and 2-dimensional tensors are supported")
            }
            let (rows, cols) = shape.count == 2 ? (shape[0], shape[1]) : (1, shape.first ?? 1)
            let (begin, end) = (offsets[0], offsets[1])
            let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
            let (bytes, bytesOverflow) = count.multipliedReportingOverflow(by: 4)
            guard !overflow, !bytesOverflow, begin >= 0, end <= dataLength, begin <= end, end - begin == bytes else {
                throw fail("tensor '\(name)' has data_offsets [\(begin), \(end)] that do not fit shape \(shape) in \(dataLength) data bytes")
            }
            var m = Matrix(rows: rows, cols: cols)
            try m.withUnsafeMutableBufferPointer { p in
                guard let base = p.baseAddress else { return }
                try read(dataStart + begin, bytes, base)
                #if _endian(big)
                for i in 0..<count { p[i] = Float(bitPattern: UInt32(littleEndian: p[i].bitPattern)) }
                #endif
            }
            tensors[name] = m
            ranges.append((begin, end, name))
        }
        ranges.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var expected = 0
        for (begin, end, name) in ranges {
            guard begin == expected else { throw fail("tensor '\(name)' starts at \(begin), expected \(expected) (overlap or gap)") }
            expected = end
        }
        guard expected == dataLength else { throw fail("\(dataLength - expected) bytes after the last tensor") }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor `name`, or an error naming the file and the tensors it has.
    public func tensor(_ name: String, path: String = "<model>") throws -> Matrix {
        guard let m = tensors[name] else {
            throw SafeTensorsError(path: path, "no tensor '\(name)' (has: \(tensors.keys.sorted().joined(separator: ", ")))")
        }
        return m
    }
}
