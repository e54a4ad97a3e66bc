/// The calendars a rules directory declares, resolved together: each file's `calendar`
/// declarations (gathered by ``FileScope``) checked and built into ``BusinessCalendar`` values, so
/// that a cadence in one file may name a calendar another file declares, and a calendar may
/// extend one declared anywhere in the directory.
///
/// What it reports, each in the file of the declaration at fault: a name declared in two files
/// (`duplicate-calendar`, on the later one), an `extends` naming no calendar (`unknown-calendar`,
/// with a suggestion), calendars extending each other in a cycle (`calendar-cycle`, on each), and
/// a day written twice in one declaration (`repeated-calendar-day`).
struct CalendarScope {
  /// Every declared name, whether its declaration compiled or not: a cadence naming one has no
  /// `unknown-calendar` error (the declaration's own errors say what is wrong).
  private(set) var declaredNames: Set<String> = []
  /// The calendars that compiled, by name, for each file in the order given.
  private(set) var calendarsByFile: [[String: BusinessCalendar]]
  /// The problems found, for each file in the order given.
  private(set) var diagnosticsByFile: [[Diagnostic]]

  /// One declaration, where it is.
  private struct Entry {
    var file: Int
    var syntax: CalendarSyntax
  }

  /// Resolves the calendars of several files.
  ///
  /// - Parameter files: For each file, its path (for notes) and the declarations its
  ///   ``FileScope`` kept.
  init(_ files: [(path: String, calendars: [CalendarSyntax])]) {
    calendarsByFile = Array(repeating: [:], count: files.count)
    diagnosticsByFile = Array(repeating: [], count: files.count)
    var entries: [String: Entry] = [:]
    var order: [String] = []
    for (file, (_, calendars)) in files.enumerated() {
      for syntax in calendars {
        if let first = entries[syntax.name] {
          diagnosticsByFile[file].append(
            Diagnostic(
              .error, code: .duplicateCalendar, message: "a calendar named `\(syntax.name)` is already declared",
              range: syntax.nameRange, help: "declare each calendar once in the rules directory",
              notes: [
                "the first is in \(SafeText.escaped(files[first.file].path)), line \(first.syntax.nameRange.start.line)"
              ]
            ))
          continue
        }
        entries[syntax.name] = Entry(file: file, syntax: syntax)
        order.append(syntax.name)
      }
    }
    declaredNames = Set(order)
    // Each declaration's own days, checked before any is built.
    var days: [String: Days] = [:]
    for name in order {
      guard let entry = entries[name] else { continue }
      days[name] = Days(entry.syntax) { diagnosticsByFile[entry.file].append($0) }
    }
    // Resolve `extends` chain by chain, without recursion (a chain may be as long as the
    // directory has calendars). `built[name]` is `nil` for a calendar that cannot be made.
    var built: [String: BusinessCalendar?] = [:]
    var budget = Bounds.suggestionWork
    let names = BusinessCalendar.builtInNames + order.sorted()
    for name in order where built[name] == nil {
      // The calendars not made yet, from `name` down to the first one whose base is known.
      var chain: [String] = []
      var positions: [String: Int] = [:]
      // What the chain's last calendar extends; `nil` when that cannot be made.
      var root: BusinessCalendar?
      var current = name
      while true {
        if let done = built[current] {
          root = done
          break
        }
        if let start = positions[current] {
          // A cycle: every calendar on it is reported, each in its own file, and none is made;
          // those that extend it are left unmade quietly.
          let cycle = Array(chain[start...])
          let path = (cycle + [current]).map { "`\($0)`" }.joined(separator: " extends ")
          for member in cycle {
            guard let entry = entries[member] else { continue }
            diagnosticsByFile[entry.file].append(
              .error(
                .calendarCycle, "the calendars extend each other in a cycle: \(path)", at: entry.syntax.baseRange,
                help: "make one of them extend `BR`, `US` or `none`"))
            built[member] = .some(nil)
          }
          chain.removeSubrange(start...)
          root = nil
          break
        }
        guard let entry = entries[current] else { break }
        positions[current] = chain.count
        chain.append(current)
        let base = entry.syntax.base
        if let builtIn = BusinessCalendar.builtIn[base] {
          root = builtIn
          break
        }
        guard entries[base] != nil else {
          diagnosticsByFile[entry.file].append(
            .error(
              .unknownCalendar, "`\(base)` is no calendar to extend", at: entry.syntax.baseRange,
              help: CalendarScope.suggestion(for: base, among: names, budget: &budget).map { "did you mean `\($0)`?" }
                ?? "a calendar extends `BR`, `US`, `none` or a calendar declared in the rules directory ("
                + names.map { "`\($0)`" }.joined(separator: ", ") + ")"))
          root = nil
          break
        }
        current = base
      }
      // Made from the base up: each calendar is its base with its own days added.
      for member in chain.reversed() {
        guard let base = root, let own = days[member], own.isValid else {
          built[member] = .some(nil)
          root = nil
          continue
        }
        let calendar = base.adding(annualHolidays: own.annual).adding(holidays: own.holidays, workdays: own.workdays)
        built[member] = calendar
        root = calendar
      }
    }
    for name in order {
      guard let entry = entries[name], let made = built[name], let calendar = made else { continue }
      calendarsByFile[entry.file][name] = calendar
    }
  }

