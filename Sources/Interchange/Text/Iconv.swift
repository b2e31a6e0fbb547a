#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion between character encodings with the C library's `iconv`, the converter every
/// Linux system already has; Swift's own `String` knows only the Unicode encodings, and
/// GB18030 (国家标准 GB 18030, what Excel on a Chinese Windows writes) is not one of them.
enum Iconv {
    /// The result of one conversion.
    enum Outcome {
        /// All bytes converted.
        case converted([UInt8])
        /// The input is not valid in the source encoding from this byte offset on.
        case invalid(offset: Int)
        /// This system's `iconv` does not know one of the encodings (e.g. no gconv modules).
        case unavailable
    }

    /// Converts `bytes` from encoding `source` to encoding `target` (names as `iconv` spells them).
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> Outcome {
        guard let converter = iconv_open(target, source), converter != iconv_t(bitPattern: -1) else {
            return .unavailable
        }
        defer { iconv_close(converter) }
        // GB18030 ↔ UTF-8 grows text by at most 3/2 (two bytes become three); start there
        // and grow on E2BIG rather than trust the bound.
        var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 2 + 16)
        var written = 0
        return bytes.withUnsafeBufferPointer { input -> Outcome in
            // iconv takes `char **` but never writes through the input pointer.
            var inPointer = UnsafeMutablePointer<CChar>(mutating: input.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) })
            var inLeft = input.count
            while true {
                let result = output.withUnsafeMutableBufferPointer { out -> Int in
                    let start = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = start + written
                    var outLeft = out.count - written
                    defer { written = out.count - outLeft }
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                if result != -1 {
                    output.removeLast(output.count - written)
                    return .converted(output)
                }
                guard errno == E2BIG else { return .invalid(offset: input.count - inLeft) }
                output.append(contentsOf: repeatElement(0, count: output.count))
            }
        }
    }
}
