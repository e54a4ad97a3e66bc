/// One time a step comes due for a subject: the unit the engine decides.
///
/// Most steps come due once per invoice; their occurrence has the key ``OccurrenceKey/single``
/// and its id is the step's id, as the pinned JSON has always written it. Steps that come due
/// several times (one series per broken promise, an installment, a repetition) have one
/// occurrence each, told apart by their key.
public struct Occurrence: Sendable, Hashable {
  /// The step's position in the cadence's declaration order.
  public let step: Int
  /// Which of the step's occurrences this is.
  public let key: OccurrenceKey
  /// The day it is scheduled for, after any calendar shifting.
  public let scheduled: CivilDate

  /// Creates an occurrence.
  public init(step: Int, key: OccurrenceKey = .single, scheduled: CivilDate) {
    self.step = step
    self.key = key
    self.scheduled = scheduled
  }

  /// The id recorded in histories and printed in plans: the step id, plus the key's suffix.
  ///
  /// `d+14-call` for a single occurrence; `p+1-call@2026-03-20` for the series of the promise
  /// dated 2026-03-20.
  public func id(stepID: String) -> String {
    key.suffix.map { stepID + $0 } ?? stepID
  }
}

/// What tells the occurrences of one step apart.
public enum OccurrenceKey: Sendable, Hashable, Comparable {
  /// The step comes due once: its id is the step id.
  case single
  /// The series of a broken promise to pay, by the promise's date (`@2026-03-20`).
  case promise(CivilDate)
  /// One installment of an agreement, numbered from 1 (`@installment-2`).
  case installment(Int)
  /// One repetition of a repeating step, numbered from 1 (`@3`).
  case repetition(Int)

  /// The text appended to the step id, `nil` for a single occurrence.
  public var suffix: String? {
    switch self {
    case .single: return nil
    case .promise(let date): return "@" + date.description
    case .installment(let number): return "@installment-\(number)"
    case .repetition(let number): return "@\(number)"
    }
  }

  /// Reads the suffix of an occurrence id (the text after `@`), or `nil` when it is none of the
  /// forms above.
  public init?(suffix text: Substring) {
    if let date = CivilDate(String(text)) {
      self = .promise(date)
    } else if text.hasPrefix("installment-"), let number = Int(text.dropFirst("installment-".count)), number > 0 {
      self = .installment(number)
    } else if let first = text.first, first.isNumber, let number = Int(text), number > 0 {
      self = .repetition(number)
    } else {
      return nil
    }
  }
}
