extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
  /// Parses an ISO-8601 calendar date, `YYYY-MM-DD`, and nothing else.
  ///
  /// Rejects other shapes (`2026-3-1`, `20260301`, a time part) and days that do not exist
  /// (`2026-02-30`, `2025-02-29`).
  public init?(_ description: String) {
    let bytes = Array(description.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = CivilDate.number(bytes[0..<4]),
      let month = CivilDate.number(bytes[5..<7]),
      let day = CivilDate.number(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Parses an ISO-8601 date, throwing a readable error for anything else.
  ///
  /// - Throws: ``CivilDateError`` naming what is wrong with `text`.
  public init(parsing text: String) throws(CivilDateError) {
    guard let date = CivilDate(text) else {
      if let shaped = CivilDate.shapedParts(text) {
        throw .noSuchDay(text, month: shaped.month, year: shaped.year)
      }
      throw .notADate(text)
    }
    self = date
  }

  /// Why `text` is not a date, or `nil` when it is one.
  static func parsingError(_ text: String) -> CivilDateError? {
    do {
      _ = try CivilDate(parsing: text)
      return nil
    } catch {
      return error
    }
  }

  /// The date as `YYYY-MM-DD`.
  ///
  /// Dates outside 0001–9999 (which Regua never computes: see ``isRepresentable``) are written
  /// in ISO 8601's expanded form, `+10000-01-01` or `-0001-12-31`, never as a garbled date.
  public var description: String {
    let (year, month, day) = components
    let rest = "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
    guard (1...9999).contains(year) else {
      return (year < 0 ? "-" : "+") + CivilDate.pad(Int(year.magnitude), 4) + rest
    }
    return CivilDate.pad(year, 4) + rest
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func shapedParts(_ text: String) -> (year: Int, month: Int)? {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), number(bytes[8..<10]) != nil
    else { return nil }
    return (year, month)
  }
}

/// Why a text is not an ISO-8601 date.
public enum CivilDateError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not shaped `YYYY-MM-DD`.
  case notADate(String)
  /// The text is shaped like a date but names a day that does not exist.
  case noSuchDay(String, month: Int, year: Int)
  /// The text is an offset that counts more days from its anchor than an offset may.
  case offsetTooFar(String, maximum: Int)
  /// The text is an offset, but it names no date of this invoice (it falls outside 0001–9999).
  case noDateForOffset(String)

  /// A sentence for people, saying what is expected.
  public var description: String {
    switch self {
    case .notADate(let text):
      return "`\(SafeText.excerpt(text))` is not a date; write it as YYYY-MM-DD, e.g. `2026-03-10`"
    case .noSuchDay(let text, let month, let year):
      guard (1...12).contains(month), (1...9999).contains(year) else {
        return "`\(SafeText.excerpt(text))` is not a date: the month must be 01 to 12 and the year 0001 to 9999"
      }
      return
        "`\(SafeText.excerpt(text))` does not exist: that month has \(CivilDate.daysIn(month: month, year: year)) days"
    case .offsetTooFar(let text, let maximum):
      return "`\(SafeText.excerpt(text))` is more than \(maximum) days from its anchor"
    case .noDateForOffset(let text):
      return "`\(SafeText.excerpt(text))` names no date of this invoice: it falls outside 0001-01-01…9999-12-31"
    }
  }
}