  /// The calendar `name` most likely meant: a habit (`BRASIL` → `BR`), the same name in other
  /// letter case, or a close one.
  static func suggestion(for name: String, among names: [String], budget: inout Int) -> String? {
    Habits.calendar(for: name).flatMap { names.contains($0) ? $0 : nil }
      ?? names.first { $0.lowercased() == name.lowercased() }
      ?? Suggestions.closest(to: name, among: names, budget: &budget)
  }

  /// The days one declaration adds, each written once.
  private struct Days {
    var annual: [AnnualHoliday] = []
    var holidays: [CivilDate: String] = [:]
    var workdays: Set<CivilDate> = []
    /// Whether every line of the declaration parsed and no day is written twice.
    var isValid = true

    init(_ syntax: CalendarSyntax, report: (Diagnostic) -> Void) {
      var annualLines: [Int: SourceRange] = [:]
      var datedLines: [CivilDate: SourceRange] = [:]
      func repeated(_ range: SourceRange, _ message: String, first: SourceRange, help: String) {
        isValid = false
        report(
          Diagnostic(
            .error, code: .repeatedCalendarDay, message: message, range: range, help: help,
            notes: ["the first is on line \(first.start.line)"]))
      }
      for item in syntax.items {
        switch item.kind {
        case .error:
          isValid = false
        case .holiday(let holiday):
          switch holiday.day {
          case .annual(let month, let day):
            let key = month * 32 + day
            if let first = annualLines[key] {
              repeated(
                holiday.dayRange, "\(Parser.text(of: holiday.day)) is already a holiday of the calendar",
                first: first, help: "keep one line for the day")
              continue
            }
            guard let annual = AnnualHoliday(month: month, day: day, name: holiday.name) else {
              isValid = false
              continue
            }
            annualLines[key] = holiday.dayRange
            self.annual.append(annual)
          case .dated(let date):
            if let first = datedLines[date] {
              repeated(
                holiday.dayRange, "\(date) is already a `holiday` or a `workday` of the calendar", first: first,
                help: "keep one line for the day")
              continue
            }
            datedLines[date] = holiday.dayRange
            holidays[date] = holiday.name
          }
        case .workday(let date, let dateRange, _):
          if let first = datedLines[date] {
            repeated(
              dateRange, "\(date) is already a `holiday` or a `workday` of the calendar", first: first,
              help: "keep one line for the day")
            continue
          }
          datedLines[date] = dateRange
          workdays.insert(date)
        }
      }
      // A dated holiday on a day a recurring one closes says nothing more.
      for (date, range) in datedLines where holidays[date] != nil {
        guard let first = annualLines[date.month * 32 + date.day] else { continue }
        repeated(
          range,
          "\(date) is already closed by the calendar's holiday on \(Parser.text(of: .annual(month: date.month, day: date.day)))",
          first: first, help: "remove this line: the recurring holiday closes the day every year")
      }
    }
  }
}
