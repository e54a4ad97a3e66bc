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
/// - A contact whose channel's `window` lines do not open on its date moves to the next day they
///   open (and, unless `any day`, is a business day too).
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
  /// The calendar that moves dates; `nil` when it moves none.
  let calendar: BusinessCalendar?
  /// The cadence's send windows, which move contacts to days their channel opens, shared by
  /// every schedule of the cadence; `nil` when it has none.
  let windows: SharedWindows?
  /// The indices of the occurrences with a key, sorted by step and key (empty while every step
  /// comes due once).
  private var keyed: [Int] = []

  /// Resolves every step of `cadence` for `invoice`.
  ///
  /// - Throws: ``EnvironmentError`` when the cadence names a calendar the environment does not
  ///   have.
  public init(cadence: Cadence, invoice: Invoice, environment: Environment = .standard) throws(EnvironmentError) {
    self = try Evaluator(cadence, environment: environment).schedule(for: invoice)
  }

  /// The schedule of a cadence without steps or calendar for `invoice`: offsets resolved as the
  /// plain day counts they are (`D+14` is the due date + 14).
  static func plain(for invoice: borrowing Invoice) -> Schedule {
    Schedule(steps: StepOrder(Cadence(name: ""), windows: .none), invoice: invoice, calendar: .none, windows: nil)
  }

  /// Resolves steps laid out in date order once per cadence: without a calendar that moves
  /// dates, the occurrences come out sorted by merging the due-date and issue-date steps, with
  /// no sorting per invoice.
  init(steps order: StepOrder, invoice: borrowing Invoice, calendar: BusinessCalendar, windows: SharedWindows?) {
    self.init(steps: order, issued: invoice.issued, due: invoice.due, calendar: calendar, windows: windows)
  }

  /// The schedule of an invoice issued on `issued` and due on `due`: all a schedule reads of it.
  init(steps order: StepOrder, issued: CivilDate, due: CivilDate, calendar: BusinessCalendar, windows: SharedWindows?) {
    self.issued = issued
    self.due = due
    let calendar = calendar.movesNothing ? nil : calendar
    self.calendar = calendar
    self.windows = windows
    effectiveDue = calendar?.businessDay(onOrAfter: due) ?? due
    var occurrences: [Occurrence] = []
    occurrences.reserveCapacity(order.due.count + order.issue.count)
    // Merge the two anchors' steps by (date, declaration index); a step whose date falls out of
    // the representable range has no occurrence.
    let (issued, due, effectiveDue) = (issued, due, effectiveDue)
    func day(_ step: StepOrder.Entry) -> Int? {
      Schedule.date(
        of: step.offset, shifted: !step.anyDay, opens: step.opens, issued: issued, due: due,
        effectiveDue: effectiveDue, calendar)?
        .daysSinceEpoch
    }
    var (i, j) = (0, 0)
    var nextDue = Int.max
    var nextIssue = Int.max
    while i < order.due.count || j < order.issue.count {
      if nextDue == .max, i < order.due.count {
        guard let day = day(order.due[i]) else {
          i += 1
          continue
        }
        nextDue = day
      }
      if nextIssue == .max, j < order.issue.count {
        guard let day = day(order.issue[j]) else {
          j += 1
          continue
        }
        nextIssue = day
      }
      if i < order.due.count,
        j == order.issue.count || (nextDue, order.due[i].index) < (nextIssue, order.issue[j].index)
      {
        occurrences.append(Occurrence(step: order.due[i].index, scheduled: CivilDate(daysSinceEpoch: nextDue)))
        (i, nextDue) = (i + 1, .max)
      } else {
        occurrences.append(Occurrence(step: order.issue[j].index, scheduled: CivilDate(daysSinceEpoch: nextIssue)))
        (j, nextIssue) = (j + 1, .max)
      }
    }
    if calendar != nil || order.hasWindows {
      if order.shiftingKeepsOrder {
        // Moving a day to the next business day never moves it before an earlier one, so the
        // merge is in date order already; only steps moved onto one day may be out of
        // declaration order, and each such run is put right: O(steps), no sort per invoice.
        var start = 0
        while start < occurrences.count {
          var end = start + 1
          while end < occurrences.count, occurrences[end].scheduled == occurrences[start].scheduled { end += 1 }
          if end - start > 1 { occurrences[start..<end].sort { $0.step < $1.step } }
          start = end
        }
      } else {
        // Business-day offsets, `any day` steps and windows do not move with their neighbours.
        occurrences.sort { ($0.scheduled, $0.step) < ($1.scheduled, $1.step) }
      }
    }
    self.occurrences = occurrences
    if occurrences.contains(where: { $0.key != .single }) {
      keyed = occurrences.indices.filter { occurrences[$0].key != .single }.sorted {
        (occurrences[$0].step, occurrences[$0].key) < (occurrences[$1].step, occurrences[$1].key)
      }
    }
  }

  /// The index of the keyed occurrence of step `step` that the history id `id` names (the step
  /// id and a key suffix, `p+1-call@2026-03-20`), or `nil`. (The ledger places single
  /// occurrences itself.)
  ///
  /// Costs no search while every occurrence is single (so a history of ids with made-up keys
  /// costs nothing per entry); keyed occurrences, when steps produce them, are found by a binary
  /// search of ``keyed``.
  func occurrence(ofStep step: Int, id: String) -> Int? {
    guard let suffix = OccurrenceID.keyPart(of: id), let key = OccurrenceKey(suffix: suffix) else { return nil }
    var low = 0
    var high = keyed.count
    while low < high {
      let middle = (low + high) / 2
      let candidate = occurrences[keyed[middle]]
      if (candidate.step, candidate.key) < (step, key) { low = middle + 1 } else { high = middle }
    }
    guard low < keyed.count, occurrences[keyed[low]].step == step, occurrences[keyed[low]].key == key else {
      return nil
    }
    return keyed[low]
  }

  /// The date an offset names for this invoice, as a step at that offset would be scheduled;
  /// `nil` for a promise offset or a date past the representable range.
  public func date(of offset: Offset) -> CivilDate? {
    Schedule.date(
      of: offset, shifted: true, opens: .everyDay, issued: issued, due: due, effectiveDue: effectiveDue, calendar)
  }

  /// The date `step` is scheduled for this invoice: its offset's date, kept on a non-business
  /// day when the step has `any day`, moved to a day its channel's window opens; `nil` as for
  /// ``date(of:)``.
  public func date(of step: Step) -> CivilDate? {
    return Schedule.date(
      of: step.offset, shifted: !step.anyDay, opens: windows?.windows.openDays(of: step) ?? .everyDay, issued: issued,
      due: due,
      effectiveDue: effectiveDue, calendar)
  }

  /// The date a text names: an ISO date as is, or an offset (`D+14`, `D-3`, `D0`, `I+5`).
  ///
  /// - Throws: ``CivilDateError`` when the text is neither, or names no date of this invoice.
  public func date(at text: String) throws(CivilDateError) -> CivilDate {
    guard let date = try DateReference(parsing: text).resolve(in: self) else { throw .noDateForOffset(text) }
    return date
  }

  /// The date `offset` names from these anchors: moved to the next business day when `shifted`
  /// (a business-day offset's day is one already), then, for a channel that opens only on
  /// `opens`, to the next day it opens; `nil` as for ``date(of:)``.
  static func date(
    of offset: Offset, shifted: Bool, opens: WeekdaySet = .everyDay, issued: CivilDate, due: CivilDate,
    effectiveDue: CivilDate,
    _ calendar: BusinessCalendar?
  ) -> CivilDate? {
    let base: CivilDate
    switch offset.anchor {
    case .issue: base = issued
    case .due: base = offset.days < 0 ? due : effectiveDue
    case .promise: return nil
    }
    let named: CivilDate
    if offset.unit == .businessDays, let calendar {
      // The n-th business day after (before) the anchor: a business day already.
      guard let counted = calendar.date(byAdding: offset.days, businessDaysTo: base) else { return nil }
      named = counted
    } else {
      named = CivilDate(daysSinceEpoch: base.daysSinceEpoch.saturatingAdding(offset.days))
      guard named.isRepresentable else { return nil }
    }
    guard let calendar, shifted else {
      return opens == .everyDay ? named : opening(onOrAfter: named, opens: opens, calendar: nil)
    }
    guard opens != .everyDay else { return calendar.businessDay(onOrAfter: named) }
    return opening(onOrAfter: named, opens: opens, calendar: calendar)
  }

  /// The first day on or after `day` that, with a calendar, is a business day and on which a
  /// channel opening on `opens` opens; when no such day comes (a window only on days the
  /// calendar closes, say), the first day on or after `day` the window opens. `nil` past
  /// 9999-12-31.
  private static func opening(onOrAfter day: CivilDate, opens: WeekdaySet, calendar: BusinessCalendar?) -> CivilDate? {
    func open(_ day: CivilDate) -> CivilDate {
      day.adding(days: opens.daysUntilNext(onOrAfter: day.weekday) ?? 0)
    }
    let first = open(day)
    guard let calendar else { return first.isRepresentable ? first : nil }
    var candidate = day
    // Each turn moves to the next business day, then to the next opening, at least a day at a
    // time until both agree: the first day that is both is reached in a few turns; 60 turns
    // span at least two months.
    for _ in 0..<60 {
      guard let business = calendar.businessDay(onOrAfter: candidate) else { return nil }
      let opening = open(business)
      guard opening != business else { return opening.isRepresentable ? opening : nil }
      candidate = opening
    }
    return first.isRepresentable ? first : nil
  }
}

