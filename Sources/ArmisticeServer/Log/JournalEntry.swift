/// One line of the write-ahead journal: a match-log line and where it starts in its room's file.
///
/// On disk: `CRC CODE OFFSET JSON\n`, where `CRC` is 8 lowercase hex digits, the CRC-32 of the bytes after
/// `CRC ` up to (not including) the newline; `CODE` is the room code; `OFFSET` the decimal byte offset at which
/// the line starts in `matches/CODE.jsonl`; `JSON` the record exactly as written there (which adds `\n`).
struct JournalEntry: Equatable {
    var room: String
    var offset: Int
    /// The record's bytes, without the newline.
    var line: [UInt8]

    /// The bytes this entry puts in the room file: the record and its newline.
    var roomBytes: [UInt8] { line + [0x0A] }

    /// Appends one encoded entry (with its newline) to `buffer`.
    static func encode(room: String, offset: Int, line: String, into buffer: inout [UInt8]) {
        let crcAt = buffer.count
        buffer.append(contentsOf: "00000000 ".utf8)
        let bodyAt = buffer.count
        buffer.append(contentsOf: room.utf8)
        buffer.append(0x20)
        buffer.append(contentsOf: String(offset).utf8)
        buffer.append(0x20)
        buffer.append(contentsOf: line.utf8)
        var crc = CRC32.checksum(buffer[bodyAt...])
        for i in (0..<8).reversed() {
            buffer[crcAt + i] = hexDigits[Int(crc & 0xF)]
            crc >>= 4
        }
        buffer.append(0x0A)
    }

    /// Decodes one line (without its newline); nil if it is not a whole, intact entry.
    static func parse(_ bytes: ArraySlice<UInt8>) -> JournalEntry? {
        guard bytes.count > 9, bytes[bytes.startIndex + 8] == 0x20,
              let crc = UInt32(String(decoding: bytes.prefix(8), as: UTF8.self), radix: 16) else { return nil }
        let body = bytes.dropFirst(9)
        guard CRC32.checksum(body) == crc,
              let space1 = body.firstIndex(of: 0x20),
              let space2 = body[(space1 + 1)...].firstIndex(of: 0x20) else { return nil }
        let code = body[body.startIndex..<space1]
        let offsetDigits = body[(space1 + 1)..<space2]
        let line = body[(space2 + 1)...]
        guard !code.isEmpty, code.count <= 64, code.allSatisfy(isCodeByte),
              !offsetDigits.isEmpty, offsetDigits.count <= 18, offsetDigits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let offset = Int(String(decoding: offsetDigits, as: UTF8.self)),
              !line.isEmpty, !line.contains(0x0A) else { return nil }
        return JournalEntry(room: String(decoding: code, as: UTF8.self), offset: offset, line: Array(line))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Room codes are letters, digits, `-` and `_`: never a path separator.
    private static func isCodeByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }
}
