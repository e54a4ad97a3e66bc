/// A date as a person writes it in a test or on the command line: a calendar date, or an offset
/// of the invoice (`D+14`, `D-3`, `D0`, `I+5`) that the cadence's ``Schedule`` resolves exactly
/// as it resolves a step's date.
public enum DateReference: Sendable, Hashable, CustomStringConvertible {
  /// A calendar date, taken as is.
  case date(CivilDate)
  /// An offset, resolved like a step's date.
  case offset(Offset)

  /// Reads `2026-03-24` or an offset such as `D+14`.
  ///
  /// - Throws: ``CivilDateError`` when the text is neither (a malformed date says what is wrong
  ///   with it).
  public init(parsing text: String) throws(CivilDateError) {
    if let date = CivilDate(text) {
      self = .date(date)
    } else if let offset = Offset(text) {
      self = .offset(offset)
    } else if text.count == 10 {
      self = .date(try CivilDate(parsing: text))
    } else if let parts = Offset.parts(of: text), parts.days.magnitude > Offset.maximumDays {
      throw .offsetTooFar(text, maximum: Offset.maximumDays)
    } else {
      throw .notADate(text)
    }
  }

  /// The date or the offset, written canonically.
  public var description: String {
    switch self {
    case .date(let date): return date.description
    case .offset(let offset): return offset.description
    }
  }
}
