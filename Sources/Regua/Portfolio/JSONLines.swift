/// What a line of a JSON Lines portfolio is, in one place for ``Portfolio`` streams and
/// ``InvoiceLines``: where it ends, when it is too long, blank, or an invoice.
///
/// A line ends at `\n` (or at the end of the input); a `\r` just before its end is not part of
/// it. Its length — what ``Bounds/documentBytes`` bounds — excludes that `\r\n` or `\n`, so the
/// decision never depends on where a read happened to end.
enum JSONLines {
  /// What one line holds.
  enum Outcome {
    /// Only spaces and tabs, or nothing.
    case blank
    /// An invoice document that reads.
    case invoice(Invoice)
    /// An account document that reads.
    case account(Account)
    /// A line that cannot be planned.
    case problem(Portfolio.LineProblem)
  }

  /// The first `\n` at or after `start`, if any.
  @inline(__always)
  static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] == 0x0A { return index }
      index += 1
    }
    return nil
  }

  /// The line from `start` to `end` (its `\n`, or the end of the input), without a `\r` just
  /// before `end`.
  @inline(__always)
  static func content(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8>
  {
    var end = end
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Whether a line of which `count` bytes are read, without its end yet, is longer than a
  /// document may be whatever follows: more than ``Bounds/documentBytes`` bytes besides a last
  /// `\r` that a `\n` may still follow.
  static func isOverlong(unterminated count: Int, last: UInt8?) -> Bool {
    count > Bounds.documentBytes + 1 || (count == Bounds.documentBytes + 1 && last != 0x0D)
  }

  /// Reads one line's content (as ``content(in:from:to:)`` cuts it), numbered `number`.
  static func read(_ line: UnsafeBufferPointer<UInt8>, number: Int, hostChannels: Set<String>) -> Outcome {
    // The length first, so a long line is refused whatever it holds, as it is when its end has
    // not been read yet.
    if line.count > Bounds.documentBytes {
      return .problem(Portfolio.LineProblem(line: number, input: Portfolio.overlong))
    }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
    switch Document.read(line, hostChannels: hostChannels) {
    case .success(.invoice(let invoice)): return .invoice(invoice)
    case .success(.account(let account)): return .account(account)
    case .failure(let invalid): return .problem(Portfolio.LineProblem(line: number, input: invalid))
    }
  }
}
