extension LocalTime: CustomStringConvertible, LosslessStringConvertible {
  /// Parses `HH:MM` — two digits, a colon, two digits — and nothing else.
  ///
  /// ```swift
  /// LocalTime("08:00")    // 08:00
  /// LocalTime("24:00")    // 24:00, the end of the day
  /// LocalTime("8:00")     // nil: the hour takes two digits
  /// LocalTime("08:60")    // nil
  /// ```
  public init?(_ description: String) {
    guard case .success(let time) = LocalTime.parse(description) else { return nil }
    self = time
  }

  /// Parses `HH:MM`, throwing an error that says what is wrong and how to write it.
  ///
  /// ```swift
  /// try LocalTime(parsing: "21:00")   // 21:00
  /// try LocalTime(parsing: "25:00")   // throws LocalTimeError.hourOutOfRange("25:00")
  /// ```
  ///
  /// - Throws: ``LocalTimeError`` naming what is wrong with `text`.
  public init(parsing text: String) throws(LocalTimeError) {
    switch LocalTime.parse(text) {
    case .success(let time): self = time
    case .failure(let error): throw error
    }
  }

  /// The time as `HH:MM`: `08:00`, `24:00`.
  public var description: String {
    LocalTime.twoDigits(hour) + ":" + LocalTime.twoDigits(minute)
  }

  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }

  private static func parse(_ text: String) -> Result<LocalTime, LocalTimeError> {
    let bytes = Array(text.utf8.prefix(6))
    guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let hour = number(bytes[0..<2]),
      let minute = number(bytes[3..<5])
    else { return .failure(.notATime(text, suggestion: suggestion(for: text))) }
    guard hour <= 24 else { return .failure(.hourOutOfRange(text)) }
    guard minute <= 59 else { return .failure(.minuteOutOfRange(text)) }
    guard hour < 24 || minute == 0 else { return .failure(.pastEndOfDay(text)) }
    return .success(LocalTime(unchecked: hour * 60 + minute))
  }

  /// The value of one or two ASCII digits, or `nil`.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard (1...2).contains(digits.count) else { return nil }
    var value = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// The time a short spelling seems to mean — `08:00` for `8:00` or `8`, `08:30` for `8:30` —
  /// when it is a valid time, or `nil`.
  private static func suggestion(for text: String) -> LocalTime? {
    let bytes = Array(text.utf8.prefix(6))
    let parts = bytes.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
    guard let hour = number(parts[0]) else { return nil }
    guard parts.count == 2 else { return LocalTime(hour: hour, minute: 0) }
    guard parts[1].count == 2, let minute = number(parts[1]) else { return nil }
    return LocalTime(hour: hour, minute: minute)
  }
}

/// Why a text is not a local time `HH:MM`, with the text, for a message.
///
/// ```swift
/// do {
///   _ = try LocalTime(parsing: "8:00")
/// } catch {
///   error.description   // "`8:00` is not a time; write it as HH:MM: did you mean `08:00`?"
/// }
/// ```
public enum LocalTimeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not shaped `HH:MM`; `suggestion` is the time it seems to mean (`08:00` for
  /// `8:00`), when there is one.
  case notATime(String, suggestion: LocalTime?)
  /// The hour is more than 24 (`25:00`).
  case hourOutOfRange(String)
  /// The minute is more than 59 (`08:60`).
  case minuteOutOfRange(String)
  /// The hour is 24 and the minute is not 0 (`24:30`): `24:00` is the last time of a day.
  case pastEndOfDay(String)

  /// The text that failed to parse.
  public var text: String {
    switch self {
    case .notATime(let text, _), .hourOutOfRange(let text), .minuteOutOfRange(let text), .pastEndOfDay(let text):
      return text
    }
  }

  /// A sentence for people: what is wrong, and how to write a time.
  public var description: String {
    let quoted = "`\(SafeText.excerpt(text))`"
    switch self {
    case .notATime(_, let suggestion):
      guard let suggestion else { return "\(quoted) is not a time; write it as HH:MM, e.g. `08:00`" }
      return "\(quoted) is not a time; write it as HH:MM: did you mean `\(suggestion)`?"
    case .hourOutOfRange:
      return "\(quoted) is not a time: the hour must be 00 to 23 (or 24:00, the end of the day)"
    case .minuteOutOfRange:
      return "\(quoted) is not a time: the minute must be 00 to 59"
    case .pastEndOfDay:
      return "\(quoted) is past the end of the day: the latest time is `24:00`"
    }
  }
}
