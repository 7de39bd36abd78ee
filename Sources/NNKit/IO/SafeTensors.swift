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

    /// Reads and validates a file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw SafeTensorsError(path: url.path, "cannot read the file (\(error.localizedDescription)); check the path")
        }
        try self.init(data: data, path: url.path)
    }

    /// Parses and validates the bytes of a file; `path` names it in errors.
    public init(data: Data, path: String = "<data>") throws {
        func fail(_ m: String) -> SafeTensorsError {
            SafeTensorsError(path: path, m + " — the file is not a valid safetensors file (truncated, corrupted, or another format)")
        }
        guard data.count >= 8 else { throw fail("only \(data.count) bytes, the 8-byte header length is missing") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | (UInt64($1.element) << (8 * UInt64($1.offset))) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw fail("the header claims \(headerLength) bytes but the file has \(data.count - 8) after the length")
        }
        let headerData = data.subdata(in: (data.startIndex + 8)..<(data.startIndex + 8 + Int(headerLength)))
        guard let object = try? JSONSerialization.jsonObject(with: headerData), let header = object as? [String: Any] else {
            throw fail("the header is not a JSON object")
        }
        let dataStart = 8 + Int(headerLength)
        let dataLength = data.count - dataStart
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
            guard !overflow, begin >= 0, end <= dataLength, begin <= end, end - begin == 4 * count else {
                throw fail("tensor '\(name)' has data_offsets [\(begin), \(end)] that do not fit shape \(shape) in \(dataLength) data bytes")
            }
            var m = Matrix(rows: rows, cols: cols)
            m.withUnsafeMutableBufferPointer { p in
                data.withUnsafeBytes { raw in
                    let src = raw.baseAddress! + dataStart + begin
                    for i in 0..<count {
                        p[i] = Float(bitPattern: UInt32(littleEndian: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    }
                }
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
