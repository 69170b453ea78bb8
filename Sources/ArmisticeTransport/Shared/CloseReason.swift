import CLibWebSockets

/// Close-frame reason rules.
enum CloseReason {
    /// A close frame's reason has room for 123 bytes: cut at a character boundary.
    static func truncate(_ reason: String) -> String {
        guard reason.utf8.count > 123 else { return reason }
        var result = ""
        var size = 0
        for character in reason {
            let width = character.utf8.count
            if size + width > 123 { break }
            result.append(character)
            size += width
        }
        return result
    }

    /// Decodes a close frame payload: 2-byte big-endian code, then a UTF-8 reason.
    static func decode(_ payload: UnsafeRawBufferPointer) -> (code: UInt16?, reason: String) {
        guard payload.count >= 2 else { return (nil, "") }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        let reason = String(decoding: payload[2...], as: UTF8.self)
        return (code, reason)
    }

    /// Sets the close code and reason, and tells lws (by returning -1) to send the close frame and hang up.
    static func closeNow(_ wsi: OpaquePointer, code: UInt16, reason: String) -> Int32 {
        var bytes = Array(CloseReason.truncate(reason).utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            lws_close_reason(wsi, lws_close_status(rawValue: UInt32(code)), buffer.baseAddress, buffer.count)
        }
        return -1
    }
}
