/// When each step of a cadence comes due for one invoice: the one place offsets become dates.
///
/// The engine, the simulator, `test` blocks and `ReguaTesting` all read dates from a schedule,
/// so they can never disagree on the day a step lands, calendars and shifting included. It is
/// computed once per cadence, invoice and environment, and depends on none of the invoice's
/// dated facts (payments, history), so a simulation reuses one schedule for every day it
/// evaluates.
///
/// - `I+N` counts from the issue date; `D-N` from the stated due date; `D0` and `D+N` from the
///   effective due date (the first business day on or after the due date).
/// - A date that is not a business day moves to the next business day.
/// - A step whose date would fall outside 0001-01-01…9999-12-31 has no occurrence: it never
///   comes due for that invoice (as a promise step never comes due without a promise).
public struct Schedule: Sendable, Hashable {
  /// The invoice's issue date.
  public let issued: CivilDate
  /// The invoice's stated due date.
  public let due: CivilDate
  /// The first business day on or after the due date: `D0` and `D+N` count from it, and so
  /// does `days-overdue`.
  public let effectiveDue: CivilDate
  /// Every occurrence, ordered by scheduled date, then declaration order.
  public private(set) var occurrences: [Occurrence]
  /// The calendar that moves dates.
  let calendar: BusinessCalendar

  /// Resolves every step of `cadence` for `invoice`.
  public init(cadence: Cadence, invoice: Invoice, environment: Environment = .standard) {
    issued = invoice.issued
    due = invoice.due
    calendar = environment.calendar(named: cadence.calendar)
    effectiveDue = calendar.businessDay(onOrAfter: invoice.due) ?? invoice.due
    var occurrences: [Occurrence] = []
    occurrences.reserveCapacity(cadence.steps.count)
    for (index, step) in cadence.steps.enumerated() {
      if let day = Schedule.date(of: step.offset, issued: issued, due: due, effectiveDue: effectiveDue, calendar) {
        occurrences.append(Occurrence(step: index, scheduled: day))
      }
    }
    occurrences.sort { ($0.scheduled, $0.step) < ($1.scheduled, $1.step) }
    self.occurrences = occurrences
  }

  /// The index of the occurrence of step `step` that the history id `id` names (the step id for
  /// a single occurrence, the step id and a key suffix otherwise), or `nil`.
  func occurrence(ofStep step: Int, id: String) -> Int? {
    var key = OccurrenceKey.single
    if let at = id.utf8.firstIndex(of: UInt8(ascii: "@")) {
      guard let suffix = OccurrenceKey(suffix: id[id.index(after: at)...]) else { return nil }
      key = suffix
    }
    return occurrences.firstIndex { $0.step == step && $0.key == key }
  }

  /// The date an offset names for this invoice, as a step at that offset would be scheduled;
  /// `nil` for a promise offset or a date past the representable range.
  public func date(of offset: Offset) -> CivilDate? {
    Schedule.date(of: offset, issued: issued, due: due, effectiveDue: effectiveDue, calendar)
  }

  /// The date a text names: an ISO date as is, or an offset (`D+14`, `D-3`, `D0`, `I+5`).
  ///
  /// - Throws: ``CivilDateError/notADate(_:)`` when the text is neither, or names no date.
  public func date(at text: String) throws(CivilDateError) -> CivilDate {
    if let date = CivilDate(text) { return date }
    guard let offset = Offset(text) else {
      if text.count == 10 { return try CivilDate(parsing: text) }
      throw .notADate(text)
    }
    guard let date = date(of: offset) else { throw .notADate(text) }
    return date
  }

  private static func date(
    of offset: Offset, issued: CivilDate, due: CivilDate, effectiveDue: CivilDate, _ calendar: BusinessCalendar
  ) -> CivilDate? {
    let base: CivilDate
    switch offset.anchor {
    case .issue: base = issued
    case .due: base = offset.days < 0 ? due : effectiveDue
    case .promise: return nil
    }
    let day = base.adding(days: offset.days)
    guard day.isRepresentable else { return nil }
    return calendar.businessDay(onOrAfter: day)
  }
}
