import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Just enough PNG decoding to count a screenshot's colours: 8-bit RGB or RGBA, not interlaced, inflated with zlib.
struct PNG {
    var width = 0
    var height = 0
    var channels = 0
    var pixels: [UInt8] = []

    struct Failure: Error { var reason: String }

    init(bytes: [UInt8]) throws {
        guard bytes.count > 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(reason: "not a PNG") }
        var i = 8
        var idat: [UInt8] = []
        func u32(_ k: Int) -> Int { Int(bytes[k]) << 24 | Int(bytes[k + 1]) << 16 | Int(bytes[k + 2]) << 8 | Int(bytes[k + 3]) }
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(bytes[(i + 8)..<(i + 8 + length)])
            if type == "IHDR" {
                width = u32(i + 8); height = u32(i + 12)
                guard data[8] == 8, data[12] == 0 else { throw Failure(reason: "only 8-bit, non-interlaced PNGs") }
                switch data[9] { case 2: channels = 3; case 6: channels = 4; default: throw Failure(reason: "colour type \(data[9])") }
            } else if type == "IDAT" {
                idat += data
            } else if type == "IEND" { break }
            i += 12 + length
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var size = UInt(raw.count)
        let uncompress = try Self.zlibUncompress()
        let status = raw.withUnsafeMutableBufferPointer { out in idat.withUnsafeBufferPointer { uncompress(out.baseAddress!, &size, $0.baseAddress!, UInt($0.count)) } }
        guard status == 0 else { throw Failure(reason: "zlib status \(status)") }
        pixels = [UInt8](repeating: 0, count: stride * height)
        var prev = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            var line = Array(raw[(y * (stride + 1) + 1)..<((y + 1) * (stride + 1))])
            for x in 0..<stride {
                let a = x >= channels ? Int(line[x - channels]) : 0
                let b = Int(prev[x])
                let c = x >= channels ? Int(prev[x - channels]) : 0
                let add: Int
                switch filter {
                case 1: add = a
                case 2: add = b
                case 3: add = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    add = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: add = 0
                }
                line[x] = UInt8(truncatingIfNeeded: Int(line[x]) + add)
            }
            pixels.replaceSubrange((y * stride)..<((y + 1) * stride), with: line)
            prev = line
        }
    }

    typealias Uncompress = @convention(c) (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt>, UnsafePointer<UInt8>, UInt) -> Int32

    /// zlib's `uncompress`, from the system library (Swift on Linux has no zlib module to import).
    static func zlibUncompress() throws -> Uncompress {
        guard let lib = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.so", RTLD_NOW), let symbol = dlsym(lib, "uncompress") else {
            throw Failure(reason: "zlib (libz.so.1) is not available")
        }
        return unsafeBitCast(symbol, to: Uncompress.self)
    }

    /// How many pixels of each RGB colour (0xRRGGBB).
    func colourCounts() -> [Int: Int] {
        var counts: [Int: Int] = [:]
        var k = 0
        while k + 2 < pixels.count {
            counts[Int(pixels[k]) << 16 | Int(pixels[k + 1]) << 8 | Int(pixels[k + 2]), default: 0] += 1
            k += channels
        }
        return counts
    }
}
