/// Turns byte offsets in one line into the 1-based character columns diagnostics show, in time
/// proportional to the line's length however many offsets are asked for.
///
/// A column is one more than the number of characters (extended grapheme clusters) in the text
/// before the offset, decoded on its own — exactly `String(decoding: line[..<offset]).count + 1`.
/// Counting that prefix for every token is quadratic on a long line of non-ASCII text, so the
/// converter keeps a *checkpoint*: an offset it has already counted up to that sits between two
/// ASCII characters (neither a carriage return). There is always a character boundary there,
/// and no boundary rule looks back across it, so the characters before and after it can be
/// counted separately. The lexer asks for token boundaries in increasing order, and every token
/// boundary but the one of a lexical error sits between ASCII characters, so each byte of a line
/// is decoded about once; an offset before the checkpoint restarts from the line's start.
struct LineColumns {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let isASCII: Bool
  private var checkpoint = 0
  private var checkpointCharacters = 0
  /// Bytes decoded to count characters, for the scaling tests.
  private(set) var bytesDecoded = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    var ascii = true
    for byte in bytes where byte >= 0x80 {
      ascii = false
      break
    }
    self.isASCII = ascii
  }

  /// The 1-based column of the character that starts at byte `offset` (clamped to the line).
  mutating func column(at offset: Int) -> Int {
    let offset = min(max(offset, 0), bytes.count)
    if isASCII { return offset + 1 }
    if offset < checkpoint {
      checkpoint = 0
      checkpointCharacters = 0
    }
    // The last safe split at or before `offset`, after the checkpoint.
    var split = offset
    while split > checkpoint, !isSafeSplit(split) { split -= 1 }
    let before = checkpointCharacters + characters(checkpoint, split)
    checkpoint = split
    checkpointCharacters = before
    return before + characters(split, offset) + 1
  }

  private func isSafeSplit(_ offset: Int) -> Bool {
    guard offset > 0, offset < bytes.count else { return offset == 0 }
    let previous = bytes[offset - 1]
    return previous < 0x80 && previous != UInt8(ascii: "\r") && bytes[offset] < 0x80
  }

  private mutating func characters(_ start: Int, _ end: Int) -> Int {
    guard end > start else { return 0 }
    bytesDecoded += end - start
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).count
  }
}
