/// What a rule file declares, gathered in one pass over every declaration before any cadence is
/// checked, so that a declaration may name another wherever it is in the file.
///
/// Today that is the cadences' names, the calendars' and the rate tables' (a name declared twice
/// is an error here, once; a calendar named like a built-in one too); the declarations stage 2
/// adds — policies, includes — join it, so that the checker resolves the names a cadence uses
/// against the whole file, not against what came before. ``CalendarScope`` and ``RateScope`` then
/// resolve the calendars and the rate tables of every file of a rules directory together.
struct FileScope {
  /// Each cadence name's first declaration.
  private(set) var cadences: [String: SourceRange] = [:]
  /// For each of the file's cadence declarations, in order, whether it is the one its name
  /// refers to (the first), and so is compiled.
  private(set) var isCompiled: [Bool] = []
  /// The calendar declarations that name a calendar: the first of each name, in file order,
  /// broken headers and built-in names left out.
  private(set) var calendars: [CalendarSyntax] = []
  /// The rate table declarations that name a table: the first of each name, in file order,
  /// broken headers left out.
  private(set) var rateTables: [RateTableSyntax] = []
  /// The names of the rate tables the file's cadences may charge interest from
  /// (`interest "NAME"`): those declared in any file of its rules directory, whether their
  /// declarations compiled or not, and the host's. ``RuleCompiler`` sets them once the
  /// directory's tables are resolved (``RateScope``), before the file's cadences are checked.
  var rateTableNames: Set<String> = []
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
    var rateTableNames: [String: SourceRange] = [:]
    for table in file.rateTables {
      // A broken header names nothing; its lines are still checked.
      if table.brokenHeader != nil {
        _ = RateScope.entries(of: table) { diagnostics.append($0) }
      } else if let first = rateTableNames[table.name] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateRateTable, message: "a rate table named `\(table.name)` is already declared",
            range: table.nameRange, help: "rename one of them, or merge their lines into one",
            notes: ["the first is on line \(first.start.line)"]))
        _ = RateScope.entries(of: table) { diagnostics.append($0) }
      } else {
        rateTableNames[table.name] = table.nameRange
        rateTables.append(table)
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
