/// What a rule file declares, gathered in one pass over every declaration before any cadence is
/// checked, so that a declaration may name another wherever it is in the file.
///
/// Today that is the cadences' names and the calendars' (a name declared twice is an error here,
/// once; a calendar named like a built-in one too); the declarations stage 2 adds — rate tables,
/// policies, includes — join it, so that the checker resolves the names a cadence uses against
/// the whole file, not against what came before. ``CalendarScope`` then resolves the calendars of
/// every file of a rules directory together.
struct FileScope {
  /// Each cadence name's first declaration.
  private(set) var cadences: [String: SourceRange] = [:]
  /// For each of the file's cadence declarations, in order, whether it is the one its name
  /// refers to (the first), and so is compiled.
  private(set) var isCompiled: [Bool] = []
  /// The calendar declarations that name a calendar: the first of each name, in file order,
  /// broken headers and built-in names left out.
  private(set) var calendars: [CalendarSyntax] = []
  /// The problems the pass found: names declared twice, calendars named like built-in ones.
  private(set) var diagnostics: [Diagnostic] = []

  /// Gathers the declarations of `file`.
  init(_ file: RuleFileSyntax) {
    var calendarNames: [String: SourceRange] = [:]
    for calendar in file.calendars where calendar.brokenHeader == nil {
      if BusinessCalendar.builtIn[calendar.name] != nil {
        diagnostics.append(
          .error(
            .builtInCalendarName, "`\(calendar.name)` is a built-in calendar", at: calendar.nameRange,
            help: "give the calendar a name of its own, such as `\(calendar.name)-SP`, and name it in the cadences"))
      } else if let first = calendarNames[calendar.name] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateCalendar, message: "a calendar named `\(calendar.name)` is already declared",
            range: calendar.nameRange, help: "rename one of them, or merge their days into one",
            notes: ["the first is on line \(first.start.line)"]))
      } else {
        calendarNames[calendar.name] = calendar.nameRange
        calendars.append(calendar)
      }
    }
    for declaration in file.cadences {
      // A broken header names nothing; its body is still checked.
      guard declaration.brokenHeader == nil else {
        isCompiled.append(true)
        continue
      }
      if let first = cadences[declaration.name] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateCadence, message: "a cadence named `\(declaration.name)` is already declared",
            range: declaration.nameRange, help: "rename one of them",
            notes: ["the first is on line \(first.start.line)"]))
        isCompiled.append(false)
        continue
      }
      cadences[declaration.name] = declaration.nameRange
      isCompiled.append(true)
    }
  }
}
