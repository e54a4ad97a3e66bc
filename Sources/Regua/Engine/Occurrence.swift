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

  /// The id recorded in histories and printed in plans: the step id, plus the key's suffix
  /// (``OccurrenceID``).
  ///
  /// `d+14-call` for a single occurrence; `p+1-call@2026-03-20` for the series of the promise
  /// dated 2026-03-20.
  public func id(stepID: String) -> String {
    OccurrenceID(step: stepID, key: key).description
  }
}

/// An occurrence's id, taken apart: the step id, and the key that tells the step's occurrences
/// apart — `d+14-call` is step `d+14-call`, single; `p+1-call@2026-03-20` is step `p+1-call`,
/// the series of the promise dated 2026-03-20.
///
/// The one place the id's form is known: ``Occurrence/id(stepID:)`` writes it through
/// ``description``, and the history ledger, the schedule and the simulator read histories and
/// plans back through ``init(_:)`` or, on the engine's path, through internal readers of the
/// step's and the key's text that read the UTF-8 bytes in place and allocate nothing.
///
/// ```swift
/// let id = OccurrenceID("p+1-call@2026-03-20")
/// id?.step         // "p+1-call"
/// id?.key          // .promise(2026-03-20)
/// id?.description  // "p+1-call@2026-03-20"
/// ```
public struct OccurrenceID: Sendable, Hashable, CustomStringConvertible {
  /// The step's id.
  public var step: String
  /// Which of the step's occurrences.
  public var key: OccurrenceKey

  /// Creates the id of an occurrence of step `step`.
  public init(step: String, key: OccurrenceKey = .single) {
    self.step = step
    self.key = key
  }

  /// Reads an id: text without `@` names a step's single occurrence; text with one names the
  /// step before the first `@` and the key after it.
  ///
  /// - Parameter text: An id as a plan prints it and a history records it.
  /// - Returns: `nil` when the text after `@` is none of ``OccurrenceKey``'s forms.
  public init?(_ text: String) {
    guard let key = OccurrenceID.keyPart(of: text) else {
      self.init(step: text)
      return
    }
    guard let key = OccurrenceKey(suffix: key) else { return nil }
    self.init(step: String(OccurrenceID.stepPart(of: text)), key: key)
  }

  /// The id as plans print it and histories record it: the step id, plus the key's suffix.
  public var description: String {
    key.suffix.map { step + $0 } ?? step
  }

  /// The step id of an id, read in place: the text before the first `@`, or all of it
  /// (`p+1-call@2026-03-20` → `p+1-call`).
  static func stepPart(of id: String) -> Substring {
    guard let at = separator(in: id) else { return id[...] }
    return id[..<at]
  }

  /// The key's text of an id, read in place: the text after the first `@`, or `nil` without
  /// one (`p+1-call@2026-03-20` → `2026-03-20`).
  static func keyPart(of id: String) -> Substring? {
    guard let at = separator(in: id) else { return nil }
    return id[id.utf8.index(after: at)...]
  }

  /// Whether an id carries a key (`p+1-call@2026-03-20`).
  static func hasKey(_ id: String) -> Bool {
    separator(in: id) != nil
  }

  /// Where the first `@` is, found in the UTF-8 bytes without copying them.
  private static func separator(in id: String) -> String.Index? {
    var bytes = id
    guard let offset = bytes.withUTF8({ $0.firstIndex(of: UInt8(ascii: "@")) }) else { return nil }
    return id.utf8.index(id.utf8.startIndex, offsetBy: offset)
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