/// A cadence's steps by anchor, each list sorted by offset then declaration order: the order
/// their dates take for any invoice, computed once per cadence.
struct StepOrder: Sendable {
  /// Steps counted from the due date.
  let due: [Entry]
  /// Steps counted from the issue date.
  let issue: [Entry]

  /// A step's place in the cadence, its offset, whether it stays on a non-business day, and the
  /// weekdays its channel opens (every day for a step no window restricts).
  typealias Entry = (index: Int, offset: Offset, anyDay: Bool, opens: WeekdaySet)
  /// Whether moving every step to the next business day keeps each list in date order: no
  /// step counts business days, keeps its day (`any day`) or waits for a window.
  let shiftingKeepsOrder: Bool
  /// Whether a window restricts some step.
  let hasWindows: Bool

  /// Lays out a cadence's steps for `calendar`: a window that opens on every weekday a business
  /// day of the calendar can fall on never moves a step the calendar has moved to a business
  /// day, so such a step is laid out as unrestricted (with `BR` or `US`, `mon-fri` windows move
  /// nothing, and the schedule keeps its O(steps) order).
  init(_ cadence: Cadence, windows: SendWindows, calendar: BusinessCalendar = .none) {
    var due: [Entry] = []
    var issue: [Entry] = []
    // The weekdays a business day may fall on; `nil` when every day is one.
    let businessWeekdays =
      calendar.movesNothing
      ? nil : WeekdaySet(Weekday.allCases.filter { !calendar.weekend.contains($0) } + calendar.workdays.map(\.weekday))
    for (index, step) in cadence.steps.enumerated() {
      var opens = windows.openDays(of: step)
      if !step.anyDay, let businessWeekdays, opens.rawValue & businessWeekdays.rawValue == businessWeekdays.rawValue {
        opens = .everyDay
      }
      switch step.offset.anchor {
      case .due: due.append((index, step.offset, step.anyDay, opens))
      case .issue: issue.append((index, step.offset, step.anyDay, opens))
      case .promise: break
      }
    }
    hasWindows = (due + issue).contains { $0.opens != .everyDay }
    shiftingKeepsOrder = !hasWindows && (due + issue).allSatisfy { !$0.anyDay && $0.offset.unit == .days }
    self.due = due.sorted { ($0.offset.days, $0.index) < ($1.offset.days, $1.index) }
    self.issue = issue.sorted { ($0.offset.days, $0.index) < ($1.offset.days, $1.index) }
  }
}

extension DateReference {
  /// The date this names for the invoice a schedule was made for; `nil` when an offset lands
  /// outside 0001-01-01…9999-12-31.
  public func resolve(in schedule: Schedule) -> CivilDate? {
    switch self {
    case .date(let date): return date
    case .offset(let offset): return schedule.date(of: offset)
    }
  }
}

/// A cadence's send windows, made once per evaluator and shared by reference by every schedule
/// it makes, so that a schedule stays small to copy.
final class SharedWindows: Sendable, Hashable {
  let windows: SendWindows

  init(_ windows: SendWindows) { self.windows = windows }

  static func == (lhs: SharedWindows, rhs: SharedWindows) -> Bool { lhs.windows == rhs.windows }

  func hash(into hasher: inout Hasher) { hasher.combine(windows) }
}

extension SendWindows {
  /// The weekdays the windows let `step` go out: those of its channel's windows (its own, else
  /// `any`), every day for a step no window restricts or that contacts nobody.
  func openDays(of step: Step) -> WeekdaySet {
    step.channel.flatMap { windows(for: Channel(checkedName: $0))?.days } ?? .everyDay
  }
}
