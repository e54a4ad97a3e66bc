/// The rate tables a rules directory declares, resolved together: each file's `rates`
/// declarations (gathered by ``FileScope``) checked and built into ``RateTable`` values, so that
/// a cadence in one file may charge interest from a table another file declares.
///
/// What it reports, each in the file of the declaration at fault: a name declared in two files
/// (`duplicate-rate-table`, on the later one), a table without lines (`empty-rate-table`), a rate
/// that is not a percentage (`bad-table-rate`) or that no rate can be (`bad-rate`, as in a charge
/// step), and a period written twice or overlapping another (`repeated-rate-period`).
struct RateScope {
  /// Every declared name, whether its declaration compiled or not: a cadence naming one is not
  /// told the table is unknown (the declaration's own errors say what is wrong).
  private(set) var declaredNames: Set<String> = []
  /// The tables that compiled, by name, for each file in the order given.
  private(set) var tablesByFile: [[String: RateTable]]
  /// The problems found, for each file in the order given.
  private(set) var diagnosticsByFile: [[Diagnostic]]

  /// Resolves the rate tables of several files.
  ///
  /// - Parameter files: For each file, its path (for notes) and the declarations its
  ///   ``FileScope`` kept.
  init(_ files: [(path: String, rateTables: [RateTableSyntax])]) {
    tablesByFile = Array(repeating: [:], count: files.count)
    diagnosticsByFile = Array(repeating: [], count: files.count)
    var first: [String: (file: Int, line: Int)] = [:]
    for (file, (_, tables)) in files.enumerated() {
      for syntax in tables {
        if let earlier = first[syntax.name] {
          diagnosticsByFile[file].append(
            Diagnostic(
              .error, code: .duplicateRateTable, message: "a rate table named `\(syntax.name)` is already declared",
              range: syntax.nameRange, help: "declare each rate table once in the rules directory",
              notes: ["the first is in \(SafeText.escaped(files[earlier.file].path)), line \(earlier.line)"]))
          _ = RateScope.entries(of: syntax) { diagnosticsByFile[file].append($0) }
          continue
        }
        first[syntax.name] = (file, syntax.nameRange.start.line)
        declaredNames.insert(syntax.name)
        if let table = RateScope.table(syntax, report: { diagnosticsByFile[file].append($0) }) {
          tablesByFile[file][syntax.name] = table
        }
      }
    }
  }

  /// The table one declaration makes, or `nil` when it has errors (reported with `report`).
  static func table(_ syntax: RateTableSyntax, report: (Diagnostic) -> Void) -> RateTable? {
    let period: RatePeriod = syntax.period == .month ? .month : .year
    guard !syntax.items.isEmpty else {
      let example = syntax.period == .month ? "2026-01  0.5%" : "2026  2.15%"
      report(
        .error(
          .emptyRateTable, "the rate table `\(syntax.name)` has no lines", at: syntax.nameRange,
          help: "add a line for each period, indented under the header: `\(example)`"))
      return nil
    }
    guard let entries = entries(of: syntax, report: report) else { return nil }
    return try? RateTable(name: syntax.name, per: period, entries: entries)
  }

  /// The entries of a declaration's lines, or `nil` when one has an error (reported with
  /// `report`): a rate that is not one, a period written twice or overlapping another. The lines
  /// of a declaration whose header is broken are checked too, so that their errors are reported.
  static func entries(of syntax: RateTableSyntax, report: (Diagnostic) -> Void) -> [RateTable.Entry]? {
    // Past the bound, the parser reported the table once and kept its first lines: they are not
    // checked one by one, so that a table of a million lines has one error, not a million.
    guard syntax.items.count <= Bounds.rateLinesPerTable else { return nil }
    var isValid = true
    var entries: [RateTable.Entry] = []
    // The line of the entry that covers each month so far, to report overlaps.
    var covered: [Int: (key: RateLineSyntax.Key, line: Int)] = [:]
    for item in syntax.items {
      guard case .rate(let line) = item.kind else {
        isValid = false
        continue
      }
      let months = line.key.firstMonth..<(line.key.firstMonth + line.key.months)
      if let overlap = months.lazy.compactMap({ covered[$0] }).first {
        isValid = false
        let message =
          overlap.key == line.key
          ? "`\(line.key.text)` is already in the table"
          : "`\(line.key.text)` overlaps `\(overlap.key.text)`"
        let help =
          overlap.key == line.key
          ? "keep one line for the period"
          : "write each month once: a year covers its half-years and months, a half-year its months"
        report(
          Diagnostic(
            .error, code: .repeatedRatePeriod, message: message, range: line.keyRange, help: help,
            notes: ["the first is on line \(overlap.line)"]))
        continue
      }
      for month in months { covered[month] = (line.key, line.range.start.line) }
      do throws(RateError) {
        let rate = try Rate(parsing: line.rate)
        let (year, month) = (line.key.firstMonth / 12, line.key.firstMonth % 12 + 1)
        guard let start = CivilDate(year: year, month: month, day: 1) else {
          isValid = false
          continue
        }
        entries.append(RateTable.Entry(month: start, months: line.key.months, rate: rate))
      } catch {
        isValid = false
        let (code, message, help) = RateScope.describe(error, key: line.key)
        report(.error(code, message, at: line.rateRange, help: help))
      }
    }
    return isValid ? entries : nil
  }

  /// The code, the message and the help for a rate a table's line does not read as one: a text
  /// that is not a percentage is `bad-table-rate`; a percentage no rate can be (negative, absurd,
  /// too precise) is `bad-rate`, as in a charge step.
  static func describe(_ error: RateError, key: RateLineSyntax.Key) -> (DiagnosticCode, String, String) {
    let line = { (rate: String) in "write `\(key.text)  \(rate)`" }
    switch error {
    case .notAPercentage(let text):
      return (
        .badTableRate, "`\(SafeText.excerpt(text))` is not a rate",
        "write a percentage: digits, optionally a point and at most \(Rate.maximumDecimals) decimals, then `%`, "
          + "e.g. `0.5%`"
      )
    case .missingPercentSign(let text):
      return (.badTableRate, "`\(SafeText.excerpt(text))` has no `%` sign", line(SafeText.excerpt(text) + "%"))
    case .commaDecimalSeparator(let text):
      let fixed = String(text.map { $0 == "," ? "." : $0 })
      return (
        .badTableRate, "`\(SafeText.excerpt(text))` has a decimal comma",
        line(SafeText.excerpt(fixed.hasSuffix("%") ? fixed : fixed + "%"))
      )
    case .negative(let text):
      return (.badRate, "`\(SafeText.excerpt(text))` is negative", "a rate is `0%` or more")
    case .tooManyDecimals(let text):
      return (
        .badRate, "`\(SafeText.excerpt(text))` has more than \(Rate.maximumDecimals) decimals",
        "write the rate as published, with at most \(Rate.maximumDecimals) decimals, e.g. `0.594127%`"
      )
    case .tooLarge(let text):
      return (
        .badRate, "`\(SafeText.excerpt(text))` is more than `\(Rate.maximum)`",
        "a rate is at most `\(Rate.maximum)`: is the point in its place?"
      )
    }
  }
}
