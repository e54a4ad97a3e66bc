/// Two unconditional contacts on one channel, at different offsets, that the calendar puts on
/// one day for some invoices: `D+5 email` and `D+6 email` with `calendar BR` both move to Monday
/// whenever D+5 is a Saturday, and only one of them goes out (the newer supersedes the older).
///
/// Whether two steps can meet depends on the weekday of the due (or issue) date and on the
/// holidays near it, so the rule tries every due date of a representative span (``years``, and
/// the years of the cadence's own `holiday` and `workday` lines) and names the first one on
/// which they meet. It costs the span's days times the steps: a bit test per date, or a binary
/// search for a business-day offset. Two steps at the same offset are `same-day-contact`'s.
/// A host calendar the file does not define is not known here, so its cadences are not looked
/// at.
enum ShiftedSameDayRule: LintRule {
  static let code = DiagnosticCode.shiftedSameDay
  /// The years whose every day is tried as a due date: two, so every weekday falls on every
  /// date the holidays move through, and each movable holiday is seen twice.
  static let years = 2026...2027
  /// The most years tried, with those of `holiday` and `workday` lines.
  static let maximumYears = 8

  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      let cadence = entry.cadence
      // The cadence's calendar: built in, or declared in the rules directory (a host's is not
      // known here). Windows move contacts under any calendar, `none` included.
      let base = cadence.calendar.map { BusinessCalendar.builtIn[$0] ?? file.calendars[$0] } ?? BusinessCalendar.none
      guard let base, !base.movesNothing || !cadence.windows.isEmpty else { continue }
      let extended = base.adding(holidays: cadence.holidays, workdays: cadence.workdays)
      let calendar: BusinessCalendar? = extended.movesNothing ? nil : extended
      // The cadence compiled, so its steps are the step lines, in order.
      let candidates = zip(entry.steps, cadence.steps).filter { step, compiled in
        step.when == nil && step.unless == nil && compiled.channel != nil && compiled.offset.anchor != .promise
      }
      // Only a channel and anchor with steps at two offsets can meet.
      var offsets: [String: Set<Offset>] = [:]
      for (_, step) in candidates { offsets[key(step), default: []].insert(step.offset) }
      let steps = candidates.filter { offsets[key($0.1)]?.count ?? 0 > 1 }
      guard steps.count > 1 else { continue }
      // A step also waits for a day its channel's window opens.
      let windows = SendWindows(cadence.windows)
      let opens = steps.map { windows.openDays(of: $0.1) }
      var groups: [String: Int] = [:]
      let keys = steps.map { step in
        let key = key(step.1)
        if let group = groups[key] { return group }
        groups[key] = groups.count
        return groups.count - 1
      }
      var reported = Array(repeating: false, count: steps.count)
      // The first step of each channel and anchor is never the later of two.
      var left = steps.count - groups.count
      for day in days(of: cadence) where left > 0 {
        let date = CivilDate(daysSinceEpoch: day)
        guard let effectiveDue = calendar.map({ $0.businessDay(onOrAfter: date) }) ?? date else { continue }
        // The first step (in declaration order) on each channel, anchor and date.
        var first: [Slot: Int] = [:]
        for (index, (syntax, step)) in steps.enumerated() {
          guard
            let landing = Schedule.date(
              of: step.offset, shifted: !step.anyDay, opens: opens[index], issued: date, due: date,
              effectiveDue: effectiveDue, calendar)
          else { continue }
          let slot = Slot(group: keys[index], day: landing.daysSinceEpoch)
          guard let earlier = first[slot] else {
            first[slot] = index
            continue
          }
          guard !reported[index], steps[earlier].1.offset != step.offset else { continue }
          reported[index] = true
          left -= 1
          let (earlierSyntax, earlierStep) = steps[earlier]
          let invoice = step.offset.anchor == .issue ? "issued" : "due"
          warnings.append(
            warning(
              "for an invoice \(invoice) \(date), `\(describe(earlierStep))` and `\(describe(step))` both land on "
                + "\(String(describing: landing.weekday).capitalized) \(landing): only one of them goes out",
              at: syntax.offset.range.extended(to: syntax.actionRange),
              help: opens[index] == .everyDay
                ? "space the two steps further apart, or write `any day` on the earlier one to keep it on its own day"
                : "space the two steps further apart, or open the `\(step.channel ?? "")` window on more days",
              notes: ["the other is on line \(earlierSyntax.range.start.line)"]))
        }
      }
    }
    return warnings
  }

  /// A channel and anchor (numbered) on a date.
  private struct Slot: Hashable {
    var group: Int
    var day: Int
  }

  /// The channel and anchor a step meets others on.
  private static func key(_ step: Step) -> String {
    "\(step.offset.anchor.rawValue) \(step.channel ?? "")"
  }

  /// `D+5 email`: the offset and the channel.
  private static func describe(_ step: Step) -> String {
    "\(step.offset) \(step.channel ?? "")"
  }

  /// The days tried as due (and issue) dates, in order: every day of ``years`` and of the years
  /// of the cadence's `holiday` and `workday` lines, at most ``maximumYears`` years.
  static func days(of cadence: Cadence) -> [Int] {
    let named = Set(cadence.holidays.keys.map(\.year)).union(cadence.workdays.map(\.year))
    let chosen = Array(years) + named.subtracting(years).sorted().prefix(maximumYears - years.count)
    return chosen.sorted().flatMap { year -> [Int] in
      guard let start = CivilDate(year: year, month: 1, day: 1), let end = CivilDate(year: year + 1, month: 1, day: 1)
      else { return [] }
      return Array(start.daysSinceEpoch..<end.daysSinceEpoch)
    }
  }
}
