/// The bytes of a JSON text being written: pieces are appended as UTF-8, with no `String` built
/// for dates, integers or the text between values.
///
/// The caller writes the structure (`{`, keys, `,`) as literals, in the order it pins; the
/// buffer writes the values: strings escaped as ``JSONValue`` escapes them, dates as
/// `CivilDate.description` writes them, integers as `String(_:)` does.
struct JSONBuffer {
  /// What was written so far.
  private(set) var bytes: [UInt8] = []

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// The text written, as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends `literal` as is: JSON punctuation and keys, or a value that needs no escape.
  @inline(__always)
  mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends `text` as is: a value known to need no escape (an action's or a reason's name).
  mutating func appendPlain(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends `value` as a JSON string (see ``JSONValue/writeString(_:to:)``).
  mutating func append(string value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Most strings need no escape: one scan over the bytes finds that out, and they are
    // appended whole.
    let appended = value.utf8.withContiguousStorageIfAvailable { utf8 in
      guard JSONValue.isPlain(utf8) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if appended != true { JSONValue.appendEscaped(value, to: &bytes) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `value` as a JSON string, or `null`.
  mutating func append(string value: String?) {
    if let value { append(string: value) } else { append("null") }
  }

  /// Appends `date` as a JSON string, `"YYYY-MM-DD"`: the bytes of its `description`.
  mutating func append(date: CivilDate) {
    bytes.append(UInt8(ascii: "\""))
    let (year, month, day) = date.components
    if (1...9999).contains(year) {
      appendDigits(year, width: 4)
      bytes.append(UInt8(ascii: "-"))
      appendDigits(month, width: 2)
      bytes.append(UInt8(ascii: "-"))
      appendDigits(day, width: 2)
    } else {
      // ISO 8601's expanded form, which Regua never computes: see `CivilDate.description`.
      appendPlain(date.description)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `instant` as a JSON string, `"YYYY-MM-DDTHH:MM:SSZ"`: the bytes of its
  /// `description`.
  mutating func append(instant: Instant) {
    let date = instant.utcDate
    guard (1...9999).contains(date.components.year) else {
      append(string: instant.description)
      return
    }
    append(date: date)
    bytes.removeLast()
    let second = instant.utcSecondOfDay
    bytes.append(UInt8(ascii: "T"))
    appendDigits(second / 3600, width: 2)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(second / 60 % 60, width: 2)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(second % 60, width: 2)
    bytes.append(UInt8(ascii: "Z"))
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `date` as a JSON string, or `null`.
  mutating func append(date: CivilDate?) {
    if let date { append(date: date) } else { append("null") }
  }

  /// Appends `value` as a JSON number: the bytes of `String(value)`.
  mutating func append(int value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  /// Appends an amount as a JSON string of its decimal digits, with exactly the currency's
  /// minor digits: the bytes of `"\(money.amountString)"` (`"1030.00"`, `"0.00"`, `"-5"`).
  mutating func append(money: Money) {
    bytes.append(UInt8(ascii: "\""))
    if money.minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = money.minorUnits.magnitude
    let scale = money.currency.minorUnits
    let start = bytes.count
    var written = 0
    repeat {
      if written == scale, scale > 0 { bytes.append(UInt8(ascii: ".")) }
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
      written += 1
    } while magnitude > 0 || written <= scale
    bytes[start...].reverse()
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `value` as a JSON number, or `null`.
  mutating func append(int value: Int?) {
    if let value { append(int: value) } else { append("null") }
  }

  /// Appends the `width` decimal digits of `value` (`0 ≤ value < 10^width`), zeros first.
  @inline(__always)
  private mutating func appendDigits(_ value: Int, width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
